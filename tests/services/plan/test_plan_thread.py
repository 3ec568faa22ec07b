"""The 1:1 thread in the plan service: check-ins with no plan, a plan that carries open follow-ups,
planned check-ins that are agendas and never meetings held, and nothing lost with a plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from fikadesk.domain.plan.checkin_questions import load_checkin_questions
from fikadesk.domain.plan.prep import NotYetAnswer
from fikadesk.domain.plan.records import (
    CheckIn,
    Commitment,
    FollowUp,
    Plan,
    PlanValidationError,
    open_followups,
)
from fikadesk.services.container import Services, build_services
from fikadesk.services.plan.service import PlanError

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
TODAY = date(2026, 11, 20)  # the services fixture's clock


def test_check_ins_are_recorded_before_any_plan(services: Services) -> None:
    first = services.plan.save_checkin(CheckIn(None, date(2026, 10, 1), growth_talk=True),
                                       (FollowUp(None, None, "Send the ladder", "manager"),
                                        FollowUp(None, None, "List my wins")))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)))
    assert services.plan.state() is None  # no plan yet
    thread = services.plan.thread()
    assert thread.plan is None and thread.started_on is None
    assert [c.day for c in thread.checkins] == [date(2026, 10, 1), date(2026, 11, 2)]
    assert [v.followup.text for v in open_followups(thread, TODAY)] == ["Send the ladder", "List my wins"]
    stored = services.plan.start(Plan("Senior Engineer"))
    state = services.plan.state()
    assert state is not None and state.started_on == stored.created_on == TODAY
    assert [c.id for c in state.checkins] == [first, first + 1]  # earlier check-ins stay in the thread
    assert len(open_followups(state, TODAY)) == 2  # and their open follow-ups carry into the plan
    assert state.checkins_of_plan() == ()  # none held since the plan started


def test_a_new_plan_keeps_the_whole_thread(services: Services) -> None:
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)), (FollowUp(None, None, "Book the panel"),))
    services.plan.start(Plan("Staff Engineer"))
    state = services.plan.state()
    assert [c.day for c in state.checkins] == [date(2026, 11, 2)]
    assert [v.followup.text for v in open_followups(state, TODAY)] == ["Book the panel"]


def test_a_plan_started_from_a_check_in(services: Services) -> None:
    checkin_id = services.plan.save_checkin(CheckIn(None, date(2026, 10, 14), notes="We agreed on a plan"))
    stored = services.plan.start(Plan("Senior Engineer"), from_checkin=checkin_id)
    assert stored.created_on == date(2026, 10, 14)
    state = services.plan.state()
    assert state.started_on == date(2026, 10, 14) and state.checkins[0].growth_talk
    assert [c.id for c in state.checkins_of_plan()] == [checkin_id]
    with pytest.raises(PlanError, match="there is no check-in 99"):
        services.plan.start(Plan("Staff Engineer"), from_checkin=99)
    assert services.plan.active().plan.target_level == "Senior Engineer"  # the refusal changed nothing
    planned = services.plan.plan_next(date(2026, 11, 27))
    with pytest.raises(PlanError, match="has not been held yet"):
        services.plan.start(Plan("Staff Engineer"), from_checkin=planned)


def test_a_check_in_after_today_is_planned_and_holds_no_follow_ups(services: Services) -> None:
    with pytest.raises(PlanValidationError, match="only planned"):
        services.plan.save_checkin(CheckIn(None, date(2026, 11, 27)), (FollowUp(None, None, "Too early"),))
    assert services.plan.thread().checkins == ()  # the refusal wrote nothing
    checkin_id = services.plan.save_checkin(CheckIn(None, date(2026, 11, 27), ("Scope of Q1",)))
    (saved,) = services.plan.thread().checkins
    assert saved.id == checkin_id and saved.planned and not saved.held
    held = services.plan.save_checkin(CheckIn(None, date(2026, 11, 19)), (FollowUp(None, None, "Reply"),))
    back = next(c for c in services.plan.thread().checkins if c.id == held)
    with pytest.raises(PlanError, match="cannot go back to planned"):
        services.plan.save_checkin(replace(back, planned=True))


def test_talking_points_go_onto_the_next_planned_check_in(services: Services) -> None:
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)))
    with pytest.raises(PlanError, match="no next check-in is planned yet"):
        services.plan.add_talking_point("Ask about the panel")
    with pytest.raises(PlanError, match="before today"):
        services.plan.add_talking_point("Ask about the panel", date(2026, 11, 19))
    assert len(services.plan.thread().checkins) == 1  # nothing recorded, nothing held
    made = services.plan.add_talking_point("Ask about the panel", date(2026, 11, 27))
    assert (made.day, made.planned) == (date(2026, 11, 27), True)
    assert made.talking_points == ("Ask about the panel",)
    again = services.plan.add_talking_point("  Ask about the panel ")  # no day needed now; once only
    assert again.talking_points == ("Ask about the panel",)
    services.plan.add_talking_point("Promotion timeline")
    moved = services.plan.plan_next(date(2026, 12, 3))
    assert moved == made.id
    (planned,) = [c for c in services.plan.thread().checkins if c.planned]
    assert (planned.day, planned.talking_points) == (date(2026, 12, 3), ("Ask about the panel",
                                                                         "Promotion timeline"))
    prep = services.plan.prep(TODAY, load_checkin_questions(RESOURCES))
    assert prep.next_checkin == planned and prep.last_checkin.day == date(2026, 11, 2)
    with pytest.raises(PlanError, match="before today"):
        services.plan.plan_next(date(2026, 11, 1))


def test_prep_without_a_plan_opens_the_growth_conversation(services: Services) -> None:
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)), (FollowUp(None, None, "Draft the RFC"),))
    prep = services.plan.prep(TODAY, load_checkin_questions(RESOURCES))
    assert prep.states[0] == "no_plan"
    assert [v.followup.text for v in prep.followups] == ["Draft the RFC"]
    ids = [q.id for q in prep.questions]
    assert "how-promotion-works" in ids and "gaps-you-see" in ids


def test_prep_lists_the_managers_open_commitments(services: Services) -> None:
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_commitment(Commitment(None, "Find me a cross-team project", due=date(2027, 1, 15)))
    services.plan.save_commitment(Commitment(None, "Read my RFC", status="done"))
    prep = services.plan.prep(TODAY, load_checkin_questions(RESOURCES))
    assert [c.text for c in prep.commitments] == ["Find me a cross-team project"]


def test_not_yet_belongs_to_a_check_in_that_was_held(services: Services) -> None:
    services.plan.start(Plan("Senior Engineer"))
    planned = services.plan.plan_next(date(2026, 11, 27))
    with pytest.raises(PlanError, match="has not been held yet"):
        services.plan.record_not_yet(planned, NotYetAnswer("", ("Lead a project",), ""))
    assert services.plan.state().checklist == ()


def test_deleting_a_plan_keeps_the_thread(services: Services) -> None:
    """The guard at the service level: the person wrote the check-ins, not the plan row."""
    from sqlalchemy import text

    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2), ("Panel?",), "Notes kept"),
                               (FollowUp(None, None, "Send the doc"),))
    with services.db.write() as conn:
        conn.execute(text("DELETE FROM plan"))
    thread = services.plan.thread()
    assert thread.plan is None
    assert [(c.talking_points, c.notes) for c in thread.checkins] == [(("Panel?",), "Notes kept")]
    assert [f.text for f in thread.followups] == ["Send the doc"]


def test_an_export_from_before_planned_check_ins_imports_them_as_held(services: Services,
                                                                       tmp_path: Path) -> None:
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2), notes="Older export"))
    document = services.transfer.export_document()
    for row in document["tables"]["plan_checkin"]:
        del row["planned"]  # as fikadesk wrote it before 0006
    fresh = build_services(tmp_path / "other.fikadesk", clock=lambda: services.now())
    try:
        fresh.transfer.import_document(document)
        (checkin,) = fresh.plan.thread().checkins
        assert (checkin.notes, checkin.planned) == ("Older export", False)
    finally:
        fresh.close()
