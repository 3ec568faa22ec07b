"""The two answer builders: Now / Next / Future for an aspiration, and a STAR story from evidence."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.interview.answers import Situation, StarDraft, compose_aspiration, compose_story
from fikadesk.domain.interview.reflection import ASPIRATION_KINDS
from fikadesk.ui.common.controls import named, plain_label
from fikadesk.ui.interview.fields import GrowingTextEdit

PARTS = ("now", "next", "future")
PART_WORDS = {"now": "&Now", "next": "Ne&xt", "future": "&Future"}
PART_LEADS = {
    "now": "What you will focus on and bring in this role, from the start.",
    "next": "The responsibility or role you are growing into over the next few years.",
    "future": "The longer direction: the kind of impact or expertise you are heading for.",
}


class AspirationBuilder(QGroupBox):
    """Pick a kind of aspiration and a situation, fill Now / Next / Future, compose an answer."""

    compose_requested = Signal(str)
    edited = Signal()

    def __init__(self, situations: tuple[Situation, ...]) -> None:
        super().__init__("Aspiration builder")
        self.setObjectName("interview_aspiration_builder")
        self._situations = {s.id: s for s in situations}
        self.kind_combo = named(
            QComboBox(),
            "interview_aspiration_kind",
            "Kind of aspiration",
            "Leadership, expertise, impact, entrepreneurial or work-life design",
        )
        self.kind_combo.addItem("Choose a kind…", "")
        for kind, about in ASPIRATION_KINDS.items():
            self.kind_combo.addItem(about.split(":")[0], kind)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, about, 3)  # 3 = ToolTipRole
        self.suggestion_label = plain_label("", "interview_aspiration_suggestion")
        self.situation_combo = named(
            QComboBox(),
            "interview_situation",
            "Your situation",
            "Hints and examples change with your situation",
        )
        for situation in situations:
            self.situation_combo.addItem(situation.title, situation.id)
        for combo in (self.kind_combo, self.situation_combo):  # narrow columns: no sideways scrolling
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.edits: dict[str, GrowingTextEdit] = {}
        self.hints: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow("Kind", self.kind_combo)
        form.addRow("", self.suggestion_label)
        form.addRow("Situation", self.situation_combo)
        for part in PARTS:
            edit = named(GrowingTextEdit(1, 6, enter_moves_on=True), f"interview_part_{part}",
                         part.capitalize(), PART_LEADS[part])
            edit.text_edited.connect(self.edited)
            edit.focus_changed.connect(lambda _f, p=part: self._show_hint_of(p))
            hint = plain_label("", f"interview_hint_{part}")
            hint.setEnabled(False)
            self.edits[part], self.hints[part] = edit, hint
            field = QWidget()
            stack = QVBoxLayout(field)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(2)
            stack.addWidget(edit)
            stack.addWidget(hint)
            label = QLabel(PART_WORDS[part])
            label.setBuddy(edit)  # Alt+N, Alt+X, Alt+F jump to the part
            form.addRow(label, field)
        self.compose_button = named(
            QPushButton("&Compose answer"),
            "interview_compose_button",
            "Compose an answer from Now, Next and Future",
            "Write the three parts into an answer below, to edit (Alt+C)",
        )
        self.compose_button.clicked.connect(self._compose)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compose_button)
        layout.addStretch(1)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.situation_combo.currentIndexChanged.connect(lambda _i: self._show_hints())
        self.situation_picked = False  # once the person picks one, suggestions leave it alone
        self.situation_combo.activated.connect(lambda _i: setattr(self, "situation_picked", True))
        self.role, self.company = "", ""
        self._show_hints()

    def _show_hints(self) -> None:
        situation = self._situations.get(self.situation_combo.currentData())
        for part in PARTS:
            guide = getattr(situation, part) if situation else None
            hint = self.hints[part]
            hint.setText(guide.hint if guide else "")  # type: ignore[attr-defined]
            hint.setToolTip(f"For example: “{guide.example}”" if guide else "")
            self.edits[part].setPlaceholderText(guide.example if guide else "")
            self._show_hint_of(part)

    def _show_hint_of(self, part: str) -> None:
        """A part's hint shows while it is empty or being written, and gives way once it is filled."""
        edit, hint = self.edits[part], self.hints[part]
        hint.setVisible(bool(hint.text()) and (edit.hasFocus() or not edit.text().strip()))

    def suggest_situation(self, situation_id: str) -> None:
        """Show the situation that fits the person's target, unless they picked one themselves."""
        index = self.situation_combo.findData(situation_id)
        if not self.situation_picked and index >= 0:
            self.situation_combo.setCurrentIndex(index)

    def load(self, kind: str, parts: tuple[str, ...], suggestion: str, why: str = "") -> None:
        """Show a stored answer's kind and parts, and what the reflection suggests (and why, on
        hover)."""
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        for part, text in zip(PARTS, parts, strict=False):
            self.edits[part].setText(text)
            self._show_hint_of(part)
        self.suggestion_label.setText(suggestion)
        self.suggestion_label.setToolTip(why)
        self.suggestion_label.setVisible(bool(suggestion))

    def kind(self) -> str:
        """The chosen kind of aspiration ("" when none)."""
        return str(self.kind_combo.currentData() or "")

    def parts(self) -> tuple[str, str, str, str]:
        """Now, Next, Future (and an empty fourth part)."""
        return (self.edits["now"].text(), self.edits["next"].text(), self.edits["future"].text(), "")

    def _compose(self) -> None:
        now, nxt, future, _ = self.parts()
        self.compose_requested.emit(
            compose_aspiration(now, nxt, future, role=self.role, company=self.company)
        )


