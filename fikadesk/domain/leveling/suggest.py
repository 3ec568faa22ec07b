"""Suggesting which expectations a win most likely evidences: BM25 over stemmed words, offline."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fikadesk.domain.leveling.stored import StoredExpectation, StoredLadder
from fikadesk.domain.stemming import snowball_stem

# BM25's usual constants; expectations are one sentence, so length matters little.
K1 = 1.2
B = 0.5
# A suggestion needs at least this share of the best score, and this much absolute weight:
# one weak shared word ("team") is not a reason to link.
MIN_SHARE = 0.45
MIN_SCORE = 1.0
MAX_SUGGESTIONS = 3
# A word found in more than this share of the ladder's expectations ("team", "work") can add to
# a score but is no reason on its own: a suggestion needs one rarer word or family in common.
COMMON_SHARE = 0.2
# In a small ladder a share says little (20% of seven texts is one): a word found in this many
# texts or fewer is never common, so a company ladder of a few expectations still gets
# suggestions.
COMMON_MIN = 2

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

# Words that say nothing about which expectation a win shows.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each few for from further
get got had has have having he her here hers him his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours out over own same she
should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours one two three new week weeks month months day days year years today yesterday really lot
""".split())

# Families of words people use for the same kind of work. A win and an expectation that use
# words of one family share that family's mark, as if they had used the same word. Stated as
# kinds of work a ladder describes, not as the words of any one ladder.
FAMILIES: dict[str, tuple[str, ...]] = {
    "mentor": ("mentor", "coach", "onboard", "teach", "pair", "pairing", "junior", "hire", "hires",
               "newcomer", "grow", "guid", "unstuck", "apprentice", "intern", "buddy"),
    "incident": ("incident", "outag", "on-call", "oncal", "pager", "page", "postmortem", "rollback",
                 "downtim", "sev", "runbook", "hotfix", "firefight"),
    "reliab": ("reliabl", "uptim", "resili", "stabil", "monitor", "alert", "observ", "slo", "sla",
               "latenc", "risk", "fragil"),
    "design": ("design", "architectur", "rfc", "proposal", "trade-off", "tradeoff", "adr",
               "diagram", "schema", "blueprint"),
    "decide": ("decid", "decis", "chose", "choos", "trade", "prioriti", "buy-in", "sign-off",
               "approv", "no"),
    "write": ("wrote", "write", "document", "doc", "docs", "writeup", "memo", "spec", "readm",
              "present", "talk", "demo", "explain", "communic", "newslett", "summari"),
    "crossteam": ("cross-team", "crossteam", "team", "teams", "org", "organis", "organiz",
                  "depart", "partner", "align", "agreement", "consensus", "stakehold", "conflict"),
    "plan": ("plan", "roadmap", "milestone", "quarter", "scope", "estim", "timelin", "deadlin",
             "breakdown", "okr", "goal"),
    "measure": ("metric", "measur", "kpi", "dashboard", "number", "percent", "baselin", "track",
                "a/b", "experi", "analysi", "analyt", "insight", "data"),
    "customer": ("custom", "user", "client", "interview", "feedback", "research", "usabl",
                 "persona", "survey", "support"),
    "quality": ("test", "review", "qualiti", "standard", "lint", "bug", "regress", "refactor",
                "clean", "debt", "code"),
    "ship": ("ship", "launch", "releas", "deliv", "rollout", "deploy", "live", "shipped"),
    "speed": ("faster", "speed", "automat", "pipelin", "ci", "tool", "tooling", "effici",
              "product", "time", "hour", "minut"),
    "strategy": ("strategi", "vision", "direct", "long-term", "multi-year", "north", "bet",
                 "invest"),
    "hiring": ("hire", "hiring", "interview", "recruit", "candid", "loop"),
    "own": ("own", "owner", "ownership", "lead", "led", "drove", "driv", "independ",
            "autonom", "initi"),
}

def _families_of(stem: str) -> tuple[str, ...]:
    return _FAMILY_INDEX.get(stem, ())


def _build_family_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for family, words in FAMILIES.items():
        for word in words:
            for form in {word, snowball_stem(word)}:
                index.setdefault(form, []).append(family)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


_FAMILY_INDEX = _build_family_index()


