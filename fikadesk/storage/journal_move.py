"""Move a closed journal to a new file: copy through SQLite, verify, record, then drop the old one."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from fikadesk.paths import ensure_private_dir, record_move, recordings_dir
from fikadesk.storage.backup import copy_database
from fikadesk.storage.engine import open_database
from fikadesk.storage.errors import BackupError, JournalError
from fikadesk.storage.journal_lock import claim_journal

MOVE_WAIT_SECONDS = 10.0


def move_journal(old: Path, new: Path, *, wait: float = MOVE_WAIT_SECONDS) -> Path:
    """Copy the journal ``old`` (closed by the caller) to ``new``, verify it, then remove ``old``.

    The copy goes through the SQLite backup API into a fresh 0600 file, must pass
    ``PRAGMA integrity_check`` and must open as a fikadesk journal. Until all of that holds, the
    old file stays untouched and a half-made new file is removed. Throughout, the old journal is
    claimed exclusively and its write lock held: the move waits up to ``wait`` seconds for other
    fikadesk processes to finish (and refuses after that), and they wait for the move, then find
    the journal at its new place through ``paths.record_move``. Returns ``new``.
    """
    old, new = old.absolute(), new.absolute()
    if new == old:
        raise JournalError("The new location is the file already in use.")
    if new.exists():
        raise JournalError(f"{new} already exists; choose a name that is not taken.")
    with claim_journal(old, exclusive=True, wait=wait) or contextlib.nullcontext(), _writes_held(old):
        _copy_to(old, new)
        record_move(old, new)  # before the old file goes: whoever waited now finds the new one
        for stale in (Path(f"{old}-wal"), Path(f"{old}-shm"), old):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
    if recordings_dir(old).is_dir() and not recordings_dir(new).exists():
        shutil.move(recordings_dir(old), recordings_dir(new))  # kept take recordings go along
    return new


@contextlib.contextmanager
def _writes_held(journal: Path) -> Iterator[None]:
    """Hold the journal's SQLite write lock (``BEGIN IMMEDIATE``): no writer, even one that
    does not take fikadesk's claim, can slip a change in between the copy and the removal."""
    if not journal.exists():
        raise JournalError(f"There is no journal at {journal} to move.")
    connection = sqlite3.connect(journal, timeout=MOVE_WAIT_SECONDS, isolation_level=None)
    try:
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise JournalError(f"{journal} is busy in another program; close it and try again. "
                               "Nothing was changed.") from exc
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{journal} could not be read as a journal ({exc}); it was left "
                               "untouched.") from exc
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        connection.close()


def _copy_to(old: Path, new: Path) -> None:
    """Copy ``old`` into the fresh file ``new`` and check it opens; remove ``new`` on failure."""
    try:
        ensure_private_dir(new.parent)
        fd = os.open(new, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise JournalError(f"Could not create {new}: {exc.strerror}.") from exc
    os.close(fd)
    try:
        copy_database(old, new)
        open_database(new, create=False).close()
    except (BackupError, JournalError):
        for leftover in (new, Path(f"{new}-wal"), Path(f"{new}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
