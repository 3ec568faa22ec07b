"""The plan's own details (target, review date, manager, how promotion works here) and its history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.plan.records import Plan, ProcessNotes, validate_plan
from fikadesk.services.plan.service import StoredPlan
from fikadesk.ui.common.controls import date_edit, from_qdate, named
from fikadesk.ui.common.forms import FormDialog
from fikadesk.ui.common.plain import plain_text

NOTE_FIELDS = (
    ("who_decides", "Who &decides", "Who makes the final call: your manager, a panel, a director?"),
    ("who_weighs_in", "Who &weighs in", "Peers, skip-level, other teams' leads: whose opinion counts?"),
    ("evidence_wanted", "&Evidence they want", "What the people who decide find convincing"),
    ("budget_lock", "When &budgets lock", "When the numbers for next cycle's promotions are fixed"),
)


class PlanDetailsDialog(FormDialog):
    """The plan's target, review date and manager, and notes on how promotion works here."""

    def __init__(self, plan: Plan, today: date, title: str, parent: QWidget | None) -> None:
        super().__init__(title, "plan_details_dialog", parent)
        self.target_edit = named(QLineEdit(plan.target_level), "plan_details_target", "Target level")
        self.date_box = named(QCheckBox("Review on"), "plan_details_date_box", "The plan has a review date")
        self.date_box.setChecked(plan.target_date is not None)
        self.day_edit = date_edit("plan_details_date", "Review date", plan.target_date or today)
        self.day_edit.setEnabled(plan.target_date is not None)
        self.date_box.toggled.connect(self.day_edit.setEnabled)
        self.manager_edit = named(QLineEdit(plan.manager_name), "plan_details_manager", "Manager's name")
        self.form.addRow("&Target level", self.target_edit)
        dated = QHBoxLayout()
        dated.addWidget(self.date_box)
        dated.addWidget(self.day_edit)
        dated.addStretch(1)
        self.form.addRow("", dated)
        self.form.addRow("&Manager", self.manager_edit)
        heading = QLabel("How promotion works here")
        heading.setObjectName("plan_details_notes_heading")
        heading.setStyleSheet("font-weight: bold")
        self.form.addRow(heading)
        self.note_edits: dict[str, QPlainTextEdit] = {}
        for key, label, tip in NOTE_FIELDS:
            edit = named(QPlainTextEdit(getattr(plan.process_notes, key)), f"plan_details_{key}",
                         label.replace("&", ""), tip)
            edit.setPlaceholderText(tip)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            self.note_edits[key] = edit
            self.form.addRow(label, edit)
        self.resize(600, self.sizeHint().height())

    def result_value(self) -> Plan:
        notes = ProcessNotes(**{key: edit.toPlainText() for key, edit in self.note_edits.items()})
        return validate_plan(Plan(self.target_edit.text(),
                                  from_qdate(self.day_edit.date()) if self.date_box.isChecked() else None,
                                  self.manager_edit.text(), notes))

    @classmethod
    def get_plan(cls, parent: QWidget, plan: Plan, today: date, title: str) -> Plan | None:
        dialog = cls(plan, today, title, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class PlanHistoryDialog(QDialog):
    """Every plan so far, newest first: what it aimed at, from when to when."""

    def __init__(self, plans: list[StoredPlan], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plan history")
        self.setObjectName("plan_history_dialog")
        self.tree = QTreeWidget()
        self.tree.setObjectName("plan_history_list")
        self.tree.setAccessibleName("Earlier plans")
        self.tree.setHeaderLabels(["Target", "Review date", "Manager", "Started", "Ended"])
        self.tree.setRootIsDecorated(False)
        for stored in plans:
            plan = stored.plan
            row = QTreeWidgetItem([plan.target_level, str(plan.target_date or "—"), plan.manager_name or "—",
                                   str(stored.created_on), str(stored.closed_on or "active")])
            said = plan.process_notes
            notes = [text for text in (said.who_decides, said.evidence_wanted) if text]
            row.setToolTip(0, plain_text("\n".join(notes) or plan.target_level))
            self.tree.addTopLevelItem(row)
        for column in range(5):
            self.tree.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        named(close, "plan_history_close_button", "Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel("Starting a new plan keeps the one before it here, with its checklist and check-ins "
                       "in the journal.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(640, 320)
