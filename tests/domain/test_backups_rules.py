"""When a backup is due and which backups the retention rules keep."""

from __future__ import annotations

from datetime import datetime, timedelta

from fikadesk.domain.backups import Made, backup_due, backups_to_keep

NOW = datetime(2026, 11, 20, 12, 0)


def test_due_only_after_a_change_and_thirty_minutes() -> None:
    assert backup_due(True, None, NOW)
    assert not backup_due(False, None, NOW)
    assert not backup_due(True, NOW - timedelta(minutes=29, seconds=59), NOW)
    assert backup_due(True, NOW - timedelta(minutes=30), NOW)
    assert not backup_due(False, NOW - timedelta(days=3), NOW)


def _periodic_every_day(days: int) -> list[Made]:
    """One periodic backup at 09:00 and one at 17:00 on each of the last ``days`` days."""
    made = []
    for back in range(days):
        day = NOW - timedelta(days=back)
        for hour in (9, 17):
            moment = day.replace(hour=hour)
            if moment <= NOW:
                made.append(Made(moment.strftime("%Y%m%d-%H"), moment, "periodic", True))
    return made


def test_keeps_12_daily_10_weekly_9_monthly() -> None:
    made = _periodic_every_day(400)
    keep = backups_to_keep(made, NOW)
    kept = sorted((m for m in made if m.id in keep), key=lambda m: m.made_at, reverse=True)
    days = {m.made_at.date() for m in kept}
    # the newest of each of the last 12 days (today's 09:00: 17:00 has not come yet)
    for back in range(12):
        assert (NOW - timedelta(days=back)).date() in days
    assert sum(1 for m in kept if m.made_at.hour == 9) == 1  # only today keeps its 09:00 one
    weeks = {m.made_at.isocalendar()[:2] for m in kept}
    months = {(m.made_at.year, m.made_at.month) for m in kept}
    assert len(months) == 9
    assert len(weeks) >= 10
    # nothing older than the 9th month back survives
    assert min(m.made_at for m in kept) >= datetime(2026, 3, 1)
    # 12 daily + (10 weekly, 9 monthly that are not already daily ones): at most 31 files
    assert len(kept) <= 31
    assert len(kept) == len(keep)


def test_never_deletes_the_newest_readable_backup() -> None:
    old_good = Made("good", NOW - timedelta(days=800), "periodic", True)
    unreadable = [Made(f"bad{i}", NOW - timedelta(days=i), "periodic", False) for i in range(40)]
    keep = backups_to_keep([old_good, *unreadable], NOW)
    assert "good" in keep


def test_risky_backups_stay_a_week_even_when_the_day_has_a_newer_one() -> None:
    made = [
        Made("before-import", NOW - timedelta(hours=3), "before-import", True),
        Made("manual", NOW - timedelta(days=6), "manual", True),
        Made("old-manual", NOW - timedelta(days=6, hours=1), "manual", True),
        Made("periodic-late", NOW - timedelta(hours=1), "periodic", True),
        Made("periodic-early", NOW - timedelta(hours=2), "periodic", True),
        Made("before-restore-old", NOW - timedelta(days=8), "before-restore", True),
        Made("before-restore-old-2", NOW - timedelta(days=8, hours=1), "before-restore", True),
    ]
    assert backups_to_keep(made, NOW) == {"before-import", "manual", "old-manual", "periodic-late",
                                          "before-restore-old"}
