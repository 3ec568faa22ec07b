"""A small grammar of time expressions that places each horizon in an answer as now, next or future."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Part = Literal["now", "next", "future"]

NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "few": 3, "a few": 3, "couple": 2, "a couple": 2, "couple of": 2,
    "a couple of": 2, "several": 4, "half a": 0.5, "a half": 0.5, "half": 0.5,
}
"""Quantity words as speakers use them before a unit of time; 'a few' is read as about three."""

ORDINALS: dict[str, float] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
"""Ordinal words: 'third year' and 'year three' name the same step."""

UNIT_YEARS: dict[str, float] = {"day": 1 / 365, "week": 1 / 52, "month": 1 / 12, "year": 1, "decade": 10}
"""Length of each unit of time in years."""

TERM_YEARS: dict[str, float] = {
    "long": 10, "longer": 10, "far": 10, "distant": 10, "further": 10,
    "middle": 3, "medium": 3, "mid": 3, "near": 0.5, "nearer": 0.5, "short": 0.5, "shorter": 0.5,
    "immediate": 0.5,
}
"""Rough horizon in years of 'the long run', 'the middle term', 'the near future' and the like."""

NEXT_FROM, FUTURE_FROM = 1.0, 5.0
"""A horizon under a year is Now; from one year up to five it is Next; five and over is Future."""

_NUM = (r"(?:\d+(?:\.\d+)?|a couple of|couple of|a couple|a few|half a|a half|an|a|one|two|three|"
        r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|few|"
        r"several|couple)")
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_QTY = (rf"(?P<n1>{_NUM})(?:\s*(?:,|or|to|-|\u2013)\s*(?P<n2>{_NUM}))?\s+(?:more\s+|other\s+)?{_UNIT}"
        rf"(?:\s+or\s+(?P<n3>{_NUM})\b)?")
_ORD = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_CARD = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_ADJ = "|".join(TERM_YEARS)

_TIME = re.compile(
    # 'in the next two, three years', 'after four years', 'Next few years', 'first six months';
    # without a preposition the quantity needs a tail: 'two, three years from now', 'two years in,'
    rf"\b(?P<pre>(?:(?:in|within|over|for|during|after)\s+)?(?:the\s+|my\s+)?(?:next|coming|first|"
    rf"following)\s+|(?:in|within|after|over|during)\s+(?:(?:about|around|roughly|exactly|maybe|"
    rf"perhaps|another|just|the)\s+)?)?{_QTY}\b"
    rf"(?(pre)|\s+(?:from\s+now|later|on\b|out\b|ahead|down\s+the\s+(?:line|road)|hence|"
    rf"in(?=\s*[,.;:!?])|into\s+(?:the|this)\s+(?:role|job)))"
    # 'year one', 'end of year four', 'month seven'
    rf"|\b(?P<end>end\s+of\s+(?:the\s+)?)?(?P<cunit>year|month)\s+(?P<card>{_CARD})\b(?!\s*[%.,]\d)"
    # 'third year', 'by the end of the second year'
    rf"|\b(?P<oend>end\s+of\s+(?:the\s+|my\s+)?)?(?P<ord>{_ORD})\s+(?P<ounit>year|month)\b"
    # 'in the longer run', 'in the middle term', 'in the far future', 'over the longer period'
    rf"|\b(?:(?:in|over|for|on|at)\s+(?:the\s+|a\s+)?)?(?P<adj>{_ADJ})(?:-|\s+)(?:term|run)\b"
    rf"|\b(?:in|over|for|on|at)\s+(?:the|a)\s+(?P<adj2>{_ADJ})\s+(?:future|period|haul)\b"
    # 'for the long time' (a common non-native 'in the long term')
    r"|\b(?:in|over|for)\s+the\s+(?P<adj3>long|longer)\s+time\b"
    r"|\b(?P<soon>straight\s+away|right\s+away|at\s+once|this\s+year)\b"
    r"|\b(?P<nexty>next\s+year|the\s+year\s+after)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Horizon:
    """One time expression: its span [start, end), its rough distance in years, and its part."""

    start: int
    end: int
    years: float
    part: Part


def part_of(years: float) -> Part:
    """Now, Next or Future for a horizon of this many years."""
    if years < NEXT_FROM:
        return "now"
    return "next" if years < FUTURE_FROM else "future"


def _number(word: str | None) -> float:
    if not word:
        return 0.0
    low = " ".join(word.lower().split())
    return float(low) if low[0].isdigit() else NUMBERS.get(low, ORDINALS.get(low, 0.0))


def _years(m: re.Match[str]) -> float:
    g = m.groupdict()
    if g["unit"]:
        count = max(_number(g["n1"]), _number(g["n2"]), _number(g["n3"]))
        return count * UNIT_YEARS[g["unit"].lower()]
    for unit, num, end in (("cunit", "card", "end"), ("ounit", "ord", "oend")):
        if g[unit]:  # 'year three' covers the time up to its end; 'end of year three' is three
            step = _number(g[num]) * UNIT_YEARS[g[unit].lower()]
            return step if g[end] or g[unit].lower() == "month" else step - 0.5
    adj = g["adj"] or g["adj2"] or g["adj3"]
    if adj:
        return TERM_YEARS[adj.lower()]
    return 0.5 if g["soon"] else 1.0


@lru_cache(maxsize=64)
def horizons(text: str) -> tuple[Horizon, ...]:
    """Every time expression in the text, in order, with its distance and Now/Next/Future part."""
    found = []
    for m in _TIME.finditer(text):
        years = _years(m)
        if years > 0:
            found.append(Horizon(m.start(), m.end(), years, part_of(years)))
    return tuple(found)


def parts(text: str) -> set[Part]:
    """The parts the answer's time expressions cover; of two or more different Next horizons,
    the furthest also stands for the Future part (a chain of steps: year two, then year four)."""
    found = horizons(text)
    covered: set[Part] = {h.part for h in found}
    nexts = [h.years for h in found if h.part == "next"]
    if len(set(nexts)) >= 2 and max(nexts) > nexts[0]:
        covered.add("future")
    return covered
