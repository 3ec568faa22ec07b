"""The promotion brief before any target is set: the period's wins as a brag document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fikadesk.briefs.markdown import bullets, document, heading, inline, long_date, plural
from fikadesk.briefs.promotion import STAR, PromotionOptions, entry_item, shown
from fikadesk.briefs.promotion_plan import plan_sections
from fikadesk.domain.journal.entries import Entry
from fikadesk.domain.plan.records import PlanState

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

NO_TARGET_LINE = ("No target level is set yet, so these wins are grouped by month. Choose the "
                  "level you aim for (Target tab, or fikadesk target set) and this brief groups "
                  "them by that level's expectations instead.")


@dataclass(frozen=True)
class BragInput:
    """The wins of the period (any order) and the plan, if one is kept."""

    entries: tuple[Entry, ...]
    plan: PlanState | None = None


def _by_month(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by month, newest month first; inside a month starred first, then newest."""
    groups: dict[tuple[int, int], list[Entry]] = {}
    for e in entries:
        groups.setdefault((e.day.year, e.day.month), []).append(e)
    return [(f"{MONTHS[month - 1]} {year}",
             sorted(items, key=lambda e: (not e.starred, -e.day.toordinal(), e.id)))
            for (year, month), items in sorted(groups.items(), reverse=True)]


def build_brag(data: BragInput, options: PromotionOptions, today: date) -> str:
    """Return the wins of the period as CommonMark: starred wins first, then the others by month.

    Private and trashed entries and entries outside the period never appear; unstarred entries
    appear only when the options include them.
    """
    wins = shown(data.entries, options)
    starred = [e for e in wins if e.starred]
    others = [e for e in wins if not e.starred]
    scope = (f"Prepared on {long_date(today)} from journal entries dated "
             f"{long_date(options.since)} to {long_date(options.until)}")
    scope += "; starred entries only." if not options.include_unstarred else "."
    count = (f"{plural(len(wins), 'win')} in this period, {len(starred)} starred "
             f"({STAR}: a moment of work at the next level)." if wins
             else "No wins are recorded in this period yet.")
    parts = [heading(1, "Promotion case: my wins"), scope, NO_TARGET_LINE, count]
    if starred:
        parts.append(heading(2, "Starred wins"))
        for month, items in _by_month(starred):
            parts.extend([heading(3, inline(month)), bullets(entry_item(e) for e in items)])
    if others:
        parts.append(heading(2, "Other wins"))
        for month, items in _by_month(others):
            parts.extend([heading(3, inline(month)), bullets(entry_item(e) for e in items)])
    if data.plan:
        parts.append(plan_sections(data.plan, options.since, options.until, today))
    return document(*parts)
