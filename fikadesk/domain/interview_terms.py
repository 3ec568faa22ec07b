"""Key terms from a job description and how well a set of answers covers them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

TermKind = Literal["skill", "responsibility", "other"]

STOP_WORDS: frozenset[str] = frozenset(
    """a about above across after again against all almost also am among an and any are around
    as at be been before being below between both but by can could did do does doing done down
    during each either else etc even ever every few for from further had has have having he her
    here hers him his how i if in into is it its itself just least less let like may me might
    more most much must my myself near neither no nor not now of off often on once one only or
    other others our ours ourselves out over own per please plus quite rather really same she
    should since so some such than that the their theirs them then there these they this those
    though through to too toward towards under until up upon us very via was we well were what
    whatever when where whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves i'm i'd i'll i've you'll you're you've we're we'll
    we've it's don't can't won't isn't aren't wasn't""".split()
)
"""Plain English function words, never a key term on their own."""

JOB_AD_WORDS: frozenset[str] = frozenset(
    """ability able apply applicant applicants benefits bonus candidate candidates company
    day days degree desired environment equivalent excellent experience experienced fast-paced
    good great ideal ideally including join key knowledge looking nice offer opportunity
    opportunities paced passion passionate preferred proven related required requirement
    requirements responsibilities responsibility role salary seeking skills skill strong
    successful team teams understanding work working year years you'll we're what's world
    wide new help make ensure using use based across within closely""".split()
)
"""Words every job advert uses; they carry no information about this particular job."""

SKILL_HINTS: frozenset[str] = frozenset(
    """sql python java javascript typescript go rust kotlin swift react vue angular django
    flask spring kubernetes docker terraform aws azure gcp linux git airflow spark kafka dbt
    tableau looker excel figma sketch salesforce hubspot zendesk jira seo sem analytics
    statistics testing automation security accessibility research writing communication
    negotiation modelling modeling forecasting budgeting design prototyping""".split()
)
"""Single words that name a skill or tool even outside a requirements list."""

ACTION_WORDS: frozenset[str] = frozenset(
    """build builds building maintain maintains own owns lead leads run runs manage manages
    develop develops create creates drive drives support supports write writes deliver
    delivers improve improves partner partners collaborate collaborates define defines
    work works bring brings report reports familiarity solid proficiency proficient hands-on
    comfortable""".split()
)
"""Verbs and qualifiers that start requirement bullets; they split phrases like stop words."""

_REQ_HEADING = re.compile(
    r"requirement|qualification|must[- ]have|nice to have|what you bring|you have|you bring|"
    r"skills|about you|who you are|we(?:'re| are) looking for",
    re.IGNORECASE,
)
_RESP_HEADING = re.compile(
    r"responsibilit|what you(?:'ll| will) do|you will|your role|duties|the job|day to day|"
    r"what the job involves|in this role",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25aa\u2013]|\d+[.)])\s+")
_WORD = re.compile(r"[a-z0-9\u00c0-\u024f][a-z0-9\u00c0-\u024f+#'\u2019.\-/]*[a-z0-9\u00c0-\u024f+#]"
                   r"|[a-z0-9\u00c0-\u024f]", re.IGNORECASE)
_BREAK = re.compile(r"[.;:!?,()\[\]]|\s[-\u2013\u2014]\s")


@dataclass(frozen=True)
class KeyTerm:
    """One term from a job description with its relative weight (0..1] and kind."""

    term: str
    weight: float
    kind: TermKind


@dataclass(frozen=True)
class Coverage:
    """Which key terms a set of texts touches, in the order the terms were given."""

    touched: tuple[str, ...]
    missing: tuple[str, ...]


def stem(word: str) -> str:
    """Light stemming: folds case, possessives, plurals and -ing/-ed endings, nothing more."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into (word, start, end) triples; keeps tokens like c++, node.js, ci/cd."""
    return [(m.group(0).rstrip("."), m.start(), m.start() + len(m.group(0).rstrip(".")))
            for m in _WORD.finditer(text)]


def _is_noise(word: str) -> bool:
    low = word.lower().replace("\u2019", "'")
    return (
        low in STOP_WORDS
        or low in JOB_AD_WORDS
        or low in ACTION_WORDS
        or not any(c.isalpha() for c in low)
        or len(low) < 2
    )


def _chunks(line: str) -> list[list[str]]:
    """Runs of content words in a line; phrases never cross a stop word or punctuation."""
    runs: list[list[str]] = []
    for piece in _BREAK.split(line):
        run: list[str] = []
        for word, _, _ in tokenize(piece):
            if _is_noise(word):
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(word.lower())
        if run:
            runs.append(run)
    return runs


