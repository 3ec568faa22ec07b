"""The Interview tab's small forms: a target job, an own question, earlier versions, an entry choice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.interview.questions import Question
from fikadesk.domain.interview.records import (
    AnswerVersion,
    Job,
    validate_job,
    validate_question,
)
from fikadesk.ui.common.controls import from_qdate, named, plain_label, to_qdate
from fikadesk.ui.common.forms import FormDialog

KIND_WORDS = {
    "aspiration": "Career aspiration",
    "story": "Behavioural (a story)",
    "motivation": "Motivation (why this role or company)",
}


def big(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Scale the widget's font by ``factor`` (of the system font), optionally bold."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class JobDialog(FormDialog):
    """A target job: role, company, interview date, the job description and research notes."""

    def __init__(self, job: Job, today: date, parent: QWidget | None) -> None:
        super().__init__("Target job", "interview_job_dialog", parent)
        self.job = job
        self.role_edit = named(QLineEdit(job.role), "interview_job_role", "Role")
        self.company_edit = named(QLineEdit(job.company), "interview_job_company", "Company")
        self.date_box = named(QCheckBox("Interview on"), "interview_job_date_box", "The interview has a date")
        self.date_box.setChecked(job.interview_on is not None)
        day = job.interview_on or today
        self.date_edit = named(
            QDateEdit(to_qdate(day)), "interview_job_date", "Interview date"
        )
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setEnabled(job.interview_on is not None)
        self.date_box.toggled.connect(self.date_edit.setEnabled)
        self.description_edit = named(
            QPlainTextEdit(job.description),
            "interview_job_description",
            "Job description",
            "Paste the job ad; fikadesk picks out its key terms",
        )
        self.description_edit.setPlaceholderText("Paste the job description here…")
        self.research_edit = named(
            QPlainTextEdit(job.research),
            "interview_job_research",
            "Research notes",
            "Culture, plans, growth paths; lines ending in '?' become questions to ask",
        )
        self.research_edit.setPlaceholderText(
            "What you learned about the company: culture, plans, how people "
            "grow there. Questions you want to ask end with '?'."
        )
        dated = QHBoxLayout()
        dated.addWidget(self.date_box)
        dated.addWidget(self.date_edit)
        dated.addStretch(1)
        self.form.addRow("&Role", self.role_edit)
        self.form.addRow("&Company", self.company_edit)
        self.form.addRow("", dated)
        self.form.addRow("Job &description", self.description_edit)
        self.form.addRow("Re&search notes", self.research_edit)
        self.resize(680, 620)

    def result_value(self) -> Job:
        day = from_qdate(self.date_edit.date()) if self.date_box.isChecked() else None
        return validate_job(
            replace(
                self.job,
                role=self.role_edit.text(),
                company=self.company_edit.text(),
                description=self.description_edit.toPlainText(),
                research=self.research_edit.toPlainText(),
                interview_on=day,
            )
        )

    @classmethod
    def get_job(cls, parent: QWidget, job: Job, today: date) -> Job | None:
        dialog = cls(job, today, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class QuestionDialog(FormDialog):
    """A question of the person's own, with its kind and what the interviewer listens for."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__("Your own question", "interview_question_dialog", parent)
        self.text_edit = named(QLineEdit(), "interview_question_text", "Question")
        self.kind_combo = named(QComboBox(), "interview_question_kind", "Kind of question")
        for kind, words in KIND_WORDS.items():
            self.kind_combo.addItem(words, kind)
        self.kind_combo.setCurrentIndex(1)
        self.listening_edit = named(
            QLineEdit(),
            "interview_question_listening",
            "What they listen for",
            "Optional: what a good answer shows the interviewer",
        )
        self.form.addRow("&Question", self.text_edit)
        self.form.addRow("&Kind", self.kind_combo)
        self.form.addRow("They &listen for", self.listening_edit)
        self.resize(560, 180)

    def result_value(self) -> Question:
        return validate_question(
            Question("", self.text_edit.text(), self.kind_combo.currentData(), self.listening_edit.text())
        )

    @classmethod
    def get_question(cls, parent: QWidget) -> Question | None:
        dialog = cls(parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class VersionsDialog(QDialog):
    """Earlier wordings of an answer; one can be brought back into the editor."""

    def __init__(self, versions: list[AnswerVersion], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions")
        self.setObjectName("interview_versions_dialog")
        self.list = named(QListWidget(), "interview_versions_list", "Earlier versions")
        for version in versions:
            row = QListWidgetItem(version.saved_at.strftime("%Y-%m-%d %H:%M"))
            row.setData(Qt.ItemDataRole.UserRole, version.text)
            self.list.addItem(row)
        self.preview = named(QPlainTextEdit(), "interview_versions_preview", "The chosen version")
        self.preview.setReadOnly(True)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.preview.setPlainText(item.data(Qt.ItemDataRole.UserRole) if item else "")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        restore = buttons.button(QDialogButtonBox.StandardButton.Ok)
        restore.setText("Bring back")
        named(
            restore,
            "interview_versions_restore_button",
            "Bring back this version",
            "Put this wording in the editor (the current one becomes a version when you save)",
        )
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close), "interview_versions_close_button", "Close"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not versions:
            layout.addWidget(
                plain_label(
                    "No earlier versions yet: each time you save a changed answer, the wording "
                    "before it is kept here."
                )
            )
            restore.setEnabled(False)
        panes = QHBoxLayout()
        panes.addWidget(self.list, 1)
        panes.addWidget(self.preview, 2)
        layout.addLayout(panes)
        layout.addWidget(buttons)
        if versions:
            self.list.setCurrentRow(0)
        self.resize(720, 380)

    @classmethod
    def pick(cls, parent: QWidget, versions: list[AnswerVersion]) -> str | None:
        dialog = cls(versions, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.list.currentItem() is None:
            return None
        return str(dialog.list.currentItem().data(Qt.ItemDataRole.UserRole))


class EntryChoiceDialog(QDialog):
    """Pick the journal entries a story is built from; the first one fills Situation to Result."""

    def __init__(
        self, entries: list[tuple[int, str]], chosen: tuple[int, ...], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Build a story from your journal")
        self.setObjectName("interview_entry_dialog")
        self.filter_edit = named(QLineEdit(), "interview_entry_filter", "Filter entries")
        self.filter_edit.setPlaceholderText("Filter entries…")
        self.filter_edit.setClearButtonEnabled(True)
        self.list = named(
            QListWidget(),
            "interview_entry_list",
            "Journal entries",
            "Tick the entries this story is about; the first ticked one fills the STAR parts",
        )
        for entry_id, label in entries:
            row = QListWidgetItem(label)
            row.setData(Qt.ItemDataRole.UserRole, entry_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if entry_id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(row)
        self.filter_edit.textChanged.connect(self._filter)
        self.prefill_box = named(
            QCheckBox("Fill Situation, Task, Action and Result from the first entry"),
            "interview_entry_prefill",
            "Fill the story from the entry",
        )
        self.prefill_box.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        named(
            buttons.button(QDialogButtonBox.StandardButton.Ok),
            "interview_entry_ok_button",
            "Use these entries",
        )
        named(
            buttons.button(QDialogButtonBox.StandardButton.Cancel), "interview_entry_cancel_button", "Cancel"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(
                plain_label(
                    "Your journal has no entries yet. Record a win first (Ctrl+N); a story "
                    "grows best from something you wrote down when it happened."
                )
            )
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.prefill_box)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.list.count()):
            row = self.list.item(i)
            row.setHidden(not all(word in row.text().casefold() for word in words))

    def ticked(self) -> tuple[int, ...]:
        """The ids of the ticked entries, in list order."""
        return tuple(
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    @classmethod
    def choose(
        cls, parent: QWidget, entries: list[tuple[int, str]], chosen: tuple[int, ...]
    ) -> tuple[tuple[int, ...], bool] | None:
        dialog = cls(entries, chosen, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.ticked(), dialog.prefill_box.isChecked()
