"""Target-area tables added after 0002: frozen snapshots of the target's expectations."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class TargetSnapshotRow(SQLModel, table=True):
    """A dated copy of the target (ladder, levels, summary) as agreed; texts copied, not linked."""

    __tablename__ = "target_snapshot"

    id: int | None = Field(default=None, primary_key=True)
    taken_on: date
    created_at: datetime
    ladder_name: str
    current_level: str
    target_level: str
    target_date: date | None = None
    summary: str = ""
    note: str = ""


class TargetSnapshotItemRow(SQLModel, table=True):
    """One frozen expectation of a snapshot; expectation_id remembers where it came from."""

    __tablename__ = "target_snapshot_item"

    id: int | None = Field(default=None, primary_key=True)
    snapshot_id: int = Field(foreign_key="target_snapshot.id", index=True, ondelete="CASCADE")
    position: int
    expectation_id: int | None = None
    dimension: str
    text: str
