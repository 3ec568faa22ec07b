"""Preferences use cases: read and save the per-journal preferences and the first-run flag."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.preferences import (
    Preferences,
    preferences_from_meta,
    preferences_to_meta,
    validate_preferences,
)
from fikadesk.storage.engine import Database

FIRST_RUN_KEY = "first_run_done"


class PreferencesService:
    """Keeps preferences in the journal's ``meta`` table; each public method is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Preferences:
        """The journal's preferences (defaults for anything never set)."""
        with self._db.read() as session:
            rows = session.connection().execute(
                text("SELECT key, value FROM meta WHERE key LIKE 'pref.%'")).all()
        return preferences_from_meta({str(k): str(v) for k, v in rows})

    def save(self, prefs: Preferences) -> Preferences:
        """Validate and store ``prefs``; return them."""
        validate_preferences(prefs)
        with self._db.write() as session:
            conn = session.connection()
            for key, value in preferences_to_meta(prefs).items():
                _put(conn, key, value)
        return prefs

    def first_run_done(self) -> bool:
        """True once the first-run steps were finished or skipped in this journal."""
        with self._db.read() as session:
            row = session.connection().execute(
                text("SELECT value FROM meta WHERE key = :k"), {"k": FIRST_RUN_KEY}).first()
        return row is not None and row[0] == "1"

    def mark_first_run_done(self) -> None:
        """Remember that the first-run steps are behind us."""
        with self._db.write() as session:
            _put(session.connection(), FIRST_RUN_KEY, "1")


def _put(conn: Connection, key: str, value: str) -> None:
    conn.execute(text("INSERT INTO meta(key, value) VALUES (:k, :v) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})
