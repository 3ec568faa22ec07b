"""Putting a backup back: keep the current state first, then replace the journal whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from fikadesk.paths import ensure_private_dir
from fikadesk.storage.backup import (
    META_PREFIX,
    STAMP_FORMAT,
    backup_folder,
    fsync_folder,
    make_backup,
    remove_with_sidecars,
    verify_backup,
)
from fikadesk.storage.errors import BackupError, JournalError, describe_sqlite_error

BUSY_TIMEOUT_S = 10.0


def keep_current_state(journal: Path, folder: Path | None, when: datetime) -> Path:
    """Save the journal as it is now before it is replaced; return where it went.

    Normally a verified backup ("before-restore"). A journal too damaged to copy through SQLite
    is copied byte for byte instead (with its ``-wal``), named "damaged", so nothing is lost.
    """
    try:
        return make_backup(journal, "before-restore", when=when, folder=folder)
    except BackupError:
        if not journal.exists():
            raise
    target_dir = folder or backup_folder(journal)
    target = target_dir / f"{journal.stem}-{when.strftime(STAMP_FORMAT)}-damaged.fikadesk"
    try:
        ensure_private_dir(target_dir)
        for source, copy in ((journal, target), (Path(f"{journal}-wal"), Path(f"{target}-wal"))):
            if source.exists():
                fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                    shutil.copyfileobj(src, out)
                    out.flush()
                    os.fsync(out.fileno())
        fsync_folder(target_dir)
    except OSError as exc:
        remove_with_sidecars(target)
        raise BackupError(f"The current journal could not be saved before the restore "
                          f"({exc.strerror}); nothing was changed.") from exc
    return target


def restore_backup(journal: Path, backup: Path, *, folder: Path | None = None,
                   when: datetime | None = None) -> Path:
    """Replace ``journal`` whole with the verified ``backup``; return where its old state went.

    The journal's own connections must be closed by the caller. The copy goes through the
    SQLite backup API into the journal file itself, in one transaction, so another process
    that has it open sees either the old journal or the restored one, never a mix, and a crash
    part-way leaves the old one. A journal too damaged for that is replaced by renaming a
    complete, verified file over it.
    """
    verify_backup(backup)
    previous = keep_current_state(journal, folder, when or datetime.now())
    image = _clean_image(backup, _current_revision(journal))
    try:
        try:
            _copy_into_live(image, journal)
        except sqlite3.DatabaseError as exc:
            if "CORRUPT" not in str(getattr(exc, "sqlite_errorname", "")) \
                    and "NOTADB" not in str(getattr(exc, "sqlite_errorname", "")):
                raise
            _replace_file(image, journal)
    except sqlite3.Error as exc:
        raise JournalError(f"The backup could not be put back ({describe_sqlite_error(exc)}). "
                           f"The journal as it was is saved in {previous}.") from exc
    except OSError as exc:
        raise JournalError(f"The backup could not be put back ({exc.strerror}). "
                           f"The journal as it was is saved in {previous}.") from exc
    finally:
        image.close()
    return previous


def _current_revision(journal: Path) -> int:
    try:
        conn = sqlite3.connect(f"{journal.absolute().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        finally:
            conn.close()
        return int(row[0]) if row else 0
    except (sqlite3.Error, ValueError):
        return 0


def _clean_image(backup: Path, current_revision: int) -> sqlite3.Connection:
    """The backup in memory, without its ``backup.*`` record, its change counter moved past
    the journal's so every open window sees that the journal changed."""
    src = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    image = sqlite3.connect(":memory:")
    try:
        src.backup(image)
    finally:
        src.close()
    with image:
        image.execute("DELETE FROM meta WHERE key LIKE ?", (META_PREFIX + "%",))
        row = image.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        revision = max(current_revision, int(row[0]) if row else 0) + 1
        image.execute("INSERT INTO meta(key, value) VALUES ('revision', ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(revision),))
    return image


def _copy_into_live(image: sqlite3.Connection, journal: Path) -> None:
    dst = sqlite3.connect(journal, timeout=BUSY_TIMEOUT_S)
    try:
        image.backup(dst)
        result = dst.execute("PRAGMA integrity_check").fetchone()
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        dst.close()
    if not result or result[0] != "ok":
        raise sqlite3.DatabaseError("integrity check failed after the restore")


def _replace_file(image: sqlite3.Connection, journal: Path) -> None:
    temp = journal.with_name(f".{journal.name}.{os.getpid()}.restoring")
    remove_with_sidecars(temp)
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        out = sqlite3.connect(temp)
        try:
            image.backup(out)
            out.execute("PRAGMA journal_mode = WAL").fetchall()
            result = out.execute("PRAGMA integrity_check").fetchone()
        finally:
            out.close()
        if not result or result[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed on the restored copy")
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        for stale in (Path(f"{journal}-wal"), Path(f"{journal}-shm")):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        os.replace(temp, journal)
        fsync_folder(journal.parent)
    finally:
        remove_with_sidecars(temp)
