"""The brief service reads the evidence in a fixed number of statements, in one transaction."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event

from fikadesk.briefs.promotion import PromotionOptions
from fikadesk.domain.interview.records import Job
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.services.briefs import gather_interview
from fikadesk.services.container import Services

LADDERS = Path(__file__).resolve().parents[2] / "resources" / "ladders"
TODAY = date(2026, 11, 20)


def _statements(services: Services, action) -> tuple[int, int, object]:
    """(statements run, read transactions begun, result) while ``action`` runs."""
    seen = {"sql": 0, "begin": 0}

    def count(conn, cursor, statement, *_args) -> None:
        seen["sql"] += 1
        if statement.strip().upper().startswith("BEGIN"):
            seen["begin"] += 1

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        result = action()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)
    return seen["sql"], seen["begin"], result


def test_promotion_input_does_not_read_entry_by_entry(services: Services) -> None:
    leveling = services.leveling
    ladder_id = leveling.import_ladder(parse_ladder_files([LADDERS / "software-engineer.md"]))
    leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    senior = leveling.get_ladder(ladder_id).find_level("Senior Engineer")
    assert senior is not None
    options = PromotionOptions(TODAY - timedelta(days=365), TODAY)

    def add(count: int, start: int) -> None:
        for n in range(start, start + count):
            leveling.add_entry_with_links(
                EntryDraft(day=TODAY - timedelta(days=n), title=f"Shipped part {n}",
                           tags=("billing", f"t{n % 3}"), links=(f"https://example.com/{n}",)),
                [senior.expectations[n % 4].id])

    add(3, 0)
    few, _begins, small = _statements(services, lambda: services.briefs.promotion_input(options))
    add(60, 3)
    many, _begins, big = _statements(services, lambda: services.briefs.promotion_input(options))
    assert many == few
    entries = [e for item in big.expectations for e in item.entries]
    assert len(entries) == 63
    first = next(e for e in entries if e.title == "Shipped part 5")
    assert (first.tags, first.links) == (("billing", "t2"), ("https://example.com/5",))
    assert [e.title for e in small.expectations[0].entries] == ["Shipped part 0"]


def test_a_brief_is_read_in_one_transaction(services: Services) -> None:
    leveling = services.leveling
    ladder_id = leveling.import_ladder(parse_ladder_files([LADDERS / "software-engineer.md"]))
    options = PromotionOptions(TODAY - timedelta(days=365), TODAY)
    _sql, begins, brag = _statements(services, lambda: services.briefs.promotion(
        options, TODAY, with_plan=True))  # no target yet: the wins as a brag document
    assert begins == 1 and isinstance(brag, str)
    leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    _sql, begins, case = _statements(services, lambda: services.briefs.promotion(
        options, TODAY, with_plan=True))
    assert begins == 1 and case != brag
    _sql, begins, _agenda = _statements(services, lambda: services.plan.agenda(TODAY, ()))
    assert begins == 1
    job = services.interview.save_job(Job(None, "Staff Engineer", "Acme", "Own the billing platform."))
    assert job.id is not None
    _sql, begins, material = _statements(services, lambda: gather_interview(services.interview, job.id, 140))
    assert begins == 1 and material.job.company == "Acme"
