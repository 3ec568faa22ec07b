"""Correcting a check-in's follow-up (what, who, by when) and asking before one is deleted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from fikadesk.domain.plan.records import MAX_TEXT, OWNERS, CheckIn, FollowUp, revise_followup
from fikadesk.ui.common.alerts import confirm
from fikadesk.ui.common.controls import date_edit, from_qdate, named
from fikadesk.ui.common.forms import FormDialog

OWNER_WORDS = {"me": "Me", "manager": "My manager"}


class FollowUpDialog(FormDialog):
    """One follow-up from a check-in: what is to be done, whose it is and by when."""

    def __init__(self, followup: FollowUp, checkin: CheckIn, today: date, parent: QWidget | None) -> None:
        super().__init__("Follow-up", "plan_followup_dialog", parent)
        self.followup, self.checkin = followup, checkin
        origin = QLabel(f"Agreed in the check-in of {checkin.day.isoformat()}"
                        + (f"; done on {followup.done_on.isoformat()}." if followup.done_on else "."))
        origin.setObjectName("plan_followup_origin")
        origin.setTextFormat(Qt.TextFormat.PlainText)
        self.text_edit = named(QLineEdit(followup.text), "plan_followup_text", "What is to be done",
                               "The action agreed, in a few words")
        self.text_edit.setMaxLength(MAX_TEXT)
        self.owner_combo = named(QComboBox(), "plan_followup_owner", "Whose it is",
                                 "Who does it: you, or your manager")
        for owner in OWNERS:
            self.owner_combo.addItem(OWNER_WORDS[owner], owner)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(followup.owner)))
        self.due_box = named(QCheckBox("Due by"), "plan_followup_due_box", "The follow-up has a due date")
        self.due_box.setChecked(followup.due is not None)
        self.due_edit = date_edit("plan_followup_due", "Due date", followup.due or max(today, checkin.day))
        self.due_edit.setEnabled(followup.due is not None)
        self.due_box.toggled.connect(self.due_edit.setEnabled)
        dated = QHBoxLayout()
        dated.addWidget(self.due_box)
        dated.addWidget(self.due_edit)
        dated.addStretch(1)
        self.form.addRow(origin)
        self.form.addRow("&What", self.text_edit)
        self.form.addRow("Wh&ose", self.owner_combo)
        self.form.addRow("", dated)
        self.resize(520, self.sizeHint().height())

    def result_value(self) -> FollowUp:
        due = from_qdate(self.due_edit.date()) if self.due_box.isChecked() else None
        return revise_followup(self.followup, self.checkin, text=self.text_edit.text(),
                               owner=str(self.owner_combo.currentData()), due=due)

    @classmethod
    def get_followup(cls, parent: QWidget, followup: FollowUp, checkin: CheckIn,
                     today: date) -> FollowUp | None:
        """The corrected follow-up, or None when the person cancels."""
        dialog = cls(followup, checkin, today, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


def confirm_delete_followup(parent: QWidget, text: str) -> bool:
    """Ask before a follow-up is deleted (Cancel is the default); True when the person says yes."""
    return confirm(parent, "Delete follow-up?",
                   f"Delete the follow-up \"{text}\"? It disappears from every check-in it was "
                   "carried into, and this cannot be undone. To keep it on record, mark it done "
                   "instead.", "plan_delete_followup", "Delete")
