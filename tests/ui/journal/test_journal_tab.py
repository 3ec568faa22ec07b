"""The Journal tab driven like a person would: type, autosave, search, filter, delete, undo."""

from datetime import date

import pytest
from PySide6.QtCore import QUrl

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.container import build_services
from fikadesk.services.journal.service import SNIPPET_OPEN
from fikadesk.ui.journal import tab as journal_tab_module
from fikadesk.ui.journal.model import SummaryRole
from fikadesk.ui.journal.quick_capture import QuickCaptureDialog


def _add(services, title, **fields):
    return services.journal.add(EntryDraft(day=fields.pop("day", date(2026, 11, 1)), title=title, **fields))


def test_first_run_explains_what_to_record(window):
    tab = window.journal_tab
    assert tab.list_stack.currentIndex() == 1
    assert tab.empty_label.text().startswith("Your journal is empty.")
    assert tab.first_entry_button.isVisibleTo(tab)
    assert not tab.clear_filters_button.isVisibleTo(tab)


def test_typing_a_new_entry_saves_it_by_itself(qtbot, window, services):
    tab = window.journal_tab
    qtbot.mouseClick(tab.first_entry_button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)
    assert tab.editor.title_edit.hasFocus()
    qtbot.keyClicks(tab.editor.title_edit, "Shipped incremental search")
    qtbot.keyClicks(tab.editor.impact_edit, "p95 down from 900 ms to 120 ms")
    qtbot.keyClicks(tab.editor.tags_edit, "performance, search")
    assert tab.editor.status_label.text() == "Editing…"
    qtbot.waitUntil(lambda: tab.editor.status_label.text() == "Saved", timeout=3000)
    entries = services.journal.page(EntryQuery(), 0, 10)
    assert [e.title for e in entries] == ["Shipped incremental search"]
    saved = services.journal.get(entries[0].id)
    assert saved.impact == "p95 down from 900 ms to 120 ms"
    assert saved.tags == ("performance", "search")
    assert saved.day == date(2026, 11, 20)
    assert tab.list_stack.currentIndex() == 0
    assert tab.model.rowCount() == 1


def test_continuous_typing_is_saved_within_the_max_wait(qtbot, window, services, monkeypatch):
    entry = _add(services, "Wrote the design doc")
    window.journal_tab.reload()
    window.journal_tab.show_entry(entry.id)
    body = window.journal_tab.editor.body_edit
    seen_saved_while_typing = False
    for _ in range(14):  # typing without a pause longer than the debounce, for about 2.8 s
        qtbot.keyClicks(body, "word ")
        qtbot.wait(200)
        if services.journal.get(entry.id).body.strip():
            seen_saved_while_typing = True
    assert seen_saved_while_typing
    window.journal_tab.save_now()
    assert services.journal.get(entry.id).body == ("word " * 14).rstrip()


def test_an_invalid_edit_is_not_saved_and_says_why(qtbot, window, services):
    entry = _add(services, "Ran the incident review")
    tab = window.journal_tab
    tab.reload()
    tab.show_entry(entry.id)
    tab.editor.title_edit.clear()
    tab.editor.title_edit.textEdited.emit("")
    assert tab.save_now() is False
    assert tab.editor.status_label.text().startswith("Not saved: An entry needs a title")
    assert services.journal.get(entry.id).title == "Ran the incident review"
    tab.editor.title_edit.setText("Ran the incident review again")
    tab.editor.title_edit.textEdited.emit("Ran the incident review again")
    assert tab.save_now() is True
    assert tab.editor.status_label.text() == "Saved"


def test_search_highlights_and_counts(qtbot, window, services):
    _add(services, "Rolled out the new billing", body="Planned the rollout in waves")
    _add(services, "Mentored two engineers")
    _add(services, "Fixed the flaky deploy", impact="Rollback time halved")
    tab = window.journal_tab
    tab.reload()
    assert tab.filters.count_label.text() == "3 entries"
    qtbot.keyClicks(tab.filters.search_edit, "roll")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=2000)
    assert tab.filters.count_label.text() == "2 of 3 entries match"
    summaries = [tab.model.index(r).data(SummaryRole) for r in range(2)]
    assert all(SNIPPET_OPEN in s.snippet for s in summaries)
    tab.filters.search_edit.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=2000)


