"""Fault suite: a full disk (a real small tmpfs when we may mount one, else an injected
SQLITE_FULL), a read-only file and folder; every acknowledged save stays and the file is sound."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event

from fikadesk.cli import main
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import Services, build_services
from fikadesk.storage.engine import Database, make_engine, open_database
from fikadesk.storage.errors import BackupError, JournalError, JournalWriteError
from tests.storage.fault_tools import assert_sound, fill_disk, remount, tmpfs
from tests.storage.helpers import snapshot

BIG = "A long and careful note about the migration. " * 200  # ~9 KB a body


def _add_until_full(services: Services, limit: int = 2000) -> tuple[list[str], str]:
    """Add entries until the disk is full; return the acknowledged titles and the message."""
    acknowledged: list[str] = []
    for i in range(limit):
        title = f"entry {i}"
        try:
            services.journal.add(EntryDraft(day=date(2026, 11, 2), title=title, body=BIG))
        except JournalWriteError as exc:
            return acknowledged, str(exc)
        acknowledged.append(title)
    raise AssertionError("the disk never filled up")


def test_full_disk_on_a_small_tmpfs(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", 1536) as disk:
        journal = disk / "journal.fikadesk"
        open_database(journal).close()
        filler = fill_disk(disk, 200 * 1024)
        services = build_services(journal)
        try:
            acknowledged, message = _add_until_full(services)
        finally:
            services.close()
        assert message == "The disk is full. Free some space and try again; nothing was changed."
        assert acknowledged  # some went in before the disk filled
        assert_sound(journal, acknowledged)
        filler.unlink()  # with space again, the journal takes writes
        services = build_services(journal)
        try:
            services.journal.add(EntryDraft(day=date(2026, 11, 3), title="after freeing space"))
        finally:
            services.close()
        assert_sound(journal, [*acknowledged, "after freeing space"])


def test_full_disk_injected_sqlite_full(journal_path: Path) -> None:
    """Where no tmpfs can be mounted: SQLite's own max_page_count makes it report SQLITE_FULL."""
    db = open_database(journal_path)
    db.close()
    engine = make_engine(journal_path)
    pages = {"limit": 0}

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        current = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        pages["limit"] = current + 12
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages['limit']}")

    from fikadesk.services.journal.service import JournalService

    journal = JournalService(Database(journal_path, engine))
    acknowledged = []
    message = ""
    for i in range(500):
        try:
            journal.add(EntryDraft(day=date(2026, 11, 2), title=f"entry {i}", body=BIG))
        except JournalWriteError as exc:
            message = str(exc)
            break
        acknowledged.append(f"entry {i}")
    engine.dispose()
    assert message == "The disk is full. Free some space and try again; nothing was changed."
    assert acknowledged
    assert_sound(journal_path, acknowledged)


def test_export_brief_and_backup_onto_a_full_disk_leave_no_file(
        tmp_path: Path, journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = build_services(journal_path)
    try:
        for i in range(30):
            services.journal.add(EntryDraft(day=date(2026, 11, 2), title=f"entry {i}", body=BIG))
    finally:
        services.close()
    with tmpfs(tmp_path / "full", 256) as disk:
        fill_disk(disk, 0)
        before = snapshot(disk)
        export = disk / "journal.json"
        assert main(["--db", str(journal_path), "export", "-o", str(export)]) == 2
        assert "could not be written (No space left on device); nothing was replaced" in \
            capsys.readouterr().err
        brief = disk / "agenda.md"
        code = main(["--db", str(journal_path), "brief", "promotion", "-o", str(brief)])
        assert code == 2
        assert "could not write the brief: No space left on device" in capsys.readouterr().err
        services = build_services(journal_path, backup_dir=disk / "backups")
        try:
            with pytest.raises(BackupError):
                services.backups.back_up("manual")
            assert services.backups.list() == []
        finally:
            services.close()
        after = snapshot(disk)
        after.pop("backups", None)  # the (empty) folder may stay; no file in it
        assert after == before  # no truncated export, brief or backup, no temporary leftovers
        assert not any((disk / "backups").iterdir()) if (disk / "backups").exists() else True
    assert_sound(journal_path, [f"entry {i}" for i in range(30)])


def test_read_only_file(journal_path: Path) -> None:
    """As root, file modes are not enforced: the journal is opened through a mode=ro URI."""
    services = build_services(journal_path)
    try:
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title="written before"))
    finally:
        services.close()
    before = journal_path.read_bytes()
    from fikadesk.services.journal.service import JournalService

    db = Database(journal_path, make_engine(journal_path, read_only=True))
    try:
        journal = JournalService(db)
        assert journal.count() == 1
        with pytest.raises(JournalWriteError) as info:
            journal.add(EntryDraft(day=date(2026, 11, 3), title="refused"))
        assert str(info.value) == "The journal file is read-only, so the change could not be saved."
    finally:
        db.close()
    assert journal_path.read_bytes() == before
    assert_sound(journal_path, ["written before"])


def test_read_only_folder(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", 2048) as disk:
        journal = disk / "journal.fikadesk"
        services = build_services(journal)
        try:
            services.journal.add(EntryDraft(day=date(2026, 11, 2), title="written before"))
        finally:
            services.close()
        remount(disk, "ro")
        try:
            before = snapshot(disk)
            with pytest.raises(JournalError) as info:
                services = build_services(journal)
                try:
                    services.journal.add(EntryDraft(day=date(2026, 11, 3), title="refused"))
                finally:
                    services.close()
            assert str(info.value) == ("The journal file could not be opened (check the folder and "
                                       "its permissions).")
            assert snapshot(disk) == before
        finally:
            remount(disk, "rw")
        assert_sound(journal, ["written before"])
        assert os.access(journal, os.W_OK)


def test_export_brief_and_backup_when_the_disk_fills_at_fsync(
        tmp_path: Path, journal_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no tmpfs can be mounted: file systems with delayed allocation report a full disk
    only when the data is flushed; every file write of fikadesk is flushed before it counts."""
    import errno

    services = build_services(journal_path)
    try:
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title="kept", body=BIG))
    finally:
        services.close()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    real_fsync = os.fsync

    def full_fsync(fd: int) -> None:
        if os.path.realpath(f"/proc/self/fd/{fd}").startswith(str(out_dir)) and \
                not os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_fsync)
    assert main(["--db", str(journal_path), "export", "-o", str(out_dir / "journal.json")]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert main(["--db", str(journal_path), "brief", "promotion", "-o", str(out_dir / "case.md")]) == 2
    assert "could not write the brief: No space left on device" in capsys.readouterr().err
    services = build_services(journal_path, backup_dir=out_dir / "backups")
    try:
        with pytest.raises(BackupError, match="No space left on device"):
            services.backups.back_up("manual")
    finally:
        services.close()
    assert [p for p in out_dir.rglob("*") if p.is_file()] == []  # nothing truncated claims success
    assert_sound(journal_path, ["kept"])
