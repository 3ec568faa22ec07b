"""Every win reaches the promotion brief: unlinked wins with suggestions, and a brief with no target."""

from __future__ import annotations

from datetime import date

from fikadesk.briefs.promotion import PromotionOptions, default_period
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.services.container import Services
from tests.briefs.golden import check_golden
from tests.briefs.sample import RESOURCES, TODAY

WINS = [
    EntryDraft(day=date(2026, 4, 8), title="Mentored Ana through her first on-call rotation",
               body="We paired on two pages and she wrote the follow-up herself.",
               impact="She now takes the pager alone", starred=True, tags=("mentoring",)),
    EntryDraft(day=date(2026, 7, 21), title="Spotted the expiring TLS certificates before the outage",
               impact="Renewed them three weeks early; no incident", starred=True),
    EntryDraft(day=date(2026, 10, 3), title="Wrote the technical design for the ledger rewrite",
               body="Got sign-off from payments and the data team after one review.",
               impact="Both teams agreed the plan in a week", starred=True, tags=("design",)),
    EntryDraft(day=date(2026, 9, 1), title="Tidied the team wiki", impact="", starred=False),
    EntryDraft(day=date(2026, 2, 2), title="Private note about my manager", starred=True,
               private=True),
    EntryDraft(day=date(2024, 2, 2), title="A win from long before the period", starred=True),
]


def _wins(services: Services) -> None:
    for draft in WINS:
        services.journal.add(draft)


def _target(services: Services) -> None:
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([RESOURCES / "ladders" / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer", date(2027, 3, 31), "")


def test_three_starred_unlinked_wins_reach_the_case_with_suggestions(services: Services) -> None:
    _wins(services)
    _target(services)
    since, until = default_period(TODAY)
    text = services.briefs.promotion(PromotionOptions(since, until, include_unstarred=False), TODAY)
    check_golden("promotion_unlinked.md", text)
    section = text.split("## Wins not linked yet", 1)[1].split("\n## ", 1)[0]
    for title in ("Mentored Ana", "Spotted the expiring TLS", "Wrote the technical design"):
        assert title in section
    assert "3 wins of this period are not linked to an expectation yet" in text
    assert "May support: Leadership: Mentors one or more engineers" in section
    assert "Tidied the team wiki" not in text  # unstarred, and unstarred entries are left out
    assert "Private note" not in text and "long before" not in text


def test_unstarred_unlinked_wins_come_in_when_included(services: Services) -> None:
    _wins(services)
    _target(services)
    text = services.briefs.promotion(PromotionOptions(*default_period(TODAY)), TODAY)
    assert "4 wins of this period are not linked" in text
    assert "2026-09-01 — **Tidied the team wiki**" in text


def test_linking_a_win_moves_it_out_of_the_unlinked_section(services: Services) -> None:
    _wins(services)
    _target(services)
    options = PromotionOptions(*default_period(TODAY), include_unstarred=False)
    data = services.briefs.promotion_input(options)
    first = data.unlinked[0]
    services.leveling.link_entry(first.entry.id, [first.suggested[0].id])
    again = services.briefs.promotion_input(options)
    assert first.entry.id not in {w.entry.id for w in again.unlinked}
    assert len(again.unlinked) == len(data.unlinked) - 1


def test_no_target_gives_a_brag_document_of_the_period(services: Services) -> None:
    _wins(services)
    text = services.briefs.promotion(PromotionOptions(*default_period(TODAY)), TODAY)
    check_golden("promotion_no_target.md", text)
    assert "No target level is set yet, so these wins are grouped by month." in text
    starred = text.split("## Starred wins", 1)[1].split("## Other wins", 1)[0]
    assert [t for t in ("ledger rewrite", "TLS certificates", "Mentored Ana") if t in starred] == \
        ["ledger rewrite", "TLS certificates", "Mentored Ana"]  # newest month first
    assert "Tidied the team wiki" in text.split("## Other wins", 1)[1]
    assert "Private note" not in text and "long before" not in text
