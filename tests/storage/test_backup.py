"""Backups: private, verified copies made through the SQLite backup API."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.journal.service import JournalService
from fikadesk.storage.backup import backup_folder, copy_database, make_backup
from fikadesk.storage.engine import open_database
from fikadesk.storage.errors import BackupError
from fikadesk.storage.schema import APPLICATION_ID
from tests.storage.helpers import mode, raw_query

WHEN = datetime(2026, 11, 20, 10, 0, 0, 123456)


def _fill(path: Path, titles: list[str]) -> None:
    db = open_database(path)
    try:
        for title in titles:
            JournalService(db).add(EntryDraft(day=date(2026, 1, 5), title=title))
    finally:
        db.close()


def test_backup_is_private_verified_and_complete(journal_path: Path) -> None:
    _fill(journal_path, ["one", "two"])
    old_umask = os.umask(0)
    try:
        target = make_backup(journal_path, "manual", when=WHEN)
    finally:
        os.umask(old_umask)
    assert target == backup_folder(journal_path) / "journal-20261120-100000-123456-manual.fikadesk"
    assert backup_folder(journal_path) == journal_path.parent / "backups"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert raw_query(target, "PRAGMA integrity_check") == [("ok",)]
    assert raw_query(target, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert raw_query(target, "PRAGMA journal_mode") == [("delete",)]
    assert raw_query(target, "SELECT title FROM entry ORDER BY id") == [("one",), ("two",)]
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no -wal or -shm left


def test_backup_while_journal_is_open_and_being_written(journal_path: Path) -> None:
    _fill(journal_path, ["committed"])
    writer = sqlite3.connect(journal_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE entry SET title = 'not yet committed'")
        target = make_backup(journal_path, "busy", when=WHEN)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert raw_query(target, "SELECT title FROM entry") == [("committed",)]


def test_backup_to_chosen_folder(journal_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "deep"
    target = make_backup(journal_path, "x", when=WHEN, folder=folder)
    assert target.parent == folder
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700


def test_two_backups_never_overwrite(journal_path: Path) -> None:
    first = make_backup(journal_path, "same", when=WHEN)
    before = first.read_bytes()
    second = make_backup(journal_path, "same", when=WHEN)  # same moment: the next free microsecond
    assert second.name == "journal-20261120-100000-123457-same.fikadesk"
    assert first.read_bytes() == before
    assert raw_query(first, "PRAGMA integrity_check") == [("ok",)]


def test_failed_backup_leaves_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.fikadesk"
    with pytest.raises(BackupError) as info:
        make_backup(missing, "x", when=WHEN)
    assert str(info.value).startswith("The backup could not be written: ")
    assert list((tmp_path / "backups").iterdir()) == []
    assert not missing.exists()


def test_copy_of_a_damaged_file_does_not_verify(tmp_path: Path, journal_path: Path) -> None:
    _fill(journal_path, [f"entry {i}" for i in range(40)])
    data = bytearray(journal_path.read_bytes())
    for page_start in range(4096, len(data), 4096):  # scribble over every page header but the first
        data[page_start:page_start + 12] = b"\x0d\xff\xff" * 4
    damaged = tmp_path / "damaged.fikadesk"
    damaged.write_bytes(bytes(data))
    target = tmp_path / "copy.fikadesk"
    with pytest.raises(BackupError):
        copy_database(damaged, target)


def test_backup_of_journal_in_folder_with_hash(tmp_path: Path) -> None:
    path = tmp_path / "work #2" / "journal.fikadesk"
    _fill(path, ["survives"])
    target = make_backup(path, "x", when=WHEN)
    assert raw_query(target, "SELECT title FROM entry") == [("survives",)]


def test_a_later_backup_in_the_same_second_sorts_after_even_when_an_earlier_one_went(
        journal_path: Path) -> None:
    whole_second = datetime(2026, 11, 20, 10, 0)  # a clock without microseconds
    first = make_backup(journal_path, "periodic", when=whole_second)
    second = make_backup(journal_path, "manual", when=whole_second)
    first.unlink()  # retention let the earlier one go
    third = make_backup(journal_path, "before-restore", when=whole_second)
    assert [p.name.split("-", 1)[1] for p in (second, third)] == [
        "20261120-100000-000001-manual.fikadesk", "20261120-100000-000002-before-restore.fikadesk"]
