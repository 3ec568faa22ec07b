"""Opening, refusing and writing to journal files."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import StatementError

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.journal.service import JournalService
from fikadesk.storage import engine as engine_module
from fikadesk.storage.engine import Database, open_database, stored_revision
from fikadesk.storage.errors import (
    JournalBusyError,
    JournalError,
    JournalWriteError,
    NewerJournalError,
    NotAJournalError,
)
from fikadesk.storage.repositories.driver import fetch_rows
from fikadesk.storage.schema import APPLICATION_ID, HEAD
from tests.storage.helpers import mode, raw_query, snapshot, table_names

SECRET = "salary-negotiation-SECRET-7731"


def _draft(title: str = "Shipped the importer", **kw: object) -> EntryDraft:
    return EntryDraft(day=date(2026, 11, 2), title=title, **kw)  # type: ignore[arg-type]


# -- creation, permissions, header ------------------------------------------------------------
def test_new_journal_is_private_in_private_folders(tmp_path: Path) -> None:
    path = tmp_path / "made" / "by" / "fikadesk" / "journal.fikadesk"
    old_umask = os.umask(0)  # the modes must not depend on a kind umask
    try:
        db = open_database(path)
        try:
            with db.read() as conn:  # keep a connection so -wal and -shm exist
                conn.exec_driver_sql("SELECT 1").all()
                assert mode(Path(f"{path}-wal")) == 0o600
                assert mode(Path(f"{path}-shm")) == 0o600
        finally:
            db.close()
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        assert mode(folder) == 0o700
    assert mode(tmp_path) == 0o700  # pytest's own folder, untouched
    # nothing else was left beside the journal (no temporary ".creating" file, no backup)
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.fikadesk"]


def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    open_database(folder / "journal.fikadesk").close()
    assert mode(folder) == 0o755
    assert mode(folder / "journal.fikadesk") == 0o600


def test_application_id_and_head_revision(journal_path: Path) -> None:
    header = journal_path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert raw_query(journal_path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert raw_query(journal_path, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def _pragmas(run: object) -> tuple[object, ...]:
    def one(sql: str) -> object:
        return run(sql).fetchone()[0]  # type: ignore[operator]

    return (
        one("PRAGMA journal_mode"),
        one("PRAGMA synchronous"),
        one("PRAGMA foreign_keys"),
        one("PRAGMA busy_timeout"),
    )


def test_pragmas_on_every_connection(journal_path: Path) -> None:
    db = open_database(journal_path)
    expected = ("wal", 2, 1, engine_module.BUSY_TIMEOUT_MS)
    raws = [db.engine.raw_connection() for _ in range(3)]
    try:
        assert len({id(r.dbapi_connection) for r in raws}) == 3  # three distinct SQLite connections
        for raw in raws:
            assert _pragmas(raw.cursor().execute) == expected
    finally:
        for raw in raws:
            raw.close()
    try:
        with db.read() as conn:
            assert _pragmas(conn.exec_driver_sql) == expected
        with db.write() as conn:
            assert _pragmas(conn.exec_driver_sql) == expected
    finally:
        db.close()


def test_open_missing_without_create(tmp_path: Path) -> None:
    path = tmp_path / "nope.fikadesk"
    with pytest.raises(JournalError) as info:
        open_database(path, create=False)
    assert str(info.value) == f"There is no journal at {path}."
    assert list(tmp_path.iterdir()) == []


def test_reopen_existing_journal_keeps_data(journal_path: Path) -> None:
    db = open_database(journal_path)
    JournalService(db).add(_draft())
    db.close()
    db = open_database(journal_path)
    try:
        assert JournalService(db).count() == 1
    finally:
        db.close()
    assert not (journal_path.parent / "backups").exists()  # an up-to-date journal needs no backup


# -- refusals --------------------------------------------------------------------------------
def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('someone else')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 64), "it is not a database file"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), "it is not a database file"),
        (lambda p: p.write_text("# My notes\nnot a journal\n"), "it is not a database file"),
        (_foreign_sqlite, "it is a database of another program"),
        (lambda p: p.mkdir(), "it is a folder"),
    ],
    ids=["empty", "random-bytes", "short-header", "text", "other-program", "folder"],
)
def test_refuses_what_is_not_a_journal(tmp_path: Path, make: object, why: str) -> None:
    path = tmp_path / "journal.fikadesk"
    make(path)  # type: ignore[operator]
    before = snapshot(tmp_path)
    with pytest.raises(NotAJournalError) as info:
        open_database(path)
    assert str(info.value) == f"{path} is not a fikadesk journal ({why}). The file was left untouched."
    assert snapshot(tmp_path) == before  # byte for byte, and no -wal, -shm or backups appeared


def test_refuses_journal_of_newer_fikadesk(journal_path: Path) -> None:
    conn = sqlite3.connect(journal_path)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    before = snapshot(journal_path.parent)
    with pytest.raises(NewerJournalError) as info:
        open_database(journal_path)
    assert str(info.value) == (
        f"{journal_path} was written by a newer version of fikadesk (schema 0099_from_the_future). "
        "Update fikadesk to open it; the file was left untouched."
    )
    assert snapshot(journal_path.parent) == before


def test_refuses_damaged_journal_with_journal_error(journal_path: Path) -> None:
    data = bytearray(journal_path.read_bytes())
    data[100:4096] = bytes((i * 37 + 11) % 256 for i in range(3996))
    journal_path.write_bytes(bytes(data))
    with pytest.raises(JournalError) as info:
        open_database(journal_path)
    assert "damaged" in str(info.value)


@pytest.mark.parametrize(
    "folder_name",
    [
        "notes #1",
        "what?",
        "50%25 done",
    ],
)
def test_paths_with_url_characters(tmp_path: Path, folder_name: str) -> None:
    path = tmp_path / folder_name / "journal.fikadesk"
    db = open_database(path)
    try:
        JournalService(db).add(_draft())
    finally:
        db.close()
    assert "entry" in table_names(path)
    assert raw_query(path, "SELECT title FROM entry") == [("Shipped the importer",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder_name]  # no stray files beside it


# -- transactions -----------------------------------------------------------------------------
@pytest.fixture
def db(journal_path: Path) -> Iterator[Database]:
    opened = open_database(journal_path)
    yield opened
    opened.close()


def test_revision_counter_increases_on_each_write(db: Database, journal_path: Path) -> None:
    assert db.revision() == 0
    service = JournalService(db)
    entry = service.add(_draft())
    assert db.revision() == 1
    service.set_starred(entry.id, True)
    assert db.revision() == 2
    other = open_database(journal_path)  # another window or process sees the change too
    try:
        JournalService(other).delete(entry.id)
        assert other.revision() == 3
    finally:
        other.close()
    assert db.revision() == 3
    with pytest.raises(RuntimeError), db.write():
        raise RuntimeError("changed my mind")
    assert db.revision() == 3  # a write that did not happen does not count


def test_failed_write_leaves_nothing(db: Database) -> None:
    service = JournalService(db)
    service.add(_draft("Kept"))
    with pytest.raises(RuntimeError, match="midway"), db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO entry (day, title, body, impact, starred, private, created_at, updated_at) "
            "VALUES ('2026-01-01', 'half', '', '', 0, 0, '2026-01-01', '2026-01-01')"
        )
        conn.exec_driver_sql("CREATE TABLE scratch (x)")  # DDL too: it must roll back as well
        raise RuntimeError("midway")
    assert [s.title for s in service.page(EntryQuery(), 0, 10)] == ["Kept"]
    with db.read() as conn:
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    assert "scratch" not in names
    assert db.revision() == 1


def test_failed_service_write_leaves_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from fikadesk.storage.repositories import journal as journal_module

    def explode(*_args: object) -> None:
        raise RuntimeError("after the entry row was inserted")

    service = JournalService(db)
    monkeypatch.setattr(journal_module, "write_children", explode)
    with pytest.raises(RuntimeError):
        service.add(_draft(tags=("a",)))
    assert service.count() == 0
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entry").scalar() == 0
    assert db.revision() == 0


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta(key, value) VALUES ('holder', 'x')")
    return holder


def test_concurrent_writer_makes_write_wait(db: Database, journal_path: Path) -> None:
    holder = _hold_write_lock(journal_path)
    releaser = threading.Timer(0.4, holder.execute, args=("COMMIT",))
    started = time.perf_counter()
    releaser.start()
    try:
        entry = JournalService(db).add(_draft())
    finally:
        releaser.join()
        holder.close()
    assert time.perf_counter() - started >= 0.3
    assert JournalService(db).get(entry.id).title == "Shipped the importer"
    assert db.revision() == 1


def test_concurrent_writer_past_timeout(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 150)
    db = open_database(journal_path)
    service = JournalService(db)
    holder = _hold_write_lock(journal_path)
    try:
        started = time.perf_counter()
        with pytest.raises(JournalBusyError) as info:
            service.add(_draft(SECRET))
        assert time.perf_counter() - started < 3
        assert str(info.value) == (
            "The journal is busy: another fikadesk is writing to it. "
            "Try again in a moment; nothing was changed."
        )
        assert SECRET not in "".join(traceback.format_exception(info.value))
        holder.execute("ROLLBACK")
        service.add(_draft("After the other one let go"))  # the pool recovered
        assert [s.title for s in service.page(EntryQuery(), 0, 10)] == ["After the other one let go"]
    finally:
        holder.close()
        db.close()


def _exception_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def test_journal_text_never_in_error_messages(db: Database) -> None:
    with db.write() as conn:
        conn.execute(text("INSERT INTO meta VALUES ('k', :v)"), {"v": "first"})
    with pytest.raises(JournalWriteError) as info, db.write() as conn:
        conn.execute(text("INSERT INTO meta VALUES ('k', :v)"), {"v": SECRET})
    assert str(info.value) == "The journal could not complete the operation; nothing was changed."
    assert "".join(traceback.format_exception(info.value)).count(SECRET) == 0
    for exc in _exception_chain(info.value):  # even the hidden context carries no journal text
        assert SECRET not in str(exc)
    with pytest.raises(JournalError) as read_info, db.read() as conn:
        conn.execute(text("SELECT :v FROM no_such_table"), {"v": SECRET})
    for exc in _exception_chain(read_info.value):
        assert SECRET not in str(exc)


def test_hot_reads_on_the_driver_fail_with_the_same_messages(db: Database) -> None:
    """Search keystrokes run on the sqlite3 connection itself (repositories.driver): its errors
    become the journal's readable ones, with no journal text in them, and the pool recovers."""
    with pytest.raises(JournalError) as read_info, db.read() as conn:
        fetch_rows(conn, "SELECT :v FROM no_such_table", {"v": SECRET})
    assert str(read_info.value) == "The journal could not complete the operation; nothing was changed."
    for exc in _exception_chain(read_info.value):
        assert SECRET not in str(exc)
    with pytest.raises(JournalWriteError), db.write() as conn:
        conn.execute(text("INSERT INTO meta VALUES ('k', 'rolled back')"))
        fetch_rows(conn, "SELECT * FROM no_such_table")
    with db.read() as conn:
        assert fetch_rows(conn, "SELECT count(*) FROM meta WHERE key = 'k'") == [(0,)]


