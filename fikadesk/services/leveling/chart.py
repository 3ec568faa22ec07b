"""The evidence chart of the target level: linked entries per dimension and month of a period."""

from __future__ import annotations

from datetime import date

from fikadesk.domain.leveling.chart import EvidenceChart, evidence_chart
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.leveling import load_ladder, load_target
from fikadesk.storage.repositories.leveling_evidence import chart_points


class EvidenceCharts:
    """Reads only, in one short transaction a call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def target_chart(self, since: date, until: date, *, starred_only: bool = False
                     ) -> EvidenceChart | None:
        """Evidence for each dimension of the target level, month by month from ``since`` to
        ``until``; private and trashed entries left out. None when no target is set."""
        with self._db.read() as conn:
            target = load_target(conn)
            if target is None:
                return None
            ladder = load_ladder(conn, target.ladder_id)
            points = chart_points(conn, target.target_level_id, since, until, starred_only=starred_only)
        level = next(lv for lv in ladder.levels if lv.id == target.target_level_id)
        return evidence_chart(points, [ex.dimension for ex in level.expectations], since, until)
