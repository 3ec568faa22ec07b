"""The interview coach: deterministic, offline checks that point at weak spots in an answer."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from fikadesk.domain.interview import coach_context as C
from fikadesk.domain.interview import coach_rules as R
from fikadesk.domain.interview import coach_time as T
from fikadesk.domain.interview.answers import (
    DEFAULT_RANGES,
    sentence_spans,
    speaking_seconds,
    word_spans,
)
from fikadesk.domain.interview.terms import (
    SKILL_HINTS,
    STOP_WORDS,
    KeyTerm,
    stem,
    term_coverage,
    tokenize,
)

AnswerKind = Literal["aspiration", "story"]

CODES: tuple[str, ...] = (
    "vague", "money_status", "unrealistic", "unrelated_to_role", "rigid", "negative",
    "no_specifics", "missing_now", "missing_next", "missing_future", "too_long", "too_short",
)
"""Every code the coach can return, in the order findings are reported."""

_TEXTS: dict[str, tuple[str, str]] = {
    "vague": ("This phrase could come from anyone; it does not say what you want to get better "
              "at.", "Name the skill, problem or kind of work, e.g. 'grow my skills in X'."),
    "money_status": ("Pay, title or prestige comes across as the main goal.",
                     "Talk about the work and impact you want; let status follow from it."),
    "unrealistic": ("This jump in seniority is very fast for how most companies are built.",
                    "Give the senior goal a longer horizon, or name the step before it."),
    "unrelated_to_role": ("The answer does not connect to this job.",
                          "Link your aim to the job's key tasks and the skills this role builds."),
    "rigid": ("This sounds fixed; interviewers look for direction with room to adapt.",
              "Keep the direction and say you are open to how the path unfolds."),
    "negative": ("This dwells on what you want to leave, not what you are moving toward.",
                 "Turn it round: say what you are looking for instead."),
    "no_specifics": ("Nothing concrete here: no skill, tool, domain, number or named role.",
                     "Add one or two specifics: a skill, a product area, a number, a result."),
    "missing_now": ("No 'Now' part: what you would focus on and contribute right away.",
                    "Open with what you want to learn or deliver in your first year here."),
    "missing_next": ("No 'Next' part: the role or responsibility you want in a few years.",
                     "Add a sentence about the next two or three years."),
    "missing_future": ("No 'Future' part: the longer-term direction or impact.",
                       "Close with where you are heading in the long run."),
    "too_long": ("Spoken aloud this runs past the target time.",
                 "Cut side stories; keep one point per part of the answer."),
    "too_short": ("Spoken aloud this is shorter than the target time.",
                  "Add a concrete example or the missing part of the structure."),
}
"""One-line reason and one suggestion per code."""

_CLAUSE_BREAK = re.compile(r"[,;:\u2014]|\s-\s|\band\b", re.IGNORECASE)
_PREP = re.compile(
    r"^\s*(?:in|on|at|with|around|for|like|such as|about|into|across|through|of)\s", re.I
)
_SPECIFIC_MIN = {"aspiration": 2, "story": 3}
_CONCRETE_MIN = 2
_PHRASE_CODES = frozenset({"vague", "money_status", "unrealistic", "rigid", "negative"})
_SUBJECT_VERB = re.compile(r"(?:grow|grows|growing|learning|improving|succeed)\b", re.IGNORECASE)
"""Vague phrases that open with a verb: vague only when the speaker is its subject."""


@dataclass(frozen=True)
class Finding:
    """One problem: a code, the character span [start, end) that causes it, and advice."""

    code: str
    start: int
    end: int
    message: str
    suggestion: str


def _finding(code: str, start: int, end: int) -> Finding:
    message, suggestion = _TEXTS[code]
    return Finding(code, start, end, message, suggestion)


def _sentences(text: str) -> list[tuple[int, int]]:
    return sentence_spans(text) or [(0, len(text))]


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause holding pos (after the last sentence or clause break)."""
    head = text[:pos]
    cut = max(head.rfind("."), head.rfind("!"), head.rfind("?"))
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(head, cut + 1)]
    if breaks and not R.NEGATION.search(head[breaks[-1] : pos]):
        return breaks[-1]
    return cut + 1


def _negated(text: str, start: int) -> bool:
    window = text[_clause_start(text, start) : start]
    words = window.split()[-8:]
    return bool(R.NEGATION.search(" ".join(words)))


