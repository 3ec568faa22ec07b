"""Evidence links changed in the journal editor are undone and redone like any other edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.ui.journal.expectation_picker import ExpectationPickerDialog
from tests.ui.leveling.test_target_tab import _rows, _set_target


def test_undo_and_redo_a_link_change(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    entry = services.leveling.add_entry_with_links(
        EntryDraft(day=date(2026, 9, 1), title="Led the cut-over"), [16])
    window.tabs.setCurrentWidget(window.journal_tab)
    window.journal_tab.reload()
    window.journal_tab.show_entry(entry.id)
    editor = window.journal_tab.editor
    monkeypatch.setattr(ExpectationPickerDialog, "get_ids",
                        classmethod(lambda cls, parent, choices, checked, title: (15, 14)))
    stack = window.undo_stack
    depth = stack.count()
    qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    assert services.leveling.linked_expectations(entry.id) == (14, 15)
    assert stack.count() == depth + 1
    assert stack.undoText() == "link change of “Led the cut-over”"

    with qtbot.waitSignal(editor.links_changed):
        stack.undo()
    assert services.leveling.linked_expectations(entry.id) == (16,)
    assert editor.evidence_label.text().startswith("Autonomy: Turns a goal into a plan")
    assert dict(_rows(window.target_tab))[14] == "none"
    assert dict(_rows(window.target_tab))[16] == "emerging"

    window.tabs.setCurrentWidget(window.journal_tab)
    stack.redo()
    assert services.leveling.linked_expectations(entry.id) == (14, 15)
    assert editor.evidence_label.text().endswith("(+1 more)")
    assert dict(_rows(window.target_tab))[16] == "none"
    assert services.journal.get(entry.id).title == "Led the cut-over"  # the entry is untouched
