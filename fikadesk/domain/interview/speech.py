"""Spoken takes measured: pace, long pauses, fillers and the written sentences left out or changed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fikadesk.domain.interview.answers import split_sentences

LONG_PAUSE = 1.5
"""Seconds of silence inside a take that count as a long pause."""

FILLERS: tuple[str, ...] = ("um", "uh", "er", "like", "you know", "sort of", "basically")
"""Filler words and phrases counted in a take (spelt as the recognizer writes them)."""

PACE_TOLERANCE = 15
"""Words a minute either side of the preferred pace that still count as on pace."""

SAID, CHANGED, MISSED = "said", "changed", "missed"
SAID_SHARE, CHANGED_SHARE = 0.7, 0.35
"""A sentence with this share of its words heard in order was said; below CHANGED_SHARE, missed."""

# "like" is a verb or a comparison after these words ("I'd like to", "looks like"), not a filler.
_LIKE_NOT_FILLER = frozenset(
    "i you we they would i'd we'd you'd they'd he'd she'd 'd don't didn't not also really "
    "look looks looked looking sound sounds seemed seems feel felt just more much things "
    "something anything nothing exactly".split())
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number_words(token: str) -> list[str]:
    if not token.isdigit():
        return [token]
    value = int(token)
    if value < 20:
        return [_UNITS[value]]
    if value < 100:
        return [_TENS[value // 10 - 2]] + ([_UNITS[value % 10]] if value % 10 else [])
    return [_UNITS[int(digit)] for digit in token]


def spoken_words(text: str) -> list[str]:
    """The words of ``text`` as a recognizer writes them: lower case, no punctuation, numbers spelt."""
    words: list[str] = []
    for token in _TOKEN.findall(text.lower().replace("\u2019", "'")):
        words.extend(_number_words(token))
    return words


@dataclass(frozen=True)
class SpokenWord:
    """One recognized word and when it was said (seconds from the start of the take)."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Pause:
    """A long silence inside a take: when it began, how long it lasted, the word said before it."""

    start: float
    seconds: float
    after: str = ""
    sentence: int | None = None  # 1-based sentence of the written answer it fell in, when known


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence of the written answer and whether the take said it (said, changed, missed)."""

    text: str
    share: float
    status: str


@dataclass(frozen=True)
class SpeechMetrics:
    """Everything measured on one spoken take."""

    transcript: str
    duration: float
    speaking_seconds: float
    words_per_minute: float | None
    pauses: tuple[Pause, ...] = ()
    fillers: Mapping[str, int] = field(default_factory=dict)
    filler_spans: tuple[tuple[int, int], ...] = ()  # [start, end) word indices in the transcript
    sentences: tuple[SentenceCheck, ...] = ()
    parts_missing: tuple[str, ...] = ()
    recognizer: str = "answer"  # answer (biased to the text), generic, or none (silence check only)

    @property
    def filler_count(self) -> int:
        """How many fillers were said."""
        return sum(self.fillers.values())

    @property
    def fillers_per_minute(self) -> float:
        """Fillers per minute of speaking."""
        return self.filler_count * 60 / self.speaking_seconds if self.speaking_seconds > 0 else 0.0

    @property
    def missed(self) -> tuple[str, ...]:
        """Sentences of the written answer the take left out."""
        return tuple(s.text for s in self.sentences if s.status == MISSED)

    @property
    def changed(self) -> tuple[str, ...]:
        """Sentences of the written answer the take said quite differently."""
        return tuple(s.text for s in self.sentences if s.status == CHANGED)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (the CLI's --json keys first, then the rest)."""
        return {
            "transcript": self.transcript,
            "words_per_minute": None if self.words_per_minute is None else round(self.words_per_minute, 1),
            "speaking_seconds": round(self.speaking_seconds, 2),
            "pauses": [{"start": round(p.start, 2), "seconds": round(p.seconds, 2), "after": p.after,
                        "sentence": p.sentence} for p in self.pauses],
            "fillers": dict(self.fillers),
            "missed": list(self.missed),
            "changed": list(self.changed),
            "fillers_per_minute": round(self.fillers_per_minute, 2),
            "duration": round(self.duration, 2),
            "filler_spans": [list(span) for span in self.filler_spans],
            "sentences": [{"text": s.text, "share": round(s.share, 3), "status": s.status}
                          for s in self.sentences],
            "parts_missing": list(self.parts_missing),
            "recognizer": self.recognizer,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpeechMetrics:
        """Read back what :meth:`to_dict` wrote (raises KeyError/TypeError/ValueError when damaged)."""
        wpm = data["words_per_minute"]
        return cls(
            transcript=str(data["transcript"]), duration=float(data["duration"]),
            speaking_seconds=float(data["speaking_seconds"]),
            words_per_minute=None if wpm is None else float(wpm),
            pauses=tuple(Pause(float(p["start"]), float(p["seconds"]), str(p.get("after", "")),
                               p.get("sentence")) for p in data["pauses"]),
            fillers={str(k): int(v) for k, v in data["fillers"].items()},
            filler_spans=tuple((int(a), int(b)) for a, b in data.get("filler_spans", ())),
            sentences=tuple(SentenceCheck(str(s["text"]), float(s["share"]), str(s["status"]))
                            for s in data.get("sentences", ())),
            parts_missing=tuple(str(p) for p in data.get("parts_missing", ())),
            recognizer=str(data.get("recognizer", "answer")),
        )


def voice_threshold(levels: Sequence[float]) -> float:
    """The level (dBFS) that separates voice from background in a take's frame levels.

    Between the quiet floor (10th percentile) and the loud voice (90th percentile): at least
    8 dB over the floor, and never more than 30 dB under the voice.
    """
    if not levels:
        return -45.0
    ordered = sorted(max(level, -90.0) for level in levels)
    floor = ordered[len(ordered) // 10]
    loud = ordered[min(len(ordered) - 1, len(ordered) * 9 // 10)]
    return max(floor + 8.0, loud - 30.0)


def voiced_span(levels: Sequence[float],
                frame_seconds: float) -> tuple[float, float, list[tuple[float, float]]]:
    """First and last voiced moment of a take and its silences at least LONG_PAUSE long between them."""
    threshold = voice_threshold(levels)
    voiced = [level >= threshold for level in levels]
    if not any(voiced):
        return 0.0, 0.0, []
    first = voiced.index(True)
    last = len(voiced) - 1 - voiced[::-1].index(True)
    silences: list[tuple[float, float]] = []
    run_start: int | None = None
    for index in range(first, last + 2):
        quiet = index <= last and not voiced[index]
        if quiet and run_start is None:
            run_start = index
        elif not quiet and run_start is not None:
            seconds = (index - run_start) * frame_seconds
            if seconds >= LONG_PAUSE:
                silences.append((run_start * frame_seconds, seconds))
            run_start = None
    return first * frame_seconds, (last + 1) * frame_seconds, silences


def find_fillers(words: Sequence[str], written: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """Fillers in a transcript's words as (start, end, filler); words in ``written`` are the answer's own.

    "like" counts only where it is no verb or comparison ("I'd like to", "looks like" are not
    fillers); a word matched to the written answer is never a filler.
    """
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index:index + 2])
        if pair in FILLERS and not {index, index + 1} & written:
            found.append((index, index + 2, pair))
            index += 2
            continue
        word = words[index]
        if word in FILLERS and index not in written:
            before = words[index - 1] if index else ""
            after = words[index + 1] if index + 1 < len(words) else ""
            if word != "like" or (before not in _LIKE_NOT_FILLER and after != "to"):
                found.append((index, index + 1, word))
        index += 1
    return found


def align(written_words: Sequence[str], said: Sequence[str]) -> dict[int, int]:
    """Pairs of (written word index -> transcript word index) said in the same order."""
    matcher = difflib.SequenceMatcher(None, list(written_words), list(said), autojunk=False)
    pairs: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for offset in range(size):
            pairs[a + offset] = b + offset
    return pairs


def check_sentences(written: str, said: Sequence[str]) -> tuple[tuple[SentenceCheck, ...], dict[int, int]]:
    """Each written sentence with the share of its words heard in order, and the word alignment.

    The alignment maps transcript word index -> 1-based sentence of the written answer.
    """
    sentences = [s for s in split_sentences(written) if spoken_words(s)]
    words: list[str] = []
    owner: list[int] = []
    for number, sentence in enumerate(sentences, start=1):
        found = spoken_words(sentence)
        words.extend(found)
        owner.extend([number] * len(found))
    pairs = align(words, said)
    checks = []
    for number, sentence in enumerate(sentences, start=1):
        mine = [i for i, who in enumerate(owner) if who == number]
        share = sum(1 for i in mine if i in pairs) / len(mine)
        status = SAID if share >= SAID_SHARE else CHANGED if share >= CHANGED_SHARE else MISSED
        checks.append(SentenceCheck(sentence, share, status))
    return tuple(checks), {said_at: owner[at] for at, said_at in pairs.items()}


def parts_missing(transcript: str) -> tuple[str, ...]:
    """The Now / Next / Future parts an aspiration take did not have, by the coach's own rules."""
    from fikadesk.domain.interview.coach import coach

    if not transcript.strip():
        return ("now", "next", "future")
    codes = {f.code for f in coach(transcript, kind="aspiration")}
    return tuple(part for part in ("now", "next", "future") if f"missing_{part}" in codes)


def measure(words: Sequence[SpokenWord], levels: Sequence[float], frame_seconds: float, written: str = "",
            kind: str = "story", recognizer: str = "answer") -> SpeechMetrics:
    """Measure a take from its recognized words and its frame levels (dBFS, one per frame).

    Pace is the answer's words (fillers left out) over the speaking time, which runs from the
    first to the last voiced moment less the long pauses; with no recognizer (``none``) there is
    no transcript and no pace, but pauses and speaking time still come from the levels.
    """
    start, end, silences = voiced_span(levels, frame_seconds)
    speaking = max(0.0, end - start - sum(seconds for _, seconds in silences))
    said = [w.text for w in words]
    heard = recognizer != "none"  # without a recognizer nothing can be said to be left out
    checks, owner = check_sentences(written, said) if written.strip() and heard else ((), {})
    written_at = frozenset(owner)
    fillers = find_fillers(said, written_at)
    counts: dict[str, int] = {}
    for _, _, filler in fillers:
        counts[filler] = counts.get(filler, 0) + 1
    filler_words = sum(b - a for a, b, _ in fillers)
    pauses = []
    for at, seconds in silences:
        before = [i for i, w in enumerate(words) if w.end <= at + 0.3]
        last = before[-1] if before else None
        sentence = owner.get(last) if last is not None else None
        if sentence is None and last is not None:
            sentence = next((owner[i] for i in range(last, -1, -1) if i in owner), None)
        pauses.append(Pause(at, seconds, said[last] if last is not None else "", sentence))
    wpm = None
    if recognizer != "none" and speaking > 0:
        wpm = (len(said) - filler_words) * 60 / speaking
    transcript = " ".join(said)
    return SpeechMetrics(
        transcript=transcript, duration=len(levels) * frame_seconds, speaking_seconds=speaking,
        words_per_minute=wpm, pauses=tuple(pauses), fillers=counts,
        filler_spans=tuple((a, b) for a, b, _ in fillers), sentences=checks,
        parts_missing=parts_missing(transcript) if kind == "aspiration" and recognizer != "none" else (),
        recognizer=recognizer)


def pace_verdict(wpm: float | None, preferred: int) -> str:
    """How a take's pace stands against the preferred pace: slow, on_pace, fast (or unknown)."""
    if wpm is None:
        return "unknown"
    if wpm < preferred - PACE_TOLERANCE:
        return "slow"
    if wpm > preferred + PACE_TOLERANCE:
        return "fast"
    return "on_pace"


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word error rate of ``hypothesis`` against ``reference`` (edits ÷ reference words)."""
    ref, hyp = spoken_words(reference), spoken_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, start=1):
        row = [i]
        for j, other in enumerate(hyp, start=1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = row
    return previous[-1] / len(ref)
