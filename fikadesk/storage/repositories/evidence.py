"""The shareable entries of a period, linked to a level's expectations or not (what briefs read)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import Entry
from fikadesk.storage.repositories.journal_rows import load_entries


def linked_evidence(conn: Connection, level_id: int, since: date, until: date
                    ) -> tuple[dict[int, list[int]], dict[int, Entry]]:
    """Expectation id -> ids of the live, non-private entries of the period linked to it, and
    those entries; a few statements, however many entries."""
    where = ("FROM entry_expectation l JOIN entry e ON e.id = l.entry_id "
             "JOIN expectation x ON x.id = l.expectation_id "
             "WHERE x.level_id = :lv AND e.deleted_at IS NULL AND e.private = 0 "
             "AND e.day >= :since AND e.day <= :until")
    params = {"lv": level_id, "since": since.isoformat(), "until": until.isoformat()}
    rows = conn.execute(text(f"SELECT l.expectation_id, e.id {where} ORDER BY e.day, e.id"), params).all()
    entries = load_entries(conn, f"SELECT DISTINCT e.id {where}", params)
    found: dict[int, list[int]] = {}
    for expectation_id, entry_id in rows:
        found.setdefault(int(expectation_id), []).append(int(entry_id))
    return found, entries


def shareable_wins(conn: Connection, since: date, until: date, *, starred_only: bool,
                   unlinked_from_level: int | None = None) -> list[Entry]:
    """The live, non-private entries of the period (starred only if asked), oldest first; with
    ``unlinked_from_level``, only those linked to none of that level's expectations."""
    where = ("FROM entry e WHERE e.deleted_at IS NULL AND e.private = 0 "
             "AND e.day >= :since AND e.day <= :until")
    if starred_only:
        where += " AND e.starred = 1"
    params: dict[str, object] = {"since": since.isoformat(), "until": until.isoformat()}
    if unlinked_from_level is not None:
        where += (" AND NOT EXISTS (SELECT 1 FROM entry_expectation l JOIN expectation x "
                  "ON x.id = l.expectation_id WHERE l.entry_id = e.id AND x.level_id = :lv)")
        params["lv"] = unlinked_from_level
    entries = load_entries(conn, f"SELECT e.id {where}", params)
    return sorted(entries.values(), key=lambda e: (e.day, e.id))
