"""Gathering the data of each brief from the journal, the target and the plan, in one read each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.engine import Connection

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
from fikadesk.domain.interview.records import InterviewError
from fikadesk.domain.interview.terms import extract_key_terms
from fikadesk.domain.journal.entries import Entry
from fikadesk.domain.leveling.stored import LevelingError, Target
from fikadesk.domain.leveling.suggest import suggester_for, win_text
from fikadesk.domain.plan.checkin_questions import CheckInQuestion
from fikadesk.domain.plan.records import PlanState
from fikadesk.services.errors import BriefError as BriefError
from fikadesk.services.interview.service import InterviewService
from fikadesk.services.plan.service import PlanService, brief_state_in
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.evidence import linked_evidence, shareable_wins
from fikadesk.storage.repositories.leveling import load_ladder, load_target

NO_TARGET = ("No target level is set yet, so there is no promotion case to write: choose your "
             "ladder and the level you aim for first (Target tab, or fikadesk target set).")


class BriefService:
    """Collects what each brief needs in one read transaction; never writes to the journal."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def promotion_input(self, options: PromotionOptions, plan: PlanState | None = None
                        ) -> PromotionInput:
        """The target, its level's expectations and the linked shareable entries of the period.

        Private and trashed entries are never read. ``plan`` is passed through as given (the
        plan is kept by the Plan area). Raises BriefError when no target is set.
        """
        with self._db.read() as conn:
            target = load_target(conn)
            if target is None:
                raise BriefError(NO_TARGET)
            return _promotion_input(conn, options, plan, target)

    def promotion(self, options: PromotionOptions, today: date, plan: PlanState | None = None,
                  chart_image: str = "", *, with_plan: bool = False) -> str:
        """The promotion case as markdown (see fikadesk.briefs.promotion.build_promotion); with no
        target set, the wins of the period as a brag document (build_brag). ``chart_image``
        names the evidence chart's picture when the caller has drawn one. ``with_plan`` reads
        the plan area's part (``brief_state_in``) in the same transaction instead of
        taking ``plan`` from the caller."""
        with self._db.read() as conn:
            if with_plan:
                plan = brief_state_in(conn)
            target = load_target(conn)
            if target is None:
                wins = shareable_wins(conn, options.since, options.until,
                                      starred_only=not options.include_unstarred)
                brag = BragInput(tuple(wins), plan)
            else:
                found = _promotion_input(conn, options, plan, target)
        if target is None:
            return build_brag(brag, options, today)
        return build_promotion(found, options, today, chart_image)

    def wins(self, options: PromotionOptions, unlinked_from_level: int | None = None
             ) -> list[Entry]:
        """The live, non-private entries of the period (starred only unless the options include
        unstarred), oldest first; with ``unlinked_from_level``, only those linked to none of that
        level's expectations."""
        with self._db.read() as conn:
            return shareable_wins(conn, options.since, options.until,
                                  starred_only=not options.include_unstarred,
                                  unlinked_from_level=unlinked_from_level)


def _promotion_input(conn: Connection, options: PromotionOptions, plan: PlanState | None,
                     target: Target) -> PromotionInput:
    """``BriefService.promotion_input`` inside the caller's transaction, the target read."""
    try:
        ladder = load_ladder(conn, target.ladder_id)
    except LevelingError as exc:
        raise BriefError(str(exc)) from None
    level = next((lv for lv in ladder.levels if lv.id == target.target_level_id), None)
    if level is None:
        raise BriefError(f"The target level {target.target_level!r} is no longer in the ladder.")
    links, entries = linked_evidence(conn, level.id, options.since, options.until)
    items = tuple(
        ExpectationLinks(ex, tuple(entries[i] for i in links.get(ex.id, ()) if i in entries))
        for ex in level.expectations
    )
    suggester = suggester_for(ladder, level.id)
    unlinked = tuple(
        UnlinkedWin(e, tuple(s.expectation for s in suggester.rank(
            win_text(e.title, e.body, e.impact, e.tags))))
        for e in shareable_wins(conn, options.since, options.until,
                                starred_only=not options.include_unstarred,
                                unlinked_from_level=level.id))
    return PromotionInput(target, items, level.description, plan, unlinked)


def gather_agenda(plan: PlanService, today: date, question_bank: Sequence[CheckInQuestion]) -> AgendaInput:
    """The plan (None before one is started) and the prep view of the 1:1 thread for the next 1:1."""
    current, prep = plan.agenda(today, question_bank)
    return AgendaInput(current, prep)


NO_JOB = ("No target job yet: add the job you are interviewing for in the Interview tab (New "
          "job…) with its description, then write your answers; the brief is made from them.")


def gather_interview(interview: InterviewService, job_id: int | None, wpm: int) -> InterviewInput:
    """The job (its key terms from its description), its answers and stories, and the questions
    in its research notes; BriefError when there is no such job. ``wpm`` is the speaking pace."""
    if job_id is None:
        raise BriefError(NO_JOB)
    try:
        job, answers, days, questions = interview.brief_material(job_id)
    except InterviewError as exc:
        raise BriefError(str(exc)) from None
    terms = [t.term for t in extract_key_terms(job.description)] if job.description.strip() else []
    order = [q.id for q in questions]
    return interview_input(job, answers, terms, days, order, wpm)
