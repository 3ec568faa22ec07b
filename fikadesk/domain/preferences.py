"""Per-journal preferences (speaking pace, answer length targets, reminders), validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from fikadesk.errors import InputError

REMINDER_CADENCES = ("off", "weekly", "fortnightly", "monthly")
PACE_RANGE = (60, 250)
LENGTH_RANGE = (5, 600)


class PreferencesError(InputError, ValueError):
    """A preference value that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class LengthTarget:
    """How long a spoken answer should last, in seconds (inclusive bounds)."""

    low: int
    high: int


@dataclass(frozen=True)
class Preferences:
    """The preferences stored inside one journal (so the window and the CLI agree)."""

    words_per_minute: int = 140
    aspiration: LengthTarget = LengthTarget(15, 90)
    story: LengthTarget = LengthTarget(45, 150)
    reminder: str = "weekly"

    def with_changes(self, **changes: object) -> Preferences:
        """Return a validated copy with ``changes`` applied."""
        return validate_preferences(replace(self, **changes))  # type: ignore[arg-type]


def validate_preferences(prefs: Preferences) -> Preferences:
    """Return ``prefs`` unchanged if every value is usable, else raise PreferencesError."""
    low, high = PACE_RANGE
    if not low <= prefs.words_per_minute <= high:
        raise PreferencesError(f"speaking pace must be between {low} and {high} words a minute, "
                               f"not {prefs.words_per_minute}")
    for name, target in (("aspiration", prefs.aspiration), ("story", prefs.story)):
        lo, hi = LENGTH_RANGE
        if not (lo <= target.low <= hi and lo <= target.high <= hi):
            raise PreferencesError(f"{name} length must stay between {lo} and {hi} seconds")
        if target.low >= target.high:
            raise PreferencesError(f"{name} length: the shortest ({target.low} s) must be below "
                                   f"the longest ({target.high} s)")
    if prefs.reminder not in REMINDER_CADENCES:
        raise PreferencesError(f"reminder must be one of {', '.join(REMINDER_CADENCES)}, "
                               f"not {prefs.reminder!r}")
    return prefs


REMINDER_DAYS: dict[str, int | None] = {"off": None, "weekly": 7, "fortnightly": 14, "monthly": 30}


def reminder_due(prefs: Preferences, days_quiet: int | None) -> bool:
    """True when a journal that has been quiet for ``days_quiet`` days should nudge the person.

    ``None`` (nothing recorded yet) never nudges: the empty journal teaches on its own.
    """
    limit = REMINDER_DAYS[prefs.reminder]
    return limit is not None and days_quiet is not None and days_quiet >= limit


def words_for_seconds(prefs: Preferences, seconds: int) -> int:
    """How many words fit into ``seconds`` of speaking at the preferred pace."""
    return round(prefs.words_per_minute * seconds / 60)


def preferences_to_meta(prefs: Preferences) -> dict[str, str]:
    """Flatten ``prefs`` into ``meta`` table key/value pairs."""
    return {
        "pref.words_per_minute": str(prefs.words_per_minute),
        "pref.aspiration_seconds": f"{prefs.aspiration.low}-{prefs.aspiration.high}",
        "pref.story_seconds": f"{prefs.story.low}-{prefs.story.high}",
        "pref.reminder": prefs.reminder,
    }


def preferences_from_meta(values: Mapping[str, str]) -> Preferences:
    """Read preferences from ``meta`` pairs; a missing or damaged value falls back to its default."""
    default = Preferences()
    pace = _int(values.get("pref.words_per_minute"), default.words_per_minute)
    aspiration = _range(values.get("pref.aspiration_seconds"), default.aspiration)
    story = _range(values.get("pref.story_seconds"), default.story)
    reminder = values.get("pref.reminder", default.reminder)
    checks = {
        "words_per_minute": pace if PACE_RANGE[0] <= pace <= PACE_RANGE[1] else default.words_per_minute,
        "aspiration": aspiration if _usable(aspiration) else default.aspiration,
        "story": story if _usable(story) else default.story,
        "reminder": reminder if reminder in REMINDER_CADENCES else default.reminder,
    }
    return validate_preferences(Preferences(**checks))  # type: ignore[arg-type]


def _usable(target: LengthTarget) -> bool:
    lo, hi = LENGTH_RANGE
    return lo <= target.low < target.high <= hi


def _int(raw: str | None, fallback: int) -> int:
    try:
        return int(raw) if raw is not None else fallback
    except ValueError:
        return fallback


def _range(raw: str | None, fallback: LengthTarget) -> LengthTarget:
    if raw is None:
        return fallback
    low, _, high = raw.partition("-")
    try:
        return LengthTarget(int(low), int(high))
    except ValueError:
        return fallback
