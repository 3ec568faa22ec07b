"""When to back up and which backups to keep: pure rules, every moment passed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

PERIOD = timedelta(minutes=30)
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
# A backup made by hand or before a risky operation (import, restore, purge, migration) is
# also kept for a week, so that "undo the import of this morning" still works after later
# periodic backups have taken the day's place.
KEEP_RISKY_FOR = timedelta(days=7)


@dataclass(frozen=True)
class Made:
    """One existing backup as the rules see it."""

    id: str
    made_at: datetime
    reason: str
    readable: bool


def is_risky_reason(reason: str) -> bool:
    """True for a backup made by hand or before an operation that changes much at once."""
    return reason == "manual" or reason.startswith("before-")


def backup_due(changed: bool, newest: datetime | None, now: datetime) -> bool:
    """True when the journal changed since its newest backup and that backup is 30 minutes old."""
    return changed and (newest is None or now - newest >= PERIOD)


def backups_to_keep(made: Sequence[Made], now: datetime) -> set[str]:
    """The ids to keep: the newest of each of the 12 most recent days with a backup, of 10 weeks
    and of 9 months, recent risky-operation backups, and always the newest readable one."""
    newest_first = sorted(made, key=lambda m: m.made_at, reverse=True)
    keep: set[str] = set()
    for key, count in ((lambda d: d.date(), KEEP_DAILY),
                       (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                       (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for item in newest_first:
            period = key(item.made_at)
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.append(period)
            keep.add(item.id)
    for item in newest_first:
        if is_risky_reason(item.reason) and now - item.made_at <= KEEP_RISKY_FOR:
            keep.add(item.id)
    readable = [m for m in newest_first if m.readable]
    if readable:
        keep.add(readable[0].id)
    return keep


def size_text(size: int) -> str:
    """A file size for people: 812 B, 34 KB, 2.1 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
