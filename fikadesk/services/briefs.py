"""Gathering the data of the briefs from the journal and the target; plan data comes from callers."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import date

from sqlalchemy import text

from fikadesk.briefs.agenda import AgendaInput
from fikadesk.briefs.interview import InterviewInput, interview_input
from fikadesk.briefs.promotion import (
    ExpectationLinks,
    PromotionInput,
    PromotionOptions,
    UnlinkedWin,
    build_promotion,
)
from fikadesk.briefs.promotion_brag import BragInput, build_brag
from fikadesk.domain.interview_records import InterviewError
from fikadesk.domain.interview_terms import extract_key_terms
from fikadesk.domain.journal import Entry
from fikadesk.domain.leveling_stored import LevelingError
from fikadesk.domain.leveling_suggest import suggester_for, win_text
from fikadesk.domain.plan import PlanState
from fikadesk.domain.plan_prep import Question
from fikadesk.services.errors import BriefError as BriefError
from fikadesk.services.interview.service import InterviewService
from fikadesk.services.journal.service import JournalService
from fikadesk.services.leveling.service import LevelingService
from fikadesk.services.plan.service import PlanService
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.journal_rows import load_entries

NO_TARGET = ("No target level is set yet, so there is no promotion case to write: choose your "
             "ladder and the level you aim for first (Target tab, or fikadesk target set).")


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
        links, entries = self._evidence(level.id, options)
        items = tuple(
            ExpectationLinks(ex, tuple(entries[i] for i in links.get(ex.id, ()) if i in entries))
            for ex in level.expectations
        )
        suggester = suggester_for(ladder, level.id)
        unlinked = tuple(
            UnlinkedWin(e, tuple(s.expectation for s in suggester.rank(
                win_text(e.title, e.body, e.impact, e.tags))))
            for e in self.wins(options, unlinked_from_level=level.id))
        return PromotionInput(target, items, level.description, plan, unlinked)

    def promotion(self, options: PromotionOptions, today: date,
                  plan: PlanState | None = None, chart_image: str = "") -> str:
        """The promotion case as markdown (see fikadesk.briefs.promotion.build_promotion); with no
        target set, the wins of the period as a brag document (build_brag). ``chart_image``
        names the evidence chart's picture when the caller has drawn one."""
        if self._leveling.target() is None:
            return build_brag(BragInput(tuple(self.wins(options)), plan), options, today)
        return build_promotion(self.promotion_input(options, plan), options, today, chart_image)

    def _evidence(self, level_id: int, options: PromotionOptions
                  ) -> tuple[dict[int, list[int]], dict[int, Entry]]:
        """Expectation id -> ids of the live, non-private entries of the period linked to it,
        and those entries; one transaction and a few statements, however many entries."""
        where = ("FROM entry_expectation l JOIN entry e ON e.id = l.entry_id "
                 "JOIN expectation x ON x.id = l.expectation_id "
                 "WHERE x.level_id = :lv AND e.deleted_at IS NULL AND e.private = 0 "
                 "AND e.day >= :since AND e.day <= :until")
        params = {"lv": level_id, "since": options.since.isoformat(),
                  "until": options.until.isoformat()}
        with self._db.read() as session:
            conn = session.connection()
            rows = conn.execute(text(f"SELECT l.expectation_id, e.id {where} "
                                     "ORDER BY e.day, e.id"), params).all()
            entries = load_entries(conn, f"SELECT DISTINCT e.id {where}", params)
        found: dict[int, list[int]] = {}
        for expectation_id, entry_id in rows:
            found.setdefault(int(expectation_id), []).append(int(entry_id))
        return found, entries

    def wins(self, options: PromotionOptions, unlinked_from_level: int | None = None
             ) -> list[Entry]:
        """The live, non-private entries of the period (starred only unless the options include
        unstarred), oldest first; with ``unlinked_from_level``, only those linked to none of that
        level's expectations."""
        where = ("FROM entry e WHERE e.deleted_at IS NULL AND e.private = 0 "
                 "AND e.day >= :since AND e.day <= :until")
        if not options.include_unstarred:
            where += " AND e.starred = 1"
        params: dict[str, object] = {"since": options.since.isoformat(),
                                     "until": options.until.isoformat()}
        if unlinked_from_level is not None:
            where += (" AND NOT EXISTS (SELECT 1 FROM entry_expectation l JOIN expectation x "
                      "ON x.id = l.expectation_id WHERE l.entry_id = e.id AND x.level_id = :lv)")
            params["lv"] = unlinked_from_level
        with self._db.read() as session:
            entries = load_entries(session.connection(), f"SELECT e.id {where}", params)
        return sorted(entries.values(), key=lambda e: (e.day, e.id))


def gather_agenda(plan: PlanService, today: date, question_bank: Sequence[Question]) -> AgendaInput:
    """The plan (None before one is started) and the prep view of the 1:1 thread for the next 1:1."""
    stored = plan.active()
    return AgendaInput(stored.plan if stored else None, plan.prep(today, question_bank))


NO_JOB = ("No target job yet: add the job you are interviewing for in the Interview tab (New "
          "job…) with its description, then write your answers; the brief is made from them.")


def gather_interview(interview: InterviewService, job_id: int | None, wpm: int) -> InterviewInput:
    """The job (its key terms from its description), its answers and stories, and the questions
    in its research notes; BriefError when there is no such job. ``wpm`` is the speaking pace."""
    if job_id is None:
        raise BriefError(NO_JOB)
    try:
        job = interview.job(job_id)
    except InterviewError as exc:
        raise BriefError(str(exc)) from None
    answers = interview.answers(job_id)
    days = {}
    for entry_id in sorted({e for a in answers if a.kind == "story" for e in a.entry_ids}):
        with contextlib.suppress(InterviewError):  # an entry gone for good leaves no date
            days[entry_id] = interview.evidence(entry_id).day
    terms = [t.term for t in extract_key_terms(job.description)] if job.description.strip() else []
    order = [q.id for q in interview.questions()]
    return interview_input(job, answers, terms, days, order, wpm)