def terms(text: str) -> list[str]:
    """The words of ``text`` that can tie it to an expectation: stemmed, without stopwords, plus
    a ``~family`` mark for each family of kindred words a word belongs to."""
    found: list[str] = []
    lowered = text.casefold().replace("-", " - ")
    raw = _WORD.findall(lowered)
    # Keep hyphenated pairs (on-call, cross-team) as one word too.
    joined = re.findall(r"[a-z0-9]+-[a-z0-9]+", text.casefold())
    for word in [*raw, *joined]:
        word = word.replace("’", "'").split("'")[0]
        if not word or word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        if word.isdigit():
            continue
        stem = snowball_stem(word) if "-" not in word else word
        found.append(stem)
        for family in {*_families_of(word), *_families_of(stem)}:
            found.append(f"~{family}")
    return found


@dataclass(frozen=True)
class Suggestion:
    """One expectation a win may evidence, its score and the words of the win that point to it."""

    expectation: StoredExpectation
    score: float
    because: tuple[str, ...]


@dataclass(frozen=True)
class _Doc:
    expectation: StoredExpectation
    counts: Counter[str]
    length: int


class LinkSuggester:
    """Ranks the expectations of one level for a win. Word weights (IDF) come from ``corpus``,
    every expectation text of the ladder, so a word all levels share counts for little."""

    def __init__(self, candidates: Sequence[StoredExpectation],
                 corpus: Iterable[str] | None = None) -> None:
        self._docs = [self._doc(ex) for ex in candidates]
        texts = list(corpus) if corpus is not None else []
        bags = [set(terms(t)) for t in texts] + [set(d.counts) for d in self._docs]
        self._n = len(bags)
        self._df: Counter[str] = Counter(t for bag in bags for t in bag)
        self._avg = (sum(d.length for d in self._docs) / len(self._docs)) if self._docs else 1.0

    @staticmethod
    def _doc(ex: StoredExpectation) -> _Doc:
        words = terms(ex.text) + terms(ex.dimension)
        return _Doc(ex, Counter(words), max(1, len(words)))

    def _idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def rank(self, text: str, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
        """The expectations ``text`` most likely evidences, best first; none when nothing fits."""
        query = Counter(terms(text))
        scored: list[Suggestion] = []
        for doc in self._docs:
            score = 0.0
            distinctive = False
            because: list[str] = []
            for term, q_count in query.items():
                tf = doc.counts.get(term, 0)
                if not tf:
                    continue
                weight = 0.5 if term.startswith("~") else 1.0
                norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length / self._avg))
                score += weight * self._idf(term) * norm * (1 + math.log(q_count))
                distinctive = distinctive or self._df.get(term, 0) <= max(COMMON_MIN,
                                                                          COMMON_SHARE * self._n)
                if not term.startswith("~"):
                    because.append(term)
            if score > 0 and distinctive:
                scored.append(Suggestion(doc.expectation, round(score, 4), tuple(because)))
        scored.sort(key=lambda s: (-s.score, s.expectation.id))
        if not scored or scored[0].score < MIN_SCORE:
            return []
        best = scored[0].score
        return [s for s in scored[:limit] if s.score >= best * MIN_SHARE]


def suggestions_for(suggester: LinkSuggester, text: str, exclude: Iterable[int] = ()
                    ) -> list[Suggestion]:
    """The best (at most three) suggestions for ``text`` that are not among ``exclude``."""
    skip = set(exclude)
    ranked = suggester.rank(text, limit=MAX_SUGGESTIONS + len(skip))
    return [s for s in ranked if s.expectation.id not in skip][:MAX_SUGGESTIONS]


def win_text(title: str, body: str, impact: str, tags: Iterable[str] = ()) -> str:
    """The words of a win that a suggestion reads: its title counts twice, as people put the
    gist of a win there."""
    return " ".join([title, title, body, impact, *tags])


def suggester_for(ladder: StoredLadder, level_id: int) -> LinkSuggester:
    """A suggester over the expectations of one level of ``ladder``, with word weights from the
    whole ladder (so a word every level uses counts for little)."""
    level = next((lv for lv in ladder.levels if lv.id == level_id), None)
    candidates = level.expectations if level is not None else ()
    return LinkSuggester(candidates, [ex.text for lv in ladder.levels for ex in lv.expectations])
