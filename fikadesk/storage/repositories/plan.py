"""The plan area's SQL: the plans, their checklist, commitments and checkpoints, and the 1:1 thread.

Every function runs inside the caller's transaction and returns domain objects; a row that is
not there comes back as None or False, and the plan service says what that means to the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.plan.prep import EntryRef
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    ProcessNotes,
)
from fikadesk.storage.values import as_date

# the tables a plan record can be deleted from by id, by the name the service gives the kind
DELETABLE = {"checklist item": "plan_item", "commitment": "plan_commitment",
             "checkpoint": "plan_checkpoint", "follow-up": "plan_followup"}


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


# -- plans ------------------------------------------------------------------------------------------
def active_plan(conn: Connection) -> StoredPlan | None:
    """The plan being worked on, or None before the first one is started."""
    row = conn.execute(text(f"{_PLAN_SELECT} WHERE closed_on IS NULL ORDER BY id DESC LIMIT 1")).first()
    return None if row is None else _plan(row)


def plan_history(conn: Connection) -> list[StoredPlan]:
    """Every plan, the newest first."""
    return [_plan(row) for row in conn.execute(text(f"{_PLAN_SELECT} ORDER BY created_on DESC, id DESC"))]


def insert_plan(conn: Connection, plan: Plan, started: date, closing: date) -> int:
    """Close any open plan on ``closing`` and add ``plan`` as started on ``started``; its id."""
    conn.execute(text("UPDATE plan SET closed_on = :d WHERE closed_on IS NULL"), {"d": closing.isoformat()})
    return int(conn.execute(text(
        "INSERT INTO plan (target_level, target_date, manager_name, who_decides, who_weighs_in, "
        "evidence_wanted, budget_lock, created_on) VALUES (:level, :date, :manager, :decides, "
        ":weighs, :evidence, :budget, :created)"),
        _plan_params(plan) | {"created": started.isoformat()}).lastrowid)


def update_plan(conn: Connection, plan_id: int, plan: Plan) -> None:
    """Write a plan's target, date, manager and process notes."""
    conn.execute(text(
        "UPDATE plan SET target_level = :level, target_date = :date, manager_name = :manager, "
        "who_decides = :decides, who_weighs_in = :weighs, evidence_wanted = :evidence, "
        "budget_lock = :budget WHERE id = :id"), _plan_params(plan) | {"id": plan_id})


def delete_record(conn: Connection, kind: str, row_id: int) -> bool:
    """Delete one record of a ``DELETABLE`` kind by id; False when there was none."""
    return bool(conn.execute(text(f"DELETE FROM {DELETABLE[kind]} WHERE id = :id"), {"id": row_id}).rowcount)


# -- checklist, commitments, checkpoints --------------------------------------------------------------
def insert_item(conn: Connection, plan_id: int, item: ChecklistItem, today: date) -> int:
    """Add a checklist item at the end of the plan's list (its links apart); return its id."""
    return int(conn.execute(text(
        "INSERT INTO plan_item (plan_id, position, title, how_we_know, status, created_on, "
        "checkpoint_id, source_checkin_id) VALUES (:plan, (SELECT COALESCE(MAX(position), -1) + 1 "
        "FROM plan_item WHERE plan_id = :plan), :title, :how, :status, :today, :checkpoint, :source)"),
        _item_params(item) | {"plan": plan_id, "today": today.isoformat()}).lastrowid)


def update_item(conn: Connection, item_id: int, item: ChecklistItem) -> bool:
    """Write a checklist item and drop its links (``link_item`` writes them again); False if none."""
    if conn.execute(text(
            "UPDATE plan_item SET title = :title, how_we_know = :how, status = :status, "
            "checkpoint_id = :checkpoint, source_checkin_id = :source WHERE id = :id"),
            _item_params(item) | {"id": item_id}).rowcount != 1:
        return False
    conn.execute(text("DELETE FROM plan_item_expectation WHERE item_id = :id"), {"id": item_id})
    conn.execute(text("DELETE FROM plan_item_entry WHERE item_id = :id"), {"id": item_id})
    return True


def _item_params(item: ChecklistItem) -> dict[str, Any]:
    return {"title": item.title, "how": item.how_we_know, "status": item.status,
            "checkpoint": item.checkpoint_id, "source": item.source_checkin_id}


