"""Leveling use cases: import and read ladders, set the target, link evidence, readiness."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.leveling import (
    Expectation,
    ExpectationEvidence,
    expectation_status,
    readiness_percent,
)
from fikadesk.domain.leveling_import import LadderImport
from fikadesk.domain.leveling_stored import (
    ExpectationReadiness,
    LadderSummary,
    LevelingError,
    Readiness,
    StoredExpectation,
    StoredLadder,
    StoredLevel,
    Target,
)
from fikadesk.services.journal import EntryNotFoundError
from fikadesk.services.values import Clock, as_date, as_datetime, now
from fikadesk.storage.engine import Database

__all__ = ["LevelingError", "LevelingService"]






class LevelingService:
    """The Target area's use cases; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._clock = clock

    # -- ladders -------------------------------------------------------------------------
    def import_ladder(self, result: LadderImport) -> int:
        """Save an imported ladder with its levels and expectations; return the ladder id."""
        ladder = result.ladder
        if not ladder.levels:
            raise LevelingError(f"ladder {ladder.name!r} has no levels to save")
        source = f"{result.source_format}: {', '.join(result.files)}"
        with self._db.write() as session:
            conn = session.connection()
            ladder_id = int(conn.execute(
                text("INSERT INTO ladder (name, source, created_at) VALUES (:n, :s, :at)"),
                {"n": ladder.name, "s": source, "at": self._clock()},
            ).lastrowid)
            rows: list[dict[str, Any]] = []
            for position, level in enumerate(ladder.levels):
                level_id = int(conn.execute(
                    text("INSERT INTO ladder_level (ladder_id, position, name, description) "
                         "VALUES (:l, :p, :n, :d)"),
                    {"l": ladder_id, "p": position, "n": level.name, "d": level.description},
                ).lastrowid)
                rows.extend(
                    {"lv": level_id, "p": index, "dim": e.dimension, "t": e.text}
                    for index, e in enumerate(level.expectations)
                )
            if rows:
                conn.execute(
                    text("INSERT INTO expectation (level_id, position, dimension, text) "
                         "VALUES (:lv, :p, :dim, :t)"),
                    rows,
                )
        return ladder_id

    def list_ladders(self) -> list[LadderSummary]:
        """Every stored ladder with its number of levels and expectations, oldest first."""
        with self._db.read() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT l.id, l.name, l.source, l.created_at, "
                "(SELECT count(*) FROM ladder_level v WHERE v.ladder_id = l.id), "
                "(SELECT count(*) FROM expectation e JOIN ladder_level v ON v.id = e.level_id "
                " WHERE v.ladder_id = l.id) "
                "FROM ladder l ORDER BY l.id"
            ).all()
        return [
            LadderSummary(int(r[0]), str(r[1]), str(r[2]), as_datetime(r[3]), int(r[4]), int(r[5]))
            for r in rows
        ]

    def get_ladder(self, ladder_id: int) -> StoredLadder:
        """One stored ladder with every level and expectation and their ids."""
        with self._db.read() as session:
            return _load_ladder(session.connection(), ladder_id)

    def delete_ladder(self, ladder_id: int) -> None:
        """Delete a ladder; refused while it is the target's ladder or entries link to it."""
        with self._db.write() as session:
            conn = session.connection()
            _load_ladder(conn, ladder_id)
            used = conn.execute(text("SELECT 1 FROM target WHERE ladder_id = :l"),
                                {"l": ladder_id}).first()
            if used:
                raise LevelingError(f"ladder {ladder_id} is your target's ladder; "
                                    "set a target on another ladder first")
            links = conn.execute(
                text("SELECT count(*) FROM entry_expectation x "
                     "JOIN expectation e ON e.id = x.expectation_id "
                     "JOIN ladder_level v ON v.id = e.level_id WHERE v.ladder_id = :l"),
                {"l": ladder_id},
            ).scalar_one()
            if links:
                raise LevelingError(f"ladder {ladder_id} has {links} evidence link(s) from "
                                    "journal entries; it was not deleted")
            conn.execute(text("DELETE FROM ladder WHERE id = :l"), {"l": ladder_id})

    # -- target --------------------------------------------------------------------------
    def set_target(self, ladder_id: int, current: str, target: str,
                   target_date: date | None = None, summary: str = "") -> Target:
        """Aim at level ``target`` from level ``current`` of a ladder (names case-insensitive)."""
        with self._db.write() as session:
            conn = session.connection()
            ladder = _load_ladder(conn, ladder_id)
            now_level = _level_named(ladder, current)
            goal_level = _level_named(ladder, target)
            if ladder.levels.index(goal_level) <= ladder.levels.index(now_level):
                raise LevelingError(
                    f"the target level {goal_level.name!r} must be above the current level "
                    f"{now_level.name!r}")
            conn.execute(
                text("INSERT INTO target (id, ladder_id, current_level_id, target_level_id, "
                     "target_date, summary) VALUES (1, :l, :c, :t, :d, :s) "
                     "ON CONFLICT(id) DO UPDATE SET ladder_id = excluded.ladder_id, "
                     "current_level_id = excluded.current_level_id, "
                     "target_level_id = excluded.target_level_id, "
                     "target_date = excluded.target_date, summary = excluded.summary"),
                {"l": ladder_id, "c": now_level.id, "t": goal_level.id,
                 "d": target_date.isoformat() if target_date else None, "s": summary.strip()},
            )
            found = _load_target(conn)
        assert found is not None
        return found

    def target(self) -> Target | None:
        """The current target, or None when none is set."""
        with self._db.read() as session:
            return _load_target(session.connection())

    # -- evidence ------------------------------------------------------------------------
    def check_expectations(self, expectation_ids: Iterable[int]) -> None:
        """Raise LevelingError naming any of ``expectation_ids`` that does not exist."""
        with self._db.read() as session:
            _require_expectations(session.connection(), expectation_ids)

    def link_entry(self, entry_id: int, expectation_ids: Iterable[int]) -> None:
        """Record an entry as evidence for expectations (links already there are kept)."""
        ids = sorted(set(expectation_ids))
        with self._db.write() as session:
            conn = session.connection()
            if conn.execute(text("SELECT 1 FROM entry WHERE id = :e"), {"e": entry_id}).first() is None:
                raise EntryNotFoundError(entry_id)
            _require_expectations(conn, ids)
            if ids:
                conn.execute(
                    text("INSERT OR IGNORE INTO entry_expectation (entry_id, expectation_id) "
                         "VALUES (:e, :x)"),
                    [{"e": entry_id, "x": x} for x in ids],
                )

    def unlink_entry(self, entry_id: int, expectation_ids: Iterable[int]) -> int:
        """Remove links between an entry and expectations; return how many went."""
        ids = sorted(set(expectation_ids))
        if not ids:
            return 0
        with self._db.write() as session:
            result = session.connection().execute(
                text("DELETE FROM entry_expectation WHERE entry_id = :e AND expectation_id = :x"),
                [{"e": entry_id, "x": x} for x in ids],
            )
            return int(result.rowcount)

    def linked_expectations(self, entry_id: int) -> tuple[int, ...]:
        """Ids of the expectations an entry is linked to, in ascending order."""
        with self._db.read() as session:
            rows = session.connection().execute(
                text("SELECT expectation_id FROM entry_expectation WHERE entry_id = :e "
                     "ORDER BY expectation_id"), {"e": entry_id}).scalars()
            return tuple(int(x) for x in rows)

    def readiness(self, today: date) -> Readiness:
        """Evidence and status of each target-level expectation, and the overall percent.

        Only live entries count (trashed ones do not). Raises LevelingError without a target.
        """
        with self._db.read() as session:
            conn = session.connection()
            goal = _load_target(conn)
            if goal is None:
                raise LevelingError("no target is set; set one first (fikadesk target set)")
            rows = conn.execute(
                text("SELECT x.id, x.dimension, x.text, count(e.id), "
                     "coalesce(sum(e.starred), 0), max(e.day), "
                     "count(DISTINCT substr(e.day, 1, 7)) "
                     "FROM expectation x "
                     "LEFT JOIN entry_expectation l ON l.expectation_id = x.id "
                     "LEFT JOIN entry e ON e.id = l.entry_id AND e.deleted_at IS NULL "
                     "WHERE x.level_id = :lv GROUP BY x.id ORDER BY x.position, x.id"),
                {"lv": goal.target_level_id},
            ).all()
        evidence = [
            ExpectationEvidence(
                Expectation(str(r[1]), str(r[2])), int(r[3]), int(r[4]),
                as_date(r[5]) if r[5] else None, int(r[6]),
            )
            for r in rows
        ]
        items = tuple(
            ExpectationReadiness(int(r[0]), ev.expectation.dimension, ev.expectation.text,
                                 ev.evidence_count, ev.starred_count, ev.latest,
                                 ev.distinct_months, expectation_status(ev, today=today))
            for r, ev in zip(rows, evidence, strict=True)
        )
        return Readiness(goal, items, readiness_percent(evidence, today=today))


