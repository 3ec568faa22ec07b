"""Finding a job's key terms in an answer: word forms by Snowball stems, phrases by their words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from fikadesk.domain.interview.words import STOP_WORDS, tokenize
from fikadesk.domain.stemming import snowball_stem

GENERIC_HEADS: frozenset[str] = frozenset(
    """system systems service services platform platforms application applications app apps tool
    tools tooling project projects initiative initiatives programme programmes program programs
    solution solutions process processes workstream workstreams effort efforts""".split()
)
"""Last words of a term that name only the kind of container ("ledger systems"): another word of
this list stands in for them ("ledger services", "cross-team projects")."""

NAMES_LIKE_WORDS: frozenset[str] = frozenset(
    "go rust swift spark sketch excel react flask spring sentry segment looker".split()
)
"""Tools named with a plain English word: written with a capital in the term, they match only a
capitalised word in the answer ("Go", not "I want to go")."""

MAX_GAP = 2
"""At most this many other words between the words of a phrase ("metrics for success")."""

_SENTENCE_END = re.compile(r"[.!?;:](?=\s|$)|\n\s*\n")
_GENERIC_KEY = "\0generic"


@dataclass(frozen=True)
class _Part:
    key: str  # the stem, or _GENERIC_KEY for a generic head word
    joined: str  # a hyphenated word's stem without its hyphen ("postmortem"), else ""
    start: int
    end: int
    capital: bool
    sentence: int
    word_end: int = -1  # where a hyphenated word ends, on its first part


def _norm(word: str) -> str:
    """Case, curly apostrophes, possessives and acronym plurals ("SLOs") folded away."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    w = word.lower().replace("\u2019", "'")
    return w[:-2] if w.endswith("'s") else w


def word_key(word: str) -> str:
    """The form a word is matched by: its Snowball stem after folding case and possessives."""
    w = _norm(word)
    return snowball_stem(w) if w.isalpha() else w


@lru_cache(maxsize=64)
def _parts(text: str) -> tuple[_Part, ...]:
    """The text's words split at hyphens ("event-sourced" is "event", "sourced"), by sentence."""
    out: list[_Part] = []
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    sentence = 0
    for word, start, end in tokenize(text):
        while sentence < len(ends) and ends[sentence] < start:
            sentence += 1
        if "-" not in word.strip("-"):
            out.append(_Part(word_key(word), "", start, end, word[:1].isupper(), sentence))
            continue
        joined = word_key(word.replace("-", ""))  # said as one word too: "post-mortem"
        at = start
        for n, piece in enumerate(p for p in word.split("-") if p):
            at = word.find(piece, at - start) + start
            out.append(_Part(word_key(piece), joined if n == 0 else "", at, at + len(piece),
                             piece[:1].isupper(), sentence, end if n == 0 else at + len(piece)))
            at += len(piece)
    return tuple(out)


@dataclass(frozen=True)
class _Want:
    key: str
    capital: bool  # a plain-English tool name written with a capital: needs one in the answer


@lru_cache(maxsize=1024)
def _wanted(term: str) -> tuple[_Want, ...]:
    """What an answer must contain for the term: its words' stems, stop words left out, a
    version number after a two-word name optional, a generic last word as a stand-in slot."""
    words = [w for w, _, _ in tokenize(term)]
    if not words:
        return ()
    content = [w for w in words if w.lower() not in STOP_WORDS or "-" in w] or words
    if len(content) > 2 and content[-1].isdigit():
        content = content[:-1]  # "Google Analytics 4" is said "Google Analytics"
    want: list[_Want] = []
    for i, word in enumerate(content):
        if i == len(content) - 1 and i > 0 and word.lower() in GENERIC_HEADS:
            want.append(_Want(_GENERIC_KEY, False))
            continue
        pieces = [p for p in word.split("-") if p] if "-" in word.strip("-") else [word]
        for piece in pieces:
            named = piece[:1].isupper() and piece.lower() in NAMES_LIKE_WORDS
            want.append(_Want(word_key(piece), named))
    return tuple(want)


def _fits(want: _Want, part: _Part) -> bool:
    if want.key == _GENERIC_KEY:
        return part.key in _GENERIC_STEMS
    return part.key == want.key and (part.capital or not want.capital)


_GENERIC_STEMS = frozenset(word_key(w) for w in GENERIC_HEADS)


class Named(Protocol):
    """Anything carrying a term's text (a KeyTerm)."""

    @property
    def term(self) -> str: ...


def _name(term: str | Named) -> str:
    return term if isinstance(term, str) else term.term


def term_spans(term: str | Named, text: str) -> list[tuple[int, int]]:
    """Character spans in text where the term is spoken of.

    Words match by their Snowball stems ("modelling" ~ "modelled", "payments" ~ "payment").
    A phrase matches when all its words (stop words aside) occur in one sentence, in any order,
    with at most MAX_GAP other words between them ("metrics for success", "the model that
    ranks"); its generic last word ("systems", "initiatives") may be any such word ("ledger
    services", "cross-team projects"). A tool named by a plain English word ("Go") must be
    capitalised in the text.
    """
    name = _name(term)
    want = _wanted(name)
    if not want:
        return []
    parts = _parts(text)
    spans: list[tuple[int, int]] = []
    if " " not in name.strip():  # "postmortems" said "post-mortem", "on-call" said "oncall"
        key = word_key(name.replace("-", ""))
        spans.extend((p.start, p.word_end) for p in parts if p.joined == key)
        spans.extend((p.start, p.end) for p in parts if not p.joined and p.key == key and len(want) > 1)
    if len(want) == 1:
        spans.extend((p.start, p.end) for p in parts if _fits(want[0], p))
        return sorted(set(spans))
    width = len(want) + MAX_GAP
    last_end = -1
    for i in range(len(parts)):
        if parts[i].start < last_end or not any(_fits(w, parts[i]) for w in want):
            continue
        window = [p for p in parts[i : i + width] if p.sentence == parts[i].sentence]
        used: list[_Part] = []
        for w in want:
            hit = next((p for p in window if p not in used and _fits(w, p)), None)
            if hit is None:
                break
            used.append(hit)
        else:
            start, end = min(p.start for p in used), max(p.end for p in used)
            spans.append((start, end))
            last_end = end
    return sorted(set(spans))


@dataclass(frozen=True)
class Coverage:
    """Which key terms a set of texts touches, in the order the terms were given."""

    touched: tuple[str, ...]
    missing: tuple[str, ...]


def term_coverage(terms: Iterable[str | Named], texts: Iterable[str]) -> Coverage:
    """Split terms into those some text speaks of (see term_spans) and those none does."""
    bodies = list(texts)
    touched: list[str] = []
    missing: list[str] = []
    for term in terms:
        name = _name(term)
        (touched if any(term_spans(term, body) for body in bodies) else missing).append(name)
    return Coverage(tuple(touched), tuple(missing))
