"""Comparing two levels: each higher expectation paired with the lower one it grows from."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from fikadesk.domain.leveling.ladder import Expectation, Ladder, normalize_expectation_text
from fikadesk.domain.stemming import snowball_stem

ChangeKind = Literal["same", "changed", "new"]

#: difflib ratio of normalized texts at or above which two expectations say the same thing.
SAME_RATIO = 0.85
#: Share of stemmed words two expectations of *different* dimensions must have in common to
#: pair: a dimension renamed or split still finds its older wording, a chance word does not.
CROSS_DIMENSION_SHARE = 0.4

_WORD = re.compile(r"[\w’']+(?:-[\w’']+)*|[^\w\s]")

# Words that join a sentence together but say nothing of what a level asks: they neither pair
# two expectations nor anchor the comparison of two wordings.
STOPWORDS = frozenset("""
a an and any are as at be been being both but by can do does each for from has have in into is
it its itself of on or so such than that the their them then these they this those to too was
were what when where which while who whom with who's own not no nor also all other others
""".split())
def _key(token: str) -> str:
    """The form two words are compared by: lower case, stemmed, a trailing "'s" dropped."""
    word = token.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return snowball_stem(word.strip("'"))


def content_stems(text: str) -> frozenset[str]:
    """The stemmed words of ``text`` that carry meaning (stop words and punctuation left out)."""
    return frozenset(_key(t) for t in _WORD.findall(text)
                     if t[0].isalnum() and t.casefold() not in STOPWORDS)


def word_share(a: str, b: str) -> float:
    """Dice overlap (0-1) of the content stems of two texts."""
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def _is_filler(tokens: list[str]) -> bool:
    return all(not t[0].isalnum() or t.casefold() in STOPWORDS for t in tokens)


def _trim(tokens: list[str]) -> list[str]:
    """Drop stop words and punctuation from both ends of a run of words."""
    start, end = 0, len(tokens)
    while start < end and _is_filler(tokens[start:start + 1]):
        start += 1
    while end > start and _is_filler(tokens[end - 1:end]):
        end -= 1
    return tokens[start:end]


def _join(tokens: list[str]) -> str:
    text = ""
    for token in tokens:
        text += token if not token[0].isalnum() and token not in "(&" else f" {token}"
    return text.strip()


def _sentence_case(tokens: list[str]) -> list[str]:
    """The words with a capital that only starts the sentence made lower case ("Ships" ->
    "ships"), so a part taken from the start reads like the rest; "SQL" or "Jira" stay."""
    if tokens and tokens[0][:1].isupper() and tokens[0][1:].islower():
        return [tokens[0].lower(), *tokens[1:]]
    return tokens


def _anchors_in_order(low: list[str], high: list[str]) -> list[tuple[int, int]]:
    """Shared meaningful words, aligned with every word taking part ("for the team" holds)."""
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in low], b=[_key(t) for t in high],
                                      autojunk=False)
    return [(b.a + k, b.b + k) for b in matcher.get_matching_blocks()
            for k in range(b.size) if not _is_filler(low[b.a + k:b.a + k + 1])]


def _anchors_of_content(low: list[str], high: list[str]) -> list[tuple[int, int]]:
    """Shared meaningful words, aligned on those words alone: a shared "and" or "." cannot
    pull the alignment away from a shared "incidents" further on."""
    at_low = [i for i, t in enumerate(low) if not _is_filler([t])]
    at_high = [j for j, t in enumerate(high) if not _is_filler([t])]
    matcher = difflib.SequenceMatcher(a=[_key(low[i]) for i in at_low],
                                      b=[_key(high[j]) for j in at_high], autojunk=False)
    return [(at_low[b.a + k], at_high[b.b + k]) for b in matcher.get_matching_blocks()
            for k in range(b.size)]


def describe_change(lower: str, upper: str) -> str:
    """The words that differ between two wordings, as "old → new" parts joined by "; ".

    Words are compared by stem, so "project" and "projects" count as kept; only shared words
    that carry meaning hold the two wordings together (a shared "a" or "the" does not split a
    change in two). A part whose words are only dropped reads "− old"; one only added reads
    "+ new". Empty when nothing but small words differ, and when the two share no word that
    carries meaning: then every word changed, and the older wording says more than a diff.
    """
    low, high = _sentence_case(_WORD.findall(lower)), _sentence_case(_WORD.findall(upper))
    anchors = max(_anchors_in_order(low, high), _anchors_of_content(low, high), key=len)
    if not anchors:
        return ""
    parts: list[str] = []
    i = j = 0
    for ai, bj in [*anchors, (len(low), len(high))]:
        old, new = _trim(low[i:ai]), _trim(high[j:bj])
        if old and new:
            parts.append(f"{_join(old)} → {_join(new)}")
        elif new:
            parts.append(f"+ {_join(new)}")
        elif old:
            parts.append(f"\u2212 {_join(old)}")
        i, j = ai + 1, bj + 1
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ExpectationChange:
    """One expectation of the higher level and what it grows from in the lower one.

    ``kind`` is "same" (the lower level already says this), "changed" (``was`` is the lower
    expectation it grows from, ``change`` the words that differ) or "new" (nothing to pair).
    """

    expectation: Expectation
    kind: ChangeKind
    was: Expectation | None = None
    change: str = ""


def _same(a: Expectation, b: Expectation) -> bool:
    x, y = normalize_expectation_text(a.text), normalize_expectation_text(b.text)
    return x == y or difflib.SequenceMatcher(a=x, b=y, autojunk=False).ratio() >= SAME_RATIO


def _pair_greedy(uppers: list[Expectation], lowers: list[Expectation], minimum: float | None,
                 pairs: dict[int, Expectation]) -> None:
    """Pair the closest (upper, lower) wordings first, each lower used once; ``pairs`` is keyed
    by the position of the upper expectation in ``uppers``. With ``minimum`` None every pair
    counts, even one with no word in common (ties go to ladder order)."""
    scored = sorted(((word_share(u.text, lo.text), ui, li)
                     for ui, u in enumerate(uppers) if ui not in pairs
                     for li, lo in enumerate(lowers)),
                    key=lambda s: (-s[0], s[1], s[2]))
    used_lower: set[int] = set()
    for score, ui, li in scored:
        if (minimum is not None and (score <= 0 or score < minimum)) or ui in pairs \
                or li in used_lower:
            continue
        pairs[ui] = lowers[li]
        used_lower.add(li)


def pair_levels(ladder: Ladder, lower_name: str, upper_name: str) -> tuple[ExpectationChange, ...]:
    """Every expectation of ``upper_name``, in ladder order, paired with ``lower_name``.

    Rules, in order: an upper expectation whose wording the lower level already has (in any
    dimension) is "same". The rest pair within their dimension, closest wording first (shared
    stemmed words; the dimension says they are one thread, so within it a pair needs no shared
    word), each lower expectation used once. What is left pairs across dimensions only when at
    least CROSS_DIMENSION_SHARE of the words are shared. Anything still alone is "new".
    Raises KeyError for an unknown level.
    """
    lower = ladder.level(lower_name)
    upper = ladder.level(upper_name)
    uppers = list(upper.expectations)
    kinds: dict[int, ExpectationChange] = {}
    for ui, exp in enumerate(uppers):
        match = next((lo for lo in lower.expectations if _same(exp, lo)), None)
        if match is not None:
            kinds[ui] = ExpectationChange(exp, "same", match)
    taken = {id(c.was) for c in kinds.values()}
    pairs: dict[int, Expectation] = {}
    for dimension in upper.dimensions:
        key = dimension.casefold()
        ups = [ui for ui, e in enumerate(uppers) if e.dimension.casefold() == key and ui not in kinds]
        lows = [lo for lo in lower.expectations_for(dimension) if id(lo) not in taken]
        found: dict[int, Expectation] = {}
        _pair_greedy([uppers[ui] for ui in ups], lows, None, found)
        for i, lo in found.items():
            pairs[ups[i]] = lo
            taken.add(id(lo))
    rest = [ui for ui in range(len(uppers)) if ui not in kinds and ui not in pairs]
    spare = [lo for lo in lower.expectations if id(lo) not in taken]
    found = {}
    _pair_greedy([uppers[ui] for ui in rest], spare, CROSS_DIMENSION_SHARE, found)
    for i, lo in found.items():
        pairs[rest[i]] = lo
    for ui, lo in pairs.items():
        kinds[ui] = ExpectationChange(uppers[ui], "changed", lo,
                                      describe_change(lo.text, uppers[ui].text))
    return tuple(kinds.get(ui, ExpectationChange(e, "new")) for ui, e in enumerate(uppers))
