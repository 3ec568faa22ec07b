"""The reflection worksheet: a few honest questions, and the kinds of aspiration they point to."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QGridLayout, QPlainTextEdit, QWidget

from fikadesk.domain.interview.reflection import ASPIRATION_KINDS, Worksheet, suggest_kinds
from fikadesk.ui.common.controls import named, plain_label
from fikadesk.ui.common.forms import FormDialog

FULFIL_WORDS = {
    "helping_people": "Helping people",
    "continual_learning": "Learning all the time",
    "innovation": "Making new things",
    "recognition": "Being recognised for my work",
    "power": "Having a say in decisions",
    "money": "Financial reward",
}
MANAGE_WORDS = {"unsure": "Not sure yet", "yes": "Yes, I want to manage people", "no": "No, I'd rather not"}
STYLE_WORDS = {"both": "A mix of both", "autonomy": "On my own, with autonomy", "team": "In a team"}


class ReflectionDialog(FormDialog):
    """Strengths, tasks enjoyed and dreaded, managing or not, how success is measured, what fulfils;
    the suggestions update as the person writes."""

    def __init__(self, sheet: Worksheet, parent: QWidget | None) -> None:
        super().__init__(
            "Reflection: what kind of career do you want?", "interview_reflection_dialog", parent
        )
        intro = plain_label(
            "Answer for yourself, not for an interviewer. There are no right answers; what you write "
            "here decides which kind of aspiration the builder suggests."
        )
        self.form.addRow(intro)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, label, tip in (
            ("strengths", "Your &strengths", "What do colleagues come to you for?"),
            ("tasks_enjoyed", "Tasks you &enjoy", "Which work makes time fly?"),
            ("tasks_dreaded", "Tasks you &dread", "Which work do you put off?"),
            ("success_measure", "How you &measure success", "What would make a year feel like a good one?"),
        ):
            edit = named(
                QPlainTextEdit(getattr(sheet, key)),
                f"interview_reflection_{key}",
                label.replace("&", ""),
                tip,
            )
            edit.setPlaceholderText(tip)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.textChanged.connect(self._suggest)
            self.texts[key] = edit
            self.form.addRow(label, edit)
        self.manage_combo = self._combo(
            "interview_reflection_manage", "Managing people", MANAGE_WORDS, sheet.manage_people
        )
        self.style_combo = self._combo(
            "interview_reflection_style", "How you like to work", STYLE_WORDS, sheet.work_style
        )
        self.form.addRow("Managing &people", self.manage_combo)
        self.form.addRow("How you like to &work", self.style_combo)
        grid = QGridLayout()
        self.fulfil_boxes: dict[str, QCheckBox] = {}
        for i, (key, words) in enumerate(FULFIL_WORDS.items()):
            box = named(QCheckBox(words), f"interview_reflection_{key}", words)
            box.setChecked(key in sheet.fulfilment)
            box.toggled.connect(self._suggest)
            self.fulfil_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.form.addRow("What &fulfils you", grid)
        self.suggestion_label = plain_label("", "interview_reflection_suggestions")
        self.suggestion_label.setAccessibleName("Suggested kinds of aspiration")
        self.form.addRow("Suggested", self.suggestion_label)
        self._suggest()
        self.resize(640, self.sizeHint().height())

    def _combo(self, name: str, accessible: str, words: dict[str, str], current: str) -> QComboBox:
        combo = named(QComboBox(), name, accessible)
        for key, text in words.items():
            combo.addItem(text, key)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.currentIndexChanged.connect(self._suggest)
        return combo

    def sheet(self) -> Worksheet:
        """The worksheet as filled in now."""
        text = {key: edit.toPlainText() for key, edit in self.texts.items()}
        chosen = frozenset(k for k, box in self.fulfil_boxes.items() if box.isChecked())
        return Worksheet(
            strengths=text["strengths"],
            tasks_enjoyed=text["tasks_enjoyed"],
            tasks_dreaded=text["tasks_dreaded"],
            manage_people=self.manage_combo.currentData(),
            work_style=self.style_combo.currentData(),
            success_measure=text["success_measure"],
            fulfilment=chosen,  # type: ignore[arg-type]
        )

    def _suggest(self) -> None:
        found = suggest_kinds(self.sheet())
        if not found:
            self.suggestion_label.setText(
                "Write a little above and the kinds of aspiration that fit you show "
                "here: " + ", ".join(k.replace("_", "-") for k in ASPIRATION_KINDS) + "."
            )
            return
        self.suggestion_label.setText("\n".join(f"• {s.why}" for s in found))

    def result_value(self) -> Worksheet:
        return self.sheet()

    @classmethod
    def get_sheet(cls, parent: QWidget, sheet: Worksheet) -> Worksheet | None:
        dialog = cls(sheet, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]
