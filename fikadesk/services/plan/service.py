"""The promotion plan's use cases: the active plan, its checklist, commitments, checkpoints and check-ins."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.engine import Connection

from fikadesk.domain.plan.checkin_questions import CheckInQuestion
from fikadesk.domain.plan.prep import (
    NotYetAnswer,
    NotYetConversion,
    PrepView,
    convert_not_yet,
    prepare_checkin,
)
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    PlanValidationError,
    revise_followup,
    validate_checkin,
    validate_checklist_item,
    validate_checkpoint,
    validate_commitment,
    validate_followup,
    validate_plan,
)
from fikadesk.services.errors import PlanError as PlanError
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import plan as repo
from fikadesk.storage.repositories.plan import StoredPlan as StoredPlan

NO_PLAN = "there is no plan yet: start one (in the Plan tab, or with fikadesk plan start)"


class PlanService:
    """The plan toward the target level; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._clock = clock

    # -- the plan itself -----------------------------------------------------------------------
    def active(self) -> StoredPlan | None:
        """The plan being worked on, or None before the first one is started."""
        with self._db.read() as conn:
            return repo.active_plan(conn)

    def history(self) -> list[StoredPlan]:
        """Every plan, the newest first (the active one included)."""
        with self._db.read() as conn:
            return repo.plan_history(conn)

    def start(self, plan: Plan, from_checkin: int | None = None) -> StoredPlan:
        """Start a new plan; the one before it (if any) is closed today and kept as history.

        The 1:1 thread carries on: every check-in stays, and open follow-ups carry into the new
        plan. Started from a check-in (``from_checkin``, where the promotion was discussed), the
        plan starts on that check-in's day and the check-in is marked a growth conversation."""
        clean = validate_plan(plan)
        today = self._clock().date()
        with self._db.write() as conn:
            started = today
            if from_checkin is not None:
                origin = _checkin(conn, from_checkin)
                if origin.planned:
                    raise PlanError(f"the check-in of {origin.day.isoformat()} has not been held yet: "
                                    "start the plan from a check-in that happened")
                started = min(origin.day, today)
            plan_id = repo.insert_plan(conn, clean, started, closing=today)
            if from_checkin is not None:
                repo.mark_growth_talk(conn, from_checkin, plan_id)
        return StoredPlan(plan_id, clean, started, None)

    def update(self, plan: Plan) -> StoredPlan:
        """Change the active plan's target, date, manager or process notes."""
        clean = validate_plan(plan)
        with self._db.write() as conn:
            stored = _require_active(conn)
            repo.update_plan(conn, stored.id, clean)
        return replace(stored, plan=clean)

    def state(self) -> PlanState | None:
        """Everything recorded for the active plan, with the whole 1:1 thread; None without a plan."""
        with self._db.read() as conn:
            stored = repo.active_plan(conn)
            return None if stored is None else repo.plan_state(conn, stored)

    def thread(self) -> PlanState:
        """The 1:1 thread (every check-in and follow-up), with the active plan when there is one."""
        with self._db.read() as conn:
            return repo.plan_state(conn, repo.active_plan(conn))

    # -- checklist, commitments, checkpoints ---------------------------------------------------
    def save_item(self, item: ChecklistItem) -> int:
        """Add (id None) or change a checklist item with its links; return its id."""
        clean = validate_checklist_item(item)
        with self._db.write() as conn:
            return _save_item(conn, _require_active(conn).id, clean, self._clock().date())

    def delete_item(self, item_id: int) -> None:
        """Remove a checklist item (its links go with it; the entries and expectations stay)."""
        self._delete("checklist item", item_id)

    def save_commitment(self, commitment: Commitment) -> int:
        """Add (id None) or change one of the manager's commitments; return its id."""
        clean = validate_commitment(commitment)
        with self._db.write() as conn:
            plan_id = _require_active(conn).id
            if clean.id is None:
                return repo.insert_commitment(conn, plan_id, clean)
            if not repo.update_commitment(conn, clean.id, clean):
                raise PlanError(f"there is no commitment {clean.id}")
            return clean.id

    def delete_commitment(self, commitment_id: int) -> None:
        """Remove a commitment."""
        self._delete("commitment", commitment_id)

    def save_checkpoint(self, checkpoint: Checkpoint) -> int:
        """Add (id None) or change a checkpoint; return its id."""
        clean = validate_checkpoint(checkpoint)
        with self._db.write() as conn:
            return _save_checkpoint(conn, _require_active(conn).id, clean)

    def delete_checkpoint(self, checkpoint_id: int) -> None:
        """Remove a checkpoint; the checklist items that pointed at it stay, without one."""
        self._delete("checkpoint", checkpoint_id)

    # -- check-ins and follow-ups --------------------------------------------------------------
    def save_checkin(self, checkin: CheckIn, new_followups: Sequence[FollowUp] = ()) -> int:
        """Add (id None) or change a check-in with its talking points, plus new follow-ups; its id.

        No plan is needed: the check-in joins the journal's 1:1 thread (and notes the active plan,
        if any). A check-in dated after today is kept as planned: it cannot have been held yet."""
        clean = validate_checkin(checkin)
        if clean.day > self._clock().date() and not clean.planned:
            clean = replace(clean, planned=True)
        with self._db.write() as conn:
            if clean.id is None:
                active = repo.active_plan(conn)
                checkin_id = repo.insert_checkin(conn, active.id if active else None, clean)
            else:
                checkin_id = clean.id
                if clean.planned and repo.has_followups(conn, checkin_id):
                    raise PlanError(f"the check-in of {clean.day.isoformat()} has follow-ups, so it was "
                                    "held: it cannot go back to planned")
                if not repo.update_checkin(conn, checkin_id, clean):
                    raise PlanError(f"there is no check-in {checkin_id}")
            repo.set_talking_points(conn, checkin_id, clean.talking_points)
            saved = replace(clean, id=checkin_id)
            for followup in new_followups:
                repo.insert_followup(conn, validate_followup(replace(followup, checkin_id=checkin_id), saved))
            return checkin_id

    def add_followup(self, followup: FollowUp) -> int:
        """Add a follow-up to its check-in; return its id."""
        with self._db.write() as conn:
            checkin = _checkin(conn, followup.checkin_id)
            return repo.insert_followup(conn, validate_followup(followup, checkin))

    def set_followup_done(self, followup_id: int, done_on: date | None) -> None:
        """Mark a follow-up done on a day (it stops carrying forward), or open again with None."""
        with self._db.write() as conn:
            current = _followup(conn, followup_id)
            done = replace(current, done_on=done_on)
            validate_followup(done, _checkin(conn, current.checkin_id))
            repo.update_followup(conn, done)

    def followup(self, followup_id: int) -> FollowUp:
        """One follow-up as recorded, from whichever plan."""
        with self._db.read() as conn:
            return _followup(conn, followup_id)

    def edit_followup(self, followup_id: int, what: str, owner: str, due: date | None) -> FollowUp:
        """Correct a follow-up's text, owner and due date; its check-in and done date stay. The due
        date may not fall before the check-in it came from. Returns the follow-up as saved."""
        with self._db.write() as conn:
            current = _followup(conn, followup_id)
            checkin = _checkin(conn, current.checkin_id)
            revised = revise_followup(current, checkin, text=what, owner=owner, due=due)
            repo.update_followup(conn, revised)
        return revised

    def delete_followup(self, followup_id: int) -> None:
        """Remove a follow-up for good (from every check-in it was carried into)."""
        self._delete("follow-up", followup_id)

    def record_not_yet(self, checkin_id: int, answer: NotYetAnswer) -> NotYetConversion:
        """Turn a "not yet" heard in a check-in into checklist items, a checkpoint and (for timing or
        headcount) a commitment to ask for, all linked back to the check-in, in one step."""
        today = self._clock().date()
        conversion = convert_not_yet(answer, checkin_id, today)
        with self._db.write() as conn:
            plan_id = _require_active(conn).id
            if _checkin(conn, checkin_id).planned:
                raise PlanError("that check-in has not been held yet: a \"not yet\" is recorded on the "
                                "check-in where it was heard")
            checkpoint_id = _save_checkpoint(conn, plan_id, conversion.checkpoint)
            checkpoint = replace(conversion.checkpoint, id=checkpoint_id)
            items = tuple(
                replace(
                    item,
                    id=_save_item(conn, plan_id, replace(item, checkpoint_id=checkpoint_id), today),
                    checkpoint_id=checkpoint_id,
                )
                for item in conversion.items
            )
            commitment = conversion.commitment
            if commitment is not None:
                commitment = replace(commitment, id=repo.insert_commitment(conn, plan_id, commitment))
            repo.record_not_yet(conn, checkin_id, answer.reason, conversion.note)
        return NotYetConversion(items, checkpoint, conversion.note, commitment)

    # -- the next (planned) check-in ------------------------------------------------------------
    def plan_next(self, day: date) -> int:
        """Set the date of the next check-in: the earliest planned one moves there (its agenda
        kept), or a planned check-in with an empty agenda is made. Returns its id."""
        today = self._clock().date()
        if day < today:
            raise PlanError(f"the next check-in cannot be planned for {day.isoformat()}, before today "
                            f"({today.isoformat()}); record a meeting that happened as a check-in instead")
        with self._db.write() as conn:
            found = repo.next_planned(conn)
            if found is None:
                return repo.insert_planned(conn, day, ())
            repo.move_checkin(conn, int(found.id or 0), day)
            return int(found.id or 0)

    def add_talking_point(self, point: str, day: date | None = None) -> CheckIn:
        """Put a talking point on the next check-in's agenda (the earliest planned one). When none is
        planned, ``day`` plans it; without a day a PlanError asks for one. Returns the check-in."""
        clean = validate_checkin(CheckIn(None, day or self._clock().date(), (point,))).talking_points[0]
        with self._db.write() as conn:
            found = repo.next_planned(conn)
            if found is None:
                if day is None:
                    raise PlanError("no next check-in is planned yet: set its date first")
                if day < self._clock().date():
                    raise PlanError(f"the next check-in cannot be planned for {day.isoformat()}, "
                                    "before today")
                return _checkin(conn, repo.insert_planned(conn, day, (clean,)))
            if clean in found.talking_points:
                return found
            validate_checkin(replace(found, talking_points=(*found.talking_points, clean)))
            repo.add_talking_point(conn, int(found.id or 0), len(found.talking_points), clean)
            return _checkin(conn, found.id)

    def prep(self, today: date, question_bank: Sequence[CheckInQuestion]) -> PrepView:
        """What to bring to the next check-in (starred entries since the last one included); with no
        plan yet, from the thread alone, with questions that open a growth conversation."""
        with self._db.read() as conn:
            return prep_in(conn, today, question_bank)

    def agenda(self, today: date, question_bank: Sequence[CheckInQuestion]) -> tuple[Plan | None, PrepView]:
        """The active plan (None before one is started) and ``prep``'s view, in one read."""
        with self._db.read() as conn:
            stored = repo.active_plan(conn)
            return (stored.plan if stored else None), prep_in(conn, today, question_bank)

    def _delete(self, kind: str, row_id: int) -> None:
        with self._db.write() as conn:
            if not repo.delete_record(conn, kind, row_id):
                raise PlanError(f"there is no {kind} {row_id}")


