"""Interview answers: STAR pre-fill, aspiration builder, speaking time and situation hints."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from fikadesk.domain.interview.compose import compose_aspiration as compose_aspiration
from fikadesk.errors import InputError

DEFAULT_WPM = 140
DEFAULT_RANGES: Mapping[str, tuple[float, float]] = {
    "aspiration": (15.0, 90.0),
    "story": (45.0, 150.0),
}
"""Target speaking time in seconds (low, high) per answer kind."""

_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][^\s]*")
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"')\u201d]*(?=\s|$)|$)", re.DOTALL)


class InterviewDataError(InputError, ValueError):
    """A bundled or user-supplied interview data file is malformed."""


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the spoken words in text (punctuation-only tokens are skipped)."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def speaking_seconds(text: str, wpm: int = DEFAULT_WPM) -> float:
    """Seconds it takes to say text aloud at wpm words per minute, rounded to 0.1 s."""
    if wpm <= 0:
        raise ValueError("wpm must be positive")
    return round(len(word_spans(text)) * 60 / wpm, 1)


def target_range(
    kind: str, ranges: Mapping[str, tuple[float, float]] | None = None
) -> tuple[float, float]:
    """The (low, high) target seconds for kind; ranges overrides the defaults per kind."""
    merged = {**DEFAULT_RANGES, **(ranges or {})}
    if kind not in merged:
        raise ValueError(f"unknown answer kind: {kind!r}")
    return merged[kind]


def timing_verdict(
    text: str,
    kind: str,
    wpm: int = DEFAULT_WPM,
    ranges: Mapping[str, tuple[float, float]] | None = None,
) -> Literal["short", "ok", "long"]:
    """Whether the answer, spoken at wpm, is under, within or over its target range."""
    low, high = target_range(kind, ranges)
    seconds = speaking_seconds(text, wpm)
    return "short" if seconds < low else "long" if seconds > high else "ok"


# ---------------------------------------------------------------- STAR pre-fill


@dataclass(frozen=True)
class EvidenceInput:
    """What the STAR pre-fill needs from a journal entry (the journal layer adapts to this)."""

    day: date
    title: str
    body: str
    impact: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class StarDraft:
    """A behavioural story split into Situation, Task, Action and Result, ready to edit."""

    situation: str
    task: str
    action: str
    result: str


_TASK = re.compile(
    r"\b(?:my (?:job|task|goal|role|responsibility) was|I was (?:asked|tasked|responsible|"
    r"supposed)|I (?:needed|had) to|asked me|the goal was|we (?:needed|had) to|"
    r"(?:was|were) expected to|it was (?:up to me|my job))\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b(?:as a result|in the end|afterwards|after (?:the|that|this)|result(?:ed)?|"
    r"dropped|fell|rose|increased|decreased|reduced|improved|saved|cut|grew|doubled|halved|"
    r"went (?:up|down))\b|\d+\s?%",
    re.IGNORECASE,
)
_I = re.compile(r"(?<![\w'])I(?:'[a-z]+|\u2019[a-z]+)?(?![\w'])")
# A journal line often drops "I": "Ran four sessions.", "Tracked the flake down."
_PAST_OPENING = re.compile(
    r"^(?!(?:speed|need|seed|feed|breed|hundred|based|shared)\b)(?:[A-Za-z]{3,}ed|ran|wrote|built|led|made|set|met|took|chose|found|sent|gave|got|put|"
    r"drove|brought|taught|kept|spoke|began|did|held|told|sold|won|paired|shipped|fixed|"
    r"rewrote|rebuilt|undertook|overs(?:aw|ee))\b",
    re.IGNORECASE,
)
_WE_DID = re.compile(
    r"\bwe (?:\w+ed|built|wrote|ran|made|set|led|met|took|chose|found|sent|shipped|fixed)\b",
    re.IGNORECASE,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in text; a dot inside a number does not end one."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def split_sentences(text: str) -> list[str]:
    """Sentences of text, stripped, with their end punctuation kept."""
    return [text[s:e].strip() for s, e in sentence_spans(text)]


def _route(entry: EvidenceInput) -> dict[str, list[str]]:
    """The entry's body sentences sorted into s(ituation), t(ask), a(ction) and r(esult)."""
    parts: dict[str, list[str]] = {"s": [], "t": [], "a": [], "r": []}
    for sentence in split_sentences(entry.body):
        if _TASK.search(sentence):
            parts["t"].append(sentence)
        elif _RESULT.search(sentence):
            parts["r"].append(sentence)
        elif _I.search(sentence) or _WE_DID.search(sentence) or _PAST_OPENING.match(sentence):
            parts["a"].append(sentence)
        else:
            parts["s"].append(sentence)
    impact = _as_sentence(entry.impact)
    if impact and impact not in parts["r"]:
        parts["r"].append(impact)
    title = _as_sentence(entry.title)
    if not parts["s"]:
        parts["s"].append(title)
    elif not parts["t"] and _PAST_OPENING.match(entry.title.strip()):
        parts["t"].append(title)  # "Trained support on the new screens" names the piece of work
    return parts


