"""The SQLModel tables of a journal file (schema changes go through migrations, never here alone)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

metadata = SQLModel.metadata


class MetaRow(SQLModel, table=True):
    """Key/value facts about the journal (for example the change counter)."""

    __tablename__ = "meta"

    key: str = Field(primary_key=True)
    value: str


class EntryRow(SQLModel, table=True):
    """One piece of evidence in the journal."""

    __tablename__ = "entry"

    id: int | None = Field(default=None, primary_key=True)
    day: date
    title: str
    body: str = ""
    impact: str = ""
    starred: bool = False
    private: bool = False
    revisit_on: date | None = None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class TagRow(SQLModel, table=True):
    """A tag name, unique without regard to case."""

    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column_kwargs={"unique": True})
    # live entries carrying the tag, kept by triggers (migration 0008) in every write's transaction
    live_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class EntryTagRow(SQLModel, table=True):
    """Which tags an entry carries."""

    __tablename__ = "entry_tag"

    entry_id: int = Field(foreign_key="entry.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, ondelete="CASCADE")


class EntryLinkRow(SQLModel, table=True):
    """A URL attached to an entry (a PR, a document, a message)."""

    __tablename__ = "entry_link"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True, ondelete="CASCADE")
    position: int = 0
    url: str


class LadderRow(SQLModel, table=True):
    """An imported leveling guide."""

    __tablename__ = "ladder"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    source: str
    created_at: datetime


class LadderLevelRow(SQLModel, table=True):
    """One level of a ladder, ordered by position (lowest first)."""

    __tablename__ = "ladder_level"

    id: int | None = Field(default=None, primary_key=True)
    ladder_id: int = Field(foreign_key="ladder.id", index=True, ondelete="CASCADE")
    position: int
    name: str
    description: str = ""


class ExpectationRow(SQLModel, table=True):
    """One expectation of a level; its id is the stable id people link entries to."""

    __tablename__ = "expectation"

    id: int | None = Field(default=None, primary_key=True)
    level_id: int = Field(foreign_key="ladder_level.id", index=True, ondelete="CASCADE")
    position: int
    dimension: str
    text: str


class EntryExpectationRow(SQLModel, table=True):
    """Which expectations an entry is evidence for (a link blocks deleting the expectation)."""

    __tablename__ = "entry_expectation"

    entry_id: int = Field(foreign_key="entry.id", primary_key=True, ondelete="CASCADE")
    expectation_id: int = Field(
        foreign_key="expectation.id", primary_key=True, index=True, ondelete="RESTRICT"
    )


class TargetRow(SQLModel, table=True):
    """The one target: which ladder, the current level, the level aimed at and by when."""

    __tablename__ = "target"
    __table_args__ = (CheckConstraint("id = 1", name="ck_target_single_row"),)

    id: int | None = Field(default=None, primary_key=True)
    ladder_id: int = Field(foreign_key="ladder.id")
    current_level_id: int = Field(foreign_key="ladder_level.id")
    target_level_id: int = Field(foreign_key="ladder_level.id")
    target_date: date | None = None
    summary: str = ""


from fikadesk.storage import tables_interview as tables_interview  # noqa: E402,F401
from fikadesk.storage import tables_leveling as tables_leveling  # noqa: E402,F401
from fikadesk.storage import tables_plan as tables_plan  # noqa: E402,F401
