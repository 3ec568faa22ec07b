"""The evidence chart of the target level: linked entries per dimension and month of a period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from fikadesk.domain.leveling_chart import EvidenceChart, EvidencePoint, evidence_chart
from fikadesk.services.values import as_date
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.leveling import load_ladder, load_target


class EvidenceCharts:
    """Reads only, in one short transaction a call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def target_chart(self, since: date, until: date, *, starred_only: bool = False
                     ) -> EvidenceChart | None:
        """Evidence for each dimension of the target level, month by month from ``since`` to
        ``until``; private and trashed entries left out. None when no target is set."""
        with self._db.read() as session:
            conn = session.connection()
            target = load_target(conn)
            if target is None:
                return None
            ladder = load_ladder(conn, target.ladder_id)
            rows = conn.execute(text(
                "SELECT e.id, e.day, e.starred, x.dimension FROM entry_expectation l "
                "JOIN entry e ON e.id = l.entry_id JOIN expectation x ON x.id = l.expectation_id "
                "WHERE x.level_id = :lv AND e.deleted_at IS NULL AND e.private = 0 "
                "AND e.day >= :since AND e.day <= :until" + (" AND e.starred = 1" if starred_only
                                                              else "")),
                {"lv": target.target_level_id, "since": since.isoformat(),
                 "until": until.isoformat()}).all()
        level = next(lv for lv in ladder.levels if lv.id == target.target_level_id)
        points = [EvidencePoint(int(r[0]), as_date(r[1]), bool(r[2]), str(r[3])) for r in rows]
        return evidence_chart(points, [ex.dimension for ex in level.expectations], since, until)