def link_item(conn: Connection, item_id: int, item: ChecklistItem) -> tuple[str, int] | None:
    """Link a checklist item to its expectations and entries; the first (kind, id) that does not
    exist, if any, with the links before it written (the caller rolls back)."""
    for table, column, target, ids in (
            ("plan_item_expectation", "expectation_id", "expectation", item.expectation_ids),
            ("plan_item_entry", "entry_id", "entry", item.entry_ids)):
        for linked in ids:
            if conn.execute(text(f"SELECT 1 FROM {target} WHERE id = :id"), {"id": linked}).first() is None:
                return target, linked
            conn.execute(text(f"INSERT INTO {table} (item_id, {column}) VALUES (:i, :l)"),
                         {"i": item_id, "l": linked})
    return None


def insert_commitment(conn: Connection, plan_id: int, commitment: Commitment) -> int:
    """Add a commitment at the end of the plan's list; return its id."""
    return int(conn.execute(text(
        "INSERT INTO plan_commitment (plan_id, position, text, status, due) VALUES (:plan, "
        "(SELECT COALESCE(MAX(position), -1) + 1 FROM plan_commitment WHERE plan_id = :plan), "
        ":text, :status, :due)"), {"plan": plan_id, "text": commitment.text, "status": commitment.status,
                                   "due": _iso(commitment.due)}).lastrowid)


def update_commitment(conn: Connection, commitment_id: int, commitment: Commitment) -> bool:
    """Write a commitment's text, status and due date; False when there is no such commitment."""
    return conn.execute(text(
        "UPDATE plan_commitment SET text = :text, status = :status, due = :due WHERE id = :id"),
        {"text": commitment.text, "status": commitment.status, "due": _iso(commitment.due),
         "id": commitment_id}).rowcount == 1


def insert_checkpoint(conn: Connection, plan_id: int, checkpoint: Checkpoint) -> int:
    """Add a checkpoint to a plan; return its id."""
    return int(conn.execute(text(
        "INSERT INTO plan_checkpoint (plan_id, day, title, reviewed) "
        "VALUES (:plan, :day, :title, :reviewed)"),
        _checkpoint_params(checkpoint) | {"plan": plan_id}).lastrowid)


def update_checkpoint(conn: Connection, checkpoint_id: int, checkpoint: Checkpoint) -> bool:
    """Write a checkpoint; False when there is no such checkpoint."""
    return conn.execute(text(
        "UPDATE plan_checkpoint SET day = :day, title = :title, reviewed = :reviewed WHERE id = :id"),
        _checkpoint_params(checkpoint) | {"id": checkpoint_id}).rowcount == 1


def _checkpoint_params(checkpoint: Checkpoint) -> dict[str, Any]:
    return {"day": checkpoint.day.isoformat(), "title": checkpoint.title, "reviewed": checkpoint.reviewed}


# -- the 1:1 thread ---------------------------------------------------------------------------------
def load_checkin(conn: Connection, checkin_id: int | None) -> CheckIn | None:
    """One check-in with its talking points, or None."""
    row = conn.execute(text(
        "SELECT id, day, notes, manager_feedback, has_prep, growth_talk, planned FROM plan_checkin "
        "WHERE id = :id"), {"id": checkin_id}).first()
    if row is None:
        return None
    points = tuple(r.text for r in conn.execute(
        text("SELECT text FROM plan_talking_point WHERE checkin_id = :id ORDER BY position"), {"id": row.id}))
    return CheckIn(int(row.id), as_date(row.day), points, row.notes, row.manager_feedback,
                   bool(row.has_prep), bool(row.growth_talk), bool(row.planned))


def insert_checkin(conn: Connection, plan_id: int | None, checkin: CheckIn) -> int:
    """Add a check-in (its talking points apart) noting the active plan; return its id."""
    return int(conn.execute(text(
        "INSERT INTO plan_checkin (plan_id, day, notes, manager_feedback, has_prep, growth_talk, "
        "not_yet_reason, planned) VALUES (:plan, :day, :notes, :feedback, :prep, :growth, '', :planned)"),
        _checkin_params(checkin) | {"plan": plan_id}).lastrowid)


def update_checkin(conn: Connection, checkin_id: int, checkin: CheckIn) -> bool:
    """Write a check-in (its talking points apart); False when there is no such check-in."""
    return conn.execute(text(
        "UPDATE plan_checkin SET day = :day, notes = :notes, manager_feedback = :feedback, "
        "has_prep = :prep, growth_talk = :growth, planned = :planned WHERE id = :id"),
        _checkin_params(checkin) | {"id": checkin_id}).rowcount == 1