def extract_key_terms(description: str, top_n: int = 10) -> tuple[KeyTerm, ...]:
    """Rank single words and 2-3 word phrases of a job description by weighted frequency.

    Each occurrence scores 1, plus 1 inside a bullet under a requirements or
    responsibilities heading, plus 0.5 in the first fifth of the text. Phrases are kept only
    when they recur or sit in such a bullet, and score 1.5x (two words) or 2x (three words).
    A term that contains, or sits inside, a better-ranked term is dropped. Weights are scaled so the top is 1.
    """
    lines = description.splitlines()
    total = max(len(description), 1)
    scores: dict[tuple[str, ...], float] = {}
    counts: dict[tuple[str, ...], int] = {}
    surface: dict[tuple[str, ...], str] = {}
    where: dict[tuple[str, ...], list[str]] = {}
    section = ""
    offset = 0
    for line in lines:
        pos = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        is_bullet = bool(_BULLET.match(line))
        if not is_bullet and len(stripped) < 60:
            if _REQ_HEADING.search(stripped):
                section = "req"
                continue
            if _RESP_HEADING.search(stripped):
                section = "resp"
                continue
        bonus = (1.0 if is_bullet and section else 0.0) + (0.5 if pos < total / 5 else 0.0)
        for run in _chunks(_BULLET.sub("", line)):
            for size in (1, 2, 3):
                for i in range(len(run) - size + 1):
                    words = run[i : i + size]
                    key = tuple(stem(w) for w in words)
                    factor = {1: 1.0, 2: 1.5, 3: 2.0}[size]
                    scores[key] = scores.get(key, 0.0) + (1.0 + bonus) * factor
                    counts[key] = counts.get(key, 0) + 1
                    surface.setdefault(key, " ".join(words))
                    where.setdefault(key, []).append(section if is_bullet else "")
    kept = [k for k in scores if len(k) > 1 and (counts[k] > 1 or any(where[k]))]
    for key in [k for k in scores if len(k) == 1]:
        inside = sum(scores[big] / (1.5 if len(big) == 2 else 2.0)
                     for big in kept if key[0] in big)
        scores[key] = max(scores[key] - inside, 0.0)
    ranked = sorted(
        (
            key
            for key in scores
            if scores[key] > 0 and (len(key) == 1 or counts[key] > 1 or any(where[key]))
        ),
        key=lambda k: (-scores[k], surface[k]),
    )
    chosen: list[tuple[str, ...]] = []
    for key in ranked:
        if any(_contains(big, key) or _contains(key, big) for big in chosen):
            continue
        chosen.append(key)
        if len(chosen) == top_n:
            break
    if not chosen:
        return ()
    top = scores[chosen[0]]
    return tuple(
        KeyTerm(surface[k], round(scores[k] / top, 3), _kind(surface[k], where[k]))
        for k in chosen
    )


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n < len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _kind(term: str, places: list[str]) -> TermKind:
    if any(w in SKILL_HINTS or any(c in w for c in "+#") for w in term.split()):
        return "skill"
    req, resp = places.count("req"), places.count("resp")
    if resp > req:
        return "responsibility"
    return "skill" if req else "other"


def _term_stems(term: KeyTerm | str) -> tuple[str, ...]:
    text = term.term if isinstance(term, KeyTerm) else term
    return tuple(stem(w) for w, _, _ in tokenize(text))


def term_spans(term: KeyTerm | str, text: str) -> list[tuple[int, int]]:
    """Character spans in text where the term occurs, matching stems word by word."""
    want = _term_stems(term)
    if not want:
        return []
    tokens = tokenize(text)
    stems = [stem(w) for w, _, _ in tokens]
    n = len(want)
    return [
        (tokens[i][1], tokens[i + n - 1][2])
        for i in range(len(stems) - n + 1)
        if tuple(stems[i : i + n]) == want
    ]


def term_coverage(terms: Iterable[KeyTerm | str], texts: Iterable[str]) -> Coverage:
    """Split terms into those some text mentions (stem-light match) and those none does."""
    bodies = list(texts)
    touched: list[str] = []
    missing: list[str] = []
    for term in terms:
        name = term.term if isinstance(term, KeyTerm) else term
        if any(term_spans(term, body) for body in bodies):
            touched.append(name)
        else:
            missing.append(name)
    return Coverage(tuple(touched), tuple(missing))
