"""SQL behind the plan service: loading the active plan's records and writing its rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.plan import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    PlanValidationError,
    ProcessNotes,
)
from fikadesk.services.errors import PlanError as PlanError
from fikadesk.services.values import as_date


@dataclass(frozen=True)
class StoredPlan:
    """A plan as kept in the journal: its id, when it started and, for earlier plans, ended."""

    id: int
    plan: Plan
    created_on: date
    closed_on: date | None


def _opt_date(value: Any) -> date | None:
    return None if value is None else as_date(value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_PLAN_SELECT = (
    "SELECT id, target_level, target_date, manager_name, who_decides, who_weighs_in, "
    "evidence_wanted, budget_lock, created_on, closed_on FROM plan"
)


def _plan(row: Any) -> StoredPlan:
    notes = ProcessNotes(row.who_decides, row.who_weighs_in, row.evidence_wanted, row.budget_lock)
    plan = Plan(row.target_level, _opt_date(row.target_date), row.manager_name, notes)
    return StoredPlan(int(row.id), plan, as_date(row.created_on), _opt_date(row.closed_on))


def _plan_params(plan: Plan) -> dict[str, Any]:
    notes = plan.process_notes
    return {
        "level": plan.target_level,
        "date": _iso(plan.target_date),
        "manager": plan.manager_name,
        "decides": notes.who_decides,
        "weighs": notes.who_weighs_in,
        "evidence": notes.evidence_wanted,
        "budget": notes.budget_lock,
    }


def _active(conn: Connection) -> StoredPlan | None:
    row = conn.execute(text(f"{_PLAN_SELECT} WHERE closed_on IS NULL ORDER BY id DESC LIMIT 1")).first()
    return None if row is None else _plan(row)


def _require_active(conn: Connection) -> StoredPlan:
    stored = _active(conn)
    if stored is None:
        raise PlanError("there is no plan yet: start one (in the Plan tab, or with fikadesk plan start)")
    return stored


def _update_one(conn: Connection, sql: str, params: dict[str, Any], label: str) -> None:
    if conn.execute(text(sql), params).rowcount != 1:
        raise PlanError(f"there is no {label} {params['id']}")


def _save_checkpoint(conn: Connection, plan_id: int, checkpoint: Checkpoint) -> int:
    params = {"day": checkpoint.day.isoformat(), "title": checkpoint.title, "reviewed": checkpoint.reviewed}
    if checkpoint.id is None:
        return int(
            conn.execute(
                text(
                    "INSERT INTO plan_checkpoint (plan_id, day, title, reviewed) VALUES "
                    "(:plan, :day, :title, :reviewed)"
                ),
                params | {"plan": plan_id},
            ).lastrowid
        )
    _update_one(
        conn,
        "UPDATE plan_checkpoint SET day = :day, title = :title, reviewed = :reviewed WHERE id = :id",
        params | {"id": checkpoint.id},
        "checkpoint",
    )
    return checkpoint.id


def _save_item(conn: Connection, plan_id: int, item: ChecklistItem, today: date) -> int:
    params = {
        "title": item.title,
        "how": item.how_we_know,
        "status": item.status,
        "checkpoint": item.checkpoint_id,
        "source": item.source_checkin_id,
    }
    try:
        if item.id is None:
            item_id = int(
                conn.execute(
                    text(
                        "INSERT INTO plan_item (plan_id, position, title, how_we_know, status, created_on, "
                        "checkpoint_id, source_checkin_id) VALUES (:plan, (SELECT COALESCE(MAX(position), "
                        "-1) + 1 "
                        "FROM plan_item WHERE plan_id = :plan), :title, :how, :status, :today, "
                        ":checkpoint, :source)"
                    ),
                    params | {"plan": plan_id, "today": today.isoformat()},
                ).lastrowid
            )
        else:
            item_id = item.id
            _update_one(
                conn,
                "UPDATE plan_item SET title = :title, how_we_know = :how, status = :status, "
                "checkpoint_id = :checkpoint, source_checkin_id = :source WHERE id = :id",
                params | {"id": item_id},
                "checklist item",
            )
            conn.execute(text("DELETE FROM plan_item_expectation WHERE item_id = :id"), {"id": item_id})
            conn.execute(text("DELETE FROM plan_item_entry WHERE item_id = :id"), {"id": item_id})
        _link(conn, item_id, "plan_item_expectation", "expectation_id", "expectation", item.expectation_ids)
        _link(conn, item_id, "plan_item_entry", "entry_id", "entry", item.entry_ids)
    except PlanValidationError as exc:
        raise PlanError(str(exc)) from None
    return item_id


def _link(conn: Connection, item_id: int, table: str, column: str, target: str, ids: Sequence[int]) -> None:
    for linked in ids:
        if conn.execute(text(f"SELECT 1 FROM {target} WHERE id = :id"), {"id": linked}).first() is None:
            raise PlanError(f"there is no {target} {linked} to link")
        conn.execute(
            text(f"INSERT INTO {table} (item_id, {column}) VALUES (:i, :l)"), {"i": item_id, "l": linked}
        )


def _load_checkin(conn: Connection, checkin_id: int | None) -> CheckIn:
    row = conn.execute(
        text(
            "SELECT id, day, notes, manager_feedback, has_prep, growth_talk, planned FROM plan_checkin "
            "WHERE id = :id"
        ),
        {"id": checkin_id},
    ).first()
    if row is None:
        raise PlanError(f"there is no check-in {checkin_id}")
    points = tuple(
        r.text
        for r in conn.execute(
            text("SELECT text FROM plan_talking_point WHERE checkin_id = :id ORDER BY position"),
            {"id": row.id},
        )
    )
    return CheckIn(
        int(row.id),
        as_date(row.day),
        points,
        row.notes,
        row.manager_feedback,
        bool(row.has_prep),
        bool(row.growth_talk),
        bool(row.planned),
    )


def _insert_commitment(conn: Connection, plan_id: int, commitment: Commitment) -> int:
    """Add a commitment at the end of the plan's list; return its id."""
    return int(conn.execute(text(
        "INSERT INTO plan_commitment (plan_id, position, text, status, due) VALUES (:plan, "
        "(SELECT COALESCE(MAX(position), -1) + 1 FROM plan_commitment WHERE plan_id = :plan), "
        ":text, :status, :due)"), {"plan": plan_id, "text": commitment.text, "status": commitment.status,
                                   "due": _iso(commitment.due)}).lastrowid)


