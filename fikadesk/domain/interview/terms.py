"""Key terms from a job description and how well a set of answers covers them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from fikadesk.domain.interview.terms_match import Coverage, term_coverage, term_spans
from fikadesk.domain.interview.terms_sections import (
    BOILERPLATE,
    SECTION_WEIGHT,
    Line,
    company_names,
    sentences,
    split_sections,
)
from fikadesk.domain.interview.words import (
    ACTION_WORDS,
    CLAUSE_VERBS,
    GENERIC_AD_WORDS,
    JOB_AD_WORDS,
    SKILL_HINTS,
    SKILL_SUFFIXES,
    STOP_WORDS,
    TOOL_WORDS,
    WORK_NOUNS,
    stem,
    tokenize,
)

__all__ = [
    "ACTION_WORDS", "JOB_AD_WORDS", "SKILL_HINTS", "STOP_WORDS", "Coverage", "KeyTerm", "TermKind",
    "extract_key_terms", "stem", "term_coverage", "term_spans", "tokenize",
]

TermKind = Literal["skill", "responsibility", "other"]

_BREAK = re.compile(r"[;:!?,()\[\]\"\u201c\u201d]|\.(?=\s|$)|\s[-\u2013\u2014&+|]\s")
_RESTART = frozenset("to will you'll we'll can and or".split())


@dataclass(frozen=True)
class KeyTerm:
    """One term from a job description with its relative weight (0..1] and kind.

    ``term`` keeps the advert's own spelling ("Kafka", "CI/CD"); matching is case-free.
    ``sections`` names where it was found: "req", "resp" or "nice" (empty for plain prose).
    """

    term: str
    weight: float
    kind: TermKind
    sections: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class _Word:
    text: str
    start: bool  # the first word of a sentence or bullet, where a capital says nothing


@dataclass
class _Tally:
    score: float = 0.0
    count: int = 0
    first: int = 0  # order of first appearance, for ties
    whole: bool = False  # once a complete phrase between breaks, not only part of a longer one
    places: list[str] = field(default_factory=list)
    spellings: list[tuple[_Word, ...]] = field(default_factory=list)


def _is_noise(word: str) -> bool:
    low = word.lower().replace("\u2019", "'")
    return (
        low in STOP_WORDS
        or low in JOB_AD_WORDS
        or low in ACTION_WORDS
        or low in GENERIC_AD_WORDS
        or sum(c.isalpha() for c in low) < 2
        or (low[0].isdigit() and len(low) <= 4)  # 4+, 1s, 2nd
    )


def _capital(word: str) -> bool:
    return any(c.isupper() for c in word)


def _chunks(text: str) -> list[list[_Word]]:
    """Runs of content words; they never cross punctuation, a stop word or a verb opening a task.

    Neighbouring capitalised words are one unit ("Power BI", "React Native").
    """
    runs: list[list[_Word]] = []
    for piece in _BREAK.split(text):
        run: list[_Word] = []
        opening = True
        for word, _, _ in tokenize(piece):
            low = word.lower()
            if (opening and low in CLAUSE_VERBS) or _is_noise(word):
                if run:
                    runs.append(run)
                run = []
                if low in _RESTART:
                    opening = True
                elif low in CLAUSE_VERBS or low in ACTION_WORDS:
                    opening = False  # what follows the verb is its object: "maintain our design system"
                continue
            if run and _capital(word) and _capital(run[-1].text) and not run[-1].text.isdigit():
                run[-1] = _Word(f"{run[-1].text} {word}", run[-1].start)
            else:
                run.append(_Word(word, opening and not runs and not run))
            opening = False
        if run:
            runs.append(run)
    return runs


def _unit_key(word: str) -> str:
    return " ".join(stem(w) for w in word.split())


def _tool_like(word: _Word) -> bool:
    """A name or tool: capitals inside or mid-sentence, dots, slashes, +, # or digits, or a
    known tool ("Node.js", "CI/CD", "SQL", "Kafka", "dbt")."""
    text = word.text
    return (
        " " in text
        or any(c.isupper() for c in text[1:])
        or (text[0].isupper() and not word.start)
        or any(c in "./+#" or c.isdigit() for c in text)
        or text.lower() in TOOL_WORDS
    )


def _specific(word: _Word, whole: bool) -> bool:
    """Whether a single word can be a key term alone: a tool or name anywhere, or, standing on
    its own somewhere, a practice ending like -ing/-ity/-tion or a piece of work like "roadmap"."""
    if _tool_like(word):
        return True
    low = word.text.lower()
    parts = low.split("-")
    return whole and (
        low in WORK_NOUNS
        or (low in SKILL_HINTS and low not in ("design", "writing", "research"))
        or any(part.endswith(SKILL_SUFFIXES) for part in parts)
    )


def _rank_bonus(key: tuple[str, ...], entry: _Tally) -> float:
    """Between terms found as often, tools and two-word phrases go first, long phrases last."""
    if len(key) == 1:
        return 0.3 if _tool_like(entry.spellings[0][0]) else 0.0
    return {2: 0.2, 3: 0.1}.get(len(key), 0.0)


def _counted(lines: list[Line], companies: set[str]) -> list[tuple[str, str, float]]:
    """(text, place, weight) of every sentence that speaks for the job.

    Requirements and responsibilities count fully, nice-to-haves half; the title, the company
    intro and pay, perks and equal-opportunity sections never. An advert without such sections
    counts its prose, except sentences naming the company. Sentences about pay, perks or equal
    opportunity never count.
    """
    sectioned = any(line.section in SECTION_WEIGHT for line in lines if not line.heading)
    out: list[tuple[str, str, float]] = []
    for line in lines:
        if line.heading or line.section == "title":
            continue
        if sectioned and line.section not in SECTION_WEIGHT:
            continue
        if not sectioned and line.section != "intro":
            continue
        for sentence in sentences(line.text):
            named = not sectioned and any(re.search(rf"\b{re.escape(c)}\b", sentence) for c in companies)
            if named or BOILERPLATE.search(sentence):
                continue
            place = line.section if sectioned else ""
            out.append((sentence, place, SECTION_WEIGHT.get(line.section, 1.0)))
    return out


def extract_key_terms(description: str, top_n: int = 10) -> tuple[KeyTerm, ...]:
    """The job's key skills and responsibilities, best first, at most ``top_n``.

    Only the requirements, responsibilities (and at half weight nice-to-have) sections count
    when the advert has them; benefits, about-us and equal-opportunity text never does. Terms
    are runs of 1-4 content words between punctuation, stop words, generic job-advert words
    and verbs opening a task; each occurrence scores its section's weight times 1, 1.5, 2 or
    2.5 by length. A single word must look specific (a tool, a name, a skill ending like
    -ing/-ity, a piece of work like "roadmap"); a phrase must once stand whole or recur. A
    term inside, or containing, a better-ranked one is dropped. Terms keep the advert's
    spelling; a capital only at the start of a bullet is dropped unless the word is a tool.
    Weights are scaled so the top is 1.
    """
    lines = split_sections(description)
    companies = company_names(lines)
    company_keys = {_unit_key(name.split()[0]) for name in companies}  # Northwind, not Payments
    tally: dict[tuple[str, ...], _Tally] = {}
    for text, place, weight in _counted(lines, companies):
        for run in _chunks(text):
            for size in range(1, min(len(run), 4) + 1):
                for i in range(len(run) - size + 1):
                    words = tuple(run[i : i + size])
                    key = tuple(_unit_key(w.text) for w in words)
                    entry = tally.setdefault(key, _Tally(first=len(tally)))
                    entry.score += weight
                    entry.count += 1
                    entry.whole = entry.whole or size == len(run)
                    entry.places.append(place)
                    entry.spellings.append(words)
    display = _display_forms(tally)
    keep = {
        key: entry
        for key, entry in tally.items()
        if not any(part in company_keys for k in key for part in re.split(r"[\s-]", k))
        and (
            (len(key) == 1 and _specific(entry.spellings[0][0], entry.whole))
            or (len(key) > 1 and (entry.whole or entry.count > 1))
        )
    }
    for key in [k for k in keep if any(_contains(b, k) and keep[b].count == keep[k].count for b in keep)]:
        del keep[key]  # "A/B" only ever in "A/B tests": the phrase is the term
    ranked = sorted(keep, key=lambda k: (-keep[k].score - _rank_bonus(k, keep[k]), keep[k].first))
    chosen: list[tuple[str, ...]] = []
    for key in ranked:
        if any(_contains(big, key) or _contains(key, big) for big in chosen):
            continue
        chosen.append(key)
        if len(chosen) == top_n:
            break
    if not chosen:
        return ()
    top = keep[chosen[0]].score
    return tuple(
        KeyTerm(display[k], round(keep[k].score / top, 3), _kind(display[k], keep[k].places),
                tuple(sorted({p for p in keep[k].places if p})))
        for k in chosen
    )


def _display_forms(tally: dict[tuple[str, ...], _Tally]) -> dict[tuple[str, ...], str]:
    """Each term as the advert first writes it. A capital that only comes from starting a
    sentence is dropped, unless the word is written so inside a sentence too, is a tool or
    has capitals inside ("PyTorch", "SQL")."""
    capitalised = {w.text.lower() for entry in tally.values() for words in entry.spellings
                   for w in words if not w.start and _capital(w.text)}

    def spell(w: _Word) -> str:
        low = w.text.lower()
        if not w.start or " " in w.text or low in capitalised or low in TOOL_WORDS:
            return w.text
        return w.text if any(c.isupper() for c in w.text[1:]) else low

    return {key: " ".join(spell(w) for w in entry.spellings[0]) for key, entry in tally.items()}


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n < len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _kind(term: str, places: list[str]) -> TermKind:
    if any(w.lower() in SKILL_HINTS or w.lower() in TOOL_WORDS or any(c in w for c in "+#")
           for w in term.split()):
        return "skill"
    req, resp = places.count("req") + places.count("nice"), places.count("resp")
    if resp > req:
        return "responsibility"
    return "skill" if req else "other"
