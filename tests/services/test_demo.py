from datetime import date
from pathlib import Path

from fikadesk.services.container import build_services
from fikadesk.services.demo import build_demo_journal, demo_journal_path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TODAY = date(2026, 11, 20)


def test_demo_journal_has_entries_a_target_and_evidence(tmp_path):
    path = build_demo_journal(demo_journal_path(tmp_path), RESOURCES, TODAY)
    assert path == tmp_path / "demo.fikadesk"
    services = build_services(path, create=False)
    try:
        assert services.journal.count() == 15
        target = services.leveling.target()
        assert target is not None
        assert (target.current_level, target.target_level) == ("Senior Engineer", "Staff Engineer")
        readiness = services.leveling.readiness(TODAY)
        assert sum(item.evidence_count for item in readiness.items) == 12
        assert sum(1 for item in readiness.items if item.evidence_count) == 5
        assert services.preferences.first_run_done() is True
    finally:
        services.close()


def test_building_again_replaces_the_old_demo(tmp_path):
    path = demo_journal_path(tmp_path)
    build_demo_journal(path, RESOURCES, TODAY)
    build_demo_journal(path, RESOURCES, TODAY)
    services = build_services(path, create=False)
    try:
        assert services.journal.count() == 15
        assert len(services.leveling.list_ladders()) == 1
    finally:
        services.close()


def test_demo_journal_has_a_plan_in_progress_and_interview_preparation(tmp_path):
    from fikadesk.domain.plan.status import reminders

    path = build_demo_journal(demo_journal_path(tmp_path), RESOURCES, TODAY)
    services = build_services(path, create=False)
    try:
        state = services.plan.state()
        assert state is not None and state.plan.target_level == "Staff Engineer"
        assert [i.status for i in state.checklist] == ["done", "in_progress", "open"]
        assert len(state.commitments) == 2 and [c.planned for c in state.checkins] == [False, False, True]
        assert state.started_on == state.checkins[0].day  # started from the 1:1 where it was raised
        assert sorted(r.kind for r in reminders(state, TODAY)) == ["checkpoint", "followup"]  # both overdue
        [job] = services.interview.jobs()
        assert job.label == "Staff Engineer at Northwind Payments"
        answers = services.interview.answers(every_job=True)
        assert sorted(a.kind for a in answers) == ["aspiration", "story"]
        story = next(a for a in answers if a.kind == "story")
        assert len(story.entry_ids) == 1 and story.parts[3].startswith("Zero downtime")
        aspiration = next(a for a in answers if a.kind == "aspiration")
        assert [t.rating for t in services.interview.takes(aspiration.id)] == [3]
    finally:
        services.close()
