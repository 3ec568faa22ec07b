"""How names read to a person: does a heading name a level, a track, a scale or something else?

A ladder's levels carry level-like names: numbers ("Level 3", "2", "Two"), codes ("L4",
"IC5", "D3", "EM6"), roman numerals ("Engineer II") or seniority words ("Junior", "Staff",
"Principal"). Job words alone ("Software Engineer", "Designer") read weakly as levels. Other
headings announce what they are: an overview, a FAQ, a process, advice for an audience
("For Engineering Managers"), a question. `name_class` sorts a name into one of those;
`seniority_key` orders levels by their numbers and seniority words; `track_kind` tells an
individual-contributor track from a management one; `page_kind` names the pages of a folder
that are not levels (index, FAQ, glossary, change log).

Every regular expression here is a single pass with no nested repetition.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

NameClass = Literal["strong", "weak", "unknown", "not-level"]

#: Score of each class, used when a reading's levels are weighed.
CLASS_SCORE: dict[NameClass, float] = {"strong": 1.0, "weak": 0.4, "unknown": 0.0,
                                       "not-level": -1.0}

_WORD_RE = re.compile(r"[a-z0-9+]+")
_CODE_RE = re.compile(r"\b(?:[a-z]{1,3}|ic|em|sde|swe)[ -]?\d{1,2}[a-z]?\b")
_LEVEL_NUMBER_RE = re.compile(r"\b(?:level|lvl|grade|band|tier|rung)[ -]?(\d{1,2})\b")
#: Code prefixes that number other things: quarters, versions, halves, days, weeks.
_NOT_LEVEL_CODES = frozenset("q v h day wk w".split())
_LEADING_NUMBER_RE = re.compile(r"^\s*(\d{1,2})(?:[.):\s-]|$)")
_ROMAN_RE = re.compile(r"\b(i{1,3}|iv|v|vi{1,3}|ix|x)\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
          "ix": 9, "x": 10}
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}

#: Seniority words and their rank; a name without one sits at `PLAIN_RANK`.
SENIORITY: dict[str, int] = {
    "intern": 0, "trainee": 1, "apprentice": 1, "graduate": 1, "novice": 1, "entry": 2,
    "associate": 2, "junior": 2, "jr": 2, "mid": 4, "middle": 4, "intermediate": 4,
    "confirmed": 5, "experienced": 5, "semi": 5, "senior": 6, "sr": 6, "lead": 7,
    "staff": 8, "principal": 10, "distinguished": 12, "fellow": 13,
    "manager": 6, "director": 9, "vp": 11, "head": 10, "chief": 13, "cto": 14,
}
PLAIN_RANK = 4
_ROLE_WORDS = frozenset(
    "engineer developer programmer designer analyst scientist architect administrator "
    "specialist consultant marketer researcher writer manager tester sre devops "
    "pm apm ae sdr expert master practitioner professional contributor ic".split())
_PLURAL_ROLES = frozenset(
    "engineers developers designers analysts scientists managers leads directors "
    "contributors marketers administrators programmers".split())
_NOT_LEVEL_WORDS = frozenset(
    "overview introduction intro philosophy purpose faq faqs questions glossary changelog "
    "changes history references reference reading resources process processes assessment "
    "assessments evaluation evaluating guide guidelines guidance summary contents appendix "
    "notes pages links template templates tips advice pitfalls mistakes application "
    "examples criteria dimensions dimension principles values scale proficiency mapping "
    "matrix framework rules glance about welcome related artifacts artefacts checklist "
    "calibration promotion promotions screening interview interviews flags red "
    "definitions terms index toc license contributing outside roadmap release releases "
    "version sprint sprints phase milestone milestones chapter lesson module week day month "
    "step steps "
    "quarter installation install usage setup configuration changelog".split())
_SENTENCE_STARTS = ("for ", "how ", "why ", "what ", "when ", "where ", "using ", "who ",
                    "our ", "the ", "a ", "an ", "this ", "these ")


def words(name: str) -> list[str]:
    """Lower-case words of a name (letters, digits and '+')."""
    return _WORD_RE.findall(name.casefold())


def level_number(name: str) -> int | None:
    """The number a name gives its level ("Level 3", "L4", "IC5", "Engineer II", "Two")."""
    lowered = name.casefold()
    for pattern in (_LEVEL_NUMBER_RE, _CODE_RE):
        match = pattern.search(lowered)
        if match:
            code = match.group()
            letters = code[:len(code) - len(code.lstrip("abcdefghijklmnopqrstuvwxyz"))]
            if pattern is _CODE_RE and letters in _NOT_LEVEL_CODES:
                return None
            digits = re.search(r"\d{1,2}", code)
            if digits:
                return int(digits.group())
    match = _LEADING_NUMBER_RE.match(lowered)
    if match:
        return int(match.group(1))
    tokens = words(name)
    for token in tokens:
        if token in _NUMBER_WORDS:
            return _NUMBER_WORDS[token]
    roman = [t for t in _ROMAN_RE.findall(lowered) if t]
    if roman and len(tokens) > 1:
        return _ROMAN[roman[-1]]
    trailing = re.search(r"(\d{1,2})\s*$", lowered)
    if trailing:
        return int(trailing.group(1))
    return None


def seniority_rank(name: str) -> int | None:
    """The highest seniority word's rank in a name, or None when it has none."""
    ranks = [SENIORITY[w] for w in words(name) if w in SENIORITY]
    if not ranks:
        return None
    rank = max(ranks)
    tokens = words(name)
    if "senior" in tokens and ("staff" in tokens or "principal" in tokens
                               or "manager" in tokens or "director" in tokens):
        rank += 1  # "Senior Staff" sits above "Staff"
    return rank


