"""Opening a journal file safely: checks, pragmas, explicit transactions and migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError, OperationalError

from fikadesk.paths import ensure_private_dir
from fikadesk.storage.errors import (
    DAMAGED,
    IO_FAILURE,
    JournalBusyError,
    JournalError,
    JournalWriteError,
    NewerJournalError,
    NotAJournalError,
    describe_sqlite_error,
    is_damage,
    is_io_failure,
)
from fikadesk.storage.schema import APPLICATION_ID, HEAD, REVISIONS, SQLITE_MAGIC

BUSY_TIMEOUT_MS = 10_000
# SQLite's page cache per connection, in KiB (negative in the pragma). SQLite's default is 2,000;
# the window reads a page of 200 rows at a time and the OS keeps the file cached anyway, so half
# of that costs no measurable speed at 100,000 entries and keeps the window's memory lower.
CACHE_KIB = 1024
READONLY_OPTION = "fikadesk_readonly"


class Database:
    """An open journal: hands out short transactions for reading and for writing."""

    def __init__(self, path: Path, engine: Engine, *, damage: str | None = None) -> None:
        self.path = path
        self.engine = engine
        self._read_engine = engine.execution_options(**{READONLY_OPTION: True})
        # Set when quick_check failed as the journal opened: it is then open read-only.
        self.damage = damage
        # Where backups of this journal go (None: the "backups" folder beside it).
        self.backup_dir: Path | None = None

    @property
    def read_only(self) -> bool:
        """True when the journal was opened read-only because it is damaged."""
        return self.damage is not None

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """Yield a connection inside a deferred (read) transaction.

        A plain connection, not an ORM session: every query is SQL text in storage/repositories,
        so the window loads neither the ORM nor SQLModel and pydantic (about 13 MiB).
        """
        try:
            with self._read_engine.begin() as conn:
                yield conn
        except (DBAPIError, sqlite3.Error) as exc:  # sqlite3's own: hot reads (repositories.driver)
            raise JournalError(describe_sqlite_error(exc)) from None

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """Yield a connection inside ``BEGIN IMMEDIATE``; commit at the end or roll back whole.

        Each write bumps the journal's change counter so that other windows and
        processes can tell that something changed.
        """
        if self.damage is not None:
            raise JournalWriteError(
                "The journal file is damaged, so it was opened read-only and nothing was changed. "
                "Restore a backup (File > Backups…, or: fikadesk backup list).")
        try:
            with self.engine.begin() as conn:
                yield conn
                conn.exec_driver_sql(
                    "INSERT INTO meta(key, value) VALUES ('revision', '1') "
                    "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
                )
        except (OperationalError, sqlite3.OperationalError) as exc:
            message = describe_sqlite_error(exc)
            if "busy" in message:
                raise JournalBusyError(message) from None
            raise JournalWriteError(message) from None
        except (DBAPIError, sqlite3.Error) as exc:
            raise JournalWriteError(describe_sqlite_error(exc)) from None

    def revision(self) -> int:
        """Return the journal's change counter (any write by anyone increases it)."""
        with self.read() as conn:
            row = conn.exec_driver_sql(
                "SELECT value FROM meta WHERE key = 'revision'"
            ).first()
        return int(row[0]) if row else 0

    def reopen(self) -> None:
        """Close and open the journal file again (after a restore replaced it): checked, and
        migrated if the restored copy is older, exactly as when the app starts."""
        self.close()
        fresh = open_database(self.path, create=False, backup_dir=self.backup_dir)
        self.engine = fresh.engine
        self._read_engine = fresh._read_engine
        self.damage = fresh.damage

    def close(self) -> None:
        """Release every connection (the WAL is checkpointed when the last one closes)."""
        self.engine.dispose()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # fikadesk emits BEGIN itself
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL").fetchall()
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    finally:
        cursor.close()


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _on_begin(connection: Any) -> None:
    readonly = connection.get_execution_options().get(READONLY_OPTION, False)
    connection.exec_driver_sql("BEGIN DEFERRED" if readonly else "BEGIN IMMEDIATE")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """Create the engine for a journal file, with pragmas and explicit transactions.

    ``read_only`` opens it through a ``file:…?mode=ro`` URI: SQLite itself refuses writes
    (file modes alone do not, for root).
    """
    if read_only:
        uri = f"{Path(path).absolute().as_uri()}?mode=ro"
        engine = create_engine(
            "sqlite://", hide_parameters=True,
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                            check_same_thread=False),
        )
        event.listen(engine, "connect", _on_connect_read_only)
    else:
        engine = create_engine(
            URL.create("sqlite", database=str(path)),
            hide_parameters=True,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def quick_check(path: Path) -> str | None:
    """Run ``PRAGMA quick_check`` on the journal; None when it is sound, else what was found.

    A read that the disk fails is not damage: it raises JournalError saying so (retry, check
    the disk) instead of sending the person to replace a file that may be fine.
    """
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if is_io_failure(exc):
            raise JournalError(IO_FAILURE) from None
        if is_damage(exc):
            return "SQLite could not read its structure"
        raise JournalError(describe_sqlite_error(exc)) from None
    if rows == ["ok"]:
        return None
    problems = len(rows)
    return f"quick_check found {problems}{'+' if problems >= 20 else ''} problem" \
        f"{'s' if problems != 1 else ''}"


def open_damaged(path: Path, damage: str) -> Database:
    """Open a journal that failed quick_check read-only, if SQLite can still read it."""
    db = Database(path, make_engine(path, read_only=True), damage=damage)
    try:
        with db.read() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM entry").first()
    except JournalError:
        db.close()
        raise JournalError(DAMAGED) from None
    return db


def check_journal_file(path: Path) -> None:
    """Refuse a file that is not a fikadesk journal, reading only its header."""
    if path.is_dir():
        raise NotAJournalError(path, "it is a folder")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise JournalError(f"{path} could not be read: {exc.strerror}.") from None
    if not header:
        raise NotAJournalError(path, "the file is empty")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAJournalError(path, "it is not a database file")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotAJournalError(path, "it is a database of another program")


def stored_revision(db: Database) -> str | None:
    """Return the schema revision recorded in the journal, or None before any migration."""
    with db.read() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if not has_table:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return str(row[0]) if row else None


def _create_new_journal(path: Path) -> None:
    """Create a complete, migrated journal at ``path`` atomically (0600, never half-made)."""
    ensure_private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}.creating")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        raw = sqlite3.connect(temp)
        try:
            raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            raw.execute("PRAGMA journal_mode = WAL").fetchall()
            raw.commit()
        finally:
            raw.close()
        engine = make_engine(temp)
        try:
            from fikadesk.storage.migrate import upgrade

            upgrade(engine)
        finally:
            engine.dispose()
        try:
            os.link(temp, path)
        except FileExistsError:
            raise JournalError(f"{path} appeared while it was being created; try again.") from None
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def open_database(path: Path, *, create: bool = True, backup_dir: Path | None = None,
                  whole_check: bool = True) -> Database:
    """Open (or create) the journal at ``path``, migrating it to this fikadesk's schema.

    An existing file is checked before anything is written to it; a journal from a
    newer fikadesk is refused; an older one is backed up (verified) and then migrated.
    ``whole_check`` runs ``quick_check`` over the whole file first (about 2 ms a MB): the window
    does, a one-shot command does not, and SQLite still reports any damaged page it reads.
    """
    path = Path(path).expanduser().absolute()
    if not path.exists():
        if not create:
            raise JournalError(f"There is no journal at {path}.")
        try:
            _create_new_journal(path)
        except OSError as exc:
            raise JournalError(f"Could not create a journal at {path}: {exc.strerror}.") from None
        except DBAPIError as exc:
            raise JournalError(describe_sqlite_error(exc)) from None
    check_journal_file(path)
    damage = quick_check(path) if whole_check else None
    if damage is not None:
        damaged = open_damaged(path, damage)
        damaged.backup_dir = backup_dir
        return damaged
    db = Database(path, make_engine(path))
    db.backup_dir = backup_dir
    try:
        revision = stored_revision(db)
        if revision != HEAD:
            if revision is not None and revision not in REVISIONS:
                raise NewerJournalError(path, revision)
            from fikadesk.storage.backup import make_backup
            from fikadesk.storage.migrate import upgrade

            make_backup(path, f"before-{HEAD}", folder=backup_dir)
            upgrade(db.engine)
    except DBAPIError as exc:
        db.close()
        raise JournalError(describe_sqlite_error(exc)) from None
    except BaseException:
        db.close()
        raise
    return db