def test_filters_by_tag_starred_and_period(qtbot, window, services):
    _add(services, "Old win", day=date(2025, 1, 5), tags=("infra",))
    _add(services, "Starred infra win", day=date(2026, 11, 2), tags=("infra",), starred=True)
    _add(services, "Recent other", day=date(2026, 11, 10), tags=("people",))
    tab = window.journal_tab
    tab.reload()
    tab.filters.set_tag("infra")
    assert tab.model.rowCount() == 2
    tab.filters.starred_button.click()
    assert tab.model.rowCount() == 1
    assert tab.filters.count_label.text() == "1 of 3 entries match"
    tab.filters.clear()
    assert tab.model.rowCount() == 3
    tab.filters.period_combo.setCurrentIndex(1)  # last 30 days
    assert [tab.model.index(r).data() for r in range(tab.model.rowCount())] == [
        "Recent other", "Starred infra win"]
    tab.filters.clear()
    tab.filters.search_edit.setText("nothing-like-this")
    tab.filters.search_edit.returnPressed.emit()
    assert tab.list_stack.currentIndex() == 1
    assert tab.empty_label.text() == journal_tab_module.NO_MATCH_TEXT
    tab.clear_filters_button.click()
    assert tab.model.rowCount() == 3


def test_delete_goes_to_trash_and_undo_restores(qtbot, window, services):
    keep = _add(services, "Keep me", day=date(2026, 10, 1))
    gone = _add(services, "Delete me", day=date(2026, 10, 2))
    tab = window.journal_tab
    tab.reload()
    tab.show_entry(gone.id)
    tab.delete_button.click()
    assert services.journal.count() == 1
    assert services.journal.count(EntryQuery(in_trash=True)) == 1
    assert tab.model.rowCount() == 1
    assert window.undo_action.text().startswith("&Undo delete of")
    window.undo_action.trigger()
    assert services.journal.count() == 2
    assert tab.editor.entry_id == gone.id
    window.redo_action.trigger()
    assert services.journal.count() == 1
    assert services.journal.get(keep.id).deleted_at is None


def test_undo_an_edit(qtbot, window, services):
    entry = _add(services, "First title")
    tab = window.journal_tab
    tab.reload()
    tab.show_entry(entry.id)
    tab.editor.title_edit.setText("Second title")
    tab.editor.title_edit.textEdited.emit("Second title")
    assert tab.save_now()
    assert services.journal.get(entry.id).title == "Second title"
    window.undo_stack.undo()
    assert services.journal.get(entry.id).title == "First title"
    assert tab.editor.title_edit.text() == "First title"
    window.undo_stack.redo()
    assert services.journal.get(entry.id).title == "Second title"


def test_quick_capture_adds_an_entry(qtbot, window, services, monkeypatch):
    draft = EntryDraft(day=date(2026, 11, 19), title="Unblocked the data team", starred=True)
    monkeypatch.setattr(QuickCaptureDialog, "get_draft", classmethod(lambda cls, *a, **k: draft))
    window.quick_capture_action.trigger()
    [summary] = services.journal.page(EntryQuery(), 0, 5)
    assert summary.title == "Unblocked the data team" and summary.starred
    assert window.journal_tab.editor.entry_id == summary.id


def test_quick_capture_dialog_checks_the_title(qtbot):
    dialog = QuickCaptureDialog(None, date(2026, 11, 20), ["infra"])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result_draft is None
    assert "needs a title" in dialog.error_label.text()
    qtbot.keyClicks(dialog.title_edit, "Paired on the parser")
    qtbot.keyClicks(dialog.tags_edit, "#Pairing")
    dialog.star_check.setChecked(True)
    dialog.accept()
    assert dialog.result_draft == EntryDraft(day=date(2026, 11, 20), title="Paired on the parser",
                                             tags=("pairing",), starred=True)


