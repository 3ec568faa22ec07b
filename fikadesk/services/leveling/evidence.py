"""Evidence links between journal entries and expectations (part of the leveling service)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.journal import Entry, EntryDraft, EntrySummary, validate_draft
from fikadesk.domain.leveling_snapshot import ExpectationChoice
from fikadesk.services.journal.service import EntryNotFoundError, load_entry
from fikadesk.services.values import Clock, as_date
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import journal as journal_repo
from fikadesk.storage.repositories.leveling import load_target, require_expectations


class EvidenceLinks:
    """Link entries to expectations, list an expectation's evidence, offer picker choices."""

    _db: Database
    _clock: Clock

    def check_expectations(self, expectation_ids: Iterable[int]) -> None:
        """Raise LevelingError naming any of ``expectation_ids`` that does not exist."""
        with self._db.read() as session:
            require_expectations(session.connection(), expectation_ids)

    def add_entry_with_links(self, draft: EntryDraft, expectation_ids: Iterable[int]) -> Entry:
        """Save a new entry and link it to expectations in ONE transaction (all or nothing)."""
        clean = validate_draft(draft)
        ids = sorted(set(expectation_ids))
        with self._db.write() as session:
            conn = session.connection()
            require_expectations(conn, ids)
            entry_id = journal_repo.insert_entry(conn, clean, self._clock())
            if ids:
                conn.execute(
                    text("INSERT INTO entry_expectation (entry_id, expectation_id) "
                         "VALUES (:e, :x)"), [{"e": entry_id, "x": x} for x in ids])
            return load_entry(conn, entry_id)

    def link_entry(self, entry_id: int, expectation_ids: Iterable[int]) -> None:
        """Record an entry as evidence for expectations (links already there are kept)."""
        ids = sorted(set(expectation_ids))
        with self._db.write() as session:
            conn = session.connection()
            _require_entry(conn, entry_id)
            require_expectations(conn, ids)
            if ids:
                conn.execute(
                    text("INSERT OR IGNORE INTO entry_expectation (entry_id, expectation_id) "
                         "VALUES (:e, :x)"),
                    [{"e": entry_id, "x": x} for x in ids],
                )

    def unlink_entry(self, entry_id: int, expectation_ids: Iterable[int]) -> int:
        """Remove links between an entry and expectations; return how many went."""
        ids = sorted(set(expectation_ids))
        if not ids:
            return 0
        with self._db.write() as session:
            result = session.connection().execute(
                text("DELETE FROM entry_expectation WHERE entry_id = :e AND expectation_id = :x"),
                [{"e": entry_id, "x": x} for x in ids],
            )
            return int(result.rowcount)

    def set_entry_links(self, entry_id: int, expectation_ids: Iterable[int]) -> tuple[int, ...]:
        """Make ``expectation_ids`` exactly the entry's links (one transaction); return them."""
        ids = sorted(set(expectation_ids))
        with self._db.write() as session:
            conn = session.connection()
            _require_entry(conn, entry_id)
            require_expectations(conn, ids)
            conn.execute(text("DELETE FROM entry_expectation WHERE entry_id = :e"),
                         {"e": entry_id})
            if ids:
                conn.execute(
                    text("INSERT INTO entry_expectation (entry_id, expectation_id) "
                         "VALUES (:e, :x)"), [{"e": entry_id, "x": x} for x in ids])
        return tuple(ids)

    def linked_expectations(self, entry_id: int) -> tuple[int, ...]:
        """Ids of the expectations an entry is linked to, in ascending order."""
        with self._db.read() as session:
            rows = session.connection().execute(
                text("SELECT expectation_id FROM entry_expectation WHERE entry_id = :e "
                     "ORDER BY expectation_id"), {"e": entry_id}).scalars()
            return tuple(int(x) for x in rows)

    def evidence_for(self, expectation_id: int) -> list[EntrySummary]:
        """Live entries linked to one expectation, newest first (starred first within a day)."""
        with self._db.read() as session:
            conn = session.connection()
            require_expectations(conn, [expectation_id])
            rows = conn.execute(
                text("SELECT e.id, e.day, e.title, e.starred FROM entry e "
                     "JOIN entry_expectation x ON x.entry_id = e.id "
                     "WHERE x.expectation_id = :x AND e.deleted_at IS NULL "
                     "ORDER BY e.day DESC, e.starred DESC, e.id DESC"),
                {"x": expectation_id}).all()
        return [EntrySummary(int(r[0]), as_date(r[1]), str(r[2]), bool(r[3]), ()) for r in rows]

    def expectation_choices(self, include: Iterable[int] = ()) -> list[ExpectationChoice]:
        """What the evidence picker offers: the target level's expectations in ladder order,
        then any expectation in ``include`` (an entry's existing links) from elsewhere."""
        wanted = sorted({int(x) for x in include})
        with self._db.read() as session:
            conn = session.connection()
            goal = load_target(conn)
            rows: list[Any] = []
            if goal is not None:
                rows = list(conn.execute(
                    text("SELECT e.id, v.name, e.dimension, e.text FROM expectation e "
                         "JOIN ladder_level v ON v.id = e.level_id WHERE e.level_id = :lv "
                         "ORDER BY e.position, e.id"), {"lv": goal.target_level_id}).all())
            seen = {int(r[0]) for r in rows}
            extra = [x for x in wanted if x not in seen]
            if extra:
                marks = ",".join(str(x) for x in extra)
                rows += conn.exec_driver_sql(
                    "SELECT e.id, v.name, e.dimension, e.text FROM expectation e "
                    f"JOIN ladder_level v ON v.id = e.level_id WHERE e.id IN ({marks}) "
                    "ORDER BY v.position, e.position, e.id").all()
        return [ExpectationChoice(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def _require_entry(conn: Connection, entry_id: int) -> None:
    if not journal_repo.entry_exists(conn, entry_id):
        raise EntryNotFoundError(entry_id)
