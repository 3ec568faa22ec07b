"""The command line of suggested evidence links: ``link suggest`` and ``link add`` (no Qt)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.domain.journal.entries import parse_date

if TYPE_CHECKING:
    from fikadesk.domain.journal.entries import Entry
    from fikadesk.domain.leveling.suggest import Suggestion
    from fikadesk.services.container import Services


def add_link_parsers(commands: Any) -> None:
    """Add the ``link`` command (``suggest`` and ``add``) to the subparsers ``commands``."""
    link = commands.add_parser("link", help="link entries to target expectations, with suggestions")
    steps = link.add_subparsers(dest="link_command", metavar="STEP", required=True)
    suggest = steps.add_parser("suggest", help="list entries linked to no target expectation, "
                               "each with the expectations it most likely shows")
    suggest.add_argument("--since", help="YYYY-MM-DD: only entries from that day on")
    suggest.add_argument("--starred", action="store_true", help="only starred entries")
    suggest.add_argument("--json", action="store_true", help="print a JSON array")
    add = steps.add_parser("add", help="link an entry to expectations (e.g. a suggestion)")
    add.add_argument("entry", type=int, help="the entry id")
    add.add_argument("expectations", type=int, nargs="+", metavar="EXPECTATION",
                     help="expectation ids (see link suggest or readiness)")


def prepare_link(args: argparse.Namespace, today: date) -> date | None:
    """Check the arguments of ``link`` before the journal is opened; the --since day or None."""
    if args.link_command == "suggest" and args.since:
        return parse_date(args.since)
    return None


def suggestion_line(s: Suggestion) -> str:
    """ "[14] Leadership: Mentors one or more engineers…" for one suggestion."""
    return f"[{s.expectation.id}] {s.expectation.dimension}: {s.expectation.text}"


def print_added_suggestions(entry: Entry, linked: tuple[int, ...], services: Services,
                            out: TextIO) -> None:
    """After ``add --suggest`` printed the new id: the expectations of the target level the
    entry most likely shows (leaving out those it was just linked to), and how to accept one."""
    from fikadesk.domain.leveling.suggest import suggestions_for, win_text

    suggester = services.suggestions.target_suggester()
    if suggester is None:
        print("No target level is set, so there is nothing to suggest "
              "(fikadesk target set).", file=out)
        return
    found = suggestions_for(suggester, win_text(entry.title, entry.body, entry.impact, entry.tags),
                            linked)
    if not found:
        print("No expectation of the target level matches its words.", file=out)
        return
    print("Suggested expectations:", file=out)
    for s in found:
        print(f"  {suggestion_line(s)}", file=out)
    print(f"Accept one with: fikadesk link add {entry.id} EXPECTATION", file=out)


def run_link(since: date | None, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Run ``link suggest`` or ``link add``."""
    if args.link_command == "add":
        services.leveling.link_entry(args.entry, args.expectations)
        count = len(set(args.expectations))
        print(f"Entry {args.entry} is now evidence for {count} "
              f"expectation{'s' if count != 1 else ''}.", file=out)
        return 0
    found = services.suggestions.unlinked(since, starred_only=args.starred)
    if args.json:
        rows = [{"entry": u.entry.id, "day": u.entry.day.isoformat(), "title": u.entry.title,
                 "starred": u.entry.starred,
                 "suggestions": [{"expectation": s.expectation.id,
                                  "dimension": s.expectation.dimension,
                                  "text": s.expectation.text, "score": s.score,
                                  "because": list(s.because)} for s in u.suggestions]}
                for u in found]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print("Every entry is linked to an expectation of your target level.", file=out)
        return 0
    for u in found:
        star = "*" if u.entry.starred else " "
        print(f"{u.entry.id:>6}  {u.entry.day.isoformat()} {star} {u.entry.title}", file=out)
        if not u.suggestions:
            print("          (no expectation of the target level matches its words)", file=out)
        for s in u.suggestions:
            print(f"          {suggestion_line(s)}", file=out)
    print("Accept a suggestion with: fikadesk link add ENTRY EXPECTATION", file=out)
    return 0


LINK_COMMANDS: dict[str, tuple[Any, Any]] = {"link": (prepare_link, run_link)}

