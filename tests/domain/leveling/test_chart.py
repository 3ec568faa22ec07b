"""Evidence per dimension and month: the counts, the months, the quiet ends and the labels."""

from __future__ import annotations

from datetime import date

import pytest

from fikadesk.domain.leveling.chart import EvidencePoint, evidence_chart, months_between

DIMS = ["Scope", "Impact", "Craft"]


def test_months_run_across_a_year_end() -> None:
    assert months_between(date(2025, 11, 30), date(2026, 2, 1)) == (
        (2025, 11), (2025, 12), (2026, 1), (2026, 2))
    with pytest.raises(ValueError):
        months_between(date(2026, 2, 1), date(2026, 1, 1))


def test_counts_per_dimension_and_month_starred_apart() -> None:
    points = [
        EvidencePoint(1, date(2026, 1, 5), True, "Scope"),
        EvidencePoint(1, date(2026, 1, 5), True, "Scope"),  # two expectations of one dimension
        EvidencePoint(2, date(2026, 1, 9), False, "scope"),  # case does not matter
        EvidencePoint(3, date(2026, 3, 2), False, "Impact"),
        EvidencePoint(4, date(2025, 12, 31), True, "Impact"),  # before the period
        EvidencePoint(5, date(2026, 2, 2), True, "Leadership"),  # not a dimension of this level
    ]
    chart = evidence_chart(points, DIMS, date(2026, 1, 1), date(2026, 3, 31))
    scope, impact, craft = chart.series
    assert (scope.dimension, scope.starred, scope.other) == ("Scope", (1, 0, 0), (1, 0, 0))
    assert (impact.starred, impact.other) == ((0, 0, 0), (0, 0, 1))
    assert craft.total == 0 and not chart.empty
    assert scope.quiet_months() == 2 and impact.quiet_months() == 0 and craft.quiet_months() == 3


def test_labels_name_the_year_at_the_start_and_each_january() -> None:
    chart = evidence_chart([], DIMS, date(2025, 11, 1), date(2026, 2, 1))
    assert chart.labels() == ["Nov 2025", "Dec", "Jan 2026", "Feb"]
    assert chart.empty
