"""Backups of an open journal: their record, the schedule, retention and restore."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.backups import BackupNotFoundError, settings_backup_folder
from fikadesk.services.container import Services, build_services
from tests.storage.helpers import mode, raw_query

START = datetime(2026, 11, 20, 10, 0)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def svc(journal_path: Path, clock: Clock, tmp_path: Path) -> Iterator[Services]:
    built = build_services(journal_path, clock=clock, backup_dir=tmp_path / "chosen")
    yield built
    built.close()


def _add(services: Services, title: str) -> None:
    services.journal.add(EntryDraft(day=date(2026, 11, 2), title=title))


def test_backup_records_reason_moment_and_entries(svc: Services, tmp_path: Path) -> None:
    _add(svc, "one")
    _add(svc, "two")
    info = svc.backups.back_up("manual")
    assert info.path.parent == tmp_path / "chosen"
    assert (info.id, info.reason, info.entries) == ("20261120-100000-000000", "manual", 2)
    assert info.made_at == START
    assert mode(info.path) == 0o600
    assert raw_query(info.path, "PRAGMA integrity_check") == [("ok",)]
    assert svc.backups.list() == [info]


def test_periodic_backup_waits_for_a_change_and_thirty_minutes(svc: Services, clock: Clock) -> None:
    assert svc.backups.back_up_if_due() is not None  # no backup yet: the first one
    clock.now += timedelta(hours=2)
    assert svc.backups.back_up_if_due() is None  # nothing changed since
    _add(svc, "new")
    clock.now += timedelta(minutes=1)
    assert svc.backups.back_up_if_due() is not None  # changed, and the last one is 2 h old
    _add(svc, "newer")
    clock.now += timedelta(minutes=29)
    assert svc.backups.back_up_if_due() is None  # changed, but only 29 minutes later
    clock.now += timedelta(minutes=1)
    made = svc.backups.back_up_if_due()
    assert made is not None and (made.reason, made.entries) == ("periodic", 2)


def test_close_backup_only_after_changes(svc: Services, clock: Clock) -> None:
    svc.backups.back_up("manual")
    clock.now += timedelta(seconds=5)
    assert svc.backups.back_up_if_changed() is None
    _add(svc, "late change")
    made = svc.backups.back_up_if_changed()
    assert made is not None and made.reason == "on-close"


def test_retention_prunes_old_periodic_backups(svc: Services, clock: Clock) -> None:
    for day in range(20):
        _add(svc, f"day {day}")
        clock.now = START + timedelta(days=day)
        svc.backups.back_up("periodic")
    kept = svc.backups.list()
    assert len(kept) == 12 + 1  # 12 days, plus the newest of the weeks before (weekly slot)
    assert kept[0].made_at == START + timedelta(days=19)


def test_risky_operations_back_up_first(svc: Services) -> None:
    _add(svc, "to trash")
    entry_id = svc.journal.page(EntryQuery(), 0, 10)[0].id
    svc.journal.delete(entry_id)
    assert svc.journal.purge([entry_id]) == 1
    reasons = [b.reason for b in svc.backups.list()]
    assert reasons == ["before-purge"]
    assert svc.backups.list()[0].entries == 0  # it was already in the trash: 0 live entries


def test_restore_replaces_the_journal_and_keeps_the_old_state(svc: Services, clock: Clock) -> None:
    _add(svc, "kept")
    first = svc.backups.back_up("manual")
    clock.now += timedelta(minutes=5)
    _add(svc, "regretted")
    result = svc.backups.restore(first.id[:12])
    assert result.restored == first
    assert result.previous.name == "journal-20261120-100500-000000-before-restore.fikadesk"
    titles = [s.title for s in svc.journal.page(EntryQuery(), 0, 10)]
    assert titles == ["kept"]
    assert raw_query(result.previous, "SELECT title FROM entry ORDER BY id") == [("kept",), ("regretted",)]
    # the journal works on: a write after the restore lands, and the backup record is gone
    _add(svc, "after")
    assert raw_query(svc.db.path, "SELECT count(*) FROM meta WHERE key LIKE 'backup.%'") == [(0,)]
    assert raw_query(svc.db.path, "PRAGMA integrity_check") == [("ok",)]


def test_restore_unknown_or_ambiguous_id(svc: Services, clock: Clock) -> None:
    svc.backups.back_up("manual")
    clock.now += timedelta(seconds=1)
    svc.backups.back_up("manual")
    with pytest.raises(BackupNotFoundError, match="No backup has the id '1999'"):
        svc.backups.restore("1999")
    with pytest.raises(BackupNotFoundError, match="2 backups start with '2026'"):
        svc.backups.restore("2026")


def test_settings_folder_is_read_from_the_window_preferences(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    assert settings_backup_folder(config) is None
    for chosen in ("/srv/my backups", "/srv/a,b;c=d", "/srv/Sauvegardes été", '/srv/"q"#x\\y'):
        settings = QSettings(str(config / "fikadesk.ini"), QSettings.Format.IniFormat)
        settings.setValue("paths/backups", chosen)  # written by Qt, as Preferences does
        settings.sync()
        del settings
        assert settings_backup_folder(config) == Path(chosen)

