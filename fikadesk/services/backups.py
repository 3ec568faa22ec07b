"""Backup use cases: back up now, on a schedule and before risky operations; list; restore."""

from __future__ import annotations

import builtins
import configparser
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs

from fikadesk.domain.backups import Made, backup_due, backups_to_keep
from fikadesk.storage.backup import (
    BackupInfo,
    backup_folder,
    glob_escape,
    list_backups,
    make_backup,
    read_backup,
    remove_with_sidecars,
)
from fikadesk.storage.backup_restore import restore_backup
from fikadesk.storage.engine import Database
from fikadesk.storage.errors import BackupError, JournalError

__all__ = ["BackupInfo", "BackupNotFoundError", "BackupService", "RestoreResult",
           "settings_backup_folder"]

STALE_PARTIAL_S = 3600
SETTINGS_FILE = "fikadesk.ini"  # the window's QSettings file (INI), in the user config folder


class BackupNotFoundError(JournalError):
    """No backup (or more than one) answers to the id that was given."""


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: which backup is now the journal, and where the old state went."""

    restored: BackupInfo
    previous: Path


def settings_backup_folder(config_dir: Path | None = None) -> Path | None:
    """The backup folder chosen in the window's Preferences (read without Qt), or None."""
    folder = config_dir or Path(platformdirs.user_config_dir("fikadesk", appauthor=False))
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(folder / SETTINGS_FILE, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeError):
        return None
    raw = parser.get("paths", "backups", fallback="").strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    raw = re.sub(r'\\(["\\])', r"\1", raw)  # QSettings escapes quotes and backslashes
    return Path(raw).expanduser() if raw else None


class BackupService:
    """Backups of one open journal; each public method is one short piece of work."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._now = clock

    @property
    def journal(self) -> Path:
        """The journal file these backups are of."""
        return self._db.path

    def folder(self) -> Path:
        """Where backups go: the folder from the preferences, else "backups" beside the journal."""
        return self._db.backup_dir or backup_folder(self._db.path)

    def set_folder(self, folder: Path | None) -> None:
        """Use ``folder`` from now on (None: the default beside the journal)."""
        self._db.backup_dir = folder

    def list(self) -> list[BackupInfo]:
        """Every backup of this journal, newest first."""
        return list_backups(self._db.path, self.folder())

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that opens and describes itself (each was verified when made)."""
        return next((b for b in self.list() if b.readable), None)

    def find(self, ident: str) -> BackupInfo:
        """The backup whose id starts with ``ident`` (or whose path it is)."""
        wanted = ident.strip()
        as_path = Path(wanted).expanduser()
        if wanted and as_path.suffix == ".fikadesk" and as_path.is_file():
            info = read_backup(as_path.absolute())
            if info is not None:
                return info
        found = [b for b in self.list() if wanted and b.id.startswith(wanted)]
        if not found:
            raise BackupNotFoundError(f"No backup has the id {wanted!r} in {self.folder()} "
                                      "(see: fikadesk backup list).")
        if len(found) > 1:
            raise BackupNotFoundError(f"{len(found)} backups start with {wanted!r}; give more of the id.")
        return found[0]

    def back_up(self, reason: str = "manual") -> BackupInfo:
        """Make a verified backup now, then let the oldest ones go by the retention rules."""
        path = make_backup(self._db.path, reason, when=self._now(), folder=self.folder())
        info = read_backup(path)
        if info is None or not info.readable:
            raise BackupError(f"The backup {path} was written but cannot be read back.")
        self.prune()
        return info

    def changed_since_backup(self) -> bool:
        """True when the journal was written since its newest backup was made."""
        newest = self.newest_good()
        return newest is None or newest.revision != self._db.revision()

    def back_up_if_due(self) -> BackupInfo | None:
        """The periodic backup: at most every 30 minutes, and only after a change."""
        newest = self.newest_good()
        changed = newest is None or newest.revision != self._db.revision()
        if not backup_due(changed, newest.made_at if newest else None, self._now()):
            return None
        return self.back_up("periodic")

    def back_up_if_changed(self, reason: str = "on-close") -> BackupInfo | None:
        """A backup when something changed since the newest one (as the window closes)."""
        return self.back_up(reason) if self.changed_since_backup() else None

    def prune(self) -> builtins.list[Path]:
        """Delete the backups the retention rules no longer keep; return their paths."""
        self._remove_stale_partials()
        found = self.list()
        keep = backups_to_keep([Made(b.id, b.made_at, b.reason, b.readable) for b in found],
                               self._now())
        gone = []
        for info in found:
            if info.id not in keep:
                try:
                    info.path.unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    continue
                gone.append(info.path)
        return gone

    def _remove_stale_partials(self) -> None:
        """Remove hidden ".partial" files a killed backup left (an hour old: none is in use)."""
        folder = self.folder()
        if not folder.is_dir():
            return
        for partial in folder.glob(f".{glob_escape(self._db.path.stem)}-*.fikadesk.partial"):
            try:
                if time.time() - partial.stat().st_mtime > STALE_PARTIAL_S:
                    remove_with_sidecars(partial)
            except OSError:
                continue

    def restore(self, ident: str) -> RestoreResult:
        """Put the backup ``ident`` back as the whole journal, after saving the current state.

        The journal's connections are closed first and opened again after (checked, and
        migrated if the backup is from an older fikadesk).
        """
        chosen = self.find(ident)
        self._db.close()
        try:
            previous = restore_backup(self._db.path, chosen.path, folder=self.folder(),
                                      when=self._now())
        finally:
            self._db.reopen()
        return RestoreResult(chosen, previous)