def prefill_star(entry: EvidenceInput) -> StarDraft:
    """Pre-fill a STAR story from a journal entry, sentence by sentence.

    Rule, applied in order to each sentence of the body: a sentence naming a duty or goal
    ("my job was", "I was asked", "I had to", "we needed to") goes to Task; one reporting
    an outcome ("as a result", "dropped", "increased", a percentage) goes to Result; one
    where "I" acts, "we" + a past-tense verb, or that opens with a past-tense verb as journal
    lines do ("Ran four sessions") goes to Action; anything else is context and goes to
    Situation. The entry's impact is appended to Result unless already there. An empty
    Situation falls back to the entry title; otherwise a title opening with a past-tense verb
    ("Led the cut-over") fills an empty Task.
    """
    return prefill_stars([entry])


def prefill_stars(entries: Sequence[EvidenceInput]) -> StarDraft:
    """Pre-fill one STAR story from several journal entries, oldest first.

    Each entry is routed by prefill_star's rule; each of the four parts then holds what every
    entry gave it, in the order the entries happened, for the person to cut down and edit.
    """
    routed = [_route(e) for e in sorted(entries, key=lambda e: e.day)]
    s, t, a, r = (" ".join(x for p in routed for x in p[k]) for k in "star")
    return StarDraft(s, t, a, r)


def compose_story(star: StarDraft) -> str:
    """Join the four STAR parts into one spoken answer, skipping empty parts."""
    parts = (star.situation, star.task, star.action, star.result)
    return " ".join(s for s in (_as_sentence(p) for p in parts) if s)


def _as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


# ---------------------------------------------------------------- aspiration builder

# The composing rule lives in compose.py (compose_aspiration is re-exported above).

# ---------------------------------------------------------------- situations

@dataclass(frozen=True)
class PartGuide:
    """A hint and an example for one of Now, Next or Future."""

    hint: str
    example: str


@dataclass(frozen=True)
class Situation:
    """A typical career situation with guidance for each part of the aspiration."""

    id: str
    title: str
    description: str
    now: PartGuide
    next: PartGuide
    future: PartGuide


_EXEC = re.compile(r"\b(?:director|head|vp|vice[- ]president|chief|cto|cio|ceo|cpo|coo|executive)\b",
                   re.IGNORECASE)
_LEADER = re.compile(
    r"\b(?:lead|leader|group|(?<!product )(?<!program )(?<!programme )(?<!project )manager)\b",
    re.IGNORECASE,
)
_SENIOR = re.compile(r"\b(?:senior|sr|staff|principal|distinguished|fellow|expert|architect)\b",
                     re.IGNORECASE)
_ENTRY = re.compile(r"\b(?:intern|junior|jr|associate|graduate|trainee|apprentice|entry|i|1)\b",
                    re.IGNORECASE)


def situation_for_target(current: str, target: str, target_rank: int | None = None) -> str:
    """The situation that fits a move from level ``current`` to level ``target`` (by name).

    An executive target (director, head, VP, chief) is "senior-leader" from a leading level and
    "into-leadership" otherwise; a lead, manager or group level is "into-leadership" unless the
    person already leads ("senior-leader"); a senior, staff or principal level is
    "growing-in-field"; from or to a junior, associate or "I" level it is "entry-level".
    Otherwise the target's place on the ladder decides (``target_rank`` counted from 0): the
    first two levels are "entry-level", higher ones "growing-in-field".
    """
    leads_now = bool(_LEADER.search(current) or _EXEC.search(current))
    if _EXEC.search(target) or _LEADER.search(target):
        return "senior-leader" if leads_now else "into-leadership"
    if _SENIOR.search(target):
        return "growing-in-field"
    if _ENTRY.search(target) or _ENTRY.search(current):
        return "entry-level"
    return "entry-level" if target_rank is not None and target_rank <= 1 else "growing-in-field"


def load_situations(path: Path) -> tuple[Situation, ...]:
    """Load and validate situations (JSON: {"situations": [...]}) from path."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InterviewDataError(f"{path}: cannot read situations: {exc}") from exc
    items = data.get("situations") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise InterviewDataError(f"{path}: expected a non-empty 'situations' list")
    result: list[Situation] = []
    for n, item in enumerate(items):
        where = f"{path}: situation {n + 1}"
        if not isinstance(item, dict):
            raise InterviewDataError(f"{where}: not an object")
        fields = {k: item.get(k) for k in ("id", "title", "description")}
        for key, value in fields.items():
            if not isinstance(value, str) or not value.strip():
                raise InterviewDataError(f"{where}: '{key}' must be a non-empty string")
        guides = []
        for part in ("now", "next", "future"):
            g = item.get(part)
            if not (isinstance(g, dict) and all(
                isinstance(g.get(k), str) and g[k].strip() for k in ("hint", "example")
            )):
                raise InterviewDataError(f"{where}: '{part}' needs 'hint' and 'example'")
            guides.append(PartGuide(g["hint"], g["example"]))
        result.append(Situation(str(fields["id"]), str(fields["title"]),
                                str(fields["description"]), *guides))
    ids = [s.id for s in result]
    if len(set(ids)) != len(ids):
        raise InterviewDataError(f"{path}: duplicate situation ids")
    return tuple(result)
