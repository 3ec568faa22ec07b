"""Dates typed into a journal search become a period; the other words stay words."""

from __future__ import annotations

from datetime import date

import pytest

from fikadesk.domain.journal.search import SearchTerms, period_of, split_search


@pytest.mark.parametrize(("term", "expected"), [
    ("2026", (date(2026, 1, 1), date(2026, 12, 31))),
    ("2026-03", (date(2026, 3, 1), date(2026, 3, 31))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2026-3", (date(2026, 3, 1), date(2026, 3, 31))),
    ("2026-03-14", (date(2026, 3, 14), date(2026, 3, 14))),
    ("2026-13", None), ("2026-02-30", None), ("1850", None), ("26-03", None), ("march", None),
])
def test_period_of_a_year_month_or_day(term: str, expected: tuple[date, date] | None) -> None:
    assert period_of(term) == expected


def test_dates_leave_the_words_and_narrow_together() -> None:
    assert split_search("ledger 2026-03 migration") == SearchTerms(
        "ledger migration", date(2026, 3, 1), date(2026, 3, 31), ("2026-03",))
    assert split_search("2026 2026-03-14") == SearchTerms(
        "", date(2026, 3, 14), date(2026, 3, 14), ("2026", "2026-03-14"))
    assert split_search("plain words") == SearchTerms("plain words")
    # not dates: inside a word, shaped like a date but impossible
    assert split_search("v2026-03 release-2026 2026-13") == SearchTerms("v2026-03 release-2026 2026-13")
    apart = split_search("2025 2026")
    assert apart.since == date(2026, 1, 1) and apart.until == date(2025, 12, 31)