# -- reads that join a caller's transaction (the briefs read every area in one) -------------------
def brief_state_in(conn: Connection) -> PlanState | None:
    """What the promotion case shows of the plan area, read inside the caller's transaction: the
    plan with its thread; before any plan, the 1:1 thread alone once it holds a check-in; None
    when nothing is recorded."""
    state = repo.plan_state(conn, repo.active_plan(conn))
    return state if state.plan is not None or state.checkins else None


def prep_in(conn: Connection, today: date, question_bank: Sequence[CheckInQuestion]) -> PrepView:
    """``PlanService.prep`` inside the caller's transaction."""
    state = repo.plan_state(conn, repo.active_plan(conn))
    return prepare_checkin(state, repo.starred_entries(conn, today), today, question_bank)


# -- rules over the repository, inside the caller's write ------------------------------------------
def _require_active(conn: Connection) -> StoredPlan:
    stored = repo.active_plan(conn)
    if stored is None:
        raise PlanError(NO_PLAN)
    return stored


def _checkin(conn: Connection, checkin_id: int | None) -> CheckIn:
    found = repo.load_checkin(conn, checkin_id)
    if found is None:
        raise PlanError(f"there is no check-in {checkin_id}")
    return found


def _followup(conn: Connection, followup_id: int) -> FollowUp:
    found = repo.load_followup(conn, followup_id)
    if found is None:
        raise PlanError(f"there is no follow-up {followup_id}")
    return found


def _save_checkpoint(conn: Connection, plan_id: int, checkpoint: Checkpoint) -> int:
    if checkpoint.id is None:
        return repo.insert_checkpoint(conn, plan_id, checkpoint)
    if not repo.update_checkpoint(conn, checkpoint.id, checkpoint):
        raise PlanError(f"there is no checkpoint {checkpoint.id}")
    return checkpoint.id


def _save_item(conn: Connection, plan_id: int, item: ChecklistItem, today: date) -> int:
    try:
        if item.id is None:
            item_id = repo.insert_item(conn, plan_id, item, today)
        elif repo.update_item(conn, item.id, item):
            item_id = item.id
        else:
            raise PlanError(f"there is no checklist item {item.id}")
        missing = repo.link_item(conn, item_id, item)
    except PlanValidationError as exc:
        raise PlanError(str(exc)) from None
    if missing is not None:
        raise PlanError(f"there is no {missing[0]} {missing[1]} to link")
    return item_id
