"""quick_check as the journal opens: a damaged journal opens read-only and can be restored."""

from __future__ import annotations

import struct
from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.container import build_services
from fikadesk.storage.engine import open_database, quick_check
from fikadesk.storage.errors import JournalWriteError
from tests.storage.helpers import raw_query


def damage_freelist(path: Path) -> None:
    """Make ``path`` fail quick_check while every row stays readable (a wrong freelist count)."""
    data = bytearray(path.read_bytes())
    data[36:40] = struct.pack(">I", 7)
    path.write_bytes(bytes(data))


def _fill(path: Path, titles: list[str]) -> None:
    services = build_services(path, clock=lambda: datetime(2026, 11, 20, 10, 0))
    try:
        for title in titles:
            services.journal.add(EntryDraft(day=date(2026, 11, 2), title=title))
    finally:
        services.close()


def test_sound_journal_passes(journal_path: Path) -> None:
    assert quick_check(journal_path) is None


def test_damaged_journal_opens_read_only(journal_path: Path) -> None:
    _fill(journal_path, ["survives", "also"])
    damage_freelist(journal_path)
    before = journal_path.read_bytes()
    services = build_services(journal_path)
    try:
        assert services.db.read_only
        assert services.db.damage == "quick_check found 1 problem"
        assert [s.title for s in services.journal.page(EntryQuery(), 0, 10)] == ["also", "survives"]
        with pytest.raises(JournalWriteError) as info:
            services.journal.add(EntryDraft(day=date(2026, 11, 3), title="refused"))
        assert str(info.value).startswith("The journal file is damaged, so it was opened read-only")
    finally:
        services.close()
    assert journal_path.read_bytes() == before  # nothing was written to the damaged file


def test_restore_of_a_damaged_journal_makes_it_writable_again(journal_path: Path) -> None:
    _fill(journal_path, ["before the damage"])
    services = build_services(journal_path, clock=lambda: datetime(2026, 11, 20, 10, 0))
    good = services.backups.back_up("manual")
    services.close()
    _fill(journal_path, ["written later"])
    damage_freelist(journal_path)
    services = build_services(journal_path, clock=lambda: datetime(2026, 11, 20, 11, 0))
    try:
        assert services.db.read_only
        assert services.backups.newest_good() == good
        result = services.backups.restore(good.id)
        assert not services.db.read_only
        services.journal.add(EntryDraft(day=date(2026, 11, 4), title="after the restore"))
        titles = [s.title for s in services.journal.page(EntryQuery(), 0, 10)]
        assert titles == ["after the restore", "before the damage"]
    finally:
        services.close()
    # the damaged state was kept too (it still reads, so as a verified "before-restore" copy
    # would fail its integrity check: it is kept byte for byte, named "damaged")
    assert result.previous.name.endswith("-damaged.fikadesk")
    assert raw_query(result.previous, "SELECT title FROM entry ORDER BY id") == [
        ("before the damage",), ("written later",)]
    assert raw_query(journal_path, "PRAGMA integrity_check") == [("ok",)]


def test_damaged_journal_that_cannot_be_read_is_refused(journal_path: Path) -> None:
    data = bytearray(journal_path.read_bytes())
    data[100:4096] = bytes((i * 37 + 11) % 256 for i in range(3996))
    journal_path.write_bytes(bytes(data))
    with pytest.raises(Exception, match="damaged"):
        open_database(journal_path)
