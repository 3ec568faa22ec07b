"""Small questions the Target tab asks: a name, an expectation, a freeze note, a delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.leveling.snapshot import LadderUsage
from fikadesk.ui.common.alerts import confirm_destructive


class _Prompt(QDialog):
    def __init__(self, parent: QWidget | None, title: str, intro: str, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.setWindowTitle(title)
        label = QLabel(intro)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        for role, key in ((QDialogButtonBox.StandardButton.Ok, "ok"),
                          (QDialogButtonBox.StandardButton.Cancel, "cancel")):
            made = buttons.button(role)
            made.setObjectName(f"{name}_{key}_button")
            made.setAccessibleName(made.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())


class TextPrompt(_Prompt):
    """Ask for one line of text (a ladder or level name)."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, value: str) -> None:
        super().__init__(parent, title, intro, "text_prompt")
        self.edit = QLineEdit(value)
        self.edit.setObjectName("text_prompt_edit")
        self.edit.setAccessibleName(title)
        self.edit.setMaxLength(200)
        self.form.addRow("Name", self.edit)

    @classmethod
    def get_text(cls, parent: QWidget | None, title: str, intro: str,
                 value: str = "") -> str | None:
        """The text typed, or None when cancelled."""
        dialog = cls(parent, title, intro, value)
        return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ExpectationPrompt(_Prompt):
    """Ask for an expectation's dimension (an existing one or a new one) and wording."""

    def __init__(self, parent: QWidget | None, title: str, dimensions: Sequence[str],
                 dimension: str, text: str, problem: str = "") -> None:
        super().__init__(parent, title, (f"{problem}\n\n" if problem else "")
                         + "Write what the level asks for as something a person does, so you "
                         "can tell whether your work shows it.", "expectation_prompt")
        self.dimension_combo = QComboBox()
        self.dimension_combo.setEditable(True)
        self.dimension_combo.addItems(list(dimensions))
        self.dimension_combo.setCurrentText(dimension)
        self.dimension_combo.setObjectName("expectation_prompt_dimension")
        self.dimension_combo.setAccessibleName("Dimension")
        self.dimension_combo.setToolTip("Pick a dimension or type a new one")
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("expectation_prompt_text")
        self.text_edit.setAccessibleName("Expectation")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(90)
        self.form.addRow("Dimension", self.dimension_combo)
        self.form.addRow("Expectation", self.text_edit)

    @classmethod
    def get_values(cls, parent: QWidget | None, title: str, dimensions: Sequence[str],
                   dimension: str = "", text: str = "", problem: str = ""
                   ) -> tuple[str, str] | None:
        """(dimension, text), or None when cancelled; ``problem`` says why it is asked again."""
        dialog = cls(parent, title, dimensions, dimension, text, problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.dimension_combo.currentText(), dialog.text_edit.toPlainText()


class FreezePrompt(_Prompt):
    """Ask for an optional note before freezing the target."""

    def __init__(self, parent: QWidget | None, what: str) -> None:
        super().__init__(parent, "Freeze the target",
                         f"Keep a dated copy of {what} as it reads today, for example after you "
                         "agreed it with your manager. Later edits of the ladder will not "
                         "change this copy.", "freeze_prompt")
        self.note_edit = QLineEdit(placeholderText="e.g. agreed with Sam in our 1:1")
        self.note_edit.setObjectName("freeze_note_edit")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setMaxLength(500)
        self.form.addRow("Note (optional)", self.note_edit)

    @classmethod
    def get_note(cls, parent: QWidget | None, what: str) -> str | None:
        """The note (maybe empty), or None when cancelled."""
        dialog = cls(parent, what)
        return dialog.note_edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DeleteLadderConfirm:
    """The confirmation before a ladder is deleted; says what happens to evidence links."""

    @classmethod
    def ask(cls, parent: QWidget | None, ladder_name: str, usage: LadderUsage) -> bool:
        """True when the person confirmed the delete."""
        return confirm_destructive(
            parent, "Delete ladder",
            f"Delete the ladder “{ladder_name}” with all its levels and expectations?",
            f"If you do, {usage.describe()} Snapshots you froze are kept. This cannot be undone.",
            "delete_ladder_box", "Delete ladder")


class DeleteSnapshotConfirm:
    """The confirmation before a frozen snapshot is deleted."""

    @classmethod
    def ask(cls, parent: QWidget | None, label: str) -> bool:
        """True when the person confirmed deleting the snapshot described by ``label``."""
        return confirm_destructive(
            parent, "Delete snapshot", f"Delete the snapshot “{label}”?",
            "Only this frozen copy goes; your ladder, target and entries stay as they are. This cannot be "
            "undone.", "delete_snapshot_box", "Delete snapshot")
