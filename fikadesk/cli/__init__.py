"""The command line: the same services as the window, for scripting and quick capture; no Qt."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from fikadesk import __version__
from fikadesk.cli.backup import BACKUP_COMMANDS, add_backup_parsers, back_up_if_due
from fikadesk.cli.briefs import BRIEF_COMMANDS, BriefDrawing, add_brief_parsers, run_brief
from fikadesk.cli.desktop import STANDALONE_COMMANDS, add_desktop_parsers
from fikadesk.cli.interview import INTERVIEW_COMMANDS, add_interview_parsers, run_coach
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
from fikadesk.domain.journal.entries import (
    Entry,
    EntryDraft,
    EntryQuery,
    normalize_tag,
    parse_date,
    validate_draft,
)
from fikadesk.errors import InputError, StorageError
from fikadesk.paths import ENV_DB, resolve_journal_path

if TYPE_CHECKING:  # the data layer loads when a command opens the journal, not for --help
    from fikadesk.services.container import Services


class CliError(InputError):
    """A problem with what was asked on the command line; printed as one line."""


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

    add = commands.add_parser("add", help="add an entry and print its id")
    add.add_argument("title", help="what you did, in a few words")
    add.add_argument("--date", help="YYYY-MM-DD (default: today)")
    add.add_argument("--body", default="", help="what happened (markdown)")
    add.add_argument("--impact", default="", help="the result or impact")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--link", action="append", default=[], help="a URL (repeatable)")
    add.add_argument("--star", action="store_true", help="mark it as next-level work")
    add.add_argument("--revisit", help="YYYY-MM-DD: come back to record the outcome")
    add.add_argument("--expectation", action="append", default=[], type=int, metavar="ID",
                     help="link it as evidence for this expectation id (repeatable; "
                     "see ladder show)")
    add.add_argument("--suggest", action="store_true", help="after its id, print the target "
                     "expectations it most likely shows (accept one with link add)")

    search = commands.add_parser("search", help="list matching entries, newest first")
    search.add_argument("query", nargs="?", default="",
                        help="words to find (prefixes match); 2026, 2026-03 or 2026-03-14 "
                        "finds that year, month or day")
    search.add_argument("--tag", action="append", default=[], help="only entries with this tag")
    search.add_argument("--starred", action="store_true", help="only starred entries")
    search.add_argument("--since", help="YYYY-MM-DD, inclusive")
    search.add_argument("--until", help="YYYY-MM-DD, inclusive")
    search.add_argument("--limit", type=int, default=1000, help="at most this many (default 1000)")
    search.add_argument("--json", action="store_true", help="print a JSON array")
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


def _optional_date(raw: str | None, name: str) -> date | None:
    return parse_date(raw, name) if raw else None


def prepare_add(args: argparse.Namespace, today: date) -> EntryDraft:
    """Check the arguments of ``add`` and return the validated draft."""
    return validate_draft(
        EntryDraft(
            day=_optional_date(args.date, "--date") or today,
            title=args.title,
            body=args.body,
            impact=args.impact,
            tags=tuple(args.tag),
            starred=args.star,
            revisit_on=_optional_date(args.revisit, "--revisit"),
            links=tuple(args.link),
        )
    )


def run_add(draft: EntryDraft, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Add one entry and its expectation links in one transaction; print its id."""
    if args.expectation:
        entry = services.leveling.add_entry_with_links(draft, args.expectation)
    else:
        entry = services.journal.add(draft)
    print(entry.id, file=out)
    if args.suggest:
        from fikadesk.cli.links import print_added_suggestions

        print_added_suggestions(entry, tuple(args.expectation), services, out)
    return 0


def prepare_search(args: argparse.Namespace, today: date) -> EntryQuery:
    """Check the arguments of ``search`` and return the query."""
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    return EntryQuery(
        text=args.query,
        tags=tuple(normalize_tag(t) for t in args.tag),
        starred_only=args.starred,
        since=_optional_date(args.since, "--since"),
        until=_optional_date(args.until, "--until"),
    )


def entry_json(entry: Entry) -> dict[str, object]:
    """Return the JSON object of one entry, as ``search --json`` prints it."""
    return {
        "id": entry.id,
        "date": entry.day.isoformat(),
        "title": entry.title,
        "body": entry.body,
        "impact": entry.impact,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "revisit_on": entry.revisit_on.isoformat() if entry.revisit_on else None,
        "links": list(entry.links),
    }


def run_search(query: EntryQuery, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Print the entries matching ``query``."""
    summaries = services.journal.page(query, 0, args.limit)
    return print_entries([services.journal.get(s.id) for s in summaries], args, out)


def search_lightly(query: EntryQuery, args: argparse.Namespace) -> list[Entry] | None:
    """The entries ``search`` prints, read without the data layer (``storage.reader``); None when
    the journal needs the full path (missing, to migrate, refused, busy: it says so itself)."""
    from fikadesk.storage.reader import search_entries

    return search_entries(resolve_journal_path(args.db), query, args.limit)


def print_entries(entries: Sequence[Entry], args: argparse.Namespace, out: TextIO) -> int:
    """Print the entries ``search`` found, as lines or (``--json``) as a JSON array."""
    if args.json:
        json.dump([entry_json(e) for e in entries], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not entries:
        print("No matching entries.", file=out)
    for e in entries:
        star = "*" if e.starred else " "
        tags = ("  #" + " #".join(e.tags)) if e.tags else ""
        print(f"{e.id:>6}  {e.day.isoformat()} {star} {e.title}{tags}", file=out)
    return 0


Prepare = Callable[[argparse.Namespace, date], Any]
Execute = Callable[[Any, argparse.Namespace, "Services", TextIO], int]
# Commands that run without a journal (coach reads the journal's speaking pace when there is one).
NO_JOURNAL_NEEDED = {**STANDALONE_COMMANDS, "coach": run_coach, **SPEECH_COMMANDS}
CREATING = frozenset({"add", "import"})
COMMANDS: dict[str, tuple[Prepare, Execute]] = {
    "add": (prepare_add, run_add),
    "search": (prepare_search, run_search),
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
    if args.command == "search":  # read-only: first without the data layer, if the file allows
        found = search_lightly(prepared, args)
        if found is not None:
            return print_entries(found, args, out)
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
