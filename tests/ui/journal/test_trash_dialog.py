"""The trash: restore what is still needed, delete for good only after asking."""

from datetime import date

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.ui.journal.trash import TrashDialog


def _trashed(services, *titles):
    ids = []
    for title in titles:
        entry = services.journal.add(EntryDraft(day=date(2026, 11, 1), title=title))
        services.journal.delete(entry.id)
        ids.append(entry.id)
    return ids


def _select_all(dialog):
    model = dialog.model
    for row in range(model.rowCount()):
        dialog.list_view.selectionModel().select(model.index(row), QItemSelectionModel.SelectionFlag.Select)


def test_restore_puts_entries_back(qtbot, services):
    _trashed(services, "One", "Two")
    dialog = TrashDialog(services.journal)
    qtbot.addWidget(dialog)
    assert dialog.info_label.text() == "2 deleted entries. Restore what you still need."
    assert not dialog.restore_button.isEnabled()
    restored = []
    dialog.restored.connect(restored.append)
    _select_all(dialog)
    dialog.restore_button.click()
    assert services.journal.count() == 2
    assert len(restored) == 2
    assert dialog.info_label.text() == "The trash is empty."
    assert not dialog.empty_button.isEnabled()


def test_delete_for_good_asks_first(qtbot, services, monkeypatch):
    _trashed(services, "Old", "Older")
    dialog = TrashDialog(services.journal)
    qtbot.addWidget(dialog)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    dialog.empty_button.click()
    assert services.journal.count(EntryQuery(in_trash=True)) == 2
    dialog.empty_button.click()
    assert services.journal.count(EntryQuery(in_trash=True)) == 0
    assert services.journal.count() == 0
