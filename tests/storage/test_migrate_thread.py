"""Migration 0006: a journal made with the previous schema keeps every check-in, talking point and
follow-up, and deleting a plan no longer deletes what was written in its check-ins."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fikadesk.storage import migrate, schema
from fikadesk.storage.engine import make_engine, open_database
from tests.storage.helpers import raw_query

PREVIOUS = "0005_interview"

# written the way fikadesk 0005 wrote them: every check-in hangs off a plan
OLD_JOURNAL = [
    "INSERT INTO plan (id, target_level, target_date, manager_name, who_decides, who_weighs_in, "
    "evidence_wanted, budget_lock, created_on, closed_on) VALUES "
    "(1, 'Senior', NULL, 'Ana', '', '', '', '', '2026-01-05', '2026-03-01'), "
    "(2, 'Senior', '2026-09-30', 'Ana', 'the panel', '', '', '', '2026-03-01', NULL)",
    "INSERT INTO plan_checkin (id, plan_id, day, notes, manager_feedback, has_prep, growth_talk, "
    "not_yet_reason) VALUES (1, 1, '2026-01-20', 'Raised the promotion', 'Ask again in March', 1, 1, ''), "
    "(2, 2, '2026-03-10', 'Not yet: cross-team work', '', 0, 1, 'work'), "
    "(3, 2, '2026-04-02', '', 'Good progress', 0, 0, '')",
    "INSERT INTO plan_talking_point (id, checkin_id, position, text) VALUES "
    "(1, 1, 0, 'How does promotion work here?'), (2, 1, 1, 'What gaps do you see?'), "
    "(3, 3, 0, 'Show the migration write-up')",
    "INSERT INTO plan_followup (id, checkin_id, text, owner, due, done_on) VALUES "
    "(1, 1, 'Send the ladder link', 'manager', '2026-01-31', '2026-01-25'), "
    "(2, 2, 'Find a cross-team project', 'manager', NULL, NULL), "
    "(3, 3, 'Write up the incident review', 'me', '2026-04-30', NULL)",
    "INSERT INTO plan_checkpoint (id, plan_id, day, title, reviewed) VALUES "
    "(1, 2, '2026-05-01', 'Review the not-yet list', 0)",
    "INSERT INTO plan_item (id, plan_id, position, title, how_we_know, status, created_on, "
    "checkpoint_id, source_checkin_id) VALUES "
    "(1, 2, 0, 'Lead a cross-team change', 'Two teams ship it', 'open', '2026-03-10', 1, 2)",
]

CHECKINS = "SELECT id, plan_id, day, notes, manager_feedback, has_prep, growth_talk, not_yet_reason " \
           "FROM plan_checkin ORDER BY id"
POINTS = "SELECT id, checkin_id, position, text FROM plan_talking_point ORDER BY id"
FOLLOWUPS = "SELECT id, checkin_id, text, owner, due, done_on FROM plan_followup ORDER BY id"
ITEMS = "SELECT id, source_checkin_id, checkpoint_id FROM plan_item ORDER BY id"


def _previous_journal(path: Path) -> None:
    """A journal at the previous schema revision, filled through SQL as that version wrote it."""
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    raw.commit()
    raw.close()
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, PREVIOUS)
        with engine.begin() as conn:
            for statement in OLD_JOURNAL:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


@pytest.fixture
def previous_journal(tmp_path: Path) -> Path:
    path = tmp_path / "old.fikadesk"
    _previous_journal(path)
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(PREVIOUS,)]
    return path


def test_previous_journal_keeps_every_checkin_point_and_followup(previous_journal: Path) -> None:
    before = {sql: raw_query(previous_journal, sql) for sql in (CHECKINS, POINTS, FOLLOWUPS, ITEMS)}
    assert len(before[FOLLOWUPS]) == 3 and len(before[POINTS]) == 3
    open_database(previous_journal).close()
    assert raw_query(previous_journal, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    for sql, rows in before.items():
        assert raw_query(previous_journal, sql) == rows, sql
    assert raw_query(previous_journal, "SELECT id, planned FROM plan_checkin ORDER BY id") == [
        (1, 0), (2, 0), (3, 0)]
    assert raw_query(previous_journal, "PRAGMA foreign_key_check") == []
    assert raw_query(previous_journal, "PRAGMA integrity_check") == [("ok",)]
    (backup,) = (previous_journal.parent / "backups").iterdir()
    assert backup.name.endswith(f"-before-{schema.HEAD}.fikadesk")
    assert raw_query(backup, "SELECT version_num FROM alembic_version") == [(PREVIOUS,)]
    assert raw_query(backup, FOLLOWUPS) == before[FOLLOWUPS]


def test_deleting_a_plan_keeps_its_checkins_and_followups(previous_journal: Path) -> None:
    """The guard: no cascade from a plan reaches what the person wrote in a check-in."""
    open_database(previous_journal).close()
    engine = make_engine(previous_journal)  # foreign keys on, as fikadesk always opens it
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            conn.exec_driver_sql("DELETE FROM plan")
    finally:
        engine.dispose()
    assert raw_query(previous_journal, "SELECT id, plan_id FROM plan_checkin ORDER BY id") == [
        (1, None), (2, None), (3, None)]
    assert [r[0] for r in raw_query(previous_journal, POINTS)] == [1, 2, 3]
    assert [r[0] for r in raw_query(previous_journal, FOLLOWUPS)] == [1, 2, 3]
