"""Tests for check-in prep: "not yet" conversion, picking questions and the prep view."""

from datetime import date
from pathlib import Path

import pytest

from fikadesk.domain.plan.checkin_questions import CheckInQuestion, load_checkin_questions
from fikadesk.domain.plan.prep import (
    EntryRef,
    NotYetAnswer,
    PickedQuestion,
    convert_not_yet,
    pick_questions,
    prepare_checkin,
    stalled_items,
)
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    PlanValidationError,
    ProcessNotes,
)

D = date
TODAY = D(2026, 11, 22)
RESOURCES = Path(__file__).resolve().parents[3] / "resources"

# --- "not yet" ----------------------------------------------------------------------------


def test_convert_not_yet_about_the_work() -> None:
    answer = NotYetAnswer(
        compared_to=" the senior engineers on the platform team ",
        what_must_change=("Lead a design across two teams", "  ", "Mentor a new hire"),
        how_manager_will_know=" The other leads ask for your review ",
    )
    result = convert_not_yet(answer, 7, TODAY)
    assert result.items == (
        ChecklistItem(None, "Lead a design across two teams",
                      "The other leads ask for your review", source_checkin_id=7),
        ChecklistItem(None, "Mentor a new hire", "The other leads ask for your review",
                      source_checkin_id=7),
    )
    assert result.checkpoint == Checkpoint(None, D(2027, 1, 3),
                                           "Review the 'not yet' list with my manager")
    assert result.commitment is None
    assert result.note == (
        "'Not yet' recorded on 2026-11-22.\n"
        "Compared to: the senior engineers on the platform team\n"
        "Reason given: the work\n"
        "What must change:\n"
        "- Lead a design across two teams\n"
        "- Mentor a new hire\n"
        "How my manager will know: The other leads ask for your review\n"
        "Next: Each change is now a checklist item: bring evidence for them to every check-in."
    )


def test_convert_not_yet_unclear_without_how() -> None:
    answer = NotYetAnswer("", ("Be more strategic",), "", "unclear", D(2026, 12, 1))
    result = convert_not_yet(answer, None, TODAY)
    assert result.items == (ChecklistItem(
        None, "Be more strategic", "Not agreed yet: ask how your manager will recognise this."),)
    assert result.checkpoint == Checkpoint(None, D(2026, 12, 1),
                                           "Ask again what 'not yet' means in concrete terms")
    assert result.note.splitlines()[1:3] == ["Compared to: not said", "Reason given: not clear yet"]
    assert "How my manager will know: not said yet" in result.note
    assert convert_not_yet(NotYetAnswer("", (), "", "unclear"), 1, TODAY).items == ()


@pytest.mark.parametrize("reason", ["timing", "headcount"])
def test_convert_not_yet_timing_or_headcount_is_not_about_the_work(reason: str) -> None:
    answer = NotYetAnswer("this cycle", ("Wait for the next cycle",), "", reason)  # type: ignore[arg-type]
    result = convert_not_yet(answer, 3, TODAY)
    assert result.items == ()
    assert result.checkpoint.day == D(2027, 2, 20)
    assert result.commitment is not None
    assert (result.commitment.id, result.commitment.status, result.commitment.due) == (
        None, "open", D(2027, 2, 20))
    assert f"This is about {reason}, not about the work." in result.note
    assert "- Wait for the next cycle" in result.note


def test_convert_not_yet_errors() -> None:
    with pytest.raises(PlanValidationError, match="List at least one thing that must change"):
        convert_not_yet(NotYetAnswer("x", (" ",), "y"), 1, TODAY)
    with pytest.raises(PlanValidationError, match="The checkpoint must be after today."):
        convert_not_yet(NotYetAnswer("x", ("a",), "y", checkpoint_day=TODAY), 1, TODAY)
    with pytest.raises(PlanValidationError, match="The reason must be one of"):
        convert_not_yet(NotYetAnswer("x", ("a",), "y", "money"), 1, TODAY)  # type: ignore[arg-type]
    with pytest.raises(PlanValidationError, match="Change 1 is too long"):
        convert_not_yet(NotYetAnswer("x", ("a" * 201,), "y"), 1, TODAY)


# --- picking questions ----------------------------------------------------------------------

BANK = (
    CheckInQuestion("date-1", "Date one?", ("no_target_date",)),
    CheckInQuestion("date-2", "Date two?", ("no_target_date", "process_unknown")),
    CheckInQuestion("proc-1", "Process one?", ("process_unknown",)),
    CheckInQuestion("stall-1", "Stall one?", ("items_stalled", "general")),
    CheckInQuestion("gen-1", "General one?", ("general",)),
    CheckInQuestion("gen-2", "General two?", ("general",)),
    CheckInQuestion("gen-3", "General three?", ("general",)),
)


