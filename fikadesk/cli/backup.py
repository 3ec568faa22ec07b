"""The backup commands: back up now, list the backups, restore one; no Qt, services when run."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.domain.backups import size_text
from fikadesk.errors import InputError, StorageError

if TYPE_CHECKING:
    from fikadesk.services.container import Services
    from fikadesk.storage.backup import BackupInfo


class BackupCommandError(InputError, ValueError):
    """A backup command that cannot run as asked (printed as one line, exit code 2)."""


def add_backup_parsers(commands: Any) -> None:
    """Add the ``backup`` command and its steps to the subparsers ``commands``."""
    backup = commands.add_parser("backup", help="back up the journal, list its backups, restore one")
    steps = backup.add_subparsers(dest="backup_command", metavar="STEP", required=True)
    steps.add_parser("now", help="write a verified copy of the journal to the backup folder")
    listing = steps.add_parser("list", help="the backups of this journal, newest first")
    listing.add_argument("--json", action="store_true",
                         help="print a JSON array (id, path, made_at, reason, entries, size)")
    restore = steps.add_parser("restore", help="replace the journal whole with a backup; the current "
                               "journal is backed up first")
    restore.add_argument("id", metavar="ID", help="the backup's id from backup list (a unique start "
                         "of it is enough), or the backup file's path")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")


@dataclass(frozen=True)
class BackupRequest:
    """A checked ``backup`` command."""

    step: str
    ident: str = ""
    as_json: bool = False
    confirmed: bool = False


def prepare_backup(args: argparse.Namespace, _today: date) -> BackupRequest:
    """Check the ``backup`` arguments before the journal is opened."""
    if args.backup_command == "restore":
        if not args.id.strip():
            raise BackupCommandError("give the id of the backup to restore (see: fikadesk backup list)")
        return BackupRequest("restore", args.id, confirmed=args.yes)
    return BackupRequest(args.backup_command, as_json=getattr(args, "json", False))


def backup_json(info: BackupInfo) -> dict[str, object]:
    """The JSON object of one backup, as ``backup list --json`` prints it."""
    return {"id": info.id, "path": str(info.path), "made_at": info.made_at.isoformat(timespec="seconds"),
            "reason": info.reason, "entries": info.entries, "size": info.size}


def _entries_text(info: BackupInfo) -> str:
    if info.entries is None:
        return "unreadable"
    return f"{info.entries} {'entry' if info.entries == 1 else 'entries'}"


def run_backup(request: BackupRequest, _args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Run one backup step."""
    backups = services.backups
    if request.step == "now":
        info = backups.back_up("manual")
        print(f"Backed up to {info.path} ({_entries_text(info)}, verified).", file=out)
        return 0
    if request.step == "list":
        found = backups.list()
        if request.as_json:
            json.dump([backup_json(b) for b in found], out, ensure_ascii=False, indent=2)
            out.write("\n")
            return 0
        if not found:
            print(f"No backups yet in {backups.folder()} (make one with: fikadesk backup now).", file=out)
        for b in found:
            print(f"{b.id}  {b.made_at:%Y-%m-%d %H:%M}  {b.reason:<16} {_entries_text(b):>14}  "
                  f"{size_text(b.size):>8}", file=out)
        return 0
    chosen = backups.find(request.ident)
    if not request.confirmed and not _confirm(chosen, services, out):
        print("Nothing was restored.", file=out)
        return 1
    result = backups.restore(chosen.id if chosen.path.parent == backups.folder() else str(chosen.path))
    print(f"Restored the backup of {result.restored.made_at:%Y-%m-%d %H:%M} "
          f"({_entries_text(result.restored)}) into {services.db.path}. "
          f"The journal as it was before is saved in {result.previous}.", file=out)
    return 0


def _confirm(chosen: BackupInfo, services: Services, out: TextIO) -> bool:
    if not sys.stdin.isatty():
        raise BackupCommandError("restore replaces the whole journal: add --yes to confirm")
    print(f"Replace the whole journal {services.db.path} with the backup of "
          f"{chosen.made_at:%Y-%m-%d %H:%M} ({chosen.reason}, {_entries_text(chosen)})? "
          "The journal as it is now is backed up first. [y/N] ", end="", file=out, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def back_up_if_due(services: Services, revision_before: int, err: TextIO) -> None:
    """After a command that changed the journal: the periodic backup, if 30 minutes have passed
    since the newest one (so a person who only uses the command line has backups too). A
    failure is reported on one line and does not undo or fail the command."""
    try:
        if services.db.read_only or services.db.revision() == revision_before:
            return
        services.backups.back_up_if_due()
    except StorageError as exc:
        print(f"fikadesk: note: the scheduled backup was not made: {exc}", file=err)


BACKUP_COMMANDS: dict[str, tuple[Any, Any]] = {"backup": (prepare_backup, run_backup)}
