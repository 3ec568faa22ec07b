"""Gathering the data of the briefs from the journal and the target; plan data comes from callers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from fikadesk.briefs.promotion import (
    ExpectationLinks,
    PromotionInput,
    PromotionOptions,
    build_promotion,
)
from fikadesk.domain.journal import Entry
from fikadesk.domain.leveling_stored import LevelingError
from fikadesk.domain.plan import PlanState
from fikadesk.services.journal import EntryNotFoundError, JournalService
from fikadesk.services.leveling import LevelingService
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database

NO_TARGET = ("No target level is set yet, so there is no promotion case to write: choose your "
             "ladder and the level you aim for first (Target tab, or fikadesk target set).")


class BriefError(ValueError):
    """A brief that cannot be written from what the journal holds; the message says why."""


class BriefService:
    """Collects what each brief needs; reads only, never writes to the journal."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._journal = JournalService(db, clock)
        self._leveling = LevelingService(db, clock)

    def promotion_input(self, options: PromotionOptions, plan: PlanState | None = None
                        ) -> PromotionInput:
        """The target, its level's expectations and the linked shareable entries of the period.

        Private and trashed entries are never read. ``plan`` is passed through as given (the
        plan is kept by the Plan area). Raises BriefError when no target is set.
        """
        target = self._leveling.target()
        if target is None:
            raise BriefError(NO_TARGET)
        try:
            ladder = self._leveling.get_ladder(target.ladder_id)
        except LevelingError as exc:
            raise BriefError(str(exc)) from None
        level = next((lv for lv in ladder.levels if lv.id == target.target_level_id), None)
        if level is None:
            raise BriefError(f"The target level {target.target_level!r} is no longer in the ladder.")
        links = self._links(level.id, options)
        entries: dict[int, Entry] = {}
        for entry_id in sorted({entry_id for pairs in links.values() for entry_id in pairs}):
            try:
                entries[entry_id] = self._journal.get(entry_id)
            except EntryNotFoundError:
                continue  # purged between the two reads: it simply is not evidence any more
        items = tuple(
            ExpectationLinks(ex, tuple(entries[i] for i in links.get(ex.id, ()) if i in entries))
            for ex in level.expectations
        )
        return PromotionInput(target, items, level.description, plan)

    def promotion(self, options: PromotionOptions, today: date,
                  plan: PlanState | None = None) -> str:
        """The promotion case as markdown (see fikadesk.briefs.promotion.build_promotion)."""
        return build_promotion(self.promotion_input(options, plan), options, today)

    def _links(self, level_id: int, options: PromotionOptions) -> dict[int, list[int]]:
        """Expectation id -> ids of the live, non-private entries of the period linked to it."""
        with self._db.read() as session:
            rows = session.connection().execute(
                text("SELECT l.expectation_id, e.id FROM entry_expectation l "
                     "JOIN entry e ON e.id = l.entry_id "
                     "JOIN expectation x ON x.id = l.expectation_id "
                     "WHERE x.level_id = :lv AND e.deleted_at IS NULL AND e.private = 0 "
                     "AND e.day >= :since AND e.day <= :until ORDER BY e.day, e.id"),
                {"lv": level_id, "since": options.since.isoformat(),
                 "until": options.until.isoformat()},
            ).all()
        found: dict[int, list[int]] = {}
        for expectation_id, entry_id in rows:
            found.setdefault(int(expectation_id), []).append(int(entry_id))
        return found
