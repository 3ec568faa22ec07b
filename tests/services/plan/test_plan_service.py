"""The plan service with injected dates: plans and history, the checklist with links, check-ins
whose follow-ups carry forward, "not yet" turned into items in one step, and the prep view."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.domain.plan.checkin_questions import load_checkin_questions
from fikadesk.domain.plan.prep import NotYetAnswer
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanValidationError,
    ProcessNotes,
    followups_for_checkin,
    open_followups,
)
from fikadesk.services.container import Services, build_services
from fikadesk.services.plan.service import PlanError
from tests.briefs.sample import fill_journal

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
TODAY = date(2026, 11, 20)  # the services fixture's clock


def _plan(services: Services) -> int:
    return services.plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam",
                                    ProcessNotes(who_decides="the calibration panel"))).id


def test_no_plan_yet_says_how_to_start(services: Services) -> None:
    assert services.plan.active() is None and services.plan.state() is None
    with pytest.raises(PlanError, match="there is no plan yet: start one"):
        services.plan.save_item(ChecklistItem(None, "Lead a project"))


def test_a_new_plan_keeps_the_old_one_as_history(services: Services) -> None:
    first = _plan(services)
    services.plan.save_item(ChecklistItem(None, "Lead the search rebuild"))
    second = services.plan.start(Plan("Staff Engineer"))
    history = services.plan.history()
    assert [(p.id, p.plan.target_level, p.closed_on) for p in history] == [
        (second.id, "Staff Engineer", None), (first, "Senior Engineer", TODAY)]
    assert services.plan.state().checklist == ()  # the new plan starts empty
    updated = services.plan.update(Plan("Staff Engineer", manager_name="  Ana  "))
    assert services.plan.active() == updated and updated.plan.manager_name == "Ana"


def test_checklist_items_carry_their_links(services: Services) -> None:
    ids = fill_journal(services)
    _plan(services)
    expectation = services.leveling.readiness(TODAY).items[0].expectation_id
    checkpoint = services.plan.save_checkpoint(Checkpoint(None, date(2027, 1, 15), "Mid-cycle review"))
    entry = next(iter(ids.values()))
    item_id = services.plan.save_item(ChecklistItem(None, " Own the design of one project ",
                                                    "Sam agrees in 1:1", "in_progress", (expectation,),
                                                    (entry,), checkpoint))
    [item] = services.plan.state().checklist
    assert item == ChecklistItem(item_id, "Own the design of one project", "Sam agrees in 1:1", "in_progress",
                                 (expectation,), (entry,), checkpoint)
    services.plan.save_item(ChecklistItem(item_id, item.title, status="done"))
    assert services.plan.state().checklist[0].expectation_ids == ()
    with pytest.raises(PlanError, match="there is no entry 999 to link"):
        services.plan.save_item(ChecklistItem(None, "x", entry_ids=(999,)))
    assert len(services.plan.state().checklist) == 1  # nothing half-saved
    with pytest.raises(PlanValidationError):
        services.plan.save_item(ChecklistItem(None, "x", status="maybe"))  # type: ignore[arg-type]


def test_follow_ups_carry_forward_until_done(services: Services) -> None:
    _plan(services)
    first = services.plan.save_checkin(CheckIn(None, date(2026, 10, 1), ("Raise the promotion",)),
                                       [FollowUp(None, None, "Send Sam my evidence list", "me",
                                                 date(2026, 10, 8))])
    second = services.plan.save_checkin(CheckIn(None, date(2026, 10, 15), notes="Good talk"))
    state = services.plan.state()
    later = next(c for c in state.checkins if c.id == second)
    shown = followups_for_checkin(later, state.followups, state.checkins, TODAY)
    assert [(v.followup.text, v.carried, v.overdue, v.open_days) for v in shown] == [
        ("Send Sam my evidence list", True, True, 50)]
    followup_id = state.followups[0].id
    with pytest.raises(PlanValidationError, match="before the check-in"):
        services.plan.set_followup_done(followup_id, date(2026, 9, 1))
    services.plan.set_followup_done(followup_id, date(2026, 10, 20))
    assert open_followups(services.plan.state(), TODAY) == []
    assert services.plan.state().checkins[0].talking_points == ("Raise the promotion",)
    assert first < second


def test_not_yet_becomes_items_and_a_checkpoint_in_one_step(services: Services) -> None:
    _plan(services)
    checkin = services.plan.save_checkin(CheckIn(None, date(2026, 11, 18)))
    result = services.plan.record_not_yet(checkin, NotYetAnswer(
        "the senior engineers on the team", ("Lead a cross-team project", "Mentor a new hire"),
        "They hear it from the other leads", "work"))
    state = services.plan.state()
    assert [(i.title, i.source_checkin_id, i.checkpoint_id) for i in state.checklist] == [
        ("Lead a cross-team project", checkin, result.checkpoint.id),
        ("Mentor a new hire", checkin, result.checkpoint.id)]
    assert [(c.day, c.title) for c in state.checkpoints] == [(date(2027, 1, 1), result.checkpoint.title)]
    assert state.checkins[0].notes.startswith("'Not yet' recorded on 2026-11-20.")


def test_a_timing_not_yet_asks_for_a_commitment_and_leaves_a_trace(services: Services) -> None:
    _plan(services)
    checkin = services.plan.save_checkin(CheckIn(None, date(2026, 11, 18)))
    result = services.plan.record_not_yet(checkin, NotYetAnswer("", (), "", "timing"))
    state = services.plan.state()
    assert state.checklist == ()
    assert [c.text for c in state.commitments] == [result.commitment.text]
    assert "Reason given: timing" in state.checkins[0].notes


def test_the_prep_view_gathers_what_to_bring(services: Services) -> None:
    fill_journal(services)
    _plan(services)
    services.plan.save_checkin(CheckIn(None, date(2026, 9, 1)),
                               [FollowUp(None, None, "Book the design review")])
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 24)))
    services.plan.save_checkpoint(Checkpoint(None, date(2026, 11, 22), "Check the checklist"))
    services.plan.save_commitment(Commitment(None, "Put my name forward in calibration",
                                             due=date(2027, 1, 10)))
    prep = services.plan.prep(TODAY, load_checkin_questions(RESOURCES))
    assert prep.next_checkin.day == date(2026, 11, 24)
    assert [v.followup.text for v in prep.followups] == ["Book the design review"]
    assert [c.checkpoint.title for c in prep.checkpoints] == ["Check the checklist"]
    assert prep.starred and all(e.day > date(2026, 9, 1) for e in prep.starred)
    assert 3 <= len(prep.questions) <= 5


def test_deleting_unknown_rows_says_so(services: Services) -> None:
    _plan(services)
    with pytest.raises(PlanError, match="there is no commitment 5"):
        services.plan.delete_commitment(5)
    with pytest.raises(PlanError, match="there is no check-in 9"):
        services.plan.add_followup(FollowUp(None, 9, "x"))


def test_plan_rows_travel_in_the_export(services: Services, tmp_path: Path) -> None:
    ids = fill_journal(services)
    _plan(services)
    services.plan.save_item(ChecklistItem(None, "Lead a project", entry_ids=(next(iter(ids.values())),)))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 1), ("a", "b")), [FollowUp(None, None, "c")])
    document = services.transfer.export_document()
    other = build_services(tmp_path / "o.fikadesk", clock=lambda: datetime(2026, 11, 20, 10))
    try:
        other.transfer.import_document(document)
        assert other.plan.state() == services.plan.state()
        other.journal.add(EntryDraft(day=TODAY, title="new"))
    finally:
        other.close()


def test_a_ladder_whose_expectations_the_plan_uses_is_not_removed(services: Services) -> None:
    fill_journal(services)
    _plan(services)
    expectation = services.leveling.readiness(TODAY).items[0].expectation_id
    services.plan.save_item(ChecklistItem(None, "Lead a project", expectation_ids=(expectation,)))
    ladder_id = services.leveling.list_ladders()[0].id
    message = ("1 checklist item of your promotion plan points at {}; unlink them in the Plan first, "
               "so the plan keeps its meaning")
    with pytest.raises(LevelingError) as caught:
        services.leveling.delete_ladder(ladder_id, drop_links=True)
    assert str(caught.value) == message.format("this ladder's expectations")
    assert services.leveling.list_ladders()[0].id == ladder_id


def test_a_follow_up_can_be_corrected_and_deleted(services: Services) -> None:
    _plan(services)
    first = services.plan.save_checkin(CheckIn(None, date(2026, 10, 1)),
                                       [FollowUp(None, None, "Sedn Sam the lsit", "me"),
                                        FollowUp(None, None, "Ask about the panel", "manager")])
    typo, other = (f.id for f in services.plan.state().followups)
    services.plan.set_followup_done(typo, date(2026, 10, 3))
    saved = services.plan.edit_followup(typo, "  Send Sam the list ", "manager", date(2026, 10, 8))
    assert saved == FollowUp(typo, first, "Send Sam the list", "manager", date(2026, 10, 8),
                             date(2026, 10, 3))  # the check-in and the done date stay
    assert services.plan.state().followups[0] == saved
    assert services.plan.edit_followup(typo, "Send Sam the list", "me", None).due is None
    before = services.plan.state()
    with pytest.raises(PlanValidationError, match=r"^The due date 2026-09-30 is before the check-in it "
                       r"came from \(2026-10-01\)\.$"):
        services.plan.edit_followup(typo, "Send Sam the list", "me", date(2026, 9, 30))
    with pytest.raises(PlanValidationError, match="^The follow-up cannot be empty.$"):
        services.plan.edit_followup(typo, " ", "me", None)
    with pytest.raises(PlanValidationError, match="^The owner must be one of me, manager; got 'team'.$"):
        services.plan.edit_followup(typo, "x", "team", None)
    assert services.plan.state() == before  # nothing half-saved
    services.plan.delete_followup(other)
    assert [f.id for f in services.plan.state().followups] == [typo]
    assert [c.id for c in services.plan.state().checkins] == [first]  # the check-in stays
    with pytest.raises(PlanError, match="^there is no follow-up 99$"):
        services.plan.edit_followup(99, "x", "me", None)
    with pytest.raises(PlanError, match=f"^there is no follow-up {other}$"):
        services.plan.delete_followup(other)