class StarBuilder(QGroupBox):
    """Situation, Task, Action, Result: filled from journal entries, then edited into a story."""

    compose_requested = Signal(str)
    pick_requested = Signal()
    edited = Signal()

    def __init__(self) -> None:
        super().__init__("STAR story from your evidence")
        self.setObjectName("interview_star_builder")
        self.pick_button = named(
            QPushButton("From &journal entries…"),
            "interview_pick_entries_button",
            "Pick journal entries",
            "Choose the entries this story is about; together they fill Situation, Task, Action and Result",
        )
        self.pick_button.clicked.connect(self.pick_requested)
        self.entries_label = plain_label("No journal entries linked yet.", "interview_story_entries")
        self.edits: dict[str, GrowingTextEdit] = {}
        form = QFormLayout()
        for key, label, tip in (
            ("situation", "&Situation", "Where and when; what was at stake"),
            ("task", "&Task", "What you had to do, or what was expected of you"),
            ("action", "&Action", "What YOU did: your decisions and steps"),
            ("result", "&Result", "What changed, in numbers where you can"),
        ):
            edit = named(GrowingTextEdit(2, 10), f"interview_star_{key}", key.capitalize(), tip)
            edit.setPlaceholderText(tip)
            edit.textChanged.connect(self.edited)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.compose_button = named(
            QPushButton("&Compose story"),
            "interview_compose_story_button",
            "Compose the story from the four parts",
            "Join Situation, Task, Action and Result into the answer below (Alt+C)",
        )
        self.compose_button.clicked.connect(self._compose)
        top = QHBoxLayout()
        top.addWidget(self.pick_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.entries_label)  # under the button: the column is narrow
        layout.addLayout(form)
        layout.addWidget(self.compose_button)
        layout.addStretch(1)

    def load(self, parts: tuple[str, ...], entries: list[str]) -> None:
        """Show a stored story's parts and the titles of its entries."""
        for key, text in zip(("situation", "task", "action", "result"), parts, strict=False):
            self.edits[key].blockSignals(True)
            self.edits[key].setPlainText(text)
            self.edits[key].blockSignals(False)
        self.show_entries(entries)

    def show_entries(self, titles: list[str]) -> None:
        """Say which entries the story is built from."""
        self.entries_label.setText(
            "From: " + "; ".join(titles)
            if titles
            else "No journal entries linked yet: a story is strongest when it comes from "
            "something you wrote down at the time."
        )

    def fill(self, draft: StarDraft) -> None:
        """Put a pre-filled draft into the four parts."""
        for key in ("situation", "task", "action", "result"):
            self.edits[key].setPlainText(getattr(draft, key))

    def parts(self) -> tuple[str, str, str, str]:
        """Situation, Task, Action, Result as written."""
        return tuple(self.edits[k].toPlainText() for k in ("situation", "task", "action", "result"))  # type: ignore[return-value]

    def _compose(self) -> None:
        self.compose_requested.emit(compose_story(StarDraft(*self.parts())))


def motivation_help() -> QWidget:
    """What a motivation answer needs (no builder: it is written from research)."""
    box = QGroupBox("Why this role, why this company")
    box.setObjectName("interview_motivation_help")
    layout = QVBoxLayout(box)
    layout.addWidget(
        plain_label(
            "Link what you found out about the company (its plans, its product, how people grow "
            "there) to what you want to do next. Name one thing about them and one thing about "
            "you; the coach checks the answer against the job's key terms."
        )
    )
    return box
