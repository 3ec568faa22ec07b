"""Kept journal counts (tag uses, live and starred totals) never drift from the entries they count."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from alembic import command

from fikadesk.domain.journal.entries import EntryDraft, JournalStats
from fikadesk.services.container import Services
from fikadesk.services.journal.service import JournalService
from fikadesk.storage import migrate
from fikadesk.storage.engine import make_engine, open_database
from tests.storage.helpers import random_writes, raw_query

TAGS = ("design", "Ops", "mentoring", "incident", "docs")


def _reference_tags(path: Path) -> list[tuple[str, int]]:
    """Tag uses counted the slow way, from the entries themselves."""
    rows = raw_query(path, "SELECT t.name, count(e.id) FROM tag t JOIN entry_tag et ON et.tag_id = t.id "
                           "JOIN entry e ON e.id = et.entry_id AND e.deleted_at IS NULL "
                           "GROUP BY t.id ORDER BY count(e.id) DESC, t.name")
    return [(str(name), int(count)) for name, count in rows]


def _reference_stats(path: Path) -> JournalStats:
    total, starred, last = raw_query(path, "SELECT count(*), coalesce(sum(starred), 0), max(day) "
                                           "FROM entry WHERE deleted_at IS NULL")[0]
    return JournalStats(int(total), int(starred), date.fromisoformat(str(last)) if last else None)


def _before_counts() -> str:
    """The revision the kept counts were added on top of."""
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0008_journal_counts")
    assert down is not None and isinstance(down.down_revision, str)
    return down.down_revision


def _draft(rng: random.Random, n: int) -> EntryDraft:
    return EntryDraft(day=date(2026, 1, 1) + timedelta(days=rng.randrange(300)), title=f"Win {n}",
                      tags=tuple(rng.sample(TAGS, rng.randrange(4))), starred=rng.random() < 0.3)


def test_counts_match_the_entries_after_every_kind_of_write(services: Services,
                                                            journal_path: Path) -> None:
    journal = services.journal
    rng = random.Random(15)
    live: list[int] = []
    for step, move in random_writes(journal, journal_path, rng, 160, _draft, live):
        assert journal.tags() == _reference_tags(journal_path), (step, move)
        assert journal.stats() == _reference_stats(journal_path), (step, move)
    assert live and journal.tags()


def test_counts_survive_a_whole_journal_import(services: Services, journal_path: Path,
                                               tmp_path: Path) -> None:
    rng = random.Random(3)
    ids = [services.journal.add(_draft(rng, n)).id for n in range(12)]
    services.journal.delete(ids[0])
    document = services.transfer.export_document()
    other = tmp_path / "other.fikadesk"
    db = open_database(other)
    try:
        JournalService(db).add(EntryDraft(day=date(2026, 2, 2), title="Already here", tags=("docs",)))
        from fikadesk.services.transfer.service import TransferService

        TransferService(db).import_document(document)
        assert JournalService(db).tags() == _reference_tags(other)
        assert JournalService(db).stats() == _reference_stats(other)
    finally:
        db.close()


def test_a_hard_delete_of_a_live_entry_takes_its_tags_along(services: Services,
                                                             journal_path: Path) -> None:
    entry = services.journal.add(EntryDraft(day=date(2026, 3, 3), title="x", tags=("design", "ops")))
    conn = sqlite3.connect(journal_path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM entry WHERE id = ?", (entry.id,))
        conn.commit()
    finally:
        conn.close()
    assert services.journal.tags() == [] == _reference_tags(journal_path)


def test_an_older_journal_gets_its_counts_when_it_is_upgraded(journal_path: Path) -> None:
    db = open_database(journal_path)
    try:
        journal = JournalService(db)
        kept = journal.add(EntryDraft(day=date(2026, 4, 1), title="a", tags=("design", "ops"),
                                      starred=True))
        gone = journal.add(EntryDraft(day=date(2026, 4, 2), title="b", tags=("design",)))
        journal.delete(gone.id)
    finally:
        db.close()
    engine = make_engine(journal_path)  # back to the schema of the release before the counts
    try:
        with engine.begin() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, _before_counts())
    finally:
        engine.dispose()
    assert "live_count" not in {r[1] for r in raw_query(journal_path, "PRAGMA table_info(tag)")}
    db = open_database(journal_path)
    try:
        assert JournalService(db).tags() == [("design", 1), ("ops", 1)]
        assert JournalService(db).stats() == JournalStats(1, 1, date(2026, 4, 1))
        assert kept.id
    finally:
        db.close()
