"""The leveling service: ladders stored with ids, the target, evidence links and readiness."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files, parse_ladder_text
from fikadesk.domain.leveling.stored import (
    ExpectationReadiness,
    LadderSummary,
    LevelingError,
    Readiness,
    StoredExpectation,
    Target,
)
from fikadesk.services.container import Services
from fikadesk.services.journal.service import EntryNotFoundError, JournalService
from fikadesk.services.leveling.service import LevelingService
from fikadesk.storage import migrate, schema
from fikadesk.storage.engine import make_engine, open_database
from fikadesk.storage.errors import JournalWriteError
from tests.storage.helpers import raw_query

LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"
TODAY = date(2026, 11, 20)
COUNTS = [("Engineer I", 6), ("Engineer II", 7), ("Senior Engineer", 10), ("Staff Engineer", 8),
          ("Principal Engineer", 7)]
SMALL = "# Tiny\n\n## One\n\n- **Craft:** Writes code.\n\n## Two\n\n- **Craft:** Reviews code.\n"


@pytest.fixture
def leveling(services: Services) -> LevelingService:
    return services.leveling


@pytest.fixture
def ladder_id(leveling: LevelingService) -> int:
    return leveling.import_ladder(parse_ladder_files([LADDERS / "software-engineer.md"]))


def _entry(journal: JournalService, day: date, starred: bool = False) -> int:
    return journal.add(EntryDraft(day=day, title=f"Work on {day}", starred=starred)).id


def test_import_keeps_levels_expectations_and_ids(leveling: LevelingService, ladder_id: int,
                                                  fixed_now: datetime) -> None:
    stored = leveling.get_ladder(ladder_id)
    assert (stored.id, stored.name, stored.source) == (1, "Software Engineer",
                                                      "markdown: software-engineer.md")
    assert stored.created_at == fixed_now
    assert [(lv.name, len(lv.expectations)) for lv in stored.levels] == COUNTS
    ids = [e.id for lv in stored.levels for e in lv.expectations]
    assert ids == list(range(1, 39))
    assert stored.levels[0].expectations[0] == StoredExpectation(
        1, "Scope", "Well-defined tasks inside one component, usually broken down by someone else.")
    assert stored.levels[0].description.startswith("Learns the codebase")
    original = parse_ladder_files([LADDERS / "software-engineer.md"]).ladder
    assert stored.to_ladder() == original


def test_list_ladders(leveling: LevelingService, ladder_id: int, fixed_now: datetime) -> None:
    second = leveling.import_ladder(parse_ladder_text(SMALL, filename="tiny.md"))
    assert leveling.list_ladders() == [
        LadderSummary(ladder_id, "Software Engineer", "markdown: software-engineer.md", fixed_now,
                      5, 38),
        LadderSummary(second, "Tiny", "markdown: tiny.md", fixed_now, 2, 2),
    ]


def test_unknown_ladder(leveling: LevelingService) -> None:
    with pytest.raises(LevelingError, match="there is no ladder 7"):
        leveling.get_ladder(7)


def test_set_target_matches_names_without_case(leveling: LevelingService, ladder_id: int) -> None:
    assert leveling.target() is None
    stored = leveling.get_ladder(ladder_id)
    goal = leveling.set_target(ladder_id, " engineer ii ", "SENIOR engineer", date(2027, 6, 30))
    assert goal == Target(ladder_id, "Software Engineer", stored.levels[1].id, "Engineer II",
                          stored.levels[2].id, "Senior Engineer", date(2027, 6, 30), "")
    assert leveling.target() == goal
    again = leveling.set_target(ladder_id, "Engineer I", "Staff Engineer")
    assert (again.current_level, again.target_level, again.target_date) == (
        "Engineer I", "Staff Engineer", None)
    assert leveling.target() == again


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("Engineer II", "Engineer I", "the target level 'Engineer I' must be above the current "
         "level 'Engineer II'"),
        ("Senior Engineer", "senior engineer", "must be above"),
        ("Boss", "Staff Engineer", "has no level called 'Boss' \\(levels: Engineer I, Engineer II"),
    ],
)
def test_set_target_errors_change_nothing(leveling: LevelingService, ladder_id: int, current: str,
                                          target: str, message: str) -> None:
    leveling.set_target(ladder_id, "Engineer I", "Engineer II")
    before = leveling.target()
    with pytest.raises(LevelingError, match=message):
        leveling.set_target(ladder_id, current, target)
    with pytest.raises(LevelingError, match="there is no ladder 9"):
        leveling.set_target(9, "Engineer I", "Engineer II")
    assert leveling.target() == before


def test_readiness_needs_a_target(leveling: LevelingService, ladder_id: int) -> None:
    with pytest.raises(LevelingError, match="no target is set"):
        leveling.readiness(TODAY)


def _item(result: Readiness, expectation_id: int) -> ExpectationReadiness:
    return next(i for i in result.items if i.expectation_id == expectation_id)


def test_readiness_follows_links_stars_and_trash(services: Services, ladder_id: int) -> None:
    leveling, journal = services.leveling, services.journal
    leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    empty = leveling.readiness(TODAY)
    assert empty.percent == 0
    assert [i.expectation_id for i in empty.items] == list(range(14, 24))
    assert {i.status for i in empty.items} == {"none"}
    first = _entry(journal, date(2026, 3, 2))
    leveling.link_entry(first, [14])
    result = leveling.readiness(TODAY)
    assert [i.expectation_id for i in result.items] == [*range(15, 24), 14]  # gaps first
    item = _item(result, 14)
    assert (item.evidence_count, item.starred_count, item.latest, item.distinct_months,
            item.status) == (1, 0, date(2026, 3, 2), 1, "emerging")
    assert leveling.readiness(TODAY).percent == 4  # Scope half-emerging, one of 7 dimensions
    second = _entry(journal, date(2026, 3, 20))
    third = _entry(journal, date(2026, 5, 1))
    leveling.link_entry(second, [14])
    leveling.link_entry(third, [14, 14])
    item = _item(leveling.readiness(TODAY), 14)
    assert (item.evidence_count, item.starred_count, item.distinct_months, item.status) == (
        3, 0, 2, "emerging")
    journal.set_starred(second, True)
    result = leveling.readiness(TODAY)
    assert (_item(result, 14).starred_count, _item(result, 14).status, result.percent) == (
        1, "consistent", 7)
    journal.delete(third)
    item = _item(leveling.readiness(TODAY), 14)
    assert (item.evidence_count, item.latest, item.distinct_months, item.status) == (
        2, date(2026, 3, 20), 1, "emerging")
    journal.restore(third)
    assert _item(leveling.readiness(TODAY), 14).status == "consistent"
    assert _item(leveling.readiness(date(2027, 6, 1)), 14).status == "emerging"  # too old by then
    assert leveling.linked_expectations(third) == (14,)


def test_link_errors(services: Services, ladder_id: int) -> None:
    entry = _entry(services.journal, date(2026, 3, 2))
    with pytest.raises(LevelingError, match="there is no expectation 99, 100"):
        services.leveling.link_entry(entry, [3, 100, 99])
    assert services.leveling.linked_expectations(entry) == ()
    with pytest.raises(EntryNotFoundError):
        services.leveling.link_entry(55, [3])
    services.leveling.check_expectations([1, 38])
    with pytest.raises(LevelingError, match="there is no expectation 39"):
        services.leveling.check_expectations([1, 39])


def test_unlink(services: Services, ladder_id: int) -> None:
    entry = _entry(services.journal, date(2026, 3, 2))
    services.leveling.link_entry(entry, [3, 4])
    assert services.leveling.unlink_entry(entry, [4, 5]) == 1
    assert services.leveling.linked_expectations(entry) == (3,)


def test_restrict_keeps_evidence_links(services: Services, journal_path: Path,
                                       ladder_id: int) -> None:
    leveling = services.leveling
    entry = _entry(services.journal, date(2026, 3, 2))
    leveling.link_entry(entry, [3])
    with pytest.raises(LevelingError, match="has 1 evidence link from journal entries"):
        leveling.delete_ladder(ladder_id)
    with pytest.raises(JournalWriteError), services.db.write() as conn:
        conn.exec_driver_sql(f"DELETE FROM ladder WHERE id = {ladder_id}")
    assert raw_query(journal_path, "SELECT entry_id, expectation_id FROM entry_expectation") == [
        (entry, 3)]
    assert len(leveling.get_ladder(ladder_id).levels) == 5


def test_raw_delete_of_linked_ladder_is_refused(services: Services, ladder_id: int) -> None:
    entry = _entry(services.journal, date(2026, 3, 2))
    services.leveling.link_entry(entry, [3])
    with pytest.raises(JournalWriteError), services.db.write() as conn:
        conn.exec_driver_sql("DELETE FROM ladder")
    assert services.leveling.linked_expectations(entry) == (3,)


def test_delete_ladder(services: Services, ladder_id: int) -> None:
    leveling = services.leveling
    other = leveling.import_ladder(parse_ladder_text(SMALL, filename="tiny.md"))
    leveling.set_target(other, "One", "Two")
    with pytest.raises(LevelingError, match="is your target's ladder"):
        leveling.delete_ladder(other)
    leveling.delete_ladder(ladder_id)
    assert [s.id for s in leveling.list_ladders()] == [other]
    with pytest.raises(LevelingError, match="there is no ladder 1"):
        leveling.delete_ladder(ladder_id)


def test_entry_purge_drops_its_links(services: Services, ladder_id: int) -> None:
    entry = _entry(services.journal, date(2026, 3, 2))
    services.leveling.link_entry(entry, [3])
    services.journal.delete(entry)
    assert services.journal.purge([entry]) == 1
    assert services.leveling.linked_expectations(entry) == ()


def test_target_is_a_single_row(services: Services, ladder_id: int) -> None:
    services.leveling.set_target(ladder_id, "Engineer I", "Engineer II")
    with pytest.raises(JournalWriteError), services.db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO target (id, ladder_id, current_level_id, target_level_id, summary) "
            "VALUES (2, 1, 1, 2, '')")


def test_migration_from_0001_keeps_entries(tmp_path: Path) -> None:
    path = tmp_path / "journal.fikadesk"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.close()
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, "0001_initial")
    finally:
        engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO entry (day, title, body, impact, starred, private, created_at, "
                    "updated_at) VALUES ('2025-03-01', 'Old work', '', '', 1, 0, "
                    "'2025-03-01 10:00:00', '2025-03-01 10:00:00')")
    raw.close()
    db = open_database(path)
    try:
        assert JournalService(db).get(1).title == "Old work"
        leveling = LevelingService(db)
        new_id = leveling.import_ladder(parse_ladder_text(SMALL, filename="tiny.md"))
        leveling.link_entry(1, [1])
        assert leveling.linked_expectations(1) == (1,)
        assert new_id == 1
    finally:
        db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