def ids(picks: tuple[PickedQuestion, ...]) -> list[tuple[str, str]]:
    return [(p.id, p.state) for p in picks]


def test_pick_round_robin_by_state() -> None:
    picks = pick_questions(BANK, ("no_target_date", "process_unknown", "general"))
    assert ids(picks) == [("date-1", "no_target_date"), ("date-2", "process_unknown"),
                          ("proc-1", "process_unknown")]


def test_pick_stops_at_limit_and_tops_up_to_minimum() -> None:
    states = ("no_target_date", "process_unknown", "items_stalled", "general")
    assert ids(pick_questions(BANK, states, limit=3)) == [
        ("date-1", "no_target_date"), ("date-2", "process_unknown"),
        ("stall-1", "items_stalled")]
    assert ids(pick_questions(BANK, ("general",))) == [
        ("stall-1", "general"), ("gen-1", "general"), ("gen-2", "general")]


def test_pick_puts_already_asked_questions_last() -> None:
    picks = pick_questions(BANK, ("general",), asked=["  stall ONE? ", "General one?"])
    assert ids(picks) == [("gen-2", "general"), ("gen-3", "general"), ("stall-1", "general")]


# --- the prep view --------------------------------------------------------------------------


def prep_state(**changes: object) -> PlanState:
    base = dict(
        plan=Plan("Senior Engineer", None, "Ana"),
        checklist=(
            ChecklistItem(1, "Lead a cross-team design", status="in_progress",
                          source_checkin_id=1),
            ChecklistItem(2, "Write the on-call guide", status="done"),
            ChecklistItem(3, "Mentor a new hire", entry_ids=(7,), source_checkin_id=2),
        ),
        commitments=(Commitment(1, "Intro to the staff group", "open", D(2026, 11, 10)),),
        checkpoints=(
            Checkpoint(1, D(2026, 11, 20), "Mid-point"),
            Checkpoint(2, D(2026, 11, 24), "Design review"),
            Checkpoint(3, D(2026, 12, 10), "Far away"),
            Checkpoint(4, D(2026, 11, 15), "Reviewed", reviewed=True),
        ),
        checkins=(
            CheckIn(1, D(2026, 10, 1), talking_points=("Date one?",)),
            CheckIn(2, D(2026, 11, 1)),
            CheckIn(3, D(2026, 11, 24)),
        ),
        followups=(
            FollowUp(1, 1, "Send the design doc", "me", D(2026, 10, 15)),
            FollowUp(2, 2, "Book the data review", "me", None, D(2026, 11, 5)),
            FollowUp(3, 2, "Ask about the rubric", "manager"),
        ),
    )
    base.update(changes)
    return PlanState(**base)  # type: ignore[arg-type]


STARRED = (
    EntryRef(1, D(2026, 10, 20), "Before the last check-in"),
    EntryRef(2, D(2026, 11, 1), "On the last check-in day"),
    EntryRef(3, D(2026, 11, 10), "Caught a data bug early"),
    EntryRef(4, D(2026, 11, 23), "In the future"),
    EntryRef(5, D(2026, 11, 5), "Ran the incident review"),
)


def test_prepare_checkin_gathers_everything() -> None:
    view = prepare_checkin(prep_state(), STARRED, TODAY, BANK)
    assert view.next_checkin == CheckIn(3, D(2026, 11, 24))
    assert view.last_checkin == CheckIn(2, D(2026, 11, 1))
    assert [(v.followup.id, v.open_days, v.overdue) for v in view.followups] == [
        (1, 52, True), (3, 21, False)]
    assert [(c.checkpoint.id, c.urgency) for c in view.checkpoints] == [
        (1, "overdue"), (2, "due_soon")]
    assert [i.id for i in view.in_progress] == [1]
    assert [e.id for e in view.starred] == [5, 3]
    assert view.states == ("no_target_date", "recent_not_yet", "commitments_overdue",
                           "followups_overdue", "items_stalled", "process_unknown", "general")
    # "Date one?" was a talking point already, so the fresh one comes first
    assert ids(view.questions) == [("date-2", "no_target_date"), ("stall-1", "items_stalled"),
                                   ("proc-1", "process_unknown"), ("date-1", "no_target_date")]
    assert view.candidate_points == ("Date two?", "Stall one?", "Process one?", "Date one?")
    assert prepare_checkin(prep_state(), STARRED, TODAY, BANK) == view


