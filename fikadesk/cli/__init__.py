"""The command line: the same services as the window, for scripting and quick capture; no Qt."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from fikadesk import __version__
from fikadesk.cli.backup import BACKUP_COMMANDS, add_backup_parsers, back_up_if_due
from fikadesk.cli.briefs import BRIEF_COMMANDS, BriefDrawing, add_brief_parsers, run_brief
from fikadesk.cli.desktop import STANDALONE_COMMANDS, add_desktop_parsers
from fikadesk.cli.interview import INTERVIEW_COMMANDS, add_interview_parsers, run_coach
from fikadesk.cli.journal import (
    JOURNAL_COMMANDS,
    add_journal_parsers,
    print_entries,
    run_search,
    search_lightly,
)
from fikadesk.cli.leveling import (
    LEVELING_COMMANDS,
    add_leveling_parsers,
    creates_journal,
    run_without_journal,
    runs_without_journal,
)
from fikadesk.cli.plan import PLAN_COMMANDS, add_plan_parsers, starts_plan
from fikadesk.cli.preferences import PREFERENCES_COMMANDS, add_preferences_parsers
from fikadesk.cli.speech import SPEECH_COMMANDS, add_speech_parsers
from fikadesk.cli.transfer import TRANSFER_COMMANDS, add_transfer_parsers
from fikadesk.errors import InputError, StorageError
from fikadesk.paths import ENV_DB, resolve_journal_path

if TYPE_CHECKING:  # the data layer loads when a command opens the journal, not for --help
    from fikadesk.services.container import Services


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"fikadesk: {message} (see fikadesk --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every fikadesk command."""
    parser = _Parser(
        prog="fikadesk",
        description="A private, offline journal for your promotion case and interview answers. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"fikadesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="journal file to use (default: FIKADESK_DB "
                        "or the journal in your user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    add_journal_parsers(commands)
    add_leveling_parsers(commands)
    add_brief_parsers(commands)
    add_transfer_parsers(commands)
    add_interview_parsers(commands)
    add_plan_parsers(commands)
    add_desktop_parsers(commands)
    add_preferences_parsers(commands)
    add_speech_parsers(commands)
    add_backup_parsers(commands)
    return parser


Prepare = Callable[[argparse.Namespace, date], Any]
Execute = Callable[[Any, argparse.Namespace, "Services", TextIO], int]
# Commands that run without a journal (coach reads the journal's speaking pace when there is one).
NO_JOURNAL_NEEDED = {**STANDALONE_COMMANDS, "coach": run_coach, **SPEECH_COMMANDS}
CREATING = frozenset({"add", "import"})
COMMANDS: dict[str, tuple[Prepare, Execute]] = {
    **JOURNAL_COMMANDS,
    **LEVELING_COMMANDS,
    **BRIEF_COMMANDS,
    **PREFERENCES_COMMANDS,
    **TRANSFER_COMMANDS,
    **PLAN_COMMANDS,
    **INTERVIEW_COMMANDS,
    **BACKUP_COMMANDS,
}


def _sets_target(args: argparse.Namespace) -> bool:
    """Target, link and preference changes record something: they create a new journal, as add does."""
    if args.command == "preferences":
        changes = ("pace", "aspiration", "story", "reminder")
        return any(getattr(args, name, None) is not None for name in changes)
    step = getattr(args, f"{args.command}_command", None)
    return (args.command, step) in {("target", "set"), ("target", "freeze"), ("link", "add")}


def run(
    args: argparse.Namespace,
    out: TextIO | None = None,
    err: TextIO | None = None,
    today: date | None = None,
    *,
    drawing: BriefDrawing | None = None,
) -> int:
    """Run the parsed command; return the process exit code (2: bad input, 1: the journal failed).

    Arguments are checked before the journal is opened, so bad input changes nothing.
    ``drawing`` draws a brief's PDF and evidence chart; it needs Qt, so the composition root
    (``fikadesk.app``) gives it: without it a brief has no chart and cannot be a PDF.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run(args, out, err, today or date.today(), drawing)
    except BrokenPipeError:
        return _reader_went_away(out)
    except InputError as exc:
        print(f"fikadesk: {exc}", file=err)
        return 2
    except StorageError as exc:
        print(f"fikadesk: {exc}", file=err)
        return 1


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, today: date,
         drawing: BriefDrawing | None) -> int:
    """Check the arguments, open the journal and run the command; errors go up to :func:`run`."""
    if args.command in NO_JOURNAL_NEEDED or runs_without_journal(args):
        try:
            if runs_without_journal(args):
                return run_without_journal(args, out)
            return NO_JOURNAL_NEEDED[args.command](args, out)
        except OSError as exc:
            print(f"fikadesk: {exc.strerror or exc}: {exc.filename}", file=err)
            return 1
    prepare, execute = COMMANDS[args.command]
    if execute is run_brief:  # the one command that draws (a PDF, the evidence chart)
        execute = functools.partial(run_brief, drawing=drawing)
    prepared = prepare(args, today)
    if execute is run_search:  # read-only: first without the data layer, if the file allows
        found = search_lightly(prepared, args)
        if found is not None:
            return print_entries(found, args, out)
    if args.command in CREATING and getattr(args, "dry_run", False):
        missing = resolve_journal_path(args.db)
        if not missing.exists():
            return _dry_run_without_journal(missing, prepared, args, execute, out)
    # Only a command that records something may create a new journal.
    creating = (args.command in CREATING and not getattr(args, "dry_run", False)) \
        or creates_journal(args) or starts_plan(args) or _sets_target(args)
    services = _open_journal(args, creating)
    try:
        before = services.db.revision() if args.command != "backup" else None
        code = execute(prepared, args, services, out)
        if code == 0 and before is not None:
            back_up_if_due(services, before, err)
        return code
    finally:
        services.close()


def _dry_run_without_journal(path: Path, prepared: Any, args: argparse.Namespace, execute: Execute,
                             out: TextIO) -> int:
    """A dry run for a journal that does not exist yet: checked against a new, empty journal in
    a temporary folder (made the usual way, then removed), so it says what the real run would
    add; nothing is created at ``path``."""
    import tempfile

    from fikadesk.services.container import build_services

    print(f"There is no journal at {path} yet: the import would create it.", file=out)
    with tempfile.TemporaryDirectory(prefix="fikadesk-dry-run-") as folder:
        services = build_services(Path(folder) / path.name, create=True, whole_check=False)
        try:
            return int(execute(prepared, args, services, out))
        finally:
            services.close()


def _open_journal(args: argparse.Namespace, creating: bool) -> Services:
    """Open the journal the command names; one moved while this command waited for the move is
    followed to its new place, unless the path was given explicitly."""
    from fikadesk.services.container import build_services
    from fikadesk.storage.journal_lock import JournalMovedError

    # no whole-file quick_check per command: it costs ~0.5 s on a 250 MB journal
    try:
        return build_services(resolve_journal_path(args.db), create=creating, whole_check=False)
    except JournalMovedError as moved:
        if (args.db or os.environ.get(ENV_DB, "")).strip():
            raise
        return build_services(moved.new_path, create=creating, whole_check=False)


def _reader_went_away(out: TextIO) -> int:
    """The reader of our output closed the pipe (``| head``): stop quietly, as the docs of ``signal``
    advise, pointing stdout at devnull so the interpreter's last flush cannot fail again."""
    if out is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run a command (the window is started by ``fikadesk.app``)."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        print("fikadesk: no command given (see fikadesk --help)", file=sys.stderr)
        return 2
    return run(args)
