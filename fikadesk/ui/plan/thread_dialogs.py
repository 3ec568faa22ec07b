"""The Plan tab's forms about the 1:1 thread: finishing a "not yet" (in which check-in, how the manager
will know each change) and the date of the next, planned check-in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fikadesk.domain.plan.prep import NOT_YET_REASONS, NotYetAnswer
from fikadesk.domain.plan.records import PlanValidationError
from fikadesk.ui.common.controls import date_edit, from_qdate, named, to_qdate
from fikadesk.ui.common.forms import FormDialog
from fikadesk.ui.plan.dialogs import REASON_WORDS, _lines


class NotYetDialog(FormDialog):
    """Finishing a "not yet": in which check-in it was heard, compared to what, what must change and
    how the manager will know each change, and why."""

    def __init__(self, today: date, parent: QWidget | None,
                 checkins: Sequence[tuple[int, str]] = (), chosen: int | None = None) -> None:
        super().__init__("Not yet — finish the sentence", "plan_not_yet_dialog", parent)
        intro = QLabel("\"Not yet\" is half an answer. Write down the other half while it is fresh: "
                       "each change becomes an item on your checklist, with a date to look again.")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(intro)
        self.checkin_combo = named(QComboBox(), "plan_not_yet_checkin", "Check-in where you heard it",
                                   "The check-in whose notes record this \"not yet\"")
        for checkin_id, label in checkins:
            self.checkin_combo.addItem(label, checkin_id)
        if chosen is not None and self.checkin_combo.findData(chosen) >= 0:
            self.checkin_combo.setCurrentIndex(self.checkin_combo.findData(chosen))
        self.compared_edit = named(QLineEdit(), "plan_not_yet_compared", "Not ready compared to what",
                                    "Whom or what are you being measured against?")
        self.changes_edit = named(QPlainTextEdit(), "plan_not_yet_changes", "What would have to change",
                                   "One change per line; each becomes a checklist item")
        self.each_table = named(QTableWidget(0, 2), "plan_not_yet_how_each",
                                "How they'll know, for each change",
                                "Each change gets its own answer: what would your manager see?")
        self.each_table.setHorizontalHeaderLabels(["Change", "How they'll know"])
        self.each_table.horizontalHeader().setStretchLastSection(True)
        self.each_table.verticalHeader().setVisible(False)
        self.each_table.setMinimumHeight(110)
        self.each_table.setColumnWidth(0, 240)
        self.changes_edit.setMaximumHeight(self.changes_edit.fontMetrics().lineSpacing() * 5 + 12)
        self.changes_edit.textChanged.connect(self._rebuild_each)
        self.how_edit = named(QLineEdit(), "plan_not_yet_how", "How your manager would know (any change "
                              "without its own answer)",
                              "Serves every change left blank in the table above")
        self.reason_combo = named(QComboBox(), "plan_not_yet_reason", "What the reason is")
        for reason in NOT_YET_REASONS:
            self.reason_combo.addItem(REASON_WORDS[reason], reason)
        self.today = today
        if checkins:
            self.form.addRow("Heard &in", self.checkin_combo)
        for label, widget in (("&Compared to", self.compared_edit), ("What must &change", self.changes_edit),
                              ("&How they'll know", self.each_table), ("&For the rest", self.how_edit),
                              ("The &reason", self.reason_combo)):
            self.form.addRow(label, widget)
        self.resize(640, 520)

    def _rebuild_each(self) -> None:
        """One row per change line, keeping what was typed for a change that is still there."""
        typed = {self._cell(r, 0): self._cell(r, 1) for r in range(self.each_table.rowCount())}
        lines = _lines(self.changes_edit)
        self.each_table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            change = QTableWidgetItem(line)
            change.setFlags(change.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.each_table.setItem(row, 0, change)
            self.each_table.setItem(row, 1, QTableWidgetItem(typed.get(line, "")))

    def _cell(self, row: int, column: int) -> str:
        item = self.each_table.item(row, column)
        return item.text() if item is not None else ""

    def set_how(self, row: int, text: str) -> None:
        """Type the "how they'll know" answer of the change in ``row``."""
        self.each_table.setItem(row, 1, QTableWidgetItem(text))

    def checkin_id(self) -> int | None:
        """The check-in chosen as the one where "not yet" was heard."""
        value = self.checkin_combo.currentData()
        return int(value) if value is not None else None

    def result_value(self) -> NotYetAnswer:
        hows = tuple(self._cell(r, 1) for r in range(self.each_table.rowCount()))
        answer = NotYetAnswer(self.compared_edit.text(), _lines(self.changes_edit), self.how_edit.text(),
                              self.reason_combo.currentData(), how_each=hows)
        if answer.reason == "work" and not answer.what_must_change:
            raise PlanValidationError("what_must_change", "List at least one thing that must change, or "
                                      "choose 'Not clear yet' as the reason.")
        return answer

    @classmethod
    def get_answer_for(cls, parent: QWidget, today: date, checkins: Sequence[tuple[int, str]],
                       chosen: int | None) -> tuple[int, NotYetAnswer] | None:
        """Ask which check-in (``chosen`` first) and the answer; None when cancelled."""
        dialog = cls(today, parent, checkins, chosen)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.checkin_id() is None:
            return None
        return int(dialog.checkin_id() or 0), dialog.value  # type: ignore[return-value]


class NextCheckinDialog(FormDialog):
    """The date of the next 1:1: a planned check-in (its agenda), not a meeting held."""

    def __init__(self, today: date, day: date, why: str, parent: QWidget | None) -> None:
        super().__init__("Next check-in", "plan_next_checkin_dialog", parent)
        intro = QLabel(why)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(intro)
        self.today = today
        self.day_edit = date_edit("plan_next_checkin_date", "Date of the next check-in", day)
        self.day_edit.setMinimumDate(to_qdate(today))
        self.form.addRow("&Date", self.day_edit)

    def result_value(self) -> date:
        day = from_qdate(self.day_edit.date())
        if day < self.today:
            raise PlanValidationError("day", "The next check-in cannot be before today.")
        return day

    @classmethod
    def get_day(cls, parent: QWidget, today: date, day: date, why: str) -> date | None:
        dialog = cls(today, day, why, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]
