"""Move a closed journal to a new file: copy through SQLite, verify, and only then drop the old one."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from fikadesk.paths import ensure_private_dir, recordings_dir
from fikadesk.storage.backup import copy_database
from fikadesk.storage.engine import open_database
from fikadesk.storage.errors import BackupError, JournalError


def move_journal(old: Path, new: Path) -> Path:
    """Copy the journal ``old`` (closed by the caller) to ``new``, verify it, then remove ``old``.

    The copy goes through the SQLite backup API into a fresh 0600 file, must pass
    ``PRAGMA integrity_check`` and must open as a fikadesk journal. Until all of that holds, the
    old file stays untouched and a half-made new file is removed. Returns ``new``.
    """
    old, new = old.absolute(), new.absolute()
    if new == old:
        raise JournalError("The new location is the file already in use.")
    if new.exists():
        raise JournalError(f"{new} already exists; choose a name that is not taken.")
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
    for stale in (Path(f"{old}-wal"), Path(f"{old}-shm"), old):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
    if recordings_dir(old).is_dir() and not recordings_dir(new).exists():
        shutil.move(recordings_dir(old), recordings_dir(new))  # kept take recordings go along
    return new
