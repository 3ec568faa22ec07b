"""The journal list holds only a few pages of rows, yet shows every entry, in order, at any depth."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.container import Services
from fikadesk.ui.journal import model as journal_model
from fikadesk.ui.journal.model import EntryIdRole, EntryListModel

ENTRIES = 60


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 5 rows, at most 3 held: the 60 entries span 12 pages."""
    monkeypatch.setattr(journal_model, "PAGE_SIZE", 5)
    monkeypatch.setattr(journal_model, "MAX_CACHED_PAGES", 3)


@pytest.fixture
def many(services: Services) -> list[int]:
    """Ids of 60 entries, newest first (the list order)."""
    start = date(2026, 1, 1)
    services.journal.add_many(EntryDraft(day=start + timedelta(days=i), title=f"Win number {i}",
                                         tags=("even",) if i % 2 == 0 else ())
                              for i in range(ENTRIES))
    return [s.id for s in services.journal.page(EntryQuery(), 0, ENTRIES)]


@pytest.mark.usefixtures("small_pages")
def test_every_row_is_shown_in_order_while_few_pages_are_held(services: Services, many: list[int]) -> None:
    model = EntryListModel(services.journal)
    model.reload()
    assert model.rowCount() == ENTRIES
    shown = []
    for row in range(model.rowCount()):
        shown.append(model.data(model.index(row), EntryIdRole))
        assert len(model.cached_pages()) <= 3
    assert shown == many
    # and back up again, from the bottom: pages dropped on the way down are read again
    assert [model.data(model.index(row), EntryIdRole) for row in reversed(range(ENTRIES))] == many[::-1]


@pytest.mark.usefixtures("small_pages")
def test_the_least_recently_used_page_is_the_one_dropped(services: Services, many: list[int]) -> None:
    model = EntryListModel(services.journal)
    model.reload()
    for row in (0, 5, 10, 0):  # pages 0, 1, 2, then page 0 again
        model.summary(row)
    model.summary(15)  # page 3 needs room: page 1 goes, not page 0
    assert model.cached_pages() == [2, 0, 3]
    assert model.summary(5).id == many[5]


@pytest.mark.usefixtures("small_pages")
def test_a_filtered_list_pages_the_same_way(services: Services, many: list[int]) -> None:
    model = EntryListModel(services.journal)
    model.set_query(EntryQuery(tags=("even",)))
    assert model.rowCount() == ENTRIES // 2
    ids = [model.data(model.index(row), EntryIdRole) for row in range(model.rowCount())]
    assert ids == [i for n, i in enumerate(many) if (ENTRIES - 1 - n) % 2 == 0]  # newest first
    assert len(model.cached_pages()) <= 3


@pytest.mark.usefixtures("small_pages")
def test_show_entry_selects_an_entry_far_beyond_the_first_pages(window, services: Services,
                                                                 many: list[int]) -> None:
    tab = window.journal_tab
    tab.reload()
    oldest = many[-1]
    tab.show_entry(oldest)
    assert tab.list_view.currentIndex().row() == ENTRIES - 1
    assert tab.list_view.currentIndex().data(EntryIdRole) == oldest
    assert tab.editor.entry_id == oldest
    assert tab.editor.title_edit.text() == "Win number 0"
    assert len(tab.model.cached_pages()) <= 3


@pytest.mark.usefixtures("small_pages")
def test_a_new_query_reads_its_count_and_first_page_together(services: Services, many: list[int],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    model = EntryListModel(services.journal)
    paged: list[int] = []
    real_page = services.journal.page
    monkeypatch.setattr(services.journal, "page", lambda q, offset, limit: paged.append(offset)
                        or real_page(q, offset, limit))
    model.set_query(EntryQuery(tags=("even",)))
    assert model.cached_pages() == [0]  # came with the count, in the same read
    assert [model.data(model.index(row), EntryIdRole) for row in range(5)] == many[1:10:2]
    assert paged == []  # the first screen needed no second read
    model.set_query(EntryQuery(text="nothing matches this"))
    assert (model.rowCount(), model.cached_pages()) == (0, [])


@pytest.mark.usefixtures("small_pages")
def test_a_long_list_laid_out_in_batches_still_scrolls_to_a_far_entry(window, qtbot, services: Services,
                                                                       many: list[int]) -> None:
    from PySide6.QtWidgets import QListView

    window.show()
    tab = window.journal_tab
    view = tab.list_view
    assert view.layoutMode() == QListView.LayoutMode.Batched  # a keystroke never lays out 100k rows at once
    view.setBatchSize(5)  # the 60 entries take 12 turns of the event loop
    tab.reload()
    oldest = many[-1]
    tab.show_entry(oldest)
    index = view.currentIndex()
    assert index.data(EntryIdRole) == oldest
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(index)))
