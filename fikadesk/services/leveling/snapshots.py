"""Freezing the target: dated copies of its expectations that later ladder edits leave alone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, text

from fikadesk.domain.leveling_snapshot import SnapshotItem, SnapshotSummary, TargetSnapshot
from fikadesk.domain.leveling_stored import LevelingError
from fikadesk.services.values import Clock, as_date, as_datetime
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.leveling import load_target
from fikadesk.storage.tables_leveling import TargetSnapshotItemRow

MAX_NOTE = 2000


class TargetSnapshots:
    """Freeze, list and read snapshots; each call is one transaction."""

    _db: Database
    _clock: Clock

    def freeze_target(self, taken_on: date, note: str = "") -> int:
        """Copy the target and its level's expectations as they read now; return the id."""
        cleaned = note.strip()
        if len(cleaned) > MAX_NOTE:
            raise LevelingError(f"the note is {len(cleaned)} characters; at most {MAX_NOTE} fit")
        with self._db.write() as session:
            conn = session.connection()
            goal = load_target(conn)
            if goal is None:
                raise LevelingError("no target is set, so there is nothing to freeze yet")
            snapshot_id = int(conn.execute(
                text("INSERT INTO target_snapshot (taken_on, created_at, ladder_name, "
                     "current_level, target_level, target_date, summary, note) "
                     "VALUES (:on, :at, :ladder, :cur, :tgt, :date, :summary, :note)"),
                {"on": taken_on.isoformat(), "at": self._clock(), "ladder": goal.ladder_name,
                 "cur": goal.current_level, "tgt": goal.target_level,
                 "date": goal.target_date.isoformat() if goal.target_date else None,
                 "summary": goal.summary, "note": cleaned},
            ).lastrowid)
            rows = conn.execute(
                text("SELECT id, dimension, text FROM expectation WHERE level_id = :lv "
                     "ORDER BY position, id"), {"lv": goal.target_level_id}).all()
            if rows:
                conn.execute(insert(TargetSnapshotItemRow.__table__), [  # type: ignore[attr-defined]
                    {"snapshot_id": snapshot_id, "position": n, "expectation_id": int(r[0]),
                     "dimension": str(r[1]), "text": str(r[2])}
                    for n, r in enumerate(rows)])
        return snapshot_id

    def list_snapshots(self) -> list[SnapshotSummary]:
        """Every snapshot, newest first."""
        with self._db.read() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT s.id, s.taken_on, s.created_at, s.ladder_name, s.current_level, "
                "s.target_level, (SELECT count(*) FROM target_snapshot_item i "
                "WHERE i.snapshot_id = s.id), s.note "
                "FROM target_snapshot s ORDER BY s.taken_on DESC, s.id DESC").all()
        return [SnapshotSummary(int(r[0]), as_date(r[1]), as_datetime(r[2]), str(r[3]),
                                str(r[4]), str(r[5]), int(r[6]), str(r[7])) for r in rows]

    def get_snapshot(self, snapshot_id: int) -> TargetSnapshot:
        """One snapshot with its frozen expectations in their order."""
        with self._db.read() as session:
            conn = session.connection()
            head = conn.execute(
                text("SELECT id, taken_on, created_at, ladder_name, current_level, "
                     "target_level, target_date, summary, note FROM target_snapshot "
                     "WHERE id = :s"), {"s": snapshot_id}).first()
            if head is None:
                raise LevelingError(f"there is no snapshot {snapshot_id}")
            items = conn.execute(
                text("SELECT position, expectation_id, dimension, text "
                     "FROM target_snapshot_item WHERE snapshot_id = :s ORDER BY position"),
                {"s": snapshot_id}).all()
        return TargetSnapshot(
            int(head[0]), as_date(head[1]), as_datetime(head[2]), str(head[3]), str(head[4]),
            str(head[5]), as_date(head[6]) if head[6] else None, str(head[7]), str(head[8]),
            tuple(SnapshotItem(int(i[0]), int(i[1]) if i[1] is not None else None, str(i[2]),
                               str(i[3])) for i in items))

    def delete_snapshot(self, snapshot_id: int) -> None:
        """Delete one snapshot (the ladder and evidence are untouched)."""
        with self._db.write() as session:
            result = session.connection().execute(
                text("DELETE FROM target_snapshot WHERE id = :s"), {"s": snapshot_id})
            if result.rowcount == 0:
                raise LevelingError(f"there is no snapshot {snapshot_id}")
