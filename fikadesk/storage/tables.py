"""The SQLModel tables of a journal file (schema changes go through migrations, never here alone)."""

from __future__ import annotations

from datetime import date, datetime

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
