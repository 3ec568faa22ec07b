"""The Plan tab's small forms: a checklist item, a check-in, a "not yet", a commitment or checkpoint."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from fikadesk.domain.leveling.snapshot import ExpectationChoice
from fikadesk.domain.plan.records import (
    ITEM_STATUSES,
    CheckIn,
    ChecklistItem,
    FollowUp,
    PlanValidationError,
    parse_followup_line,
    validate_checkin,
    validate_checklist_item,
)
from fikadesk.ui.common.alerts import confirm
from fikadesk.ui.common.controls import date_edit, from_qdate, named
from fikadesk.ui.common.forms import FormDialog

STATUS_WORDS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
FOLLOWUP_EXAMPLE = ("One per line, e.g.\nSend Sam the design doc by 2026-12-01\n"
                    "manager: Ask the director who sits on the panel")
REASON_WORDS = {"work": "The work: something I must show first", "timing": "Timing (the cycle, budgets)",
                "headcount": "Headcount (no position open)", "unclear": "Not clear yet"}


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class ItemDialog(FormDialog):
    """One "ready" checklist item, with the target expectations it serves."""

    def __init__(self, item: ChecklistItem, choices: list[ExpectationChoice],
                 entries: list[tuple[int, str]], parent: QWidget | None,
                 checkpoints: list[tuple[int, str]] | None = None) -> None:
        super().__init__("Checklist item", "plan_item_dialog", parent)
        self.item = item
        self.title_edit = named(QLineEdit(item.title), "plan_item_title", "What you will demonstrate",
                                 "Something concrete you will show, e.g. 'Lead the search rebuild'")
        self.how_edit = named(QLineEdit(item.how_we_know), "plan_item_how", "How both of you will know",
                               "What your manager would see or hear that proves it")
        self.status_combo = named(QComboBox(), "plan_item_status", "Status")
        for status in ITEM_STATUSES:
            self.status_combo.addItem(STATUS_WORDS[status], status)
        self.status_combo.setCurrentIndex(ITEM_STATUSES.index(item.status))
        self.checkpoint_combo = named(QComboBox(), "plan_item_checkpoint", "Checkpoint",
                                       "The checkpoint at which you will look at this item together")
        self.checkpoint_combo.addItem("No checkpoint", None)
        for checkpoint_id, label in checkpoints or []:
            self.checkpoint_combo.addItem(label, checkpoint_id)
        self.checkpoint_combo.setCurrentIndex(max(0, self.checkpoint_combo.findData(item.checkpoint_id)))
        self.expectation_list = named(QListWidget(), "plan_item_expectations",
                                       "Target expectations it serves",
                                       "Tick the expectations of your target level this item proves")
        for choice in choices:
            row = QListWidgetItem(f"{choice.dimension}: {choice.text}")
            row.setData(Qt.ItemDataRole.UserRole, choice.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if choice.id in item.expectation_ids
                              else Qt.CheckState.Unchecked)
            self.expectation_list.addItem(row)
        self.entry_filter = named(QLineEdit(), "plan_item_entry_filter", "Filter journal entries",
                                   "Type to narrow the list of journal entries")
        self.entry_filter.setPlaceholderText("Filter entries…")
        self.entry_filter.setClearButtonEnabled(True)
        self.entry_list = named(QListWidget(), "plan_item_entries", "Journal entries that prove it",
                                 "Tick the journal entries that show this item done")
        for entry_id, label in entries:
            row = QListWidgetItem(label)
            row.setData(Qt.ItemDataRole.UserRole, entry_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            linked = entry_id in item.entry_ids
            row.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)
            self.entry_list.addItem(row)
        self.entry_filter.textChanged.connect(self._filter_entries)
        self.form.addRow("&What", self.title_edit)
        self.form.addRow("&How we'll know", self.how_edit)
        self.form.addRow("&Status", self.status_combo)
        self.form.addRow("Check&point", self.checkpoint_combo)
        self.form.addRow("&Serves", self.expectation_list if choices else QLabel(
            "Set a target in the Target tab to link items to its expectations."))
        self.form.addRow("&Evidence", self.entry_filter)
        self.form.addRow("", self.entry_list if entries else QLabel(
            "No journal entries yet. Link them here once you have written them down."))
        self.resize(640, 600)

    def _filter_entries(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.entry_list.count()):
            row = self.entry_list.item(i)
            label = row.text().casefold()
            row.setHidden(not all(word in label for word in words))

    @staticmethod
    def _ticked(widget: QListWidget) -> tuple[int, ...]:
        return tuple(int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
                     if widget.item(i).checkState() == Qt.CheckState.Checked)

    def result_value(self) -> ChecklistItem:
        return validate_checklist_item(replace(self.item, title=self.title_edit.text(),
                                               how_we_know=self.how_edit.text(),
                                               status=self.status_combo.currentData(),
                                               checkpoint_id=self.checkpoint_combo.currentData(),
                                               expectation_ids=self._ticked(self.expectation_list),
                                               entry_ids=self._ticked(self.entry_list)))

    @classmethod
    def get_item(cls, parent: QWidget, item: ChecklistItem, choices: list[ExpectationChoice],
                 entries: list[tuple[int, str]],
                 checkpoints: list[tuple[int, str]] | None = None) -> ChecklistItem | None:
        dialog = cls(item, choices, entries, parent, checkpoints)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class CheckinDialog(FormDialog):
    """A 1:1 check-in: date, talking points by priority, notes, feedback, follow-ups."""

    def __init__(self, checkin: CheckIn, parent: QWidget | None) -> None:
        super().__init__("Check-in", "plan_checkin_dialog", parent)
        self.checkin = checkin
        self.day_edit = date_edit("plan_checkin_date", "Date of the check-in", checkin.day)
        self.points_edit = named(QPlainTextEdit("\n".join(checkin.talking_points)), "plan_checkin_points",
                                  "Talking points", "One per line, most important first")
        self.notes_edit = named(QPlainTextEdit(checkin.notes), "plan_checkin_notes", "Notes")
        self.feedback_edit = named(QPlainTextEdit(checkin.manager_feedback), "plan_checkin_feedback",
                                    "Manager's feedback")
        self.growth_box = named(QCheckBox("We talked about my growth or promotion"), "plan_checkin_growth",
                                 "Growth conversation", "Tick when the promotion or your growth came up")
        self.growth_box.setChecked(checkin.growth_talk)
        self.planned_box = named(QCheckBox("Not held yet: this is the agenda of a coming 1:1"),
                                 "plan_checkin_planned", "Not held yet",
                                 "Untick once the meeting has happened, to record what was said and agreed")
        self.planned_box.setChecked(checkin.planned)
        self.followups_edit = named(QPlainTextEdit(), "plan_checkin_followups", "New follow-ups",
                                     "One per line; each carries forward to later check-ins until done. "
                                     "Start a line with 'manager:' when it is your manager's to do; end "
                                     "it with 'by YYYY-MM-DD' to give it a due date.")
        self.followups_edit.setPlaceholderText(FOLLOWUP_EXAMPLE)
        for label, widget in (("&Date", self.day_edit), ("Talking &points", self.points_edit),
                              ("&Notes", self.notes_edit), ("Manager's &feedback", self.feedback_edit),
                              ("", self.growth_box), ("", self.planned_box),
                              ("New f&ollow-ups", self.followups_edit)):
            self.form.addRow(label, widget)
        self.planned_box.toggled.connect(lambda planned: self.followups_edit.setEnabled(not planned))
        self.followups_edit.setEnabled(not checkin.planned)
        self.resize(620, 560)

    def result_value(self) -> tuple[CheckIn, tuple[FollowUp, ...]]:
        checkin = validate_checkin(replace(
            self.checkin, day=from_qdate(self.day_edit.date()), talking_points=_lines(self.points_edit),
            notes=self.notes_edit.toPlainText(), manager_feedback=self.feedback_edit.toPlainText(),
            growth_talk=self.growth_box.isChecked(), planned=self.planned_box.isChecked()))
        followups = []
        for number, line in enumerate(_lines(self.followups_edit), start=1):
            try:
                followups.append(parse_followup_line(line, checkin))
            except PlanValidationError as exc:
                raise PlanValidationError(exc.field_name, f"Follow-up {number}: {exc}") from None
        return checkin, tuple(followups)

    @classmethod
    def get_checkin(cls, parent: QWidget, checkin: CheckIn) -> tuple[CheckIn, tuple[FollowUp, ...]] | None:
        dialog = cls(checkin, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class DatedTextDialog(FormDialog):
    """A text with an optional date: a manager commitment (due by) or a checkpoint (on)."""

    def __init__(self, title: str, label: str, day: date, dated: bool, parent: QWidget | None) -> None:
        super().__init__(title, "plan_dated_text_dialog", parent)
        self.text_edit = named(QLineEdit(), "plan_dated_text", label)
        self.dated_box = named(QCheckBox("With a date"), "plan_dated_box", "With a date")
        self.dated_box.setChecked(dated)
        self.day_edit = date_edit("plan_dated_day", "Date", day)
        self.dated_box.toggled.connect(self.day_edit.setEnabled)
        self.day_edit.setEnabled(dated)
        self.form.addRow(f"&{label}", self.text_edit)
        self.form.addRow(self.dated_box, self.day_edit)
        self.label = label

    def result_value(self) -> tuple[str, date | None]:
        text = " ".join(self.text_edit.text().split())
        if not text:
            raise PlanValidationError("text", f"{self.label} cannot be empty.")
        return text, (from_qdate(self.day_edit.date()) if self.dated_box.isChecked() else None)

    @classmethod
    def get_text(cls, parent: QWidget, title: str, label: str, day: date,
                 dated: bool) -> tuple[str, date | None] | None:
        dialog = cls(title, label, day, dated, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


def confirm_remove_checkpoint(parent: QWidget, title: str) -> bool:
    """Ask before a checkpoint is removed; True when the person says yes."""
    return confirm(parent, "Remove checkpoint?",
                   f"Remove the checkpoint \"{title}\"? Checklist items that were due at it stay on "
                   "the checklist, without a checkpoint.", "plan_remove_checkpoint", "Remove")


def confirm_remove_item(parent: QWidget, title: str) -> bool:
    """Ask before a checklist item is removed; True when the person says yes."""
    return confirm(parent, "Remove checklist item?",
                   f"Remove \"{title}\" from the checklist? Its links to expectations and entries go "
                   "with it; the entries themselves stay in your journal. To keep it on record, edit "
                   "it and set its status to Dropped instead.", "plan_remove_item", "Remove")