def _checkin_params(checkin: CheckIn) -> dict[str, Any]:
    return {"day": checkin.day.isoformat(), "notes": checkin.notes, "feedback": checkin.manager_feedback,
            "prep": checkin.has_prep, "growth": checkin.growth_talk, "planned": checkin.planned}


def mark_growth_talk(conn: Connection, checkin_id: int, plan_id: int) -> None:
    """Mark the check-in a plan was started from as a growth conversation of that plan."""
    conn.execute(text("UPDATE plan_checkin SET growth_talk = 1, plan_id = :p WHERE id = :id"),
                 {"p": plan_id, "id": checkin_id})


def move_checkin(conn: Connection, checkin_id: int, day: date) -> None:
    """Put a check-in on another day."""
    conn.execute(text("UPDATE plan_checkin SET day = :d WHERE id = :id"),
                 {"d": day.isoformat(), "id": checkin_id})


def record_not_yet(conn: Connection, checkin_id: int, reason: str, note: str) -> None:
    """Keep the reason of a "not yet" on its check-in, with ``note`` added to the notes."""
    conn.execute(text(
        "UPDATE plan_checkin SET not_yet_reason = :r, notes = CASE WHEN notes = '' "
        "THEN :note ELSE notes || char(10) || char(10) || :note END WHERE id = :id"),
        {"r": reason, "note": note, "id": checkin_id})


def has_followups(conn: Connection, checkin_id: int) -> bool:
    """True when a follow-up came from the check-in (so it was held)."""
    return conn.execute(text("SELECT 1 FROM plan_followup WHERE checkin_id = :id"),
                        {"id": checkin_id}).first() is not None


def set_talking_points(conn: Connection, checkin_id: int, points: Sequence[str]) -> None:
    """Make ``points`` a check-in's agenda, in priority order."""
    conn.execute(text("DELETE FROM plan_talking_point WHERE checkin_id = :id"), {"id": checkin_id})
    for position, point in enumerate(points):
        add_talking_point(conn, checkin_id, position, point)


def add_talking_point(conn: Connection, checkin_id: int, position: int, point: str) -> None:
    """Put one talking point on a check-in's agenda at ``position``."""
    conn.execute(text("INSERT INTO plan_talking_point (checkin_id, position, text) VALUES (:c, :p, :t)"),
                 {"c": checkin_id, "p": position, "t": point})


def next_planned(conn: Connection) -> CheckIn | None:
    """The earliest planned check-in (the next meeting's agenda), if one is planned."""
    row = conn.execute(text("SELECT id FROM plan_checkin WHERE planned ORDER BY day, id LIMIT 1")).first()
    return None if row is None else load_checkin(conn, int(row.id))


def insert_planned(conn: Connection, day: date, points: Sequence[str]) -> int:
    """Add a planned check-in on ``day`` with its talking points; return its id."""
    active = active_plan(conn)
    checkin_id = int(conn.execute(text(
        "INSERT INTO plan_checkin (plan_id, day, notes, manager_feedback, has_prep, growth_talk, "
        "not_yet_reason, planned) VALUES (:plan, :day, '', '', 0, 0, '', 1)"),
        {"plan": active.id if active else None, "day": day.isoformat()}).lastrowid)
    set_talking_points(conn, checkin_id, points)
    return checkin_id


def insert_followup(conn: Connection, followup: FollowUp) -> int:
    """Add a follow-up to its check-in; return its id."""
    return int(conn.execute(text(
        "INSERT INTO plan_followup (checkin_id, text, owner, due, done_on) VALUES (:c, :t, :o, :due, :done)"),
        {"c": followup.checkin_id, "t": followup.text, "o": followup.owner, "due": _iso(followup.due),
         "done": _iso(followup.done_on)}).lastrowid)


def load_followup(conn: Connection, followup_id: int) -> FollowUp | None:
    """One follow-up, or None."""
    row = conn.execute(text("SELECT id, checkin_id, text, owner, due, done_on FROM plan_followup "
                            "WHERE id = :id"), {"id": followup_id}).first()
    return None if row is None else _followup(row)


