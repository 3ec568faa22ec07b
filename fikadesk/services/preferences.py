"""Preferences use cases: read and save the per-journal preferences and the first-run flag."""

from __future__ import annotations

from fikadesk.domain.preferences import (
    Preferences,
    preferences_from_meta,
    preferences_to_meta,
    validate_preferences,
)
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.meta import meta_value, meta_values, set_meta_value

FIRST_RUN_KEY = "first_run_done"


class PreferencesService:
    """Keeps preferences in the journal's ``meta`` table; each public method is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Preferences:
        """The journal's preferences (defaults for anything never set)."""
        with self._db.read() as conn:
            return preferences_from_meta(meta_values(conn, "pref."))

    def save(self, prefs: Preferences) -> Preferences:
        """Validate and store ``prefs``; return them."""
        validate_preferences(prefs)
        with self._db.write() as conn:
            for key, value in preferences_to_meta(prefs).items():
                set_meta_value(conn, key, value)
        return prefs

    def first_run_done(self) -> bool:
        """True once the first-run steps were finished or skipped in this journal."""
        with self._db.read() as conn:
            return meta_value(conn, FIRST_RUN_KEY) == "1"

    def mark_first_run_done(self) -> None:
        """Remember that the first-run steps are behind us."""
        with self._db.write() as conn:
            set_meta_value(conn, FIRST_RUN_KEY, "1")