def _insert_followup(conn: Connection, followup: FollowUp) -> int:
    return int(
        conn.execute(
            text(
                "INSERT INTO plan_followup (checkin_id, text, owner, due, done_on) VALUES (:c, :t, :o, "
                ":due, :done)"
            ),
            {
                "c": followup.checkin_id,
                "t": followup.text,
                "o": followup.owner,
                "due": _iso(followup.due),
                "done": _iso(followup.done_on),
            },
        ).lastrowid
    )


def _load_followup(conn: Connection, followup_id: int) -> FollowUp:
    row = conn.execute(
        text("SELECT id, checkin_id, text, owner, due, done_on FROM plan_followup WHERE id = :id"),
        {"id": followup_id},
    ).first()
    if row is None:
        raise PlanError(f"there is no follow-up {followup_id}")
    return FollowUp(int(row.id), int(row.checkin_id), row.text, row.owner, _opt_date(row.due),
                    _opt_date(row.done_on))


def _grouped_ids(conn: Connection, sql: str, plan_id: int) -> dict[int, tuple[int, ...]]:
    grouped: dict[int, list[int]] = {}
    for key, value in conn.execute(text(sql), {"plan": plan_id}):
        grouped.setdefault(int(key), []).append(int(value))
    return {k: tuple(v) for k, v in grouped.items()}


def _thread(conn: Connection) -> tuple[tuple[CheckIn, ...], tuple[FollowUp, ...]]:
    """Every check-in of the journal (the 1:1 thread, whatever plan was active) and every follow-up."""
    checkins = tuple(
        _load_checkin(conn, int(r.id))
        for r in conn.execute(text("SELECT id FROM plan_checkin ORDER BY day, id"))
    )
    followups = tuple(
        FollowUp(int(r.id), int(r.checkin_id), r.text, r.owner, _opt_date(r.due), _opt_date(r.done_on))
        for r in conn.execute(text("SELECT * FROM plan_followup ORDER BY id"))
    )
    return checkins, followups


def _state(conn: Connection, stored: StoredPlan | None) -> PlanState:
    """The thread, with the plan's own records when a plan is active."""
    checkins, followups = _thread(conn)
    if stored is None:
        return PlanState(None, checkins=checkins, followups=followups)
    pid = {"plan": stored.id}
    expectations = _grouped_ids(
        conn,
        "SELECT x.item_id, x.expectation_id FROM plan_item_expectation x JOIN "
        "plan_item i ON i.id = x.item_id WHERE i.plan_id = :plan ORDER BY x.rowid",
        stored.id,
    )
    entries = _grouped_ids(
        conn,
        "SELECT x.item_id, x.entry_id FROM plan_item_entry x JOIN plan_item i ON "
        "i.id = x.item_id WHERE i.plan_id = :plan ORDER BY x.rowid",
        stored.id,
    )
    items = tuple(
        ChecklistItem(
            int(r.id),
            r.title,
            r.how_we_know,
            r.status,
            expectations.get(r.id, ()),
            entries.get(r.id, ()),
            r.checkpoint_id,
            r.source_checkin_id,
        )
        for r in conn.execute(
            text("SELECT * FROM plan_item WHERE plan_id = :plan ORDER BY position, id"), pid
        )
    )
    commitments = tuple(
        Commitment(int(r.id), r.text, r.status, _opt_date(r.due))
        for r in conn.execute(
            text("SELECT * FROM plan_commitment WHERE plan_id = :plan ORDER BY position, id"), pid
        )
    )
    checkpoints = tuple(
        Checkpoint(int(r.id), as_date(r.day), r.title, bool(r.reviewed))
        for r in conn.execute(
            text("SELECT * FROM plan_checkpoint WHERE plan_id = :plan ORDER BY day, id"), pid
        )
    )
    return PlanState(stored.plan, items, commitments, checkpoints, checkins, followups, stored.created_on)


def _next_planned(conn: Connection) -> CheckIn | None:
    """The earliest planned check-in (the next meeting's agenda), if one is planned."""
    row = conn.execute(text("SELECT id FROM plan_checkin WHERE planned ORDER BY day, id LIMIT 1")).first()
    return None if row is None else _load_checkin(conn, int(row.id))


def _insert_planned(conn: Connection, day: date, points: Sequence[str]) -> int:
    """Add a planned check-in on ``day`` with its talking points; return its id."""
    active = _active(conn)
    checkin_id = int(conn.execute(text(
        "INSERT INTO plan_checkin (plan_id, day, notes, manager_feedback, has_prep, growth_talk, "
        "not_yet_reason, planned) VALUES (:plan, :day, '', '', 0, 0, '', 1)"),
        {"plan": active.id if active else None, "day": day.isoformat()}).lastrowid)
    for position, point in enumerate(points):
        conn.execute(text("INSERT INTO plan_talking_point (checkin_id, position, text) VALUES (:c, :p, :t)"),
                     {"c": checkin_id, "p": position, "t": point})
    return checkin_id
