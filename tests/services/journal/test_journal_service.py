"""The journal service: writing, trash, listing, filters, search, tags, revisits, stats."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery, EntryValidationError, JournalStats
from fikadesk.services.container import Services
from fikadesk.services.journal.service import SNIPPET_CLOSE, SNIPPET_OPEN, EntryNotFoundError, JournalService


def _draft(title: str, day: date = date(2026, 1, 10), **kw: object) -> EntryDraft:
    return EntryDraft(day=day, title=title, **kw)  # type: ignore[arg-type]


@pytest.fixture
def journal(services: Services) -> JournalService:
    return services.journal


@pytest.fixture
def sample(journal: JournalService) -> dict[str, int]:
    """Six entries with known days, tags and stars; returns title -> id."""
    drafts = [
        _draft("Design doc for billing", date(2026, 1, 5), body="Wrote the design for invoices.",
               tags=("design", "billing"), starred=True),
        _draft("Mentored Ana", date(2026, 2, 1), body="Weekly pairing on the billing service.",
               tags=("mentoring",)),
        _draft("Incident review", date(2026, 2, 1), impact="Cut pages by half",
               tags=("incident", "leadership"), starred=True),
        _draft("Quarterly planning", date(2026, 3, 15), body="Drafted the roadmap.",
               tags=("leadership",)),
        _draft("Old win", date(2025, 6, 1), body="Migrated the database.", tags=("design",)),
        _draft("Café talk", date(2026, 3, 15), body="Spoke about naïve caching.", starred=True),
    ]
    return {d.title: journal.add(d).id for d in drafts}


def _titles(journal: JournalService, query: EntryQuery, offset: int = 0, limit: int = 100) -> list[str]:
    return [s.title for s in journal.page(query, offset, limit)]


# -- writing ----------------------------------------------------------------------------------
def test_add_returns_saved_entry(journal: JournalService, fixed_now: datetime) -> None:
    entry = journal.add(
        _draft("  Shipped   importer ", body="Body\n", impact=" big ", tags=("B", "#a"),
               links=("https://e.com/2", "www.e.com"), starred=True, revisit_on=date(2026, 2, 1),
               private=True)
    )
    assert entry == journal.get(entry.id)
    assert (entry.title, entry.body, entry.impact) == ("Shipped importer", "Body", "big")
    assert entry.tags == ("a", "b")  # stored tags come back sorted by name
    assert entry.links == ("https://e.com/2", "https://www.e.com")  # links keep their order
    assert entry.starred and entry.private
    assert entry.revisit_on == date(2026, 2, 1)
    assert entry.created_at == entry.updated_at == fixed_now
    assert entry.deleted_at is None


def test_add_refuses_invalid_without_writing(journal: JournalService) -> None:
    with pytest.raises(EntryValidationError):
        journal.add(_draft("   "))
    assert journal.count() == 0
    assert journal.revision() == 0


def test_update_replaces_everything(journal: JournalService) -> None:
    entry = journal.add(_draft("First", tags=("old",), links=("https://e.com/old",)))
    updated = journal.update(entry.id, _draft("Second", date(2026, 5, 5), body="new body",
                                              tags=("new",), links=("https://e.com/new",)))
    assert updated == journal.get(entry.id)
    assert (updated.title, updated.day, updated.body) == ("Second", date(2026, 5, 5), "new body")
    assert updated.tags == ("new",) and updated.links == ("https://e.com/new",)
    assert journal.count(EntryQuery(text="first")) == 0
    assert journal.count(EntryQuery(text="second")) == 1
    assert journal.count(EntryQuery(tags=("old",))) == 0
    assert journal.tags() == [("new", 1)]


def test_update_and_star_missing(journal: JournalService) -> None:
    with pytest.raises(EntryNotFoundError, match="Entry 99 does not exist."):
        journal.update(99, _draft("x"))
    with pytest.raises(EntryNotFoundError):
        journal.set_starred(99, True)
    with pytest.raises(EntryNotFoundError):
        journal.delete(99)
    with pytest.raises(EntryNotFoundError):
        journal.restore(99)
    with pytest.raises(EntryNotFoundError):
        journal.get(99)
    assert journal.revision() == 0


def test_set_starred(journal: JournalService) -> None:
    entry = journal.add(_draft("x"))
    assert journal.set_starred(entry.id, True).starred is True
    assert journal.get(entry.id).starred is True
    assert journal.set_starred(entry.id, False).starred is False


def test_delete_restore_purge(journal: JournalService, sample: dict[str, int], fixed_now: datetime) -> None:
    gone = sample["Mentored Ana"]
    journal.delete(gone)
    assert journal.get(gone).deleted_at == fixed_now
    assert journal.count() == 5
    assert journal.count(EntryQuery(text="pairing")) == 0
    assert _titles(journal, EntryQuery(in_trash=True)) == ["Mentored Ana"]
    journal.restore(gone)
    assert journal.get(gone).deleted_at is None
    assert journal.count() == 6
    assert journal.count(EntryQuery(text="pairing")) == 1
    journal.delete(gone)
    assert journal.purge([gone, sample["Old win"], 12345]) == 1  # only trashed entries go
    with pytest.raises(EntryNotFoundError):
        journal.get(gone)
    assert journal.count(EntryQuery(in_trash=True)) == 0
    assert journal.count() == 5
    assert ("mentoring", 1) not in journal.tags()


def test_trash_order_is_newest_deletion_first(services: Services) -> None:
    ticks = iter([datetime(2026, 1, 1, h) for h in (1, 2, 3, 9, 7, 8)])
    journal = JournalService(services.db, clock=lambda: next(ticks))
    a, b, c = (journal.add(_draft(t)).id for t in "abc")
    journal.delete(a)  # 09:00
    journal.delete(b)  # 07:00
    journal.delete(c)  # 08:00
    assert [s.id for s in journal.page(EntryQuery(in_trash=True), 0, 10)] == [a, c, b]
    assert journal.index_of(EntryQuery(in_trash=True), a) is None


# -- listing ----------------------------------------------------------------------------------
def test_order_is_day_desc_then_id_desc(journal: JournalService, sample: dict[str, int]) -> None:
    assert _titles(journal, EntryQuery()) == [
        "Café talk", "Quarterly planning", "Incident review", "Mentored Ana", "Design doc for billing",
        "Old win",
    ]
    assert journal.count() == 6
    first = journal.page(EntryQuery(), 0, 1)[0]
    assert (first.id, first.day, first.starred, first.tags, first.snippet) == (
        sample["Café talk"], date(2026, 3, 15), True, (), "")


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        (EntryQuery(starred_only=True), ["Café talk", "Incident review", "Design doc for billing"]),
        (EntryQuery(tags=("leadership",)), ["Quarterly planning", "Incident review"]),
        (EntryQuery(tags=("design", "billing")), ["Design doc for billing"]),
        (EntryQuery(tags=("nope",)), []),
        (EntryQuery(since=date(2026, 2, 1)),
         ["Café talk", "Quarterly planning", "Incident review", "Mentored Ana"]),
        (EntryQuery(until=date(2026, 2, 1)),
         ["Incident review", "Mentored Ana", "Design doc for billing", "Old win"]),
        (EntryQuery(since=date(2026, 2, 1), until=date(2026, 2, 1)), ["Incident review", "Mentored Ana"]),
        (EntryQuery(since=date(2026, 4, 1), until=date(2026, 1, 1)), []),
        (EntryQuery(text="billing"), ["Mentored Ana", "Design doc for billing"]),
        (EntryQuery(text="bill"), ["Mentored Ana", "Design doc for billing"]),
        (EntryQuery(text="billing", starred_only=True), ["Design doc for billing"]),
        (EntryQuery(text="design", tags=("design",), since=date(2026, 1, 1)), ["Design doc for billing"]),
        (EntryQuery(tags=("leadership",), starred_only=True, until=date(2026, 2, 28)), ["Incident review"]),
        (EntryQuery(text="pages"), ["Incident review"]),  # impact is searched
        (EntryQuery(text="mentoring"), ["Mentored Ana"]),  # tags are searched
        (EntryQuery(text="cafe naive"), ["Café talk"]),  # accents do not matter
        (EntryQuery(text="design roadmap"), []),  # every word must match
        (EntryQuery(text="d"), []),  # one letter is a whole word only
        (EntryQuery(text="!!!"), []),
    ],
)
def test_filters(journal: JournalService, sample: dict[str, int], query: EntryQuery,
                 titles: list[str]) -> None:
    assert _titles(journal, query) == titles
    assert journal.count(query) == len(titles)


def test_paging_windows(journal: JournalService) -> None:
    journal.add_many(_draft(f"e{i:02}", date(2026, 1, 1) + timedelta(days=i % 7)) for i in range(25))
    everything = _titles(journal, EntryQuery(), 0, 100)
    assert len(everything) == 25
    windows = [_titles(journal, EntryQuery(), offset, 10) for offset in (0, 10, 20)]
    assert [len(w) for w in windows] == [10, 10, 5]
    assert sum(windows, []) == everything
    assert _titles(journal, EntryQuery(), 25, 10) == []
    assert _titles(journal, EntryQuery(), 3, 0) == []
    query = EntryQuery(since=date(2026, 1, 6))
    listed = journal.page(query, 0, 100)
    for row, summary in enumerate(listed):
        assert journal.index_of(query, summary.id) == row
    assert journal.index_of(EntryQuery(since=date(2026, 1, 7)), listed[-1].id) is None


def test_search_snippets_mark_matches(journal: JournalService, sample: dict[str, int]) -> None:
    rows = journal.page(EntryQuery(text="pair"), 0, 10)
    assert [r.title for r in rows] == ["Mentored Ana"]
    assert rows[0].snippet == f"Weekly {SNIPPET_OPEN}pairing{SNIPPET_CLOSE} on the billing service."
    cafe = journal.page(EntryQuery(text="naive"), 0, 10)[0]
    assert f"{SNIPPET_OPEN}naïve{SNIPPET_CLOSE}" in cafe.snippet


def test_search_understands_years_months_and_days(journal: JournalService,
                                                  sample: dict[str, int]) -> None:
    """Issue 20, item 11: "2026-03" finds the entries of March 2026, with words if any."""
    assert _titles(journal, EntryQuery(text="2026-03")) == ["Café talk", "Quarterly planning"]
    assert _titles(journal, EntryQuery(text="2026-02-01")) == ["Incident review", "Mentored Ana"]
    assert _titles(journal, EntryQuery(text="2025")) == ["Old win"]
    assert _titles(journal, EntryQuery(text="billing 2026")) == ["Mentored Ana",
                                                                 "Design doc for billing"]
    assert _titles(journal, EntryQuery(text="2026-02 pair")) == ["Mentored Ana"]
    assert journal.count(EntryQuery(text="2026-01")) == 1
    # with the period filter too, both hold; a period outside it finds nothing
    assert _titles(journal, EntryQuery(text="2026", since=date(2026, 3, 1))) == [
        "Café talk", "Quarterly planning"]
    assert _titles(journal, EntryQuery(text="2025", since=date(2026, 1, 1))) == []
    assert journal.index_of(EntryQuery(text="2026-03"), sample["Quarterly planning"]) == 1
    [row] = journal.page(EntryQuery(text="2026-02 pair"), 0, 10)
    assert row.snippet == f"Weekly {SNIPPET_OPEN}pairing{SNIPPET_CLOSE} on the billing service."


def test_snippet_is_short_for_long_text(journal: JournalService) -> None:
    body = " ".join(["filler"] * 200 + ["needle"] + ["filler"] * 200)
    journal.add(_draft("long", body=body))
    (row,) = journal.page(EntryQuery(text="needle"), 0, 10)
    assert f"{SNIPPET_OPEN}needle{SNIPPET_CLOSE}" in row.snippet
    assert row.snippet.count(" ") < 15 and row.snippet.startswith("…") and row.snippet.endswith("…")


@pytest.mark.parametrize(
    "text",
    ['"', "'", "*", "a*", "NEAR(a b)", "AND", "OR NOT", "(", ")", "^x", "-x", "col:x", "{a}",
     "___", "_", "\x00", "\\", "🎉", "x" * 5000, "word " * 2000, "%", "'; DROP TABLE entry; --"],
)
def test_hostile_search_never_raises(journal: JournalService, sample: dict[str, int], text: str) -> None:
    query = EntryQuery(text=text)
    count = journal.count(query)
    assert len(journal.page(query, 0, 50)) == count
    assert journal.count() == 6


def test_tags_count_live_entries_only(journal: JournalService, sample: dict[str, int]) -> None:
    assert journal.tags() == [("design", 2), ("leadership", 2), ("billing", 1), ("incident", 1),
                              ("mentoring", 1)]
    journal.delete(sample["Old win"])
    journal.delete(sample["Mentored Ana"])
    assert journal.tags() == [("leadership", 2), ("billing", 1), ("design", 1), ("incident", 1)]


def test_tag_names_are_shared_without_regard_to_case(journal: JournalService) -> None:
    journal.add(_draft("a", tags=("Growth",)))
    journal.add(_draft("b", tags=("#growth",)))
    assert journal.tags() == [("growth", 2)]


def test_due_revisits(journal: JournalService) -> None:
    today = date(2026, 11, 20)
    due_late = journal.add(_draft("late", revisit_on=date(2026, 10, 1), tags=("x",))).id
    due_today = journal.add(_draft("today", revisit_on=today)).id
    journal.add(_draft("future", revisit_on=today + timedelta(days=1)))
    journal.add(_draft("never"))
    trashed = journal.add(_draft("trashed", revisit_on=date(2026, 1, 1))).id
    journal.delete(trashed)
    due = journal.due_revisits(today)
    assert [(s.id, s.title, s.tags) for s in due] == [(due_late, "late", ("x",)), (due_today, "today", ())]
    assert journal.due_revisits(date(2026, 9, 1)) == []


def test_due_revisits_is_capped(journal: JournalService) -> None:
    journal.add_many(_draft(f"r{i}", revisit_on=date(2026, 1, 1)) for i in range(60))
    assert len(journal.due_revisits(date(2026, 2, 1))) == 50


def test_stats(journal: JournalService, sample: dict[str, int]) -> None:
    assert journal.stats() == JournalStats(total=6, starred=3, last_day=date(2026, 3, 15))
    journal.delete(sample["Café talk"])
    journal.delete(sample["Quarterly planning"])
    assert journal.stats() == JournalStats(total=4, starred=2, last_day=date(2026, 2, 1))


def test_stats_of_empty_journal(journal: JournalService) -> None:
    assert journal.stats() == JournalStats(total=0, starred=0, last_day=None)


def test_add_many(journal: JournalService, fixed_now: datetime) -> None:
    drafts = [_draft(f"bulk {i}", tags=("bulk", f"t{i % 3}"), links=(f"https://e.com/{i}",))
              for i in range(30)]
    assert journal.add_many(drafts) == 30
    assert journal.revision() == 1  # one transaction
    assert journal.count(EntryQuery(tags=("bulk",))) == 30
    assert journal.count(EntryQuery(text="bulk")) == 30
    assert journal.tags()[0] == ("bulk", 30)
    first = journal.get(journal.page(EntryQuery(), 29, 1)[0].id)
    assert (first.title, first.links, first.created_at) == ("bulk 0", ("https://e.com/0",), fixed_now)


def test_add_many_is_all_or_nothing(journal: JournalService) -> None:
    with pytest.raises(EntryValidationError):
        journal.add_many([_draft("fine"), _draft("")])
    assert journal.count() == 0
    assert journal.add_many([]) == 0


def test_revision_follows_writes(journal: JournalService) -> None:
    entry = journal.add(_draft("x"))
    journal.update(entry.id, _draft("y"))
    journal.set_starred(entry.id, True)
    journal.delete(entry.id)
    journal.restore(entry.id)
    journal.delete(entry.id)
    journal.purge([entry.id])
    assert journal.revision() == 7
