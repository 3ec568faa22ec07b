"""Suggested evidence links in the window: under the entry editor and in quick capture, accepted
with a click or Alt+number, undone like any other link change, silent when nothing fits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.ui.journal.quick_capture import CapturedDraft, QuickCaptureDialog
from tests.ui.leveling.test_target_end_to_end import _when_shown

LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"
MENTOR = "Mentors one or more engineers and leaves them able to do more on their own."
RISKS = "Spots risks in systems before they become incidents and gets them fixed."


def _target(services) -> None:
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")


def _texts(bar) -> list[str]:
    return [s.expectation.text for s in bar.suggestions()]


def _open(window, services, title: str, body: str = "") -> int:
    entry = services.journal.add(EntryDraft(day=date(2026, 9, 1), title=title, body=body))
    assert window.check_outside_changes()  # the target was set behind the window's back (the CLI)
    window.tabs.setCurrentWidget(window.journal_tab)
    window.journal_tab.show_entry(entry.id)
    return entry.id


def test_the_editor_suggests_and_one_click_links_undoably(qtbot, window, services) -> None:
    _target(services)
    entry_id = _open(window, services, "Mentored Ravi until he ran the releases alone")
    bar = window.journal_tab.editor.suggestion_bar
    assert bar.isVisible() and _texts(bar)[0] == MENTOR
    button = bar.findChild(QPushButton, "entry_suggestions_button_1")
    assert button.accessibleName() == f"Link suggestion 1: Leadership: {MENTOR}"
    mentor_id = bar.suggestions()[0].expectation.id
    depth = window.undo_stack.count()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert services.leveling.linked_expectations(entry_id) == (mentor_id,)
    assert window.journal_tab.editor.evidence_label.text().startswith("Leadership: Mentors")
    assert MENTOR not in _texts(bar)  # linked now: no longer suggested
    assert window.undo_stack.count() == depth + 1
    window.undo_stack.undo()
    assert services.leveling.linked_expectations(entry_id) == ()
    assert _texts(bar)[0] == MENTOR  # offered again once the link is undone


def test_suggestions_follow_the_words_and_alt_1_accepts(qtbot, window, services) -> None:
    _target(services)
    entry_id = _open(window, services, "Bought cake for the team")
    editor = window.journal_tab.editor
    bar = editor.suggestion_bar
    assert not bar.isVisible() and bar.suggestions() == []  # nothing fits: nothing shown
    editor.body_edit.setFocus()
    qtbot.keyClicks(editor.body_edit, "Noticed the disk would fill up before it became an "
                    "incident and got the risk fixed.")
    qtbot.waitUntil(lambda: bar.isVisible())
    assert _texts(bar)[0] == RISKS
    QTest.keyClick(editor.body_edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    linked = services.leveling.linked_expectations(entry_id)
    assert len(linked) == 1
    assert [c.text for c in services.leveling.expectation_choices(include=linked)
            if c.id in linked] == [RISKS]


def test_a_new_entry_gets_suggestions_once_it_is_saved(qtbot, window, services) -> None:
    _target(services)
    assert window.check_outside_changes()
    window.tabs.setCurrentWidget(window.journal_tab)
    window.journal_tab.new_entry()
    editor = window.journal_tab.editor
    qtbot.keyClicks(editor.title_edit, "Mentored Ravi until he ran the releases alone")
    assert editor.entry_id is None and not editor.suggestion_bar.isVisible()
    assert window.journal_tab.save_now()
    assert editor.entry_id is not None
    assert _texts(editor.suggestion_bar)[0] == MENTOR and editor.suggestion_bar.isVisible()


def test_without_a_target_the_editor_suggests_nothing(qtbot, window, services) -> None:
    _open(window, services, "Mentored Ravi until he ran the releases alone")
    bar = window.journal_tab.editor.suggestion_bar
    assert not bar.isVisible() and bar.suggestions() == []


def test_quick_capture_suggests_as_the_win_is_typed_and_a_key_ticks_it(qtbot, window, services,
                                                                       monkeypatch) -> None:
    _target(services)

    def record(dialog: QDialog) -> None:
        assert isinstance(dialog, QuickCaptureDialog)
        try:
            qtbot.keyClicks(dialog.title_edit, "Paired with the new hire every day; she now mentors")
            qtbot.waitUntil(lambda: dialog.suggestion_bar.isVisible())
            assert _texts(dialog.suggestion_bar)[0] == MENTOR
            QTest.keyClick(dialog.title_edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
            assert len(dialog.picker.checked_ids()) == 1
            assert MENTOR not in _texts(dialog.suggestion_bar)
            dialog.findChild(QPushButton, "quick_save_button").click()
        finally:
            if dialog.isVisible():
                dialog.reject()  # a failed step must not leave the modal dialog open

    _when_shown(monkeypatch, QuickCaptureDialog, record)
    window.quick_capture_action.trigger()
    entry_id = window.journal_tab.editor.entry_id
    assert entry_id is not None
    linked = services.leveling.linked_expectations(entry_id)
    assert [c.text for c in services.leveling.expectation_choices(include=linked)
            if c.id in linked] == [MENTOR]


def test_quick_capture_without_a_target_shows_no_suggestions(qtbot, services) -> None:
    dialog = QuickCaptureDialog(None, date(2026, 11, 20), [], (), (),
                                services.suggestions.target_suggester())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Mentored Ravi")
    dialog.suggestion_bar.update_now("Mentored Ravi")
    assert not dialog.suggestion_bar.isVisible()
    dialog.findChild(QPushButton, "quick_save_button").click()
    assert not isinstance(dialog.result_draft, CapturedDraft)
