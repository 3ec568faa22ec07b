"""Interview answers: STAR pre-fill, aspiration builder, speaking time and situation hints."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

DEFAULT_WPM = 140
DEFAULT_RANGES: Mapping[str, tuple[float, float]] = {
    "aspiration": (15.0, 90.0),
    "story": (45.0, 150.0),
}
"""Target speaking time in seconds (low, high) per answer kind."""

_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][^\s]*")
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"')\u201d]*(?=\s|$)|$)", re.DOTALL)


class InterviewDataError(ValueError):
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


def prefill_star(entry: EvidenceInput) -> StarDraft:
    """Pre-fill a STAR story from a journal entry, sentence by sentence.

    Rule, applied in order to each sentence of the body: a sentence naming a duty or goal
    ("my job was", "I was asked", "I had to", "we needed to") goes to Task; one reporting
    an outcome ("as a result", "dropped", "increased", a percentage) goes to Result; one
    where "I" acts, or "we" + a past-tense verb, goes to Action; anything else is context
    and goes to Situation. The entry's impact is appended to Result unless already there.
    An empty Situation falls back to the entry title.
    """
    parts: dict[str, list[str]] = {"s": [], "t": [], "a": [], "r": []}
    for sentence in split_sentences(entry.body):
        if _TASK.search(sentence):
            parts["t"].append(sentence)
        elif _RESULT.search(sentence):
            parts["r"].append(sentence)
        elif _I.search(sentence) or _WE_DID.search(sentence):
            parts["a"].append(sentence)
        else:
            parts["s"].append(sentence)
    impact = _as_sentence(entry.impact)
    if impact and impact not in parts["r"]:
        parts["r"].append(impact)
    situation = " ".join(parts["s"]) or _as_sentence(entry.title)
    return StarDraft(situation, " ".join(parts["t"]), " ".join(parts["a"]), " ".join(parts["r"]))


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

_LOWER_OK = re.compile(
    r"^(?:a|an|the|my|more|some|to|and|own|lead|learn|build|become|take|grow|work|get|help|"
    r"move|run|manage|shape|make|drive|improve|deepen|master|focus|start|mentor|design|\w+ing)"
    r"\b",
    re.IGNORECASE,
)
_VERBS = frozenset(
    """learn own lead build become take grow work get help move run manage shape make drive
    improve deepen master focus start mentor design ship deliver create develop understand
    contribute go be keep write support bring use apply join launch find teach coach turn set
    spend see do have specialise specialize explore sharpen strengthen expand broaden reduce
    increase automate stay earn gain step serve partner""".split()
)
_SUBJECT = re.compile(r"^(?:I|I'm|I'd|I'll|I've|My|Over|In|Within|Eventually|Long|Later)\b")


def _fragment(text: str) -> str:
    text = " ".join(text.split()).rstrip(" .!?;,")
    if text and _LOWER_OK.match(text) and not text[1:2].isupper():
        text = text[0].lower() + text[1:]
    return text


def _phrase(fragment: str, verb_lead: str, noun_lead: str, ing_lead: str) -> str:
    words = fragment.split()
    if words[0].lower() == "to" and len(words) > 1:
        fragment, words = " ".join(words[1:]), words[1:]
    first = words[0].lower()
    if first.endswith("ing") and len(first) > 4:
        return f"{ing_lead} {fragment}"
    if first in _VERBS:
        return f"{verb_lead} {fragment}"
    return f"{noun_lead} {fragment}"


def compose_aspiration(now: str, next: str, future: str, *, role: str = "", company: str = "") -> str:
    """Write a Now/Next/Future aspiration as 1-3 plain sentences to edit.

    Each part may be a fragment ("learning your data stack", "a team lead role",
    "own the reporting") or a full sentence starting with "I"/"In"/"Over"..., which is kept
    as written. Empty parts are left out; role and company are woven into the first
    sentence when given. Returns "" when all three parts are empty.
    """
    where = f"this {role} role" if role.strip() else "this role"
    at = f" at {company.strip()}" if company.strip() else ""
    sentences: list[str] = []
    specs = (
        (now, f"In {where}{at}, I want to", f"In {where}{at}, I want to focus on",
         f"In {where}{at}, I want to focus on"),
        (next, "Over the next few years, I'd like to", "Over the next few years, I'd like to "
         "grow into", "Over the next few years, I see myself"),
        (future, "Longer term, I hope to", "Longer term, I'm working toward",
         "Longer term, I see myself"),
    )
    for i, (raw, verb, noun, ing) in enumerate(specs):
        if not raw.strip():
            continue
        stripped = " ".join(raw.split())
        if _SUBJECT.match(stripped):
            sentences.append(_as_sentence(stripped))
            continue
        if i > 0 and not sentences and at:
            verb, noun, ing = (s.replace(", I", f"{at}, I", 1) for s in (verb, noun, ing))
        sentences.append(_as_sentence(_phrase(_fragment(stripped), verb, noun, ing)))
    return " ".join(sentences)


# ---------------------------------------------------------------- situations

PartName = Literal["now", "next", "future"]


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
