"""Tests for plan records: validation, classify and follow-up carry-forward."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fikadesk.domain.plan.records import (
    MAX_TALKING_POINTS,
    MAX_TITLE,
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    PlanValidationError,
    ProcessNotes,
    checkin_order_key,
    classify,
    followups_for_checkin,
    open_followups,
    validate_checkin,
    validate_checklist_item,
    validate_checkpoint,
    validate_commitment,
    validate_followup,
    validate_plan,
)

D = date


# --- validation ---------------------------------------------------------------------------


def test_validate_plan_trims_texts() -> None:
    plan = Plan(" Senior Engineer ", D(2027, 3, 1), " Ana ",
                ProcessNotes(who_decides=" the promo committee "))
    assert validate_plan(plan) == Plan("Senior Engineer", D(2027, 3, 1), "Ana",
                                       ProcessNotes(who_decides="the promo committee"))


def test_validate_plan_needs_a_target_level() -> None:
    with pytest.raises(PlanValidationError, match="The target level cannot be empty.") as info:
        validate_plan(Plan("   "))
    assert info.value.field_name == "target_level"


def test_validate_plan_rejects_long_process_notes() -> None:
    with pytest.raises(PlanValidationError, match="Who else weighs in is too long: 1001 "
                       "characters, the limit is 1000.") as info:
        validate_plan(Plan("Senior", process_notes=ProcessNotes(who_weighs_in="x" * 1001)))
    assert info.value.field_name == "who_weighs_in"


def test_plan_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        validate_checkpoint(Checkpoint(None, D(2026, 1, 1), ""))


def test_validate_checklist_item() -> None:
    item = ChecklistItem(None, "  Lead a cross-team design review ", "  Ana sees it  ",
                         "in_progress", (1, 2), (9,))
    assert validate_checklist_item(item) == ChecklistItem(
        None, "Lead a cross-team design review", "Ana sees it", "in_progress", (1, 2), (9,))


@pytest.mark.parametrize(
    ("item", "field_name", "message"),
    [
        (ChecklistItem(None, ""), "title", "The item title cannot be empty."),
        (ChecklistItem(None, "x" * (MAX_TITLE + 1)), "title",
         "The item title is too long: 201 characters, the limit is 200."),
        (ChecklistItem(None, "ok", status="finished"), "status",  # type: ignore[arg-type]
         "The item status must be one of open, in_progress, done, dropped; got 'finished'."),
        (ChecklistItem(None, "ok", entry_ids=(3, 3)), "entry_ids",
         "The same evidence entry is linked more than once."),
        (ChecklistItem(None, "ok", expectation_ids=(1, 1)), "expectation_ids",
         "The same expectation is linked more than once."),
    ],
)
def test_validate_checklist_item_errors(item: ChecklistItem, field_name: str,
                                        message: str) -> None:
    with pytest.raises(PlanValidationError) as info:
        validate_checklist_item(item)
    assert (info.value.field_name, str(info.value)) == (field_name, message)


def test_validate_commitment_and_checkpoint() -> None:
    assert validate_commitment(Commitment(1, " Intro to staff group ", "done")) == Commitment(
        1, "Intro to staff group", "done")
    with pytest.raises(PlanValidationError, match="The commitment status must be one of"):
        validate_commitment(Commitment(1, "x", "in_progress"))  # type: ignore[arg-type]
    assert validate_checkpoint(Checkpoint(2, D(2026, 12, 1), " Mid-point ")).title == "Mid-point"


def test_validate_checkin() -> None:
    checkin = CheckIn(1, D(2026, 11, 1), (" Plan review ", "Evidence"), " notes ", " good ")
    assert validate_checkin(checkin) == CheckIn(1, D(2026, 11, 1), ("Plan review", "Evidence"),
                                                "notes", "good")
    with pytest.raises(PlanValidationError, match="Talking point 2 cannot be empty."):
        validate_checkin(CheckIn(1, D(2026, 11, 1), ("a", " ")))
    with pytest.raises(PlanValidationError, match="at most 30 talking points"):
        validate_checkin(CheckIn(1, D(2026, 11, 1), ("a",) * (MAX_TALKING_POINTS + 1)))


def test_validate_followup_against_its_checkin() -> None:
    checkin = CheckIn(4, D(2026, 11, 10))
    ok = FollowUp(None, 4, " Send the doc ", "manager", D(2026, 11, 10))
    assert validate_followup(ok, checkin) == FollowUp(None, 4, "Send the doc", "manager",
                                                      D(2026, 11, 10))
    with pytest.raises(PlanValidationError) as info:
        validate_followup(FollowUp(None, 4, "x", due=D(2026, 11, 9)), checkin)
    assert info.value.field_name == "due"
    assert str(info.value) == ("The due date 2026-11-09 is before the check-in it came from "
                               "(2026-11-10).")
    with pytest.raises(PlanValidationError, match="cannot be done on 2026-11-01") as info:
        validate_followup(FollowUp(None, 4, "x", done_on=D(2026, 11, 1)), checkin)
    with pytest.raises(PlanValidationError, match="belongs to another check-in"):
        validate_followup(FollowUp(None, 5, "x"), checkin)
    with pytest.raises(PlanValidationError, match="The owner must be one of me, manager"):
        validate_followup(FollowUp(None, 4, "x", "team"))  # type: ignore[arg-type]
    with pytest.raises(PlanValidationError, match="The follow-up cannot be empty."):
        validate_followup(FollowUp(None, 4, ""))


# --- classify -----------------------------------------------------------------------------


TODAY = D(2026, 11, 22)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (D(2026, 11, 21), "overdue"),
        (D(2026, 11, 22), "due_today"),
        (D(2026, 11, 23), "due_soon"),
        (D(2026, 11, 29), "due_soon"),
        (D(2026, 11, 30), "later"),
    ],
)
def test_classify_boundaries(due: date, expected: str) -> None:
    assert classify(D(2026, 1, 1), due, TODAY) == expected


def test_classify_uses_day_without_due_and_custom_window() -> None:
    assert classify(D(2026, 11, 21), None, TODAY) == "overdue"
    assert classify(D(2026, 11, 23), None, TODAY, soon_days=0) == "later"
    assert classify(D(2026, 11, 1), D(2026, 11, 24), TODAY, soon_days=2) == "due_soon"
    with pytest.raises(ValueError, match="soon_days cannot be negative"):
        classify(TODAY, None, TODAY, soon_days=-1)


# --- carry-forward ------------------------------------------------------------------------

C1 = CheckIn(1, D(2026, 9, 1))
C2 = CheckIn(2, D(2026, 9, 15))
C3 = CheckIn(3, D(2026, 10, 1))
C4 = CheckIn(4, D(2026, 10, 15))
CHECKINS = (C4, C2, C1, C3)  # order must not matter
F1 = FollowUp(11, 1, "Send design doc to the architects", "me", D(2026, 9, 10))
F2 = FollowUp(12, 1, "Introduce me to the staff group", "manager", None, D(2026, 9, 20))
F3 = FollowUp(13, 2, "Draft the migration plan", "me", D(2026, 10, 1), D(2026, 10, 1))
F4 = FollowUp(14, 2, "Book the review with the data team", "me", D(2026, 10, 1))
F5 = FollowUp(15, 3, "Share the incident write-up", "manager", D(2026, 10, 10))
FOLLOWUPS = (F1, F2, F3, F4, F5)


def rows(checkin: CheckIn, today: date | None = None) -> list[tuple[int | None, int, bool, bool,
                                                                   bool]]:
    return [(v.followup.id, v.open_days, v.done, v.overdue, v.carried)
            for v in followups_for_checkin(checkin, FOLLOWUPS, CHECKINS, today)]


def test_first_checkin_shows_only_its_own() -> None:
    assert rows(C1) == [(11, 0, False, False, False), (12, 0, False, False, False)]


def test_second_checkin_carries_open_and_done_later_followups() -> None:
    assert rows(C2) == [
        (11, 14, False, True, True),   # due 09-10, still open on 09-15
        (12, 14, False, False, True),  # done on 09-20: still open at this check-in
        (13, 0, False, False, False),
        (14, 0, False, False, False),
    ]


def test_third_checkin_drops_what_was_done_by_its_day() -> None:
    assert rows(C3) == [
        (11, 30, False, True, True),
        (14, 16, False, False, True),  # due on the check-in day itself: not overdue yet
        (15, 0, False, False, False),
    ]


def test_fourth_checkin_measured_at_today_when_earlier() -> None:
    assert rows(C4, today=D(2026, 10, 5)) == [
        (11, 34, False, True, True),
        (14, 20, False, True, True),
        (15, 4, False, False, True),
    ]
    assert rows(C4) == [
        (11, 44, False, True, True),
        (14, 30, False, True, True),
        (15, 14, False, True, True),
    ]


def test_past_checkin_seen_today_shows_current_state() -> None:
    assert rows(C2, today=D(2026, 10, 12)) == [
        (11, 41, False, True, True),
        (12, 19, True, False, True),   # carried into this check-in, done on 09-20 since
        (13, 16, True, False, False),  # done on its due date: never overdue
        (14, 27, False, True, False),
    ]


def test_own_followup_done_counts_age_until_done() -> None:
    done = FollowUp(20, 3, "Ask for the rubric", "me", D(2026, 10, 20), D(2026, 10, 4))

    def view(checkin: CheckIn, today: date | None) -> list[tuple[int, bool, bool]]:
        return [(v.open_days, v.done, v.overdue)
                for v in followups_for_checkin(checkin, (done,), CHECKINS, today)]

    assert view(C3, D(2026, 10, 9)) == [(3, True, False)]
    assert view(C3, D(2026, 10, 2)) == [(1, False, False)]
    assert view(C3, None) == [(0, False, False)]
    assert view(C4, None) == []  # done before the fourth check-in: not carried


def test_same_day_checkins_order_by_id() -> None:
    a, b = CheckIn(5, D(2026, 11, 2)), CheckIn(6, D(2026, 11, 2))
    fa, fb = FollowUp(1, 5, "from a"), FollowUp(2, 6, "from b")
    assert [v.followup.text for v in followups_for_checkin(b, (fa, fb), (a, b))] == [
        "from a", "from b"]
    assert [v.followup.text for v in followups_for_checkin(a, (fa, fb), (a, b))] == ["from a"]
    assert checkin_order_key(CheckIn(None, D(2026, 11, 2))) > checkin_order_key(b)


def test_unknown_checkin_is_an_error() -> None:
    with pytest.raises(PlanValidationError, match="'lost' is not linked to a known check-in"):
        followups_for_checkin(C1, (FollowUp(1, 99, "lost"),), CHECKINS)


def test_open_followups_as_of_today() -> None:
    state = PlanState(Plan("Senior"), checkins=CHECKINS, followups=FOLLOWUPS)
    views = open_followups(state, D(2026, 10, 12))
    assert [(v.followup.id, v.open_days, v.overdue, v.carried) for v in views] == [
        (11, 41, True, True), (14, 27, True, True), (15, 11, True, True)]


@given(
    days=st.lists(st.integers(0, 60), min_size=1, max_size=5),
    specs=st.lists(st.tuples(st.integers(0, 4), st.one_of(st.none(), st.integers(0, 90))),
                   max_size=8),
)
def test_carry_forward_invariants(days: list[int], specs: list[tuple[int, int | None]]) -> None:
    start = D(2026, 1, 1)
    checkins = [CheckIn(i + 1, start + timedelta(days=d)) for i, d in enumerate(days)]
    followups = []
    for n, (origin, done_after) in enumerate(specs):
        home = checkins[origin % len(checkins)]
        done_on = None if done_after is None else home.day + timedelta(days=done_after)
        followups.append(FollowUp(n + 1, home.id, f"f{n}", done_on=done_on))
    for viewed in checkins:
        shown = {v.followup.id for v in followups_for_checkin(viewed, followups, checkins)}
        for fu in followups:
            home = checkins[(fu.checkin_id or 0) - 1]
            own = home.id == viewed.id
            earlier = checkin_order_key(home) < checkin_order_key(viewed)
            open_then = fu.done_on is None or fu.done_on > viewed.day
            assert (fu.id in shown) == (own or (earlier and open_then))


def test_parse_followup_line_reads_owner_and_due_date() -> None:
    from fikadesk.domain.plan.records import parse_followup_line

    checkin = CheckIn(7, date(2026, 11, 1))
    assert parse_followup_line("  Send the doc by 2026-11-10 ", checkin) == FollowUp(
        None, 7, "Send the doc", "me", date(2026, 11, 10))
    assert parse_followup_line("Manager: Ask the director, due 2026-12-01", checkin) == FollowUp(
        None, 7, "Ask the director", "manager", date(2026, 12, 1))
    assert parse_followup_line("me: Read the guide by Friday", checkin) == FollowUp(
        None, 7, "Read the guide by Friday", "me")  # not a date: the words stay as typed
    assert parse_followup_line("Note: ask about budgets", checkin) == FollowUp(
        None, 7, "Note: ask about budgets", "me")
    with pytest.raises(PlanValidationError, match="'2026-02-30' is not a real date"):
        parse_followup_line("Book a room by 2026-02-30", checkin)
    with pytest.raises(PlanValidationError, match="before the check-in"):
        parse_followup_line("Book a room by 2026-10-31", checkin)
    with pytest.raises(PlanValidationError, match="cannot be empty"):
        parse_followup_line("manager:   ", checkin)


def test_revise_followup_keeps_its_id_checkin_and_done_date() -> None:
    from fikadesk.domain.plan.records import revise_followup

    checkin = CheckIn(7, date(2026, 11, 1))
    done = FollowUp(3, 7, "Sedn the doc", "me", None, date(2026, 11, 5))
    assert revise_followup(done, checkin, text="  Send the doc ", owner="manager",
                           due=date(2026, 11, 1)) == FollowUp(3, 7, "Send the doc", "manager",
                                                              date(2026, 11, 1), date(2026, 11, 5))
    assert revise_followup(FollowUp(3, 7, "x", due=date(2026, 12, 1)), checkin, text="x", owner="me",
                           due=None) == FollowUp(3, 7, "x")
    with pytest.raises(PlanValidationError) as info:
        revise_followup(done, checkin, text="x", owner="me", due=date(2026, 10, 31))
    assert str(info.value) == ("The due date 2026-10-31 is before the check-in it came from "
                               "(2026-11-01).")
    with pytest.raises(PlanValidationError, match="^The owner must be one of me, manager; got 'boss'.$"):
        revise_followup(done, checkin, text="x", owner="boss", due=None)
    with pytest.raises(PlanValidationError, match="^The follow-up cannot be empty.$"):
        revise_followup(done, checkin, text="  ", owner="me", due=None)


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "tomorrow", "2026-2-3", ""])
def test_parse_due_refuses_impossible_dates_in_words(typed: str) -> None:
    from fikadesk.domain.plan.records import parse_due

    with pytest.raises(PlanValidationError) as info:
        parse_due(typed)
    assert str(info.value) == f"'{typed}' is not a real date; use YYYY-MM-DD, e.g. 2026-12-01."
    assert info.value.field_name == "due"


def test_parse_due_reads_a_real_date() -> None:
    from fikadesk.domain.plan.records import parse_due

    assert parse_due(" 2028-02-29 ") == date(2028, 2, 29)
