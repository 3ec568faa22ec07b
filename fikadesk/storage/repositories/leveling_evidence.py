"""The leveling area's evidence SQL: links between entries and expectations, and what reads them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import Entry, EntrySummary
from fikadesk.domain.leveling.chart import EvidencePoint
from fikadesk.domain.leveling.snapshot import ExpectationChoice
from fikadesk.storage.repositories.journal_rows import load_entries
from fikadesk.storage.values import as_date


def insert_links(conn: Connection, entry_id: int, expectation_ids: Sequence[int], *,
                 keep_existing: bool = False) -> None:
    """Link an entry to expectations (``keep_existing``: links already there are left alone)."""
    if expectation_ids:
        verb = "INSERT OR IGNORE" if keep_existing else "INSERT"
        conn.execute(text(f"{verb} INTO entry_expectation (entry_id, expectation_id) VALUES (:e, :x)"),
                     [{"e": entry_id, "x": x} for x in expectation_ids])


def delete_links(conn: Connection, entry_id: int, expectation_ids: Sequence[int] | None = None) -> int:
    """Remove an entry's links to ``expectation_ids`` (all of them when None); how many went."""
    if expectation_ids is None:
        return int(conn.execute(text("DELETE FROM entry_expectation WHERE entry_id = :e"),
                                {"e": entry_id}).rowcount)
    return int(conn.execute(
        text("DELETE FROM entry_expectation WHERE entry_id = :e AND expectation_id = :x"),
        [{"e": entry_id, "x": x} for x in expectation_ids]).rowcount)


def linked_expectations(conn: Connection, entry_id: int) -> tuple[int, ...]:
    """Ids of the expectations an entry is linked to, in ascending order."""
    return tuple(int(x) for x in conn.execute(
        text("SELECT expectation_id FROM entry_expectation WHERE entry_id = :e ORDER BY expectation_id"),
        {"e": entry_id}).scalars())


def evidence_for(conn: Connection, expectation_id: int) -> list[EntrySummary]:
    """Live entries linked to one expectation, newest first (starred first within a day)."""
    rows = conn.execute(
        text("SELECT e.id, e.day, e.title, e.starred FROM entry e "
             "JOIN entry_expectation x ON x.entry_id = e.id "
             "WHERE x.expectation_id = :x AND e.deleted_at IS NULL "
             "ORDER BY e.day DESC, e.starred DESC, e.id DESC"), {"x": expectation_id}).all()
    return [EntrySummary(int(r[0]), as_date(r[1]), str(r[2]), bool(r[3]), ()) for r in rows]


def expectation_choices(conn: Connection, level_id: int | None, include: Sequence[int]
                        ) -> list[ExpectationChoice]:
    """A level's expectations in ladder order (none when ``level_id`` is None), then those of
    ``include`` from elsewhere."""
    rows: list[Any] = []
    if level_id is not None:
        rows = list(conn.execute(
            text("SELECT e.id, v.name, e.dimension, e.text FROM expectation e "
                 "JOIN ladder_level v ON v.id = e.level_id WHERE e.level_id = :lv "
                 "ORDER BY e.position, e.id"), {"lv": level_id}).all())
    seen = {int(r[0]) for r in rows}
    extra = [x for x in include if x not in seen]
    if extra:
        marks = ",".join(str(int(x)) for x in extra)
        rows += conn.exec_driver_sql(
            "SELECT e.id, v.name, e.dimension, e.text FROM expectation e "
            f"JOIN ladder_level v ON v.id = e.level_id WHERE e.id IN ({marks}) "
            "ORDER BY v.position, e.position, e.id").all()
    return [ExpectationChoice(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def chart_points(conn: Connection, level_id: int, since: date, until: date, *,
                 starred_only: bool) -> list[EvidencePoint]:
    """Each link of a live, non-private entry of the period to an expectation of the level."""
    rows = conn.execute(text(
        "SELECT e.id, e.day, e.starred, x.dimension FROM entry_expectation l "
        "JOIN entry e ON e.id = l.entry_id JOIN expectation x ON x.id = l.expectation_id "
        "WHERE x.level_id = :lv AND e.deleted_at IS NULL AND e.private = 0 "
        "AND e.day >= :since AND e.day <= :until" + (" AND e.starred = 1" if starred_only else "")),
        {"lv": level_id, "since": since.isoformat(), "until": until.isoformat()}).all()
    return [EvidencePoint(int(r[0]), as_date(r[1]), bool(r[2]), str(r[3])) for r in rows]


def unlinked_entries(conn: Connection, level_id: int, since: date | None, *, starred_only: bool,
                     limit: int) -> list[Entry]:
    """Live entries (newest first, at most ``limit``) linked to no expectation of the level."""
    where = ("SELECT e.id FROM entry e WHERE e.deleted_at IS NULL AND NOT EXISTS (SELECT 1 "
             "FROM entry_expectation l JOIN expectation x ON x.id = l.expectation_id "
             "WHERE l.entry_id = e.id AND x.level_id = :lv)")
    params: dict[str, object] = {"lv": level_id, "limit": limit}
    if since is not None:
        where += " AND e.day >= :since"
        params["since"] = since.isoformat()
    if starred_only:
        where += " AND e.starred = 1"
    entries = load_entries(conn, where + " ORDER BY e.day DESC, e.id DESC LIMIT :limit", params)
    return sorted(entries.values(), key=lambda e: (e.day, e.id), reverse=True)
