"""Dates in a journal search: "2026", "2026-03" or "2026-03-14" narrow the period searched."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# A year, a year-month or a full date standing alone (not inside "v2026-03-x" or "2026-03-14b").
_DATE_TERM = re.compile(r"(?<![\w-])(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\w-])")
_FIRST_YEAR, _LAST_YEAR = 1900, 9999


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """What a search asks for: the words left for full-text search and the period named.

    ``since``/``until`` are None when no date was typed; ``periods`` lists the periods as typed.
    """

    words: str
    since: date | None = None
    until: date | None = None
    periods: tuple[str, ...] = ()


def period_of(term: str) -> tuple[date, date] | None:
    """First and last day of a year ("2026"), a month ("2026-03") or a day ("2026-03-14").

    None when ``term`` is not one of those or names no real date ("2026-13", "2026-02-30").
    """
    found = _DATE_TERM.fullmatch(term.strip())
    if found is None:
        return None
    year = int(found.group(1))
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    month = int(found.group(2)) if found.group(2) else None
    day = int(found.group(3)) if found.group(3) else None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last)
    if not 1 <= day <= last:
        return None
    return date(year, month, day), date(year, month, day)


def split_search(text: str) -> SearchTerms:
    """Take the dates out of what a person typed; the rest stays words.

    Several dates narrow together ("2026 2026-03" is March 2026); dates that do not overlap
    give a period that ends before it starts, which matches nothing. Something shaped like a
    date that is not one ("2026-13") stays a word.
    """
    since: date | None = None
    until: date | None = None
    periods: list[str] = []
    kept: list[str] = []
    last = 0
    for found in _DATE_TERM.finditer(text):
        period = period_of(found.group(0))
        if period is None:
            continue
        kept.append(text[last:found.start()])
        last = found.end()
        periods.append(found.group(0))
        since = period[0] if since is None else max(since, period[0])
        until = period[1] if until is None else min(until, period[1])
    kept.append(text[last:])
    return SearchTerms(" ".join("".join(kept).split()), since, until, tuple(periods))