def test_leak_check_can_fail(journal_path: Path) -> None:
    """The check above would notice a leak: an engine without hide_parameters does leak."""
    leaky = create_engine(f"sqlite:///{journal_path}")
    try:
        with pytest.raises(StatementError) as info, leaky.begin() as conn:
            conn.execute(text("INSERT INTO meta VALUES ('k', :v)"), {"v": SECRET})
            conn.execute(text("INSERT INTO meta VALUES ('k', :v)"), {"v": SECRET})
        assert SECRET in str(info.value)
    finally:
        leaky.dispose()


def test_full_disk(db: Database, journal_path: Path) -> None:
    service = JournalService(db)
    kept = service.add(_draft("Before the disk filled up", body="fine"))
    with db.read() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
    db.engine.dispose()

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(db.engine, "connect", cap)
    with pytest.raises(JournalWriteError) as info:
        service.add(_draft(SECRET, body=(SECRET + " ") * 3000))
    assert str(info.value) == "The disk is full. Free some space and try again; nothing was changed."
    for exc in _exception_chain(info.value):
        assert SECRET not in str(exc)
    assert service.count() == 1
    assert db.revision() == 1
    event.remove(db.engine, "connect", cap)
    db.close()
    assert raw_query(journal_path, "PRAGMA integrity_check") == [("ok",)]
    again = open_database(journal_path)
    try:
        assert JournalService(again).get(kept.id).body == "fine"
        assert [s.id for s in JournalService(again).page(EntryQuery(text="disk"), 0, 5)] == [kept.id]
    finally:
        again.close()


def test_stored_revision(db: Database) -> None:
    assert stored_revision(db) == HEAD