def _followup(row: Any) -> FollowUp:
    return FollowUp(int(row.id), int(row.checkin_id), row.text, row.owner, _opt_date(row.due),
                    _opt_date(row.done_on))


def update_followup(conn: Connection, followup: FollowUp) -> None:
    """Write a follow-up's text, owner, due date and done date."""
    conn.execute(text("UPDATE plan_followup SET text = :t, owner = :o, due = :due, done_on = :done "
                      "WHERE id = :id"),
                 {"t": followup.text, "o": followup.owner, "due": _iso(followup.due),
                  "done": _iso(followup.done_on), "id": followup.id})


# -- reading a plan whole ------------------------------------------------------------------------------
def _grouped_ids(conn: Connection, sql: str, plan_id: int) -> dict[int, tuple[int, ...]]:
    grouped: dict[int, list[int]] = {}
    for key, value in conn.execute(text(sql), {"plan": plan_id}):
        grouped.setdefault(int(key), []).append(int(value))
    return {k: tuple(v) for k, v in grouped.items()}


def _thread(conn: Connection) -> tuple[tuple[CheckIn, ...], tuple[FollowUp, ...]]:
    """Every check-in of the journal (the 1:1 thread, whatever plan was active) and every follow-up."""
    points: dict[int, list[str]] = {}
    for checkin_id, point in conn.execute(text(
            "SELECT checkin_id, text FROM plan_talking_point ORDER BY checkin_id, position")):
        points.setdefault(int(checkin_id), []).append(point)
    checkins = tuple(
        CheckIn(int(r.id), as_date(r.day), tuple(points.get(int(r.id), ())), r.notes, r.manager_feedback,
                bool(r.has_prep), bool(r.growth_talk), bool(r.planned))
        for r in conn.execute(text("SELECT id, day, notes, manager_feedback, has_prep, growth_talk, "
                                   "planned FROM plan_checkin ORDER BY day, id")))
    followups = tuple(_followup(r) for r in conn.execute(text("SELECT * FROM plan_followup ORDER BY id")))
    return checkins, followups


def plan_state(conn: Connection, stored: StoredPlan | None) -> PlanState:
    """The thread, with the plan's own records when a plan is given."""
    checkins, followups = _thread(conn)
    if stored is None:
        return PlanState(None, checkins=checkins, followups=followups)
    pid = {"plan": stored.id}
    expectations = _grouped_ids(
        conn, "SELECT x.item_id, x.expectation_id FROM plan_item_expectation x JOIN "
        "plan_item i ON i.id = x.item_id WHERE i.plan_id = :plan ORDER BY x.rowid", stored.id)
    entries = _grouped_ids(
        conn, "SELECT x.item_id, x.entry_id FROM plan_item_entry x JOIN plan_item i ON "
        "i.id = x.item_id WHERE i.plan_id = :plan ORDER BY x.rowid", stored.id)
    items = tuple(
        ChecklistItem(int(r.id), r.title, r.how_we_know, r.status, expectations.get(r.id, ()),
                      entries.get(r.id, ()), r.checkpoint_id, r.source_checkin_id)
        for r in conn.execute(text("SELECT * FROM plan_item WHERE plan_id = :plan "
                                   "ORDER BY position, id"), pid))
    commitments = tuple(
        Commitment(int(r.id), r.text, r.status, _opt_date(r.due))
        for r in conn.execute(text("SELECT * FROM plan_commitment WHERE plan_id = :plan "
                                   "ORDER BY position, id"), pid))
    checkpoints = tuple(
        Checkpoint(int(r.id), as_date(r.day), r.title, bool(r.reviewed))
        for r in conn.execute(text("SELECT * FROM plan_checkpoint WHERE plan_id = :plan "
                                   "ORDER BY day, id"), pid))
    return PlanState(stored.plan, items, commitments, checkpoints, checkins, followups, stored.created_on)


def starred_entries(conn: Connection, today: date, limit: int = 200) -> list[EntryRef]:
    """The live starred entries up to ``today``, the newest first (what to bring to a check-in)."""
    return [EntryRef(int(r.id), as_date(r.day), r.title) for r in conn.execute(text(
        "SELECT id, day, title FROM entry WHERE starred AND deleted_at IS NULL AND day <= :today "
        "ORDER BY day DESC, id DESC LIMIT :limit"), {"today": today.isoformat(), "limit": limit})]
