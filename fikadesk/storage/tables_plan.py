"""SQLModel tables of the promotion plan: plans, checklist, commitments, checkpoints, check-ins."""

from __future__ import annotations

from datetime import date

from sqlalchemy import false
from sqlmodel import Field, SQLModel


class PlanRow(SQLModel, table=True):
    """A promotion plan; the one with no closed_on is active, closed ones are history."""

    __tablename__ = "plan"

    id: int | None = Field(default=None, primary_key=True)
    target_level: str
    target_date: date | None = None
    manager_name: str = ""
    who_decides: str = ""
    who_weighs_in: str = ""
    evidence_wanted: str = ""
    budget_lock: str = ""
    created_on: date
    closed_on: date | None = None


class PlanCheckpointRow(SQLModel, table=True):
    """A dated review of progress."""

    __tablename__ = "plan_checkpoint"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    day: date
    title: str
    reviewed: bool = False


class PlanCheckinRow(SQLModel, table=True):
    """One 1:1 check-in of the journal's thread; not_yet_reason records a "not yet" heard there.

    The thread belongs to the journal, not to a plan: plan_id only says which plan was active when
    it was recorded, and deleting that plan leaves the check-in (and its follow-ups) in place.
    A planned check-in is an agenda for a meeting that has not happened yet."""

    __tablename__ = "plan_checkin"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True, ondelete="SET NULL")
    day: date
    notes: str = ""
    manager_feedback: str = ""
    has_prep: bool = False
    growth_talk: bool = False
    not_yet_reason: str = ""
    # the server default lets an export written before planned check-ins existed import as held
    planned: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class PlanTalkingPointRow(SQLModel, table=True):
    """A talking point of a check-in, in priority order."""

    __tablename__ = "plan_talking_point"

    id: int | None = Field(default=None, primary_key=True)
    checkin_id: int = Field(foreign_key="plan_checkin.id", index=True, ondelete="CASCADE")
    position: int
    text: str


class PlanFollowupRow(SQLModel, table=True):
    """An action from a check-in; it carries forward until done_on is set."""

    __tablename__ = "plan_followup"

    id: int | None = Field(default=None, primary_key=True)
    checkin_id: int = Field(foreign_key="plan_checkin.id", index=True, ondelete="CASCADE")
    text: str
    owner: str = "me"
    due: date | None = None
    done_on: date | None = None


class PlanItemRow(SQLModel, table=True):
    """One "ready" checklist item: what the person will demonstrate and how both will know."""

    __tablename__ = "plan_item"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    position: int
    title: str
    how_we_know: str = ""
    status: str = "open"
    created_on: date
    checkpoint_id: int | None = Field(default=None, foreign_key="plan_checkpoint.id", ondelete="SET NULL")
    source_checkin_id: int | None = Field(default=None, foreign_key="plan_checkin.id", ondelete="SET NULL")


class PlanItemExpectationRow(SQLModel, table=True):
    """Which target expectations a checklist item serves (a link blocks deleting the expectation)."""

    __tablename__ = "plan_item_expectation"

    item_id: int = Field(foreign_key="plan_item.id", primary_key=True, ondelete="CASCADE")
    expectation_id: int = Field(
        foreign_key="expectation.id", primary_key=True, index=True, ondelete="RESTRICT"
    )


class PlanItemEntryRow(SQLModel, table=True):
    """Which journal entries prove a checklist item."""

    __tablename__ = "plan_item_entry"

    item_id: int = Field(foreign_key="plan_item.id", primary_key=True, ondelete="CASCADE")
    entry_id: int = Field(foreign_key="entry.id", primary_key=True, index=True, ondelete="CASCADE")


class PlanCommitmentRow(SQLModel, table=True):
    """Something the manager agreed to do."""

    __tablename__ = "plan_commitment"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    position: int
    text: str
    status: str = "open"
    due: date | None = None