# -- helpers: all run inside a transaction the caller opened -------------------------------
def _load_ladder(conn: Connection, ladder_id: int) -> StoredLadder:
    head = conn.execute(text("SELECT id, name, source, created_at FROM ladder WHERE id = :l"),
                        {"l": ladder_id}).first()
    if head is None:
        raise LevelingError(f"there is no ladder {ladder_id} (see fikadesk ladder list)")
    levels = conn.execute(
        text("SELECT id, name, description FROM ladder_level WHERE ladder_id = :l "
             "ORDER BY position, id"), {"l": ladder_id}).all()
    expectations = conn.execute(
        text("SELECT e.level_id, e.id, e.dimension, e.text FROM expectation e "
             "JOIN ladder_level v ON v.id = e.level_id WHERE v.ladder_id = :l "
             "ORDER BY e.position, e.id"), {"l": ladder_id}).all()
    by_level: dict[int, list[StoredExpectation]] = {}
    for level_id, exp_id, dimension, body in expectations:
        by_level.setdefault(int(level_id), []).append(
            StoredExpectation(int(exp_id), str(dimension), str(body)))
    return StoredLadder(
        int(head[0]), str(head[1]), str(head[2]), as_datetime(head[3]),
        tuple(StoredLevel(int(v[0]), str(v[1]), str(v[2]), tuple(by_level.get(int(v[0]), [])))
              for v in levels),
    )


