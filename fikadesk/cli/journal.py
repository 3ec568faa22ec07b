"""The journal's commands: ``add`` records a win, ``search`` finds entries (lightly when it can)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.domain.journal.entries import (
    Entry,
    EntryDraft,
    EntryQuery,
    normalize_tag,
    parse_date,
    validate_draft,
)
from fikadesk.errors import InputError
from fikadesk.paths import resolve_journal_path

if TYPE_CHECKING:  # the data layer loads when a command opens the journal, not for --help
    from fikadesk.services.container import Services


class CliError(InputError):
    """A problem with what was asked on the command line; printed as one line."""


def add_journal_parsers(commands: Any) -> None:
    """Add ``add`` and ``search`` to the command parsers."""
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


def optional_date(raw: str | None, name: str) -> date | None:
    """The date ``raw`` names (YYYY-MM-DD), or None when it is empty; ``name`` is the option."""
    return parse_date(raw, name) if raw else None


def prepare_add(args: argparse.Namespace, today: date) -> EntryDraft:
    """Check the arguments of ``add`` and return the validated draft."""
    return validate_draft(
        EntryDraft(
            day=optional_date(args.date, "--date") or today,
            title=args.title,
            body=args.body,
            impact=args.impact,
            tags=tuple(args.tag),
            starred=args.star,
            revisit_on=optional_date(args.revisit, "--revisit"),
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
        since=optional_date(args.since, "--since"),
        until=optional_date(args.until, "--until"),
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


#: The journal's commands: how each checks its arguments, and how it runs on an open journal.
JOURNAL_COMMANDS: dict[str, tuple[Any, Any]] = {
    "add": (prepare_add, run_add), "search": (prepare_search, run_search)}