@lru_cache(maxsize=4096)
def name_class(name: str) -> NameClass:
    """Does this heading name a level? strong, weak, unknown or not-level (see module doc)."""
    text = name.strip()
    lowered = text.casefold()
    tokens = words(text)
    if not tokens:
        return "unknown"
    if text.endswith("?") or lowered.startswith(_SENTENCE_STARTS):
        return "not-level"
    if "→" in text or "->" in text or "⇒" in text:
        return "not-level"  # a step between two levels ("Junior → Mid"), not a level
    if any(t in _NOT_LEVEL_WORDS for t in tokens) or any(t in _PLURAL_ROLES for t in tokens):
        return "not-level"
    if level_number(text) is not None or seniority_rank(text) is not None:
        return "strong"
    if len(tokens) > 9:
        return "not-level"  # a sentence, not a name
    if len(text) == 1 and text.isalpha():
        return "weak"  # grades A, B, C
    if any(t in _ROLE_WORDS for t in tokens):
        return "weak"
    return "unknown"


def is_level_like(name: str) -> bool:
    """True for names that read as levels (strong or weak)."""
    return name_class(name) in ("strong", "weak")


def seniority_key(name: str) -> tuple[int, int]:
    """(seniority rank, number) for ordering levels; a plain job title ranks in the middle."""
    rank = seniority_rank(name)
    number = level_number(name)
    return (PLAIN_RANK if rank is None else rank, -1 if number is None else number)


TrackKind = Literal["individual", "management", "other"]


def track_kind(name: str) -> TrackKind:
    """Whether a heading names an individual-contributor track, a management one, or neither."""
    tokens = set(words(name))
    lowered = name.casefold()
    if tokens & {"management", "manager", "managers", "managing", "people", "leadership"}:
        return "management"
    if ("individual contributor" in lowered or tokens & {"ic", "technical", "engineering",
                                                          "engineer", "specialist", "expert"}):
        return "individual"
    return "other"


def is_track_heading(name: str) -> bool:
    """A heading that announces a track or path: "Individual Contributor Track", "Manager
    path", or a kind of career that is not itself a level ("Engineering", "Managers")."""
    tokens = set(words(name))
    if tokens & {"track", "tracks", "path", "paths"}:
        return True
    return track_kind(name) != "other" and name_class(name) in ("not-level", "unknown")


_INDEX_STEMS = frozenset("index _index readme home summary toc contents sidebar _sidebar".split())
_OTHER_STEMS = {
    "faq": "a list of questions and answers", "faqs": "a list of questions and answers",
    "glossary": "a glossary", "changelog": "a change log", "changes": "a change log",
    "history": "a change log", "contributing": "notes for contributors",
    "license": "a licence", "licence": "a licence", "about": "an about page",
    "overview": "an overview page", "introduction": "an introduction",
    "intro": "an introduction", "template": "a template",
}


def page_kind(stem: str, title: str | None) -> str | None:
    """Why a folder's page is not a level (index, FAQ, glossary...), or None when it may be one."""
    key = stem.casefold().strip()
    compact = key.replace("-", "").replace("_", "").replace(" ", "")
    if key in _INDEX_STEMS or compact in _INDEX_STEMS:
        return "a section index page"
    for word, why in _OTHER_STEMS.items():
        if compact == word or compact.startswith(word) or compact.endswith(word):
            return why
    if title:
        tokens = set(words(title))
        for word, why in _OTHER_STEMS.items():
            if word in tokens:
                return why
        if {"frequently", "asked"} <= tokens:
            return "a list of questions and answers"
    return None


_QUOTED_RE = re.compile(r"[\"“]([^\"“”\n]{2,80})[\"”]")


def quoted_name(heading: str) -> str | None:
    """The quoted name in a heading such as 'What does "Staff Engineer" mean?'."""
    match = _QUOTED_RE.search(heading)
    if match and name_class(match.group(1)) in ("strong", "weak"):
        return match.group(1).strip()
    return None


_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def humanize_stem(stem: str) -> str:
    """A file stem as a name: "StaffEngineer" -> "Staff Engineer", "level-2" -> "level 2"."""
    spaced = _CAMEL_RE.sub(" ", stem.replace("_", " ").replace("-", " "))
    return " ".join(spaced.split())
