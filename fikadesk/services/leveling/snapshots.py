"""Freezing the target: dated copies of its expectations that later ladder edits leave alone."""

from __future__ import annotations

from datetime import date

from fikadesk.domain.leveling.snapshot import SnapshotSummary, TargetSnapshot
from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.services.values import Clock
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import leveling_snapshots as repo
from fikadesk.storage.repositories.leveling import load_target

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
        with self._db.write() as conn:
            goal = load_target(conn)
            if goal is None:
                raise LevelingError("no target is set, so there is nothing to freeze yet")
            snapshot_id = repo.insert_snapshot(conn, goal, taken_on, self._clock(), cleaned)
        return snapshot_id

    def list_snapshots(self) -> list[SnapshotSummary]:
        """Every snapshot, newest first."""
        with self._db.read() as conn:
            return repo.snapshot_summaries(conn)

    def get_snapshot(self, snapshot_id: int) -> TargetSnapshot:
        """One snapshot with its frozen expectations in their order."""
        with self._db.read() as conn:
            found = repo.load_snapshot(conn, snapshot_id)
        if found is None:
            raise LevelingError(f"there is no snapshot {snapshot_id}")
        return found

    def delete_snapshot(self, snapshot_id: int) -> None:
        """Delete one snapshot (the ladder and evidence are untouched)."""
        with self._db.write() as conn:
            if not repo.delete_snapshot(conn, snapshot_id):
                raise LevelingError(f"there is no snapshot {snapshot_id}")
