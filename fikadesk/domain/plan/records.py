"""Promotion plan records and their rules: validation, due dates and follow-up carry-forward."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from fikadesk.domain.journal.entries import EntryValidationError, parse_date
from fikadesk.errors import InputError

ItemStatus = Literal["open", "in_progress", "done", "dropped"]
CommitmentStatus = Literal["open", "done", "dropped"]
Owner = Literal["me", "manager"]
Urgency = Literal["overdue", "due_today", "due_soon", "later"]

ITEM_STATUSES: tuple[str, ...] = ("open", "in_progress", "done", "dropped")
COMMITMENT_STATUSES: tuple[str, ...] = ("open", "done", "dropped")
OWNERS: tuple[str, ...] = ("me", "manager")

MAX_LEVEL = 100
MAX_NAME = 100
MAX_TITLE = 200
MAX_TEXT = 1_000
MAX_LONG_TEXT = 20_000
MAX_TALKING_POINTS = 30


class PlanValidationError(InputError, ValueError):
    """A plan field is not acceptable; the message says which and why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field_name = field_name


@dataclass(frozen=True)
class ProcessNotes:
    """How promotions are decided where the person works, in their own notes."""

    who_decides: str = ""
    who_weighs_in: str = ""
    evidence_wanted: str = ""
    budget_lock: str = ""


@dataclass(frozen=True)
class Plan:
    """The promotion plan: where the person is heading and by when."""

    target_level: str
    target_date: date | None = None
    manager_name: str = ""
    process_notes: ProcessNotes = field(default_factory=ProcessNotes)


@dataclass(frozen=True)
class ChecklistItem:
    """One thing the person will demonstrate, and how the manager will recognise it."""

    id: int | None
    title: str
    how_we_know: str = ""
    status: ItemStatus = "open"
    expectation_ids: tuple[int, ...] = ()
    entry_ids: tuple[int, ...] = ()
    checkpoint_id: int | None = None
    source_checkin_id: int | None = None


@dataclass(frozen=True)
class Commitment:
    """One thing the manager agreed to do to support the plan."""

    id: int | None
    text: str
    status: CommitmentStatus = "open"
    due: date | None = None


@dataclass(frozen=True)
class Checkpoint:
    """A dated point at which progress on the plan is reviewed."""

    id: int | None
    day: date
    title: str
    reviewed: bool = False


@dataclass(frozen=True)
class CheckIn:
    """One 1:1 conversation; growth_talk marks it as a career-growth conversation. A planned
    check-in is the agenda of a meeting that has not happened yet: it holds talking points, not
    follow-ups."""

    id: int | None
    day: date
    talking_points: tuple[str, ...] = ()
    notes: str = ""
    manager_feedback: str = ""
    has_prep: bool = False
    growth_talk: bool = False
    planned: bool = False

    @property
    def held(self) -> bool:
        """Whether the meeting has happened (a planned check-in is only its agenda so far)."""
        return not self.planned

    @property
    def prepared(self) -> bool:
        """Whether the check-in has been prepared: marked so, or given talking points."""
        return self.has_prep or bool(self.talking_points)


