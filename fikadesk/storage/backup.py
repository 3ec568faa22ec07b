"""Verified, private copies of a journal through the SQLite backup API."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from fikadesk.paths import ensure_private_dir
from fikadesk.storage.errors import BackupError, describe_sqlite_error


def backup_folder(journal: Path) -> Path:
    """Return the folder where backups of ``journal`` are kept."""
    return journal.parent / "backups"


def make_backup(journal: Path, label: str, *, when: datetime | None = None,
                folder: Path | None = None) -> Path:
    """Copy ``journal`` into a new 0600 file through the backup API and verify it.

    The copy is made while the journal may be open elsewhere; it is checked with
    ``PRAGMA integrity_check`` before its path is returned. A failed copy is removed.
    """
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target_dir = folder or backup_folder(journal)
    ensure_private_dir(target_dir)
    target = target_dir / f"{journal.stem}-{stamp}-{label}.fikadesk"
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise BackupError(f"Could not create the backup file {target}: {exc.strerror}.") from exc
    os.close(fd)
    try:
        copy_database(journal, target)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return target


def copy_database(source: Path, target: Path) -> None:
    """Copy the SQLite database ``source`` into ``target`` and verify the copy."""
    try:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA integrity_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"The backup could not be written: {describe_sqlite_error(exc)}") from exc
    if not result or result[0] != "ok":
        raise BackupError("The backup copy did not pass its integrity check.")
