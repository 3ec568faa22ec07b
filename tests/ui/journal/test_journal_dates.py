"""Issue 20, item 11: quick capture takes a revisit date; the search box understands dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QDialog, QPushButton

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.ui.journal.model import SummaryRole
from fikadesk.ui.journal.quick_capture import QuickCaptureDialog


def _when_shown(monkeypatch: pytest.MonkeyPatch, act: Callable[[QuickCaptureDialog], None]) -> None:
    original = QDialog.exec

    def exec_and_act(self: QDialog) -> int:
        QTimer.singleShot(0, lambda: act(self))  # type: ignore[arg-type]
        return original(self)

    monkeypatch.setattr(QuickCaptureDialog, "exec", exec_and_act)


def test_quick_capture_saves_a_revisit_date(qtbot, window, services, monkeypatch) -> None:
    seen: dict[str, object] = {}

    def fill(dialog: QuickCaptureDialog) -> None:
        seen["enabled"] = dialog.revisit_edit.isEnabled()
        seen["offered"] = dialog.revisit_edit.date()
        qtbot.keyClicks(dialog.title_edit, "Proposed the retry budget")
        dialog.revisit_check.setChecked(True)
        dialog.revisit_edit.setDate(QDate(2027, 1, 15))
        qtbot.mouseClick(dialog.findChild(QPushButton, "quick_save_button"), Qt.MouseButton.LeftButton)

    _when_shown(monkeypatch, fill)
    window.quick_capture_action.trigger()
    assert seen["enabled"] is False
    today = services.today()
    assert seen["offered"] == QDate(today.year, today.month, today.day).addDays(28)
    [summary] = services.journal.page(EntryQuery(), 0, 5)
    entry = services.journal.get(summary.id)
    assert (entry.title, entry.revisit_on) == ("Proposed the retry budget", date(2027, 1, 15))
    assert window.journal_tab.editor.revisit_check.isChecked()


def test_quick_capture_without_revisit_keeps_none(qtbot) -> None:
    dialog = QuickCaptureDialog(None, date(2026, 11, 20), [])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title_edit, "Paired on the parser")
    dialog.revisit_edit.setDate(QDate(2027, 1, 15))  # a date alone, not ticked, is not kept
    dialog.accept()
    assert dialog.result_draft == EntryDraft(day=date(2026, 11, 20), title="Paired on the parser")


def test_search_box_finds_a_month_a_day_and_a_year(qtbot, window, services) -> None:
    for day, title in ((date(2026, 3, 2), "Ledger migration plan"),
                       (date(2026, 3, 14), "Paired on the ledger"),
                       (date(2026, 4, 1), "Ledger cut-over"),
                       (date(2025, 3, 14), "Old ledger notes")):
        services.journal.add(EntryDraft(day=day, title=title))
    tab = window.journal_tab
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    search = tab.filters.search_edit

    def shown() -> list[str]:
        return [tab.model.index(r).data(SummaryRole).title for r in range(tab.model.rowCount())]

    for typed, expected in (
            ("2026-03", ["Paired on the ledger", "Ledger migration plan"]),
            ("2026-03-14", ["Paired on the ledger"]),
            ("2025", ["Old ledger notes"]),
            ("paired 2026", ["Paired on the ledger"]),
            ("2027", [])):
        search.clear()
        qtbot.keyClicks(search, typed)
        qtbot.waitUntil(lambda expected=expected: shown() == expected, timeout=3000)
    search.clear()
    qtbot.keyClicks(search, "ledger 2026-03")
    qtbot.waitUntil(lambda: len(shown()) == 2, timeout=3000)
    assert tab.filters.count_label.text() == "2 of 4 entries match"
    assert "2026" in search.toolTip() and "month" in search.toolTip()
