"""Evidence links between journal entries and expectations (part of the leveling service)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import Entry, EntryDraft, EntrySummary, validate_draft
from fikadesk.domain.leveling.snapshot import ExpectationChoice
from fikadesk.services.journal.service import EntryNotFoundError, load_entry
from fikadesk.services.values import Clock
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import journal as journal_repo
from fikadesk.storage.repositories import leveling_evidence as repo
from fikadesk.storage.repositories.leveling import load_target, require_expectations


class EvidenceLinks:
    """Link entries to expectations, list an expectation's evidence, offer picker choices."""

    _db: Database
    _clock: Clock

    def check_expectations(self, expectation_ids: Iterable[int]) -> None:
        """Raise LevelingError naming any of ``expectation_ids`` that does not exist."""
        with self._db.read() as conn:
            require_expectations(conn, expectation_ids)

    def add_entry_with_links(self, draft: EntryDraft, expectation_ids: Iterable[int]) -> Entry:
        """Save a new entry and link it to expectations in ONE transaction (all or nothing)."""
        clean = validate_draft(draft)
        ids = sorted(set(expectation_ids))
        with self._db.write() as conn:
            require_expectations(conn, ids)
            entry_id = journal_repo.insert_entry(conn, clean, self._clock())
            repo.insert_links(conn, entry_id, ids)
            return load_entry(conn, entry_id)

    def link_entry(self, entry_id: int, expectation_ids: Iterable[int]) -> None:
        """Record an entry as evidence for expectations (links already there are kept)."""
        ids = sorted(set(expectation_ids))
        with self._db.write() as conn:
            _require_entry(conn, entry_id)
            require_expectations(conn, ids)
            repo.insert_links(conn, entry_id, ids, keep_existing=True)

    def unlink_entry(self, entry_id: int, expectation_ids: Iterable[int]) -> int:
        """Remove links between an entry and expectations; return how many went."""
        ids = sorted(set(expectation_ids))
        if not ids:
            return 0
        with self._db.write() as conn:
            return repo.delete_links(conn, entry_id, ids)

    def set_entry_links(self, entry_id: int, expectation_ids: Iterable[int]) -> tuple[int, ...]:
        """Make ``expectation_ids`` exactly the entry's links (one transaction); return them."""
        ids = sorted(set(expectation_ids))
        with self._db.write() as conn:
            _require_entry(conn, entry_id)
            require_expectations(conn, ids)
            repo.delete_links(conn, entry_id)
            repo.insert_links(conn, entry_id, ids)
        return tuple(ids)

    def linked_expectations(self, entry_id: int) -> tuple[int, ...]:
        """Ids of the expectations an entry is linked to, in ascending order."""
        with self._db.read() as conn:
            return repo.linked_expectations(conn, entry_id)

    def evidence_for(self, expectation_id: int) -> list[EntrySummary]:
        """Live entries linked to one expectation, newest first (starred first within a day)."""
        with self._db.read() as conn:
            require_expectations(conn, [expectation_id])
            return repo.evidence_for(conn, expectation_id)

    def expectation_choices(self, include: Iterable[int] = ()) -> list[ExpectationChoice]:
        """What the evidence picker offers: the target level's expectations in ladder order,
        then any expectation in ``include`` (an entry's existing links) from elsewhere."""
        wanted = sorted({int(x) for x in include})
        with self._db.read() as conn:
            goal = load_target(conn)
            return repo.expectation_choices(conn, goal.target_level_id if goal else None, wanted)

def _require_entry(conn: Connection, entry_id: int) -> None:
    if not journal_repo.entry_exists(conn, entry_id):
        raise EntryNotFoundError(entry_id)
