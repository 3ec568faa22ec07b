"""``fikadesk preferences``: show or change the journal's speaking pace, answer lengths, reminders."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.domain.preferences import REMINDER_CADENCES, LengthTarget, Preferences, PreferencesError

if TYPE_CHECKING:
    from fikadesk.services.container import Services


def add_preferences_parsers(commands: Any) -> None:
    """Add the ``preferences`` command to the subparsers ``commands``."""
    prefs = commands.add_parser("preferences", help="show or change this journal's preferences")
    prefs.add_argument("--pace", type=int, metavar="WPM", help="speaking pace in words a minute")
    prefs.add_argument("--aspiration", metavar="LOW-HIGH", help="aspiration answer length in seconds")
    prefs.add_argument("--story", metavar="LOW-HIGH", help="story answer length in seconds")
    prefs.add_argument("--reminder", choices=REMINDER_CADENCES, help="how often to be nudged")
    prefs.add_argument("--json", action="store_true", help="print a JSON object")


def _seconds(raw: str, name: str) -> LengthTarget:
    low, sep, high = raw.partition("-")
    try:
        if not sep:
            raise ValueError
        return LengthTarget(int(low), int(high))
    except ValueError:
        raise PreferencesError(f"--{name} must look like 15-90 (seconds), not {raw!r}") from None


def prepare_preferences(args: argparse.Namespace, today: date) -> dict[str, Any]:
    """Check the requested changes before the journal is opened."""
    changes: dict[str, Any] = {}
    if args.pace is not None:
        changes["words_per_minute"] = args.pace
    if args.aspiration is not None:
        changes["aspiration"] = _seconds(args.aspiration, "aspiration")
    if args.story is not None:
        changes["story"] = _seconds(args.story, "story")
    if args.reminder is not None:
        changes["reminder"] = args.reminder
    Preferences().with_changes(**changes)  # refuse impossible values before touching the journal
    return changes


def run_preferences(changes: dict[str, Any], args: argparse.Namespace, services: Services,
                    out: TextIO) -> int:
    """Apply ``changes`` (if any) and print the preferences."""
    prefs = services.preferences.get()
    if changes:
        prefs = services.preferences.save(prefs.with_changes(**changes))
    if args.json:
        print(json.dumps({"words_per_minute": prefs.words_per_minute,
                          "aspiration_seconds": [prefs.aspiration.low, prefs.aspiration.high],
                          "story_seconds": [prefs.story.low, prefs.story.high],
                          "reminder": prefs.reminder}), file=out)
    else:
        print(f"speaking pace: {prefs.words_per_minute} words a minute", file=out)
        print(f"aspiration answer: {prefs.aspiration.low}-{prefs.aspiration.high} s", file=out)
        print(f"story answer: {prefs.story.low}-{prefs.story.high} s", file=out)
        print(f"reminder: {prefs.reminder}", file=out)
    return 0


PREFERENCES_COMMANDS = {"preferences": (prepare_preferences, run_preferences)}
