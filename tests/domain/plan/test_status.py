"""Tests for plan status: reminders, checklist progress, the summary and timing advice."""

from datetime import date

import pytest

from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
)
from fikadesk.domain.plan.status import (
    ChecklistProgress,
    Reminder,
    at_a_glance,
    checklist_progress,
    reminders,
    timing_advice,
)

D = date
TODAY = D(2026, 11, 22)


def banner_state() -> PlanState:
    return PlanState(
        plan=Plan("Senior Engineer", D(2027, 3, 1), "Ana"),
        checkpoints=(
            Checkpoint(1, D(2026, 11, 20), "Mid-point review"),
            Checkpoint(2, D(2026, 11, 22), "Design doc shipped"),
            Checkpoint(3, D(2026, 11, 21), "Already reviewed", reviewed=True),
            Checkpoint(4, D(2026, 11, 25), "Not yet due"),
        ),
        checkins=(
            CheckIn(1, D(2026, 11, 1), has_prep=True),
            CheckIn(2, D(2026, 11, 23)),
            CheckIn(3, D(2026, 11, 22), has_prep=True),
            CheckIn(4, D(2026, 11, 25)),
        ),
        followups=(
            FollowUp(1, 1, "Send the design doc", "me", D(2026, 11, 21)),
            FollowUp(2, 1, "Intro to the staff group", "manager", D(2026, 11, 22)),
            FollowUp(3, 1, "Already done", "me", D(2026, 11, 10), D(2026, 11, 15)),
            FollowUp(4, 1, "No due date", "me"),
            FollowUp(5, 1, "Later", "me", D(2026, 11, 24)),
        ),
    )


def test_reminders_exact_and_ordered() -> None:
    assert reminders(banner_state(), TODAY) == [
        Reminder("checkpoint", "Checkpoint 'Mid-point review' was due 2 days ago: time to "
                 "review it.", D(2026, 11, 20), "alert"),
        Reminder("followup", "Your follow-up: 'Send the design doc' is 1 day overdue.",
                 D(2026, 11, 21), "alert"),
        Reminder("checkpoint", "Checkpoint 'Design doc shipped' is today.", D(2026, 11, 22),
                 "warning"),
        Reminder("followup", "Waiting on Ana: 'Intro to the staff group' is due today.",
                 D(2026, 11, 22), "warning"),
        Reminder("checkin_prep", "Check-in tomorrow has no prep yet.", D(2026, 11, 23), "info"),
    ]


def test_reminders_prep_window_edges() -> None:
    state = PlanState(Plan("Senior"), checkins=(
        CheckIn(1, D(2026, 11, 22)), CheckIn(2, D(2026, 11, 24)), CheckIn(3, D(2026, 11, 25)),
        CheckIn(4, D(2026, 11, 21)),
    ))
    assert reminders(state, TODAY) == [
        Reminder("checkin_prep", "Check-in today has no prep yet.", D(2026, 11, 22), "warning"),
        Reminder("checkin_prep", "Check-in in 2 days has no prep yet.", D(2026, 11, 24), "info"),
    ]


def test_a_check_in_with_talking_points_or_marked_prepared_needs_no_reminder() -> None:
    state = PlanState(Plan("Senior"), checkins=(
        CheckIn(1, D(2026, 11, 23), ("Design review outcome",)), CheckIn(2, D(2026, 11, 22), has_prep=True),
        CheckIn(3, D(2026, 11, 24)),
    ))
    assert [r.text for r in reminders(state, TODAY)] == ["Check-in in 2 days has no prep yet."]


def test_reminders_without_manager_name_and_nothing_due() -> None:
    state = PlanState(Plan("Senior"), checkins=(CheckIn(1, D(2026, 11, 1)),),
                      followups=(FollowUp(1, 1, "Check budget", "manager", D(2026, 11, 2)),))
    assert [r.text for r in reminders(state, TODAY)] == [
        "Waiting on your manager: 'Check budget' is 20 days overdue."]
    assert reminders(PlanState(Plan("Senior")), TODAY) == []


def test_checklist_progress_excludes_dropped() -> None:
    items = [ChecklistItem(1, "a", status="done"), ChecklistItem(2, "b", status="done"),
             ChecklistItem(3, "c", status="in_progress"), ChecklistItem(4, "d"),
             ChecklistItem(5, "e", status="dropped")]
    progress = checklist_progress(items)
    assert progress == ChecklistProgress(done=2, in_progress=1, open=1, dropped=1)
    assert (progress.total, progress.fraction, progress.label) == (4, 0.5, "2 of 4 done, "
                                                                   "1 in progress")
    empty = checklist_progress([ChecklistItem(1, "x", status="dropped")])
    assert (empty.total, empty.fraction, empty.label) == (0, 0.0, "No checklist items yet")
    assert checklist_progress([ChecklistItem(1, "x", status="done")]).label == "1 of 1 done"


