"""Leveling use cases: import and read ladders, set the target, link evidence, readiness."""

from __future__ import annotations

from datetime import date

from fikadesk.domain.leveling.importing.importer import LadderImport
from fikadesk.domain.leveling.ladder import expectation_status, order_gaps_first, readiness_percent
from fikadesk.domain.leveling.snapshot import LadderUsage
from fikadesk.domain.leveling.stored import (
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
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import leveling as repo
from fikadesk.storage.repositories.leveling import (
    level_named,
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
        with self._db.write() as conn:
            taken = {n.casefold() for n in repo.ladder_names(conn)}
            name, number = ladder.name, 1
            while name.casefold() in taken:  # imported again: "Acme (2)", so the list tells them apart
                number += 1
                name = f"{ladder.name} ({number})"
            return repo.insert_ladder(conn, name, source, self._clock(), ladder.levels)

    def list_ladders(self) -> list[LadderSummary]:
        """Every stored ladder with its number of levels and expectations, oldest first."""
        with self._db.read() as conn:
            return repo.ladder_summaries(conn)

    def get_ladder(self, ladder_id: int) -> StoredLadder:
        """One stored ladder with every level and expectation and their ids."""
        with self._db.read() as conn:
            return load_ladder(conn, ladder_id)

    def ladder_usage(self, ladder_id: int) -> LadderUsage:
        """What deleting a ladder would touch (links, entries, target), for the confirmation."""
        with self._db.read() as conn:
            load_ladder(conn, ladder_id)
            return repo.ladder_usage(conn, ladder_id)

    def delete_ladder(self, ladder_id: int, *, drop_links: bool = False) -> LadderUsage:
        """Delete a ladder; return what it touched.

        Without ``drop_links`` it is refused while the target is set on it or entries link to
        its expectations. With ``drop_links`` (after the person confirmed `ladder_usage`'s
        description) the links and the target go with it; entries and snapshots stay. A verified
        backup is made first.
        """
        from fikadesk.storage.backup import make_backup

        make_backup(self._db.path, "before-delete", folder=self._db.backup_dir)
        with self._db.write() as conn:
            load_ladder(conn, ladder_id)
            usage = repo.ladder_usage(conn, ladder_id)
            if not drop_links:
                if usage.is_target:
                    raise LevelingError(f"ladder {ladder_id} is your target's ladder; "
                                        "set a target on another ladder first")
                if usage.link_count:
                    links = f"{usage.link_count} evidence link{'s' if usage.link_count != 1 else ''}"
                    raise LevelingError(f"ladder {ladder_id} has {links} from journal entries; "
                                        "it was not deleted")
            refuse_if_plan_links(conn, "v.ladder_id = :l", {"l": ladder_id}, "this ladder's expectations")
            repo.delete_ladder(conn, ladder_id)
        return usage

    # -- target --------------------------------------------------------------------------
    def set_target(self, ladder_id: int, current: str, target: str,
                   target_date: date | None = None, summary: str | None = None) -> Target:
        """Aim at level ``target`` from level ``current`` of a ladder (names case-insensitive).

        ``summary`` None keeps the summary already written (the command line sets levels
        without wiping the person's own words).
        """
        with self._db.write() as conn:
            ladder = load_ladder(conn, ladder_id)
            now_level = level_named(ladder, current)
            goal_level = level_named(ladder, target)
            if ladder.levels.index(goal_level) <= ladder.levels.index(now_level):
                raise LevelingError(
                    f"the target level {goal_level.name!r} must be above the current level "
                    f"{now_level.name!r}")
            kept = summary.strip() if summary is not None else repo.target_summary(conn)
            repo.save_target(conn, ladder_id, now_level.id, goal_level.id, target_date, kept)
            found = load_target(conn)
        assert found is not None
        return found

    def target(self) -> Target | None:
        """The current target, or None when none is set."""
        with self._db.read() as conn:
            return load_target(conn)

    # -- evidence ------------------------------------------------------------------------
    def readiness(self, today: date) -> Readiness:
        """Evidence and status of each target-level expectation, and the overall percent.

        Only live entries count (trashed ones do not). Raises LevelingError without a target.
        """
        with self._db.read() as conn:
            goal = load_target(conn)
            if goal is None:
                raise LevelingError("no target is set; set one first (fikadesk target set)")
            counted = repo.readiness_counts(conn, goal.target_level_id)
        evidence = [ev for _id, ev in counted]
        by_evidence = {
            id(ev): ExpectationReadiness(
                expectation_id, ev.expectation.dimension, ev.expectation.text, ev.evidence_count,
                ev.starred_count, ev.latest, ev.distinct_months,
                expectation_status(ev, today=today))
            for expectation_id, ev in counted
        }
        # gaps first, ladder order kept within each status (the domain's rule)
        items = tuple(by_evidence[id(ev)] for ev in order_gaps_first(evidence, today=today))
        return Readiness(goal, items, readiness_percent(evidence, today=today))