def _is_specific(word: str, sentence_initial: bool) -> bool:
    low = word.lower().replace("\u2019", "'")
    if any(c.isdigit() for c in low) or "%" in word:
        return True
    if low in STOP_WORDS or low in R.GENERIC_WORDS or stem(low) in _GENERIC_STEMS:
        return False
    if low in R.SELF_WORDS or stem(low) in _SELF_STEMS or low in R.TAKE_FORMS:
        return False
    if low.endswith("ly") and len(low) > 4 and low not in R.LY_NOUNS:
        return False
    if word[:1].isupper() and not sentence_initial:
        return True
    return len(low) >= 4


_GENERIC_STEMS = frozenset(stem(w) for w in R.GENERIC_WORDS)
_SELF_STEMS = frozenset(stem(w) for w in R.SELF_WORDS)
_FIRST_PERSON_FORMS = frozenset({"i", "i'm", "i'd", "i've", "i'll"})


def _is_concrete(word: str, sentence_initial: bool) -> bool:
    """A number, a name, or a tool: what makes a story checkable rather than generic."""
    low = word.lower().replace("\u2019", "'")
    if any(c.isdigit() for c in low) or low in R.NUMBER_WORDS:
        return True
    if low in SKILL_HINTS and low not in R.SOFT_SKILLS:
        return True
    return (not sentence_initial and word[:1].isupper() and low not in _FIRST_PERSON_FORMS)


def _complemented(text: str, end: int) -> bool:
    tail = text[end : end + 60]
    if not _PREP.match(tail):
        return False
    words = [w for w, _, _ in tokenize(tail)][1:5]
    return any(_is_specific(w, False) for w in words if w.lower() not in STOP_WORDS)


def _match_rules(text: str, code: str, rules: Sequence[R.Rule]) -> list[Finding]:
    found = []
    for rule in rules:
        for m in rule.pattern.finditer(text):
            if rule.negatable and _negated(text, m.start()):
                continue
            if rule.complementable and _complemented(text, m.end()):
                continue
            if code == "vague" and _SUBJECT_VERB.match(m.group(0)) and C.other_subject(
                    text, m.start(), m.start() + len(m.group(0).split()[0])):
                continue
            if code == "money_status" and C.disclaimed(text, m.end()):
                continue
            found.append(_finding(code, m.start(), m.end()))
    return found


def _negative(text: str, kind: str) -> list[Finding]:
    found = []
    for rule in R.NEGATIVE:
        for m in rule.pattern.finditer(text):
            sent_start = max(text.rfind(c, 0, m.start()) for c in ".!?") + 1
            if R.NEGATIVE_EXCUSE.search(text[sent_start : m.start()]):
                continue
            if (kind == "story" and R.FEELING.match(m.group(0))
                    and not R.FIRST_PERSON.search(text[_clause_start(text, m.start()) : m.start()])):
                continue  # "the client was unhappy" sets the scene of a story; it is no complaint
            found.append(_finding("negative", m.start(), m.end()))
    return found


def _unrealistic(text: str) -> list[Finding]:
    found = []
    for s, e in _sentences(text):
        clause_bounds = [s] + [m.end() + s for m in _CLAUSE_BREAK.finditer(text[s:e])] + [e]
        for cs, ce in zip(clause_bounds, clause_bounds[1:], strict=False):
            clause = text[cs:ce]
            title = R.SENIOR_TITLE.search(clause)
            top = R.TOP_TITLE.search(clause)
            when = R.SHORT_TIME.search(clause)
            if top and not when:
                when = R.MEDIUM_TIME.search(clause)
                title = top
            title = title or top
            if not (title and when):  # a few rungs up: unrealistic only within about a year
                title, when = R.MID_TITLE.search(clause), R.VERY_SHORT_TIME.search(clause)
            if title and when and not _negated(text, cs + min(title.start(), when.start())):
                start = cs + min(title.start(), when.start())
                end = cs + max(title.end(), when.end())
                found.append(_finding("unrealistic", start, end))
    for start, end in C.seniority_jumps(text, _sentences(text)):
        if not any(f.start < end and start < f.end for f in found):
            found.append(_finding("unrealistic", start, end))
    return found


def _unrelated(text: str, kind: str, key_terms: Sequence[KeyTerm | str]) -> list[Finding]:
    if key_terms:
        need = 1 if len(key_terms) <= 3 else max(2, round(len(key_terms) * 0.25))
        if len(term_coverage(key_terms, [text]).touched) < need:
            return [_finding("unrelated_to_role", 0, len(text))]
        return []
    if kind != "aspiration" or R.BRIDGE.search(text):
        return []
    hits = _match_rules(text, "unrelated_to_role", R.OUTSIDE_AIM + C.OUTSIDE_MORE)
    return [min(hits, key=lambda f: f.start)] if hits else []


