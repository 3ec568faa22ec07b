"""Evidence per dimension over the months of a period: the numbers behind the case-at-a-glance chart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class EvidencePoint:
    """One piece of evidence: a linked entry (its id, day and star) and the dimension of the
    expectation it is linked to."""

    entry_id: int
    day: date
    starred: bool
    dimension: str


@dataclass(frozen=True)
class DimensionSeries:
    """Counts of one dimension, month by month: starred and other entries."""

    dimension: str
    starred: tuple[int, ...]
    other: tuple[int, ...]

    @property
    def total(self) -> int:
        """All evidence of this dimension in the period."""
        return sum(self.starred) + sum(self.other)

    def quiet_months(self) -> int:
        """How many months at the end of the period have no evidence for this dimension."""
        count = 0
        for s, o in zip(reversed(self.starred), reversed(self.other), strict=True):
            if s or o:
                break
            count += 1
        return count


@dataclass(frozen=True)
class EvidenceChart:
    """The months of the period (oldest first) and one series per dimension, in ladder order."""

    months: tuple[tuple[int, int], ...]
    series: tuple[DimensionSeries, ...]

    def labels(self) -> list[str]:
        """Month labels: "Jan" and, at January and the first month, the year ("Jan 2026")."""
        out = []
        for i, (year, month) in enumerate(self.months):
            name = MONTH_ABBR[month - 1]
            out.append(f"{name} {year}" if i == 0 or month == 1 else name)
        return out

    @property
    def empty(self) -> bool:
        """True when no dimension has any evidence in the period."""
        return all(s.total == 0 for s in self.series)


def months_between(since: date, until: date) -> tuple[tuple[int, int], ...]:
    """Every (year, month) from ``since``'s month to ``until``'s, both included."""
    if since > until:
        raise ValueError("the period starts after it ends")
    months = []
    year, month = since.year, since.month
    while (year, month) <= (until.year, until.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def evidence_chart(points: Iterable[EvidencePoint], dimensions: Iterable[str],
                   since: date, until: date) -> EvidenceChart:
    """Count the evidence of the period per dimension and month. ``dimensions`` gives the order
    (the ladder's); a dimension is matched without regard to case; points outside the period
    or of another dimension are left out. An entry linked to two expectations of one dimension
    counts once there."""
    months = months_between(since, until)
    index = {m: i for i, m in enumerate(months)}
    names: dict[str, str] = {}
    for d in dimensions:
        names.setdefault(d.casefold(), d)
    starred = {k: [0] * len(months) for k in names}
    other = {k: [0] * len(months) for k in names}
    for p in set(points):
        key = p.dimension.casefold()
        if key not in names or not since <= p.day <= until:
            continue
        i = index[(p.day.year, p.day.month)]
        (starred if p.starred else other)[key][i] += 1
    return EvidenceChart(months, tuple(
        DimensionSeries(name, tuple(starred[k]), tuple(other[k])) for k, name in names.items()))
