"""Leveling use cases: import and read ladders, set the target, link evidence, readiness."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.leveling import (
    Expectation,
    ExpectationEvidence,
    expectation_status,
    order_gaps_first,
    readiness_percent,
)
from fikadesk.domain.leveling_import import LadderImport
from fikadesk.domain.leveling_snapshot import LadderUsage
from fikadesk.domain.leveling_stored import (
    ExpectationReadiness,
    LadderSummary,
    LevelingError,
    Readiness,
    StoredLadder,
    Target,
)
from fikadesk.services.leveling.edit import LadderEditing
from fikadesk.services.leveling.evidence import EvidenceLinks
from fikadesk.services.leveling.snapshots import TargetSnapshots
from fikadesk.services.values import Clock, as_date, as_datetime, now
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.leveling import (
    level_named,
    link_count,
    load_ladder,
    load_target,
    refuse_if_plan_links,
)

__all__ = ["LevelingError", "LevelingService"]


class LevelingService(LadderEditing, EvidenceLinks, TargetSnapshots):
    """The Target area's use cases; each public method is one short transaction.

    Ladder editing, evidence links and snapshots live in the mixins of their own modules.
    """

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._clock = clock

    # -- ladders -------------------------------------------------------------------------
    def import_ladder(self, result: LadderImport) -> int:
        """Save an imported ladder with its levels and expectations; return the ladder id.

        A reading below the bar (`LadderImport.below_bar`) is refused unless the person
        accepted it in the preview (`LadderImport.accepted`).
        """
        ladder = result.ladder
        if not ladder.levels:
            raise LevelingError(f"ladder {ladder.name!r} has no levels to save")
        if result.below_bar and not result.accepted:  # never a doubtful reading saved unasked
            raise LevelingError(f"ladder {ladder.name!r} was not saved: {result.refusal()}")
        source = f"{result.source_format}: {', '.join(result.files)}"
        with self._db.write() as session:
            conn = session.connection()
            taken = {str(n).casefold() for n in conn.execute(text("SELECT name FROM ladder")).scalars()}
            name, number = ladder.name, 1
            while name.casefold() in taken:  # imported again: "Acme (2)", so the list tells them apart
                number += 1
                name = f"{ladder.name} ({number})"
            ladder_id = int(conn.execute(
                text("INSERT INTO ladder (name, source, created_at) VALUES (:n, :s, :at)"),
                {"n": name, "s": source, "at": self._clock()},
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
            return load_ladder(session.connection(), ladder_id)

    def ladder_usage(self, ladder_id: int) -> LadderUsage:
        """What deleting a ladder would touch (links, entries, target), for the confirmation."""
        with self._db.read() as session:
            conn = session.connection()
            load_ladder(conn, ladder_id)
            return _usage(conn, ladder_id)

    def delete_ladder(self, ladder_id: int, *, drop_links: bool = False) -> LadderUsage:
        """Delete a ladder; return what it touched.

        Without ``drop_links`` it is refused while the target is set on it or entries link to
        its expectations. With ``drop_links`` (after the person confirmed `ladder_usage`'s
        description) the links and the target go with it; entries and snapshots stay. A verified
        backup is made first.
        """
        from fikadesk.storage.backup import make_backup

        make_backup(self._db.path, "before-delete", folder=self._db.backup_dir)
        with self._db.write() as session:
            conn = session.connection()
            load_ladder(conn, ladder_id)
            usage = _usage(conn, ladder_id)
            if not drop_links:
                if usage.is_target:
                    raise LevelingError(f"ladder {ladder_id} is your target's ladder; "
                                        "set a target on another ladder first")
                if usage.link_count:
                    links = f"{usage.link_count} evidence link{'s' if usage.link_count != 1 else ''}"
                    raise LevelingError(f"ladder {ladder_id} has {links} from journal entries; "
                                        "it was not deleted")
            refuse_if_plan_links(conn, "v.ladder_id = :l", {"l": ladder_id}, "this ladder's expectations")
            conn.execute(text("DELETE FROM target WHERE ladder_id = :l"), {"l": ladder_id})
            conn.execute(
                text("DELETE FROM entry_expectation WHERE expectation_id IN ("
                     "SELECT e.id FROM expectation e JOIN ladder_level v ON v.id = e.level_id "
                     "WHERE v.ladder_id = :l)"), {"l": ladder_id})
            conn.execute(text("DELETE FROM ladder WHERE id = :l"), {"l": ladder_id})
        return usage

    # -- target --------------------------------------------------------------------------
    def set_target(self, ladder_id: int, current: str, target: str,
                   target_date: date | None = None, summary: str | None = None) -> Target:
        """Aim at level ``target`` from level ``current`` of a ladder (names case-insensitive).

        ``summary`` None keeps the summary already written (the command line sets levels
        without wiping the person's own words).
        """
        with self._db.write() as session:
            conn = session.connection()
            ladder = load_ladder(conn, ladder_id)
            now_level = level_named(ladder, current)
            goal_level = level_named(ladder, target)
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
                 "d": target_date.isoformat() if target_date else None,
                 "s": _kept_summary(conn, summary)},
            )
            found = load_target(conn)
        assert found is not None
        return found

    def target(self) -> Target | None:
        """The current target, or None when none is set."""
        with self._db.read() as session:
            return load_target(session.connection())

    # -- evidence ------------------------------------------------------------------------
    def readiness(self, today: date) -> Readiness:
        """Evidence and status of each target-level expectation, and the overall percent.

        Only live entries count (trashed ones do not). Raises LevelingError without a target.
        """
        with self._db.read() as session:
            conn = session.connection()
            goal = load_target(conn)
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
        by_evidence = {
            id(ev): ExpectationReadiness(
                int(r[0]), ev.expectation.dimension, ev.expectation.text, ev.evidence_count,
                ev.starred_count, ev.latest, ev.distinct_months,
                expectation_status(ev, today=today))
            for r, ev in zip(rows, evidence, strict=True)
        }
        # gaps first, ladder order kept within each status (the domain's rule)
        items = tuple(by_evidence[id(ev)] for ev in order_gaps_first(evidence, today=today))
        return Readiness(goal, items, readiness_percent(evidence, today=today))


def _usage(conn: Connection, ladder_id: int) -> LadderUsage:
    links, entries = link_count(conn, "v.ladder_id = :l", {"l": ladder_id})
    is_target = conn.execute(text("SELECT 1 FROM target WHERE ladder_id = :l"),
                             {"l": ladder_id}).first() is not None
    return LadderUsage(ladder_id, links, entries, is_target)


def _kept_summary(conn: Connection, summary: str | None) -> str:
    if summary is not None:
        return summary.strip()
    row = conn.execute(text("SELECT summary FROM target WHERE id = 1")).first()
    return str(row[0]) if row else ""
