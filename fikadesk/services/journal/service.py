"""Journal use cases: add, edit, trash, restore, list and search evidence entries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Entry,
    EntryDraft,
    EntryQuery,
    EntrySummary,
    JournalStats,
    validate_draft,
)
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database
from fikadesk.storage.errors import JournalError
from fikadesk.storage.repositories import journal as repo

__all__ = ["SNIPPET_CLOSE", "SNIPPET_OPEN", "EntryNotFoundError", "JournalService"]


class EntryNotFoundError(JournalError):
    """The entry asked for does not exist (any more)."""

    def __init__(self, entry_id: int) -> None:
        super().__init__(f"Entry {entry_id} does not exist.")
        self.entry_id = entry_id


class JournalService:
    """The journal's use cases; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._clock = clock

    # -- writing ---------------------------------------------------------------------------
    def add(self, draft: EntryDraft) -> Entry:
        """Validate and save a new entry; return it as saved."""
        clean = validate_draft(draft)
        now = self._clock()
        with self._db.write() as conn:
            return load_entry(conn, repo.insert_entry(conn, clean, now))

    def add_many(self, drafts: Iterable[EntryDraft]) -> int:
        """Validate and save many entries in one transaction (imports, demo data)."""
        cleaned = [validate_draft(d) for d in drafts]
        now = self._clock()
        with self._db.write() as conn:
            for clean in cleaned:
                repo.insert_entry(conn, clean, now)
        return len(cleaned)

    def update(self, entry_id: int, draft: EntryDraft) -> Entry:
        """Validate and save new contents for an existing entry."""
        clean = validate_draft(draft)
        with self._db.write() as conn:
            if not repo.update_entry(conn, entry_id, clean, self._clock()):
                raise EntryNotFoundError(entry_id)
            return load_entry(conn, entry_id)

    def set_starred(self, entry_id: int, starred: bool) -> Entry:
        """Star or unstar an entry."""
        with self._db.write() as conn:
            if not repo.set_starred(conn, entry_id, starred, self._clock()):
                raise EntryNotFoundError(entry_id)
            return load_entry(conn, entry_id)

    def delete(self, entry_id: int) -> None:
        """Move an entry to the trash (it can be restored)."""
        self._set_deleted(entry_id, self._clock())

    def restore(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        self._set_deleted(entry_id, None)

    def _set_deleted(self, entry_id: int, when: datetime | None) -> None:
        with self._db.write() as conn:
            if not repo.set_deleted(conn, entry_id, when):
                raise EntryNotFoundError(entry_id)

    def purge(self, entry_ids: Sequence[int]) -> int:
        """Delete entries in the trash for good (after a verified backup); return how many went."""
        if not entry_ids:
            return 0
        from fikadesk.storage.backup import make_backup

        make_backup(self._db.path, "before-purge", folder=self._db.backup_dir)
        with self._db.write() as conn:
            return repo.purge_trashed(conn, entry_ids)

    # -- reading ---------------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry:
        """Return one entry (also from the trash)."""
        with self._db.read() as conn:
            return load_entry(conn, entry_id)

    def count(self, query: EntryQuery | None = None) -> int:
        """Return how many entries match ``query`` (all live entries without one)."""
        with self._db.read() as conn:
            return repo.count_entries(conn, query or EntryQuery())

    def page(self, query: EntryQuery, offset: int, limit: int) -> list[EntrySummary]:
        """Return ``limit`` matching entries from ``offset``, newest first."""
        with self._db.read() as conn:
            return repo.entry_page(conn, query, offset, limit)

    def first_page(self, query: EntryQuery, limit: int) -> tuple[int, list[EntrySummary]]:
        """Return how many entries match ``query`` and the first ``limit`` of them, read in one
        transaction (one search keystroke: the count and the rows agree, whoever writes between)."""
        with self._db.read() as conn:
            total = repo.count_entries(conn, query)
            return total, repo.entry_page(conn, query, 0, limit) if total else []

    def index_of(self, query: EntryQuery, entry_id: int) -> int | None:
        """Return the row of ``entry_id`` in the list of ``query``, or None if it is not there."""
        with self._db.read() as conn:
            return repo.index_of(conn, query, entry_id)

    def tags(self) -> list[tuple[str, int]]:
        """Return every tag in use with its number of live entries, most used first."""
        with self._db.read() as conn:
            return repo.tag_counts(conn)

    def stats(self) -> JournalStats:
        """Return counts of the live journal."""
        with self._db.read() as conn:
            return repo.journal_stats(conn)

    def due_revisits(self, today: date) -> list[EntrySummary]:
        """Return live entries whose "revisit on" date has come, oldest date first."""
        with self._db.read() as conn:
            return repo.due_revisits(conn, today)

    def revision(self) -> int:
        """Return the journal's change counter."""
        return self._db.revision()


def load_entry(conn: Connection, entry_id: int) -> Entry:
    """One entry inside the caller's transaction; EntryNotFoundError when there is none."""
    found = repo.load_entry(conn, entry_id)
    if found is None:
        raise EntryNotFoundError(entry_id)
    return found
