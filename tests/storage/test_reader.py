"""The light reader: it reads only tables and columns that the SQLModel tables and the migrations
define, and every journal it cannot answer for whole is left to the full opening path."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.container import Services
from fikadesk.storage import reader
from fikadesk.storage.journal_lock import claim_journal
from fikadesk.storage.schema import HEAD, REVISIONS
from fikadesk.storage.tables import metadata
from tests.storage.helpers import downgrade_one, raw_query, snapshot

INDEX = "entry_fts"  # the search index: an FTS5 table that migration 0009 makes, no SQLModel table
ALEMBIC = "alembic_version"  # Alembic's own record of the schema revision
QUERIES = (
    EntryQuery(), EntryQuery(text="review"), EntryQuery(text="re 2026-03"), EntryQuery(text="2026"),
    EntryQuery(tags=("design",)), EntryQuery(text="re", tags=("design", "ops"), starred_only=True),
    EntryQuery(text="re", tags=("nosuchtag",)), EntryQuery(starred_only=True, since=date(2026, 3, 2)),
    EntryQuery(text="re", since=date(2026, 3, 1), until=date(2026, 3, 31)), EntryQuery(text="!!"),
)


def _fill(services: Services) -> None:
    for n, (day, tags) in enumerate(((date(2026, 3, 1), ("design", "ops")), (date(2026, 3, 2), ()),
                                     (date(2025, 12, 31), ("design",)))):
        services.journal.add(EntryDraft(day=day, title=f"Review {n}", body="release notes",
                                        tags=tags, starred=n != 1, links=(f"https://e.com/{n}",),
                                        revisit_on=date(2026, 5, 1) if n else None))


def _reads(monkeypatch: pytest.MonkeyPatch, path: Path) -> set[tuple[str, str]]:
    """(table, column) of every read the reader's statements make, as SQLite's authorizer sees them
    while preparing them; SQLite's own catalogue and FTS5's shadow tables left out."""
    seen: set[tuple[str, str]] = set()

    def authorize(action: int, table: str | None, column: str | None, *_where: object) -> int:
        if action == sqlite3.SQLITE_READ and table and column is not None:
            seen.add((table, column))
        return sqlite3.SQLITE_OK

    real = reader._connect

    def watched(at: Path) -> sqlite3.Connection:
        conn = real(at)
        conn.set_authorizer(authorize)
        return conn

    monkeypatch.setattr(reader, "_connect", watched)
    for query in QUERIES:
        assert reader.search_entries(path, query, 50) is not None, query
    return {(t, c) for t, c in seen if not t.startswith(("sqlite_", f"{INDEX}_"))}


def test_what_the_reader_reads_exists_in_the_tables_and_in_a_migrated_journal(
        services: Services, journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(services)
    reads = _reads(monkeypatch, journal_path)
    assert {t for t, _c in reads} == {"entry", "tag", "entry_tag", "entry_link", INDEX, ALEMBIC}
    for table, column in sorted(reads):
        # the journal made through the real migration path (the journal_path fixture)
        migrated = {str(r[1]) for r in raw_query(journal_path, f"PRAGMA table_xinfo({table})")}
        if table == INDEX:  # its row id, which the authorizer names "ROWID" or ""
            assert column in migrated | {"ROWID", ""}, (table, column)
            continue
        assert column in migrated, (table, column)
        if table != ALEMBIC:
            assert column in metadata.tables[table].c.keys(), (table, column)


def test_the_reader_answers_a_journal_at_the_schema_head(services: Services, journal_path: Path) -> None:
    _fill(services)
    found = reader.search_entries(journal_path, EntryQuery(text="review"), 2)
    assert found is not None
    assert [(e.id, e.day, e.tags, e.links) for e in found] == [
        (2, date(2026, 3, 2), (), ("https://e.com/1",)),
        (1, date(2026, 3, 1), ("design", "ops"), ("https://e.com/0",))]
    assert found == [services.journal.get(e.id) for e in found]


def test_reading_leaves_the_folder_as_it_was(services: Services, journal_path: Path) -> None:
    _fill(services)
    services.close()
    before = snapshot(journal_path.parent)
    assert reader.search_entries(journal_path, EntryQuery(text="review"), 10)
    assert snapshot(journal_path.parent) == before  # byte for byte, and no -wal or -shm left


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("make", [
    lambda p: None, lambda p: p.mkdir(), lambda p: p.write_bytes(b""),
    lambda p: p.write_bytes(bytes(range(256)) * 64), _foreign,
], ids=["missing", "folder", "empty", "random-bytes", "other-program"])
def test_what_is_not_a_journal_goes_to_the_full_path(tmp_path: Path, make: object) -> None:
    path = tmp_path / "journal.fikadesk"
    make(path)  # type: ignore[operator]
    before = snapshot(tmp_path)
    assert reader.search_entries(path, EntryQuery(), 10) is None
    assert snapshot(tmp_path) == before


def _set_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_an_older_journal_goes_to_the_full_path(journal_path: Path) -> None:
    downgrade_one(journal_path)
    assert raw_query(journal_path, f"SELECT version_num FROM {ALEMBIC}") == [(REVISIONS[-2],)]
    assert reader.search_entries(journal_path, EntryQuery(), 10) is None


@pytest.mark.parametrize("revision", ["0099_from_the_future", REVISIONS[0]])
def test_any_other_revision_goes_to_the_full_path(journal_path: Path, revision: str) -> None:
    assert reader.search_entries(journal_path, EntryQuery(), 10) == []
    _set_revision(journal_path, revision)
    assert reader.search_entries(journal_path, EntryQuery(), 10) is None
    _set_revision(journal_path, HEAD)
    assert reader.search_entries(journal_path, EntryQuery(), 10) == []


def test_a_damaged_journal_goes_to_the_full_path(journal_path: Path) -> None:
    data = bytearray(journal_path.read_bytes())
    data[100:4096] = bytes((i * 37 + 11) % 256 for i in range(3996))
    journal_path.write_bytes(bytes(data))
    assert reader.search_entries(journal_path, EntryQuery(), 10) is None


def test_a_second_name_for_a_journal_open_elsewhere_is_never_read(journal_path: Path) -> None:
    link = journal_path.with_name("second-name.fikadesk")
    os.link(journal_path, link)
    with claim_journal(journal_path):  # as a window that has it open under its first name
        assert reader.search_entries(link, EntryQuery(), 10) is None
    assert not Path(f"{link}-wal").exists()  # SQLite never opened it under the second name


def test_a_journal_being_moved_goes_to_the_full_path_at_once(journal_path: Path) -> None:
    with claim_journal(journal_path, exclusive=True):  # as a move does
        assert reader.search_entries(journal_path, EntryQuery(), 10) is None


def test_a_locked_journal_goes_to_the_full_path(journal_path: Path) -> None:
    holder = sqlite3.connect(journal_path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode = DELETE")  # a rollback journal: a writer locks readers out
        holder.execute("BEGIN EXCLUSIVE")
        assert reader.search_entries(journal_path, EntryQuery(), 10) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
