"""Verified, private copies of a journal through the SQLite backup API, and their record.

Each backup describes itself: the reason, the moment, the number of entries and the journal's
change counter are written into the copy's own ``meta`` table (keys ``backup.*``) before it is
verified. One file can then never lose or contradict its description (a sidecar file could), and
a backup copied elsewhere by hand still lists correctly. A restore strips those keys again.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from fikadesk.paths import ensure_private_dir
from fikadesk.storage.errors import BackupError, describe_sqlite_error

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
META_PREFIX = "backup."
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9._-]+)\.fikadesk$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed: ``entries`` is None when its record could not be read."""

    id: str
    path: Path
    made_at: datetime
    reason: str
    entries: int | None
    size: int
    revision: int | None

    @property
    def readable(self) -> bool:
        """True when the file opened and described itself (it was verified when made)."""
        return self.entries is not None


def backup_folder(journal: Path) -> Path:
    """Return the default folder where backups of ``journal`` are kept (beside it)."""
    return journal.parent / "backups"


def make_backup(journal: Path, label: str, *, when: datetime | None = None,
                folder: Path | None = None) -> Path:
    """Copy ``journal`` into a new 0600 file through the backup API and verify it.

    The copy is made while the journal may be open elsewhere; it records ``label`` (its
    reason), the moment and its entry count, and is checked with ``PRAGMA integrity_check``
    before its path is returned. A failed copy is removed: no half-made file claims success.
    """
    moment = when or datetime.now()
    target_dir = folder or backup_folder(journal)
    try:
        ensure_private_dir(target_dir)
    except OSError as exc:
        raise BackupError(f"Could not create the backup folder {target_dir}: {exc.strerror}.") from exc
    target, partial = _create_private(target_dir, journal.stem, moment, label)
    try:
        copy_database(journal, partial, record={"reason": label, "made_at": moment.isoformat()})
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        # Only a complete, verified copy gets a backup's name: a crash or a full disk before
        # this line leaves at most a hidden ".partial" file, never a backup that is not one.
        os.link(partial, target)
        partial.unlink()
        fsync_folder(target_dir)
    except OSError as exc:
        remove_with_sidecars(partial)
        raise BackupError(f"The backup could not be written: {exc.strerror}.") from exc
    except BaseException:
        remove_with_sidecars(partial)
        raise
    return target


def partial_name(target: Path) -> Path:
    """The hidden file a backup is written to before it is verified and named."""
    return target.with_name(f".{target.name}.partial")


def _create_private(folder: Path, stem: str, moment: datetime, label: str) -> tuple[Path, Path]:
    """Reserve a backup name and create its empty 0600 partial file; a moment already used (for
    any reason) moves on by a microsecond, so ids stay unique and sort in the order made."""
    newest = _newest_stamp(folder, stem)
    if newest is not None and timedelta(0) <= newest - moment < timedelta(seconds=1):
        moment = newest + timedelta(microseconds=1)  # a clock without microseconds: keep order
    for step in range(1000):
        stamp = (moment + timedelta(microseconds=step)).strftime(STAMP_FORMAT)
        target = folder / f"{stem}-{stamp}-{label}.fikadesk"
        taken = f"{glob_escape(stem)}-{stamp}-*.fikadesk"
        if any(folder.glob(taken)) or any(folder.glob(f".{taken}.partial")):
            continue
        partial = partial_name(target)
        try:
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise BackupError(f"Could not create the backup file {target}: {exc.strerror}.") from exc
        os.close(fd)
        return target, partial
    raise BackupError(f"Could not find a free backup file name in {folder}.")


def _newest_stamp(folder: Path, stem: str) -> datetime | None:
    """The moment of the newest backup (or partial one) of ``stem`` in ``folder``."""
    newest = None
    for path in folder.glob(f"*{glob_escape(stem)}-*.fikadesk*"):
        found = _NAME.match(path.name.lstrip(".").removesuffix(".partial"))
        if found is not None and found["stem"] == stem:
            made = datetime.strptime(found["stamp"], STAMP_FORMAT)
            newest = made if newest is None or made > newest else newest
    return newest


def copy_database(source: Path, target: Path, *, record: Mapping[str, str] | None = None) -> None:
    """Copy the SQLite database ``source`` into ``target`` and verify the copy.

    With ``record``, the copy also gets ``backup.<key>`` rows in its ``meta`` table, plus
    ``backup.entries`` (entries not in the trash), written before the integrity check.
    """
    try:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                if record is not None:
                    _write_record(dst, record)
                result = dst.execute("PRAGMA integrity_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"The backup could not be written: {describe_sqlite_error(exc)}") from exc
    if not result or result[0] != "ok":
        raise BackupError("The backup copy did not pass its integrity check.")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _live_entries(conn: sqlite3.Connection) -> int:
    if "entry" not in _tables(conn):
        return 0  # a journal from before its first migration
    return int(conn.execute("SELECT count(*) FROM entry WHERE deleted_at IS NULL").fetchone()[0])


def _write_record(dst: sqlite3.Connection, record: Mapping[str, str]) -> None:
    if "meta" not in _tables(dst):
        return  # a journal from before its first migration: the file name says the reason
    rows = {**record, "entries": str(_live_entries(dst))}
    with dst:
        dst.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(META_PREFIX + key, value) for key, value in rows.items()],
        )


def fsync_folder(folder: Path) -> None:
    """Make the new file's name durable too (a crash right after must not lose it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_with_sidecars(path: Path) -> None:
    """Remove ``path`` and any journal, WAL or shared-memory file SQLite left beside it."""
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def read_backup(path: Path) -> BackupInfo | None:
    """Describe the backup file ``path`` (None when its name is not one of ours)."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    made_at = datetime.strptime(found["stamp"], STAMP_FORMAT)
    reason = found["reason"]
    entries: int | None = None
    revision: int | None = None
    try:
        size = path.stat().st_size
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            meta: dict[str, str] = {}
            if "meta" in _tables(conn):
                meta = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'backup.%' "
                                         "OR key = 'revision'").fetchall())
            entries = int(meta[META_PREFIX + "entries"]) if META_PREFIX + "entries" in meta \
                else _live_entries(conn)
        finally:
            conn.close()
        reason = str(meta.get(META_PREFIX + "reason", reason))
        revision = int(meta.get("revision", 0))
    except (sqlite3.Error, OSError, ValueError):
        size = path.stat().st_size if path.exists() else 0
    return BackupInfo(found["stamp"], path, made_at, reason, entries, size, revision)


def list_backups(journal: Path, folder: Path | None = None) -> list[BackupInfo]:
    """Every backup of ``journal`` in ``folder`` (default: beside it), newest first."""
    target_dir = folder or backup_folder(journal)
    if not target_dir.is_dir():
        return []
    found = []
    for path in target_dir.glob(f"{glob_escape(journal.stem)}-*.fikadesk"):
        info = read_backup(path)
        if info is not None and path.name.startswith(f"{journal.stem}-{info.id}-"):
            found.append(info)
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def glob_escape(text: str) -> str:
    """Escape the characters ``glob`` treats specially."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def verify_backup(path: Path) -> None:
    """Raise BackupError unless ``path`` opens and passes ``PRAGMA integrity_check``."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"The backup {path.name} cannot be read: {describe_sqlite_error(exc)}") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"The backup {path.name} did not pass its integrity check; choose another.")