@dataclass(frozen=True)
class FollowUp:
    """An action agreed in a check-in; it carries forward until it is done."""

    id: int | None
    checkin_id: int | None
    text: str
    owner: Owner = "me"
    due: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class PlanState:
    """The 1:1 thread of the journal and, once one is started, the active plan with its records.

    The thread (check-ins and follow-ups) belongs to the journal: it starts before any plan and
    outlives each one. ``plan`` is None before the first plan; ``started_on`` is the day the
    plan started (check-ins before it stay in the thread, and their open follow-ups carry on)."""

    plan: Plan | None
    checklist: tuple[ChecklistItem, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    checkpoints: tuple[Checkpoint, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    started_on: date | None = None

    def checkins_of_plan(self) -> tuple[CheckIn, ...]:
        """The check-ins from the day the plan started (all of them when there is no plan)."""
        start = self.started_on
        return self.checkins if start is None else tuple(c for c in self.checkins if c.day >= start)


# --- validation -----------------------------------------------------------------------------


def clean_text(value: str, field_name: str, label: str, limit: int, *, required: bool) -> str:
    """Trim a text and check it is present (if required) and not longer than `limit`."""
    cleaned = value.strip()
    if required and not cleaned:
        raise PlanValidationError(field_name, f"{label} cannot be empty.")
    if len(cleaned) > limit:
        raise PlanValidationError(
            field_name, f"{label} is too long: {len(cleaned)} characters, the limit is {limit}."
        )
    return cleaned


def check_choice(value: str, allowed: tuple[str, ...], field_name: str, label: str) -> None:
    """Raise PlanValidationError unless `value` is one of `allowed`."""
    if value not in allowed:
        raise PlanValidationError(
            field_name, f"{label} must be one of {', '.join(allowed)}; got {value!r}."
        )


def _unique_ids(values: tuple[int, ...], field_name: str, label: str) -> tuple[int, ...]:
    if len(set(values)) != len(values):
        raise PlanValidationError(field_name, f"The same {label} is linked more than once.")
    return tuple(values)


def validate_plan(plan: Plan) -> Plan:
    """Return the plan with trimmed texts, or raise PlanValidationError."""
    notes = plan.process_notes

    def note(value: str, name: str, label: str) -> str:
        return clean_text(value, name, label, MAX_TEXT, required=False)

    return replace(
        plan,
        target_level=clean_text(plan.target_level, "target_level", "The target level",
                                MAX_LEVEL, required=True),
        manager_name=clean_text(plan.manager_name, "manager_name", "The manager's name",
                                MAX_NAME, required=False),
        process_notes=ProcessNotes(
            who_decides=note(notes.who_decides, "who_decides", "Who decides"),
            who_weighs_in=note(notes.who_weighs_in, "who_weighs_in", "Who else weighs in"),
            evidence_wanted=note(notes.evidence_wanted, "evidence_wanted", "The evidence wanted"),
            budget_lock=note(notes.budget_lock, "budget_lock", "When budgets lock"),
        ),
    )


def validate_checklist_item(item: ChecklistItem) -> ChecklistItem:
    """Return the item with trimmed texts, or raise PlanValidationError."""
    check_choice(item.status, ITEM_STATUSES, "status", "The item status")
    return replace(
        item,
        title=clean_text(item.title, "title", "The item title", MAX_TITLE, required=True),
        how_we_know=clean_text(item.how_we_know, "how_we_know", "'How we will know'",
                               MAX_TEXT, required=False),
        expectation_ids=_unique_ids(item.expectation_ids, "expectation_ids", "expectation"),
        entry_ids=_unique_ids(item.entry_ids, "entry_ids", "evidence entry"),
    )


def validate_commitment(commitment: Commitment) -> Commitment:
    """Return the commitment with trimmed text, or raise PlanValidationError."""
    check_choice(commitment.status, COMMITMENT_STATUSES, "status", "The commitment status")
    text = clean_text(commitment.text, "text", "The commitment", MAX_TEXT, required=True)
    return replace(commitment, text=text)


def validate_checkpoint(checkpoint: Checkpoint) -> Checkpoint:
    """Return the checkpoint with a trimmed title, or raise PlanValidationError."""
    title = clean_text(checkpoint.title, "title", "The checkpoint title", MAX_TITLE,
                       required=True)
    return replace(checkpoint, title=title)


def validate_checkin(checkin: CheckIn) -> CheckIn:
    """Return the check-in with trimmed texts, or raise PlanValidationError."""
    if len(checkin.talking_points) > MAX_TALKING_POINTS:
        raise PlanValidationError(
            "talking_points", f"A check-in holds at most {MAX_TALKING_POINTS} talking points."
        )
    points = tuple(
        clean_text(point, "talking_points", f"Talking point {number}", MAX_TEXT, required=True)
        for number, point in enumerate(checkin.talking_points, start=1)
    )
    return replace(
        checkin,
        talking_points=points,
        notes=clean_text(checkin.notes, "notes", "The notes", MAX_LONG_TEXT, required=False),
        manager_feedback=clean_text(checkin.manager_feedback, "manager_feedback",
                                    "The manager's feedback", MAX_LONG_TEXT, required=False),
    )


def validate_followup(followup: FollowUp, checkin: CheckIn | None = None) -> FollowUp:
    """Return the follow-up with trimmed text; dates are checked against its check-in if given."""
    check_choice(followup.owner, OWNERS, "owner", "The owner")
    text = clean_text(followup.text, "text", "The follow-up", MAX_TEXT, required=True)
    if checkin is not None:
        if checkin.planned:
            raise PlanValidationError(
                "checkin_id", f"The check-in of {checkin.day.isoformat()} is only planned: record "
                "it as held before adding follow-ups to it.")
        if None not in (followup.checkin_id, checkin.id) and followup.checkin_id != checkin.id:
            raise PlanValidationError("checkin_id", "The follow-up belongs to another check-in.")
        if followup.due is not None and followup.due < checkin.day:
            raise PlanValidationError(
                "due", f"The due date {followup.due.isoformat()} is before the check-in it "
                f"came from ({checkin.day.isoformat()}).")
        if followup.done_on is not None and followup.done_on < checkin.day:
            raise PlanValidationError(
                "done_on", f"The follow-up cannot be done on {followup.done_on.isoformat()}, "
                f"before the check-in it came from ({checkin.day.isoformat()}).")
    return replace(followup, text=text)


def revise_followup(followup: FollowUp, checkin: CheckIn, *, text: str, owner: str,
                    due: date | None) -> FollowUp:
    """The follow-up with a corrected text, owner and due date, checked against its check-in;
    its id, check-in and done date stay. Raises PlanValidationError with a readable message."""
    changed = replace(followup, text=text, owner=owner, due=due)  # type: ignore[arg-type]
    return validate_followup(changed, checkin)


def parse_due(value: str) -> date:
    """Read a typed due date (YYYY-MM-DD); an impossible or malformed one is refused in words."""
    try:
        return parse_date(value, "due")
    except EntryValidationError:
        raise PlanValidationError(
            "due", f"'{value.strip()}' is not a real date; use YYYY-MM-DD, e.g. 2026-12-01."
        ) from None


#: "... by 2026-12-01" (or "due 2026-12-01") at the end of a typed follow-up gives its due date.
_DUE_SUFFIX_RE = re.compile(r"[\s,;]+(?:by|due)\s+(\S+)\s*$", re.IGNORECASE)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_followup_line(line: str, checkin: CheckIn) -> FollowUp:
    """Read one typed follow-up: ``manager:`` (or ``me:``) in front names who does it, and
    ``by YYYY-MM-DD`` at the end sets its due date. Raises PlanValidationError when it is empty,
    too long, or the date is not a real date on or after the check-in."""
    text, owner = line.strip(), "me"
    head, colon, rest = text.partition(":")
    if colon and head.strip().casefold() in OWNERS:
        owner, text = head.strip().casefold(), rest
    due: date | None = None
    found = _DUE_SUFFIX_RE.search(text)
    if found and _DATE_RE.fullmatch(found.group(1)):
        due = parse_due(found.group(1))
        text = text[: found.start()]
    return validate_followup(FollowUp(None, checkin.id, text, owner, due), checkin)  # type: ignore[arg-type]


# --- due dates and carry-forward ------------------------------------------------------------


def classify(day: date, due: date | None, today: date, soon_days: int = 7) -> Urgency:
    """Say how urgent something is: `due` when given, otherwise its own `day`, against today."""
    if soon_days < 0:
        raise ValueError("soon_days cannot be negative.")
    when = due if due is not None else day
    if when < today:
        return "overdue"
    if when == today:
        return "due_today"
    if when <= today + timedelta(days=soon_days):
        return "due_soon"
    return "later"


@dataclass(frozen=True)
class FollowUpView:
    """A follow-up as seen from one check-in: its age, whether it is done, overdue, carried."""

    followup: FollowUp
    origin_day: date
    open_days: int
    done: bool
    overdue: bool
    carried: bool


def checkin_order_key(checkin: CheckIn) -> tuple[date, float]:
    """Order check-ins by day, then id; an unsaved check-in sorts last on its day."""
    return (checkin.day, checkin.id if checkin.id is not None else math.inf)


def _view(followup: FollowUp, origin_day: date, reference: date, carried: bool) -> FollowUpView:
    done = followup.done_on is not None and followup.done_on <= reference
    end = followup.done_on if done and followup.done_on is not None else reference
    overdue = not done and followup.due is not None and followup.due < reference
    return FollowUpView(followup, origin_day, max(0, (end - origin_day).days), done, overdue,
                        carried)


def followups_for_checkin(
    checkin: CheckIn,
    followups: Iterable[FollowUp],
    checkins: Iterable[CheckIn],
    today: date | None = None,
) -> list[FollowUpView]:
    """List the follow-ups shown in a check-in: its own, then earlier ones not done by its day.

    Which follow-ups appear depends only on the check-in's day. Ages, done and overdue flags
    are measured at `today` when given (the state now), else at the check-in's day (a
    snapshot). A follow-up done before that date counts its age until it was done. Oldest first.
    """
    origins = {c.id: c for c in checkins if c.id is not None}
    if checkin.id is not None:
        origins[checkin.id] = checkin
    reference = checkin.day if today is None else today
    viewed_key = checkin_order_key(checkin)
    rows: list[tuple[tuple[date, float], int, FollowUpView]] = []
    for index, followup in enumerate(followups):
        origin = origins.get(followup.checkin_id) if followup.checkin_id is not None else None
        if origin is None:
            raise PlanValidationError(
                "checkin_id", f"The follow-up {followup.text!r} is not linked to a known check-in."
            )
        own = checkin.id is not None and followup.checkin_id == checkin.id
        if not own:
            if checkin_order_key(origin) >= viewed_key:
                continue
            if followup.done_on is not None and followup.done_on <= checkin.day:
                continue
        view = _view(followup, origin.day, reference, carried=not own)
        rows.append((checkin_order_key(origin), index, view))
    rows.sort(key=lambda row: (row[0], row[1]))
    return [row[2] for row in rows]


def open_followups(state: PlanState, today: date) -> list[FollowUpView]:
    """List every follow-up from check-ins up to today that is not done, aged to today."""
    viewer = CheckIn(id=None, day=today)
    views = followups_for_checkin(viewer, state.followups, state.checkins, today)
    return [view for view in views if not view.done]