def test_preview_is_safe(qtbot, window, services):
    body = ('<div>not html</div>\n\n![x](file:///etc/hostname)\n\n[local](file:///etc/passwd) '
            '[web](https://example.com)')
    entry = _add(services, "Hostile", body=body)
    tab = window.journal_tab
    tab.reload()
    tab.show_entry(entry.id)
    tab.editor.body_tabs.setCurrentIndex(1)
    preview = tab.editor.preview
    assert "<div>not html</div>" in preview.toPlainText()
    opened = []
    preview._opener = opened.append
    preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    preview.anchorClicked.emit(QUrl("https://example.com"))
    assert [u.toString() for u in opened] == ["https://example.com"]
    assert [u.toString() for u in preview.blocked_urls] == ["file:///etc/passwd"]
    assert preview.loadResource(2, QUrl("file:///etc/hostname")).isNull()
    assert "passwd" not in preview.toPlainText() or preview.source().isEmpty()


def test_entries_added_elsewhere_show_up(qtbot, window, journal_path):
    other = build_services(journal_path)
    try:
        other.journal.add(EntryDraft(day=date(2026, 11, 18), title="Added from the command line"))
    finally:
        other.close()
    assert window.check_outside_changes() is True
    assert window.journal_tab.model.index(0).data() == "Added from the command line"
    assert window.check_outside_changes() is False


def test_reminders_on_open(qtbot, window, services):
    _add(services, "Launch the beta", day=date(2026, 11, 1), revisit_on=date(2026, 11, 15))
    window.start()
    tab = window.journal_tab
    assert tab.revisit_banner.isVisibleTo(tab)
    assert "Launch the beta" in tab.revisit_banner.label.text()
    assert tab.nudge_banner.isVisibleTo(tab)  # 19 days since the last entry
    assert "19 days" in tab.nudge_banner.label.text()


def test_no_reminders_for_a_fresh_journal(qtbot, window):
    window.start()
    tab = window.journal_tab
    assert not tab.revisit_banner.isVisibleTo(tab)
    assert not tab.nudge_banner.isVisibleTo(tab)


def test_list_model_passes_qt_model_tester(qtmodeltester, window, services):
    for i in range(5):
        _add(services, f"Entry {i}", day=date(2026, 1, 1 + i), tags=("t",))
    model = window.journal_tab.model
    model.reload()
    qtmodeltester.check(model)
    model.set_query(EntryQuery(text="entry"))
    qtmodeltester.check(model)


def test_every_interactive_widget_is_named(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit

    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)
    unnamed = []
    for widget in window.findChildren(kinds[0].__mro__[1]):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(window):
            continue
        if widget.parent() is not None and type(widget.parent()).__name__ in ("QTabBar", "QCalendarWidget"):
            continue
        if not widget.objectName() or not widget.accessibleName():
            unnamed.append(f"{type(widget).__name__}:{widget.objectName()!r}")
    assert unnamed == []


def test_a_search_keystroke_reads_the_list_once(qtbot, window, services, monkeypatch):
    """One read per keystroke: the matches' count with their first page. The journal's own
    total and its tags do not change with the words typed, so they are not read again."""
    for title in ("Rolled out billing", "Rollback drill", "Mentored two engineers"):
        _add(services, title)
    tab = window.journal_tab
    tab.reload()
    reads: list[str] = []
    for name in ("first_page", "page", "count", "tags", "stats"):
        real = getattr(services.journal, name)
        monkeypatch.setattr(services.journal, name,
                            lambda *a, _n=name, _real=real, **k: reads.append(_n) or _real(*a, **k))
    tab.filters.search_edit.setText("roll")
    tab.filters.search_edit.returnPressed.emit()
    assert tab.model.rowCount() == 2
    assert tab.filters.count_label.text() == "2 of 3 entries match"
    assert reads == ["first_page"]


def test_a_search_right_after_an_edit_shows_the_tags_that_edit_added(qtbot, window, services):
    entry = _add(services, "Rolled out billing")
    tab = window.journal_tab
    tab.reload()
    tab.show_entry(entry.id)
    tab.editor.tags_edit.setText("launches")
    tab.editor.tags_edit.textEdited.emit("launches")  # typed: saved by the search below
    tab.filters.search_edit.setText("roll")
    tab.filters.search_edit.returnPressed.emit()
    assert services.journal.get(entry.id).tags == ("launches",)
    assert tab.filters.tag_combo.findData("launches") >= 0
    assert tab.model.rowCount() == 1
