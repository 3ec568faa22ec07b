"""Ladder editing, evidence links, deleting with links, and frozen snapshots."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft, EntryValidationError
from fikadesk.domain.leveling.importing.importer import parse_ladder_files, parse_ladder_text
from fikadesk.domain.leveling.snapshot import ExpectationChoice, LadderUsage, SnapshotItem
from fikadesk.domain.leveling.stored import LevelingError, StoredLadder
from fikadesk.services.container import Services
from fikadesk.services.leveling.service import LevelingService
from tests.storage.helpers import raw_query

LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"
SMALL = ("# Tiny\n\n## One\n\n- **Craft:** Writes code.\n- **Team:** Helps a peer.\n\n"
         "## Two\n\n- **Craft:** Reviews code.\n- **Craft:** Designs a module.\n"
         "- **Team:** Mentors one person.\n\n## Three\n\n- **Craft:** Sets direction.\n")


@pytest.fixture
def leveling(services: Services) -> LevelingService:
    return services.leveling


@pytest.fixture
def tiny(leveling: LevelingService) -> StoredLadder:
    return leveling.get_ladder(leveling.import_ladder(parse_ladder_text(SMALL, filename="tiny.md")))


def _shape(ladder: StoredLadder) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(lv.name, [(e.dimension, e.text) for e in lv.expectations]) for lv in ladder.levels]


def _entry(services: Services, day: date, title: str = "Work", starred: bool = False) -> int:
    return services.journal.add(EntryDraft(day=day, title=title, starred=starred)).id


def test_rename_and_levels(leveling: LevelingService, tiny: StoredLadder) -> None:
    assert leveling.rename_ladder(tiny.id, "  Our   ladder ").name == "Our ladder"
    one, two, three = (lv.id for lv in tiny.levels)
    after = leveling.add_level(tiny.id, "One and a half", after_level_id=one)
    assert [lv.name for lv in after.levels] == ["One", "One and a half", "Two", "Three"]
    top = leveling.add_level(tiny.id, "Four")
    assert [lv.name for lv in top.levels][-1] == "Four"
    with pytest.raises(LevelingError, match="already has a level called 'two'"):
        leveling.add_level(tiny.id, "two")
    moved = leveling.move_level(three, -10)
    assert [lv.name for lv in moved.levels] == ["Three", "One", "One and a half", "Two", "Four"]
    renamed = leveling.rename_level(two, "Second")
    assert [lv.name for lv in renamed.levels] == ["Three", "One", "One and a half", "Second", "Four"]
    half = renamed.levels[2].id
    assert [lv.name for lv in leveling.remove_level(half).levels] == [
        "Three", "One", "Second", "Four"]
    with pytest.raises(LevelingError, match="the level name must not be empty"):
        leveling.rename_level(one, "   ")
    with pytest.raises(LevelingError, match="there is no level 999"):
        leveling.move_level(999, 1)


def test_expectations_edit_move_and_remove(leveling: LevelingService, tiny: StoredLadder) -> None:
    two = tiny.levels[1]
    review, design, mentor = (e.id for e in two.expectations)
    leveling.add_expectation(two.id, "Impact", "Ships a feature customers notice.")
    leveling.move_expectation(mentor, -2)
    leveling.move_expectation_to_dimension(design, "Architecture")
    result = leveling.edit_expectation(review, "Craft", "Reviews code with care.")
    assert _shape(result)[1] == ("Two", [
        ("Team", "Mentors one person."), ("Craft", "Reviews code with care."),
        ("Architecture", "Designs a module."), ("Impact", "Ships a feature customers notice.")])
    result = leveling.remove_expectation(design)
    assert [e.text for e in result.levels[1].expectations] == [
        "Mentors one person.", "Reviews code with care.", "Ships a feature customers notice."]
    assert raw_query(leveling._db.path, "SELECT position FROM expectation WHERE level_id = "
                     f"{two.id} ORDER BY position") == [(0,), (1,), (2,)]
    with pytest.raises(LevelingError, match="the expectation text must not be empty"):
        leveling.add_expectation(two.id, "Craft", "  ")
    with pytest.raises(LevelingError, match="there is no expectation 999"):
        leveling.edit_expectation(999, "Craft", "x")


def test_edits_never_drop_evidence(services: Services, tiny: StoredLadder) -> None:
    leveling = services.leveling
    entry = _entry(services, date(2026, 3, 2))
    linked = tiny.levels[1].expectations[0].id
    leveling.link_entry(entry, [linked])
    with pytest.raises(LevelingError, match="1 journal entry is linked to this expectation"):
        leveling.remove_expectation(linked)
    with pytest.raises(LevelingError, match="1 journal entry is linked to this level's"):
        leveling.remove_level(tiny.levels[1].id)
    assert leveling.linked_expectations(entry) == (linked,)
    assert _shape(leveling.get_ladder(tiny.id)) == _shape(tiny)


def test_target_levels_guarded(leveling: LevelingService, tiny: StoredLadder) -> None:
    leveling.set_target(tiny.id, "One", "Two")
    with pytest.raises(LevelingError, match="part of your target"):
        leveling.remove_level(tiny.levels[0].id)
    with pytest.raises(LevelingError, match="'Two' must stay above your current level 'One'"):
        leveling.move_level(tiny.levels[1].id, -1)
    assert [lv.name for lv in leveling.get_ladder(tiny.id).levels] == ["One", "Two", "Three"]
    assert leveling.move_level(tiny.levels[2].id, -2).levels[0].name == "Three"


def test_delete_ladder_with_links_after_confirmation(services: Services,
                                                     tiny: StoredLadder) -> None:
    leveling = services.leveling
    first, second = _entry(services, date(2026, 3, 2)), _entry(services, date(2026, 3, 3))
    ids = [e.id for e in tiny.levels[1].expectations]
    leveling.link_entry(first, ids[:2])
    leveling.link_entry(second, ids[:1])
    leveling.set_target(tiny.id, "One", "Two")
    leveling.freeze_target(date(2026, 3, 5))
    usage = leveling.ladder_usage(tiny.id)
    assert usage == LadderUsage(tiny.id, 3, 2, True)
    assert usage.describe() == (
        "3 evidence links from 2 journal entries will be removed (the entries themselves stay "
        "in your journal); your target, which is set on this ladder, will be cleared.")
    with pytest.raises(LevelingError, match="is your target's ladder"):
        leveling.delete_ladder(tiny.id)
    assert leveling.delete_ladder(tiny.id, drop_links=True) == usage
    assert leveling.list_ladders() == [] and leveling.target() is None
    assert services.journal.count() == 2
    assert leveling.linked_expectations(first) == ()
    assert len(leveling.list_snapshots()) == 1
    assert LadderUsage(5, 0, 0, False).describe() == (
        "no journal entry is linked to it, so no evidence link is lost.")


def test_add_entry_with_links_is_one_transaction(services: Services, tiny: StoredLadder) -> None:
    leveling = services.leveling
    ids = [e.id for e in tiny.levels[1].expectations]
    entry = leveling.add_entry_with_links(EntryDraft(day=date(2026, 3, 2), title="Led it"),
                                          [ids[1], ids[0], ids[1]])
    assert leveling.linked_expectations(entry.id) == (ids[0], ids[1])
    with pytest.raises(LevelingError, match="there is no expectation 77"):
        leveling.add_entry_with_links(EntryDraft(day=date(2026, 3, 2), title="Lost?"), [77])
    with pytest.raises(EntryValidationError):
        leveling.add_entry_with_links(EntryDraft(day=date(2026, 3, 2), title=" "), [ids[0]])
    assert services.journal.count() == 1


def test_set_links_evidence_and_choices(services: Services, tiny: StoredLadder) -> None:
    leveling = services.leveling
    one, two = tiny.levels[0], tiny.levels[1]
    assert leveling.expectation_choices() == []
    leveling.set_target(tiny.id, "One", "Two")
    old = _entry(services, date(2026, 1, 5), "Old")
    new = _entry(services, date(2026, 2, 5), "New", starred=True)
    assert leveling.set_entry_links(old, [two.expectations[0].id, one.expectations[0].id]) == (
        one.expectations[0].id, two.expectations[0].id)
    assert leveling.set_entry_links(old, [two.expectations[0].id, one.expectations[0].id,
                                          two.expectations[2].id])[-1] == two.expectations[2].id
    leveling.link_entry(new, [two.expectations[0].id])
    assert [(s.title, s.starred) for s in leveling.evidence_for(two.expectations[0].id)] == [
        ("New", True), ("Old", False)]
    services.journal.delete(new)
    assert [s.title for s in leveling.evidence_for(two.expectations[0].id)] == ["Old"]
    choices = leveling.expectation_choices(include=leveling.linked_expectations(old))
    assert choices == [
        ExpectationChoice(two.expectations[0].id, "Two", "Craft", "Reviews code."),
        ExpectationChoice(two.expectations[1].id, "Two", "Craft", "Designs a module."),
        ExpectationChoice(two.expectations[2].id, "Two", "Team", "Mentors one person."),
        ExpectationChoice(one.expectations[0].id, "One", "Craft", "Writes code."),
    ]
    assert choices[0].label == "Craft: Reviews code."
    assert leveling.set_entry_links(old, []) == ()
    assert leveling.linked_expectations(old) == ()


def test_snapshot_is_frozen(leveling: LevelingService, tiny: StoredLadder,
                            fixed_now: datetime) -> None:
    with pytest.raises(LevelingError, match="no target is set"):
        leveling.freeze_target(date(2026, 3, 1))
    leveling.set_target(tiny.id, "One", "Two", date(2026, 12, 31), "Own a module end to end.")
    first = leveling.freeze_target(date(2026, 3, 1), " Agreed with Sam ")
    two = tiny.levels[1]
    leveling.edit_expectation(two.expectations[0].id, "Craft", "Reviews every change.")
    leveling.remove_expectation(two.expectations[1].id)
    leveling.rename_level(two.id, "Second")
    second = leveling.freeze_target(date(2026, 6, 1))
    snap = leveling.get_snapshot(first)
    assert (snap.taken_on, snap.created_at, snap.ladder_name, snap.current_level,
            snap.target_level, snap.target_date, snap.summary, snap.note) == (
        date(2026, 3, 1), fixed_now, "Tiny", "One", "Two", date(2026, 12, 31),
        "Own a module end to end.", "Agreed with Sam")
    assert snap.items == (
        SnapshotItem(0, two.expectations[0].id, "Craft", "Reviews code."),
        SnapshotItem(1, two.expectations[1].id, "Craft", "Designs a module."),
        SnapshotItem(2, two.expectations[2].id, "Team", "Mentors one person."))
    later = leveling.get_snapshot(second)
    assert (later.target_level, [i.text for i in later.items]) == (
        "Second", ["Reviews every change.", "Mentors one person."])
    assert [(s.id, s.taken_on, s.item_count, s.note) for s in leveling.list_snapshots()] == [
        (second, date(2026, 6, 1), 2, ""), (first, date(2026, 3, 1), 3, "Agreed with Sam")]
    leveling.delete_snapshot(second)
    assert [s.id for s in leveling.list_snapshots()] == [first]
    with pytest.raises(LevelingError, match=f"there is no snapshot {second}"):
        leveling.get_snapshot(second)


def test_bundled_ladder_edit_keeps_ids(leveling: LevelingService) -> None:
    ladder_id = leveling.import_ladder(parse_ladder_files([LADDERS / "data-analyst.md"]))
    before = leveling.get_ladder(ladder_id)
    moved = leveling.move_expectation(before.levels[0].expectations[0].id, 1)
    assert [e.id for e in moved.levels[0].expectations][:2] == [
        before.levels[0].expectations[1].id, before.levels[0].expectations[0].id]