def test_prepare_checkin_far_next_checkin_widens_checkpoint_window() -> None:
    state = prep_state(checkins=(CheckIn(1, D(2026, 10, 1)), CheckIn(2, D(2026, 11, 1)),
                                 CheckIn(3, D(2026, 12, 10))))
    view = prepare_checkin(state, (), TODAY, BANK)
    assert [(c.checkpoint.id, c.urgency) for c in view.checkpoints] == [
        (1, "overdue"), (2, "due_soon"), (3, "later")]
    assert "evidence_thin" in view.states


def test_prepare_checkin_for_a_new_plan() -> None:
    state = PlanState(Plan("Senior", D(2027, 1, 15),
                           process_notes=ProcessNotes("Director", "", "Design docs")))
    view = prepare_checkin(state, (EntryRef(1, D(2026, 11, 1), "Shipped"),), TODAY, BANK)
    assert (view.next_checkin, view.last_checkin, view.followups, view.checkpoints) == (
        None, None, (), ())
    assert [e.id for e in view.starred] == [1]
    assert view.states == ("review_near", "no_checkins", "no_checklist", "general")
    assert ids(view.questions) == [("stall-1", "general"), ("gen-1", "general"),
                                   ("gen-2", "general")]


def test_prepare_checkin_with_bundled_bank_picks_three_to_five() -> None:
    bank = load_checkin_questions(RESOURCES)
    for state in (prep_state(), PlanState(Plan("Senior"))):
        view = prepare_checkin(state, STARRED, TODAY, bank)
        assert 3 <= len(view.questions) <= 5
        assert len({q.id for q in view.questions}) == len(view.questions)
        assert view == prepare_checkin(state, STARRED, TODAY, bank)


def test_stalled_items_rules() -> None:
    state = PlanState(
        Plan("Senior"),
        checklist=(
            ChecklistItem(1, "old, no evidence", source_checkin_id=1),
            ChecklistItem(2, "old, with evidence", entry_ids=(3,), source_checkin_id=1),
            ChecklistItem(3, "recent", source_checkin_id=2),
            ChecklistItem(4, "checkpoint passed", checkpoint_id=1),
            ChecklistItem(5, "done", status="done", source_checkin_id=1),
            ChecklistItem(6, "no links"),
        ),
        checkpoints=(Checkpoint(1, D(2026, 11, 21), "cp"),),
        checkins=(CheckIn(1, D(2026, 10, 25)), CheckIn(2, D(2026, 10, 26))),
    )
    assert [i.id for i in stalled_items(state, TODAY)] == [1, 4]


def test_each_change_keeps_its_own_how_they_will_know() -> None:
    answer = NotYetAnswer("the seniors", ("Lead a project", "", "Mentor a new hire", "Write the RFC"),
                          "My manager reads it", how_each=("Two teams ship it", "", "", ""))
    got = convert_not_yet(answer, 7, TODAY)
    assert [(i.title, i.how_we_know) for i in got.items] == [
        ("Lead a project", "Two teams ship it"), ("Mentor a new hire", "My manager reads it"),
        ("Write the RFC", "My manager reads it")]
    assert "- Lead a project (they'll know: Two teams ship it)" in got.note.splitlines()
    alone = convert_not_yet(NotYetAnswer("", ("Lead a project",), "", how_each=("Two teams ship it",)),
                            7, TODAY)
    assert alone.items[0].how_we_know == "Two teams ship it"
    assert not any(line.startswith("How my manager will know") for line in alone.note.splitlines())
    with pytest.raises(PlanValidationError, match="more 'how they'll know' answers than changes"):
        convert_not_yet(NotYetAnswer("", ("One",), "", how_each=("a", "b")), 7, TODAY)


def test_prep_with_no_plan_and_a_planned_next_check_in() -> None:
    state = PlanState(None, checkins=(
        CheckIn(1, D(2026, 11, 2), ("Old point",)), CheckIn(2, D(2026, 11, 22)),
        CheckIn(3, D(2026, 11, 29), ("Ask about the panel",), planned=True)),
        followups=(FollowUp(10, 1, "Send the doc"),))
    view = prepare_checkin(state, [EntryRef(5, D(2026, 11, 10), "Shipped it")], TODAY, ())
    assert view.next_checkin is not None and view.next_checkin.id == 3  # planned, not the one held today
    assert view.last_checkin is not None and view.last_checkin.id == 2
    assert [v.followup.text for v in view.followups] == ["Send the doc"]
    assert view.starred == ()  # dated before the last check-in held
    assert view.states[0] == "no_plan" and "no_checklist" not in view.states
    assert "process_unknown" in view.states and "no_target_date" not in view.states
