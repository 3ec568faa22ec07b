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