def _level_named(ladder: StoredLadder, name: str) -> StoredLevel:
    level = ladder.find_level(name)
    if level is None:
        names = ", ".join(lv.name for lv in ladder.levels)
        raise LevelingError(f"ladder {ladder.name!r} has no level called {name.strip()!r} "
                            f"(levels: {names})")
    return level


def _load_target(conn: Connection) -> Target | None:
    row = conn.exec_driver_sql(
        "SELECT t.ladder_id, l.name, t.current_level_id, c.name, t.target_level_id, g.name, "
        "t.target_date, t.summary FROM target t JOIN ladder l ON l.id = t.ladder_id "
        "JOIN ladder_level c ON c.id = t.current_level_id "
        "JOIN ladder_level g ON g.id = t.target_level_id WHERE t.id = 1"
    ).first()
    if row is None:
        return None
    return Target(int(row[0]), str(row[1]), int(row[2]), str(row[3]), int(row[4]), str(row[5]),
                  as_date(row[6]) if row[6] else None, str(row[7]))


def _require_expectations(conn: Connection, expectation_ids: Iterable[int]) -> None:
    ids = sorted({int(x) for x in expectation_ids})
    if not ids:
        return
    marks = ",".join(str(x) for x in ids)
    found = {int(x) for x in conn.exec_driver_sql(
        f"SELECT id FROM expectation WHERE id IN ({marks})").scalars()}
    missing = [x for x in ids if x not in found]
    if missing:
        listed = ", ".join(str(x) for x in missing)
        raise LevelingError(f"there is no expectation {listed} (see fikadesk ladder show)")
