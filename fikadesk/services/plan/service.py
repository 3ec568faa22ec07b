"""The promotion plan's use cases: the active plan, its checklist, commitments, checkpoints and check-ins."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import text

from fikadesk.domain.plan import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    revise_followup,
    validate_checkin,
    validate_checklist_item,
    validate_checkpoint,
    validate_commitment,
    validate_followup,
    validate_plan,
)
from fikadesk.domain.plan_prep import (
    EntryRef,
    NotYetAnswer,
    NotYetConversion,
    PrepView,
    Question,
    convert_not_yet,
    prepare_checkin,
)
from fikadesk.services.plan_sql import (
    _PLAN_SELECT,
    PlanError,
    StoredPlan,
    _active,
    _insert_commitment,
    _insert_followup,
    _insert_planned,
    _iso,
    _load_checkin,
    _load_followup,
    _next_planned,
    _plan,
    _plan_params,
    _require_active,
    _save_checkpoint,
    _save_item,
    _state,
    _update_one,
)
from fikadesk.services.values import Clock, as_date, now
from fikadesk.storage.engine import Database


class PlanService:
    """The plan toward the target level; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._clock = clock

    # -- the plan itself -----------------------------------------------------------------------
    def active(self) -> StoredPlan | None:
        """The plan being worked on, or None before the first one is started."""
        with self._db.read() as session:
            return _active(session.connection())

    def history(self) -> list[StoredPlan]:
        """Every plan, the newest first (the active one included)."""
        with self._db.read() as session:
            rows = session.connection().execute(text(f"{_PLAN_SELECT} ORDER BY created_on DESC, id DESC"))
            return [_plan(row) for row in rows]

    def start(self, plan: Plan, from_checkin: int | None = None) -> StoredPlan:
        """Start a new plan; the one before it (if any) is closed today and kept as history.

        The 1:1 thread carries on: every check-in stays, and open follow-ups carry into the new
        plan. Started from a check-in (``from_checkin``, where the promotion was discussed), the
        plan starts on that check-in's day and the check-in is marked a growth conversation."""
        clean = validate_plan(plan)
        today = self._clock().date()
        with self._db.write() as session:
            conn = session.connection()
            started = today
            if from_checkin is not None:
                origin = _load_checkin(conn, from_checkin)
                if origin.planned:
                    raise PlanError(f"the check-in of {origin.day.isoformat()} has not been held yet: "
                                    "start the plan from a check-in that happened")
                started = min(origin.day, today)
            conn.execute(
                text("UPDATE plan SET closed_on = :d WHERE closed_on IS NULL"), {"d": today.isoformat()}
            )
            params = _plan_params(clean) | {"created": started.isoformat()}
            plan_id = int(
                conn.execute(
                    text(
                        "INSERT INTO plan (target_level, target_date, manager_name, who_decides, "
                        "who_weighs_in, "
                        "evidence_wanted, budget_lock, created_on) VALUES (:level, :date, :manager, "
                        ":decides, "
                        ":weighs, :evidence, :budget, :created)"
                    ),
                    params,
                ).lastrowid
            )
            if from_checkin is not None:
                conn.execute(text("UPDATE plan_checkin SET growth_talk = 1, plan_id = :p WHERE id = :id"),
                             {"p": plan_id, "id": from_checkin})
        return StoredPlan(plan_id, clean, started, None)

    def update(self, plan: Plan) -> StoredPlan:
        """Change the active plan's target, date, manager or process notes."""
        clean = validate_plan(plan)
        with self._db.write() as session:
            conn = session.connection()
            stored = _require_active(conn)
            conn.execute(
                text(
                    "UPDATE plan SET target_level = :level, target_date = :date, manager_name = :manager, "
                    "who_decides = :decides, who_weighs_in = :weighs, evidence_wanted = :evidence, "
                    "budget_lock = :budget WHERE id = :id"
                ),
                _plan_params(clean) | {"id": stored.id},
            )
        return replace(stored, plan=clean)

    def state(self) -> PlanState | None:
        """Everything recorded for the active plan, with the whole 1:1 thread; None without a plan."""
        with self._db.read() as session:
            conn = session.connection()
            stored = _active(conn)
            return None if stored is None else _state(conn, stored)

    def brief_state(self) -> PlanState | None:
        """What the promotion case shows of the plan area: the plan with its thread; before any
        plan, the 1:1 thread alone once it holds a check-in; None when nothing is recorded."""
        state = self.thread()
        return state if state.plan is not None or state.checkins else None

    def thread(self) -> PlanState:
        """The 1:1 thread (every check-in and follow-up), with the active plan when there is one."""
        with self._db.read() as session:
            conn = session.connection()
            return _state(conn, _active(conn))

    # -- checklist, commitments, checkpoints ---------------------------------------------------
    def save_item(self, item: ChecklistItem) -> int:
        """Add (id None) or change a checklist item with its links; return its id."""
        clean = validate_checklist_item(item)
        with self._db.write() as session:
            conn = session.connection()
            return _save_item(conn, _require_active(conn).id, clean, self._clock().date())

    def delete_item(self, item_id: int) -> None:
        """Remove a checklist item (its links go with it; the entries and expectations stay)."""
        self._delete("plan_item", item_id, "checklist item")

    def save_commitment(self, commitment: Commitment) -> int:
        """Add (id None) or change one of the manager's commitments; return its id."""
        clean = validate_commitment(commitment)
        with self._db.write() as session:
            conn = session.connection()
            plan_id = _require_active(conn).id
            params = {"text": clean.text, "status": clean.status, "due": _iso(clean.due)}
            if clean.id is None:
                return _insert_commitment(conn, plan_id, clean)
            _update_one(
                conn,
                "UPDATE plan_commitment SET text = :text, status = :status, due = :due WHERE id = :id",
                params | {"id": clean.id},
                "commitment",
            )
            return clean.id

    def delete_commitment(self, commitment_id: int) -> None:
        """Remove a commitment."""
        self._delete("plan_commitment", commitment_id, "commitment")

    def save_checkpoint(self, checkpoint: Checkpoint) -> int:
        """Add (id None) or change a checkpoint; return its id."""
        clean = validate_checkpoint(checkpoint)
        with self._db.write() as session:
            conn = session.connection()
            return _save_checkpoint(conn, _require_active(conn).id, clean)

    def delete_checkpoint(self, checkpoint_id: int) -> None:
        """Remove a checkpoint (items that pointed at it keep going without one)."""
        self._delete("plan_checkpoint", checkpoint_id, "checkpoint")

    # -- check-ins and follow-ups --------------------------------------------------------------
    def save_checkin(self, checkin: CheckIn, new_followups: Sequence[FollowUp] = ()) -> int:
        """Add (id None) or change a check-in with its talking points, plus new follow-ups; its id.

        No plan is needed: the check-in joins the journal's 1:1 thread (and notes the active plan,
        if any). A check-in dated after today is kept as planned: it cannot have been held yet."""
        clean = validate_checkin(checkin)
        if clean.day > self._clock().date() and not clean.planned:
            clean = replace(clean, planned=True)
        with self._db.write() as session:
            conn = session.connection()
            active = _active(conn)
            params = {
                "day": clean.day.isoformat(),
                "notes": clean.notes,
                "feedback": clean.manager_feedback,
                "prep": clean.has_prep,
                "growth": clean.growth_talk,
                "planned": clean.planned,
            }
            if clean.id is None:
                checkin_id = int(
                    conn.execute(
                        text(
                            "INSERT INTO plan_checkin (plan_id, day, notes, manager_feedback, has_prep, "
                            "growth_talk, not_yet_reason, planned) VALUES (:plan, :day, :notes, :feedback, "
                            ":prep, :growth, '', :planned)"
                        ),
                        params | {"plan": active.id if active else None},
                    ).lastrowid
                )
            else:
                checkin_id = clean.id
                has_followups = conn.execute(text("SELECT 1 FROM plan_followup WHERE checkin_id = :id"),
                                             {"id": checkin_id}).first()
                if clean.planned and has_followups:
                    raise PlanError(f"the check-in of {clean.day.isoformat()} has follow-ups, so it was "
                                    "held: it cannot go back to planned")
                _update_one(
                    conn,
                    "UPDATE plan_checkin SET day = :day, notes = :notes, "
                    "manager_feedback = :feedback, has_prep = :prep, growth_talk = :growth, "
                    "planned = :planned WHERE id = :id",
                    params | {"id": checkin_id},
                    "check-in",
                )
                conn.execute(
                    text("DELETE FROM plan_talking_point WHERE checkin_id = :id"), {"id": checkin_id}
                )
            for position, point in enumerate(clean.talking_points):
                conn.execute(
                    text("INSERT INTO plan_talking_point (checkin_id, position, text) VALUES (:c, :p, :t)"),
                    {"c": checkin_id, "p": position, "t": point},
                )
            saved = replace(clean, id=checkin_id)
            for followup in new_followups:
                _insert_followup(conn, validate_followup(replace(followup, checkin_id=checkin_id), saved))
            return checkin_id

    def add_followup(self, followup: FollowUp) -> int:
        """Add a follow-up to its check-in; return its id."""
        with self._db.write() as session:
            conn = session.connection()
            checkin = _load_checkin(conn, followup.checkin_id)
            return _insert_followup(conn, validate_followup(followup, checkin))

    def set_followup_done(self, followup_id: int, done_on: date | None) -> None:
        """Mark a follow-up done on a day (it stops carrying forward), or open again with None."""
        with self._db.write() as session:
            conn = session.connection()
            current = _load_followup(conn, followup_id)
            validate_followup(replace(current, done_on=done_on), _load_checkin(conn, current.checkin_id))
            conn.execute(
                text("UPDATE plan_followup SET done_on = :d WHERE id = :id"),
                {"d": _iso(done_on), "id": followup_id},
            )

    def followup(self, followup_id: int) -> FollowUp:
        """One follow-up as recorded, from whichever plan."""
        with self._db.read() as session:
            return _load_followup(session.connection(), followup_id)

    def edit_followup(self, followup_id: int, what: str, owner: str, due: date | None) -> FollowUp:
        """Correct a follow-up's text, owner and due date; its check-in and done date stay. The due
        date may not fall before the check-in it came from. Returns the follow-up as saved."""
        with self._db.write() as session:
            conn = session.connection()
            current = _load_followup(conn, followup_id)
            checkin = _load_checkin(conn, current.checkin_id)
            revised = revise_followup(current, checkin, text=what, owner=owner, due=due)
            conn.execute(
                text("UPDATE plan_followup SET text = :t, owner = :o, due = :due WHERE id = :id"),
                {"t": revised.text, "o": revised.owner, "due": _iso(revised.due), "id": followup_id},
            )
        return revised

    def delete_followup(self, followup_id: int) -> None:
        """Remove a follow-up for good (from every check-in it was carried into)."""
        self._delete("plan_followup", followup_id, "follow-up")

    def record_not_yet(self, checkin_id: int, answer: NotYetAnswer) -> NotYetConversion:
        """Turn a "not yet" heard in a check-in into checklist items, a checkpoint and (for timing or
        headcount) a commitment to ask for, all linked back to the check-in, in one step."""
        today = self._clock().date()
        conversion = convert_not_yet(answer, checkin_id, today)
        with self._db.write() as session:
            conn = session.connection()
            plan_id = _require_active(conn).id
            if _load_checkin(conn, checkin_id).planned:
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
                commitment_id = _insert_commitment(conn, plan_id, commitment)
                commitment = replace(commitment, id=commitment_id)
            conn.execute(
                text(
                    "UPDATE plan_checkin SET not_yet_reason = :r, notes = CASE WHEN notes = '' "
                    "THEN :note ELSE notes || char(10) || char(10) || :note END WHERE id = :id"
                ),
                {"r": answer.reason, "note": conversion.note, "id": checkin_id},
            )
        return NotYetConversion(items, checkpoint, conversion.note, commitment)

    # -- the next (planned) check-in ------------------------------------------------------------
    def plan_next(self, day: date) -> int:
        """Set the date of the next check-in: the earliest planned one moves there (its agenda
        kept), or a planned check-in with an empty agenda is made. Returns its id."""
        today = self._clock().date()
        if day < today:
            raise PlanError(f"the next check-in cannot be planned for {day.isoformat()}, before today "
                            f"({today.isoformat()}); record a meeting that happened as a check-in instead")
        with self._db.write() as session:
            conn = session.connection()
            found = _next_planned(conn)
            if found is None:
                return _insert_planned(conn, day, ())
            conn.execute(text("UPDATE plan_checkin SET day = :d WHERE id = :id"),
                         {"d": day.isoformat(), "id": found.id})
            return int(found.id or 0)

    def add_talking_point(self, point: str, day: date | None = None) -> CheckIn:
        """Put a talking point on the next check-in's agenda (the earliest planned one). When none is
        planned, ``day`` plans it; without a day a PlanError asks for one. Returns the check-in."""
        clean = validate_checkin(CheckIn(None, day or self._clock().date(), (point,))).talking_points[0]
        with self._db.write() as session:
            conn = session.connection()
            found = _next_planned(conn)
            if found is None:
                if day is None:
                    raise PlanError("no next check-in is planned yet: set its date first")
                if day < self._clock().date():
                    raise PlanError(f"the next check-in cannot be planned for {day.isoformat()}, "
                                    "before today")
                checkin_id = _insert_planned(conn, day, (clean,))
                return _load_checkin(conn, checkin_id)
            if clean in found.talking_points:
                return found
            validate_checkin(replace(found, talking_points=(*found.talking_points, clean)))
            conn.execute(
                text("INSERT INTO plan_talking_point (checkin_id, position, text) VALUES (:c, :p, :t)"),
                {"c": found.id, "p": len(found.talking_points), "t": clean})
            return _load_checkin(conn, found.id)

    def prep(self, today: date, question_bank: Sequence[Question]) -> PrepView:
        """What to bring to the next check-in (starred entries since the last one included); with no
        plan yet, from the thread alone, with questions that open a growth conversation."""
        with self._db.read() as session:
            conn = session.connection()
            state = _state(conn, _active(conn))
            starred = [
                EntryRef(int(r.id), as_date(r.day), r.title)
                for r in conn.execute(
                    text(
                        "SELECT id, day, title FROM entry WHERE starred AND deleted_at IS NULL AND day <= "
                        ":today "
                        "ORDER BY day DESC, id DESC LIMIT 200"
                    ),
                    {"today": today.isoformat()},
                )
            ]
        return prepare_checkin(state, starred, today, question_bank)

    def _delete(self, table: str, row_id: int, label: str) -> None:
        with self._db.write() as session:
            if (
                session.connection()
                .execute(text(f"DELETE FROM {table} WHERE id = :id"), {"id": row_id})
                .rowcount
                != 1
            ):
                raise PlanError(f"there is no {label} {row_id}")