def test_at_a_glance() -> None:
    state = banner_state()
    state = PlanState(
        plan=state.plan,
        checklist=(ChecklistItem(1, "a", status="done"), ChecklistItem(2, "b")),
        commitments=(Commitment(1, "Intro", "open", D(2026, 11, 1)),
                     Commitment(2, "Budget", "done", D(2026, 11, 1)),
                     Commitment(3, "Later", "open", D(2026, 12, 1))),
        checkpoints=state.checkpoints,
        checkins=state.checkins,
        followups=state.followups,
    )
    glance = at_a_glance(state, TODAY)
    assert glance.days_to_target == 99
    assert glance.next_checkpoint == Checkpoint(1, D(2026, 11, 20), "Mid-point review")
    assert glance.lines() == [
        "Target: Senior Engineer by 2027-03-01 (99 days left)",
        "Checklist: 1 of 2 done",
        "Last check-in: 2026-11-22; next: 2026-11-23",
        "Next checkpoint: 2026-11-20, Mid-point review",
        "Follow-ups open: 4 (1 overdue)",
        "Manager commitments overdue: 1",
    ]


def test_at_a_glance_empty_and_passed() -> None:
    assert at_a_glance(PlanState(Plan("Staff")), TODAY).lines() == [
        "Target: Staff (no date set)", "Checklist: No checklist items yet", "No check-ins yet"]
    passed = PlanState(Plan("Staff", D(2026, 11, 21)), checkins=(CheckIn(1, D(2026, 12, 1)),))
    assert at_a_glance(passed, TODAY).lines() == [
        "Target: Staff, date 2026-11-21 passed 1 day ago", "Checklist: No checklist items yet",
        "Last check-in: none; next: 2026-12-01"]


GROWTH = CheckIn(1, D(2026, 10, 1), growth_talk=True)
FEEDBACK = CheckIn(2, D(2026, 10, 1), manager_feedback="Needs more scope")
PLAIN = CheckIn(3, D(2026, 10, 1), notes="Sprint chat")


@pytest.mark.parametrize(
    ("target", "checkins", "state", "days_left"),
    [
        (None, (), "no_target_date", None),
        (D(2026, 11, 21), (GROWTH,), "review_passed", -1),
        (D(2027, 2, 19), (PLAIN,), "raise_now", 89),
        (D(2026, 11, 22), (), "raise_now", 0),
        (D(2027, 2, 19), (GROWTH,), "review_near", 89),
        (D(2027, 2, 19), (FEEDBACK,), "review_near", 89),
        (D(2027, 2, 20), (PLAIN,), "raise_early", 90),
        (D(2027, 2, 20), (GROWTH,), "on_track", 90),
        # a growth talk more than a year ago, or one only planned, does not count
        (D(2027, 1, 1), (CheckIn(4, D(2025, 11, 21), growth_talk=True),), "raise_now", 40),
        (D(2027, 1, 1), (CheckIn(5, D(2026, 11, 23), growth_talk=True),), "raise_now", 40),
        (D(2027, 1, 1), (CheckIn(6, D(2025, 11, 22), growth_talk=True),), "review_near", 40),
    ],
)
def test_timing_advice_states(target: date | None, checkins: tuple[CheckIn, ...], state: str,
                              days_left: int | None) -> None:
    advice = timing_advice(target, checkins, TODAY)
    assert (advice.state, advice.days_left) == (state, days_left)


def test_timing_advice_messages() -> None:
    assert timing_advice(D(2027, 1, 1), (), TODAY).message == (
        "The review is 40 days away and no growth conversation is on record. Raise it at your "
        "very next check-in: decisions and budgets are often settled well before the review.")
    assert timing_advice(None, (), TODAY).message.startswith("No review date is set.")
    assert timing_advice(D(2026, 11, 12), (), TODAY).message.startswith(
        "The review date passed 10 days ago.")


def test_at_a_glance_before_any_plan_shows_the_thread() -> None:
    state = PlanState(None, checkins=(CheckIn(1, D(2026, 11, 2)), CheckIn(2, D(2026, 11, 20), planned=True)),
                      followups=(FollowUp(3, 1, "Send the doc"),))
    assert at_a_glance(state, TODAY).lines() == [
        "No written plan yet: the 1:1 thread is kept all the same",
        "Last check-in: 2026-11-02; next: 2026-11-20",
        "Follow-ups open: 1"]