def _no_specifics(text: str, kind: str, pitfalls: Sequence[Finding]) -> list[Finding]:
    """Too few concrete words; words inside a pitfall phrase (money, complaints) do not count.

    A story also needs at least two distinct numbers, names or tools: generic stories use
    plenty of long words ("stakeholders", "perseverance") without saying anything checkable.
    """
    skip = bytearray(len(text) + 1)  # 1 inside a pitfall phrase, 2 inside a timeframe
    for f in pitfalls:
        if f.code in _PHRASE_CODES:
            skip[f.start : f.end] = b"\x01" * (f.end - f.start)
    if kind == "aspiration":
        for h in T.horizons(text):
            skip[h.start : h.end] = b"\x02" * (h.end - h.start)
    seen: set[str] = set()
    concrete: set[str] = set()
    for s, e in _sentences(text):
        if len(seen) >= _SPECIFIC_MIN[kind] and (kind != "story" or len(concrete) >= _CONCRETE_MIN):
            break  # enough already: the rest of the answer cannot change the outcome
        tokens = tokenize(text[s:e])
        words = [w for w, _, _ in tokens]
        for i, (word, ws, we) in enumerate(tokens):
            if skip[s + ws] and skip[s + we - 1]:
                continue
            if kind == "aspiration" and C.plain_word(words, i):
                continue
            if _is_specific(word, i == 0):
                seen.add(stem(word))
            if _is_concrete(word, i == 0):
                concrete.add(word.lower())
    if len(seen) < _SPECIFIC_MIN[kind] or (kind == "story" and len(concrete) < _CONCRETE_MIN):
        return [_finding("no_specifics", 0, len(text))]
    return []


def _length(text: str, kind: str, wpm: int, ranges: Mapping[str, tuple[float, float]]) -> list[
    Finding
]:
    low, high = ranges[kind]
    seconds = speaking_seconds(text, wpm)
    if seconds < low:
        return [_finding("too_short", 0, len(text))]
    if seconds > high:
        spans = word_spans(text)
        first_over = int(high * wpm / 60)
        return [_finding("too_long", spans[first_over][0], len(text))]
    return []


def _structure(text: str) -> list[Finding]:
    """Now / Next / Future markers; a second step of a sequence ('..., then ...') after a Next
    marker is the Future part of an answer told as a chain of steps."""
    first = _sentences(text)[0]
    timed = T.parts(text)
    has = {"missing_now": "now" in timed or bool(R.NOW.search(text)),
           "missing_next": "next" in timed, "missing_future": "future" in timed}
    has["missing_future"] = has["missing_future"] or bool(R.FUTURE.search(text))
    nexts = list(R.NEXT.finditer(text))
    has["missing_next"] = has["missing_next"] or bool(nexts)
    if nexts and not has["missing_future"]:
        has["missing_future"] = any(R.SEQUENCE.match(m.group(0)) for m in nexts[1:])
    return [_finding(code, *first) for code in ("missing_now", "missing_next", "missing_future")
            if not has[code]]


def coach(
    text: str,
    *,
    kind: AnswerKind,
    key_terms: Sequence[KeyTerm | str] = (),
    wpm: int = 140,
    ranges: Mapping[str, tuple[float, float]] | None = None,
) -> list[Finding]:
    """Check an answer and return findings sorted by code order, then position.

    Phrase-level findings (vague, money_status, unrealistic, rigid, negative, and
    unrelated_to_role for an outside aim) span the words that cause them. Whole-answer
    findings span the whole text (no_specifics, too_short, unrelated_to_role from key terms),
    the first sentence (missing_now/next/future), or from the first word past the time
    limit to the end (too_long). money_status, unrealistic, rigid, the outside-aim check and
    the Now/Next/Future structure only apply to aspirations.
    """
    if not text.strip():
        return [_finding("too_short", 0, len(text))]
    limits = dict(DEFAULT_RANGES)
    limits.update(ranges or {})
    found = _match_rules(text, "vague", R.VAGUE)
    if kind == "aspiration":
        found += _match_rules(text, "money_status", R.MONEY_STATUS + C.STATUS_GOAL)
        found += _unrealistic(text)
        found += _match_rules(text, "rigid", R.RIGID + C.RIGID_MORE)
        found += _structure(text)
    found += _unrelated(text, kind, key_terms)
    found += _negative(text, kind)
    found += _no_specifics(text, kind, found)
    found += _length(text, kind, wpm, limits)
    unique = {(f.code, f.start, f.end): f for f in found}
    return sorted(unique.values(), key=lambda f: (CODES.index(f.code), f.start, f.end))
