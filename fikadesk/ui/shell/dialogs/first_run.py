"""First run: three short, skippable steps (ladder and levels, a first win, reminders), or a demo."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import EntryDraft, EntryValidationError
from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.importer import LadderImport, parse_ladder_files
from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.container import Services
from fikadesk.ui.common.controls import buddy_label, named, plain_label
from fikadesk.ui.common.theme import error_style

STEP_TITLES = ("1 of 3 · Where you are heading", "2 of 3 · Your first win", "3 of 3 · A gentle nudge")


class FirstRunOutcome(Enum):
    """How the first run ended."""

    DONE = "done"
    SKIPPED = "skipped"
    DEMO = "demo"


def _text(text: str, name: str, *, heading: bool = False) -> QLabel:
    label = plain_label(text, name)
    if heading:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        label.setFont(font)
    return label


def _ladder_title(path: Path) -> str:
    """The ladder's name as the importer reads it (a "# " title or a front-matter title), so
    the first run names a ladder as the Target tab does; else its file name in title case."""
    try:
        return parse_ladder_files([path]).name
    except (LadderImportError, OSError, ValueError):
        return " ".join(w.capitalize() for w in path.stem.replace("-", " ").split())


def bundled_ladders(resources: Path) -> list[Path]:
    """The ladder files shipped with fikadesk."""
    return sorted(p for p in (resources / "ladders").glob("*.md") if p.name.lower() != "readme.md")


class FirstRunDialog(QDialog):
    """Each step saves when you press Next; Skip moves on without saving that step."""

    def __init__(self, services: Services, resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_dialog")
        self.setWindowTitle("Welcome to fikadesk")
        self.services = services
        self.outcome = FirstRunOutcome.SKIPPED
        self.ladder: LadderImport | None = None
        self.title_label = _text("", "first_run_step_title", heading=True)
        self.stack = QStackedWidget()
        self.stack.setObjectName("first_run_steps")
        self.stack.addWidget(self._ladder_step(resources))
        self.stack.addWidget(self._win_step())
        self.stack.addWidget(self._reminder_step())
        self.error_label = _text("", "first_run_error_label")
        self.error_label.hide()
        self.demo_button = named(QPushButton("Look around a &demo journal"), "first_run_demo_button",
                                 "Open a demo journal", "Open a separate journal filled with sample "
                                 "entries; your own journal stays empty and untouched")
        self.skip_all_button = named(QPushButton("Skip &all"), "first_run_skip_all_button",
                                     "Skip all steps", "Close these steps; you can do all of this later")
        self.skip_button = named(QPushButton("&Skip"), "first_run_skip_button", "Skip this step",
                                 "Go to the next step without saving this one")
        self.next_button = named(QPushButton("&Next"), "first_run_next_button", "Save and continue",
                                 "Save this step and go to the next one (Enter)")
        self.next_button.setDefault(True)
        self.demo_button.clicked.connect(self._on_demo_button_clicked)
        self.skip_all_button.clicked.connect(self._on_skip_all_button_clicked)
        self.skip_button.clicked.connect(self._advance)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        for button in (self.skip_all_button, self.skip_button, self.next_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._show_step(0)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    # -- steps ---------------------------------------------------------------------------------
    def _ladder_step(self, resources: Path) -> QWidget:
        page = QWidget()
        intro = _text("A promotion goes to someone already working at the next level. Pick the "
                      "career ladder closest to your job, or import your company's own, and say "
                      "where you are and where you want to be.", "first_run_ladder_intro")
        self.ladder_combo = named(QComboBox(), "first_run_ladder_combo", "Career ladder",
                                  "The ladder whose levels you want to measure yourself against")
        for path in bundled_ladders(resources):
            self.ladder_combo.addItem(_ladder_title(path), str(path))
        self.import_button = named(QPushButton("&Import…"), "first_run_import_button",
                                   "Import a ladder file", "Import a ladder from a markdown, CSV, "
                                   "JSON or YAML file")
        self.current_combo = named(QComboBox(), "first_run_current_combo", "Current level",
                                   "The level you hold today")
        self.target_combo = named(QComboBox(), "first_run_target_combo", "Target level",
                                  "The level you are working toward")
        self.ladder_combo.currentIndexChanged.connect(self._on_ladder_combo_changed)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.ladder_combo, 1)
        row.addWidget(self.import_button)
        form = QFormLayout()
        form.addRow(buddy_label("&Ladder:", self.ladder_combo), row)
        form.addRow("&Current level:", self.current_combo)
        form.addRow("&Target level:", self.target_combo)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self._on_ladder_combo_changed()
        return page

    def _win_step(self) -> QWidget:
        page = QWidget()
        intro = _text("Think of one thing from the last few weeks that you are glad you did. Name "
                      "it in a few words and say what it changed. That is a win.",
                      "first_run_win_intro")
        self.win_title_edit = named(QLineEdit(), "first_run_win_title", "What you did",
                                    "A few words on what you did")
        self.win_title_edit.setPlaceholderText("Cut the nightly build from 40 to 12 minutes")
        self.win_impact_edit = named(QLineEdit(), "first_run_win_impact", "What it changed",
                                     "The result: a number, a quote, a risk avoided")
        self.win_impact_edit.setPlaceholderText("Test results arrive before stand-up")
        form = QFormLayout()
        form.addRow("What you &did:", self.win_title_edit)
        form.addRow("What it &changed:", self.win_impact_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _reminder_step(self) -> QWidget:
        page = QWidget()
        intro = _text("Wins are easiest to write down the week they happen. fikadesk can point it "
                      "out when a week passes with nothing recorded. You can change this any time "
                      "in Edit > Preferences.", "first_run_reminder_intro")
        self.remind_check = named(QCheckBox("&Remind me weekly"), "first_run_remind_check",
                                  "Remind me weekly", "Point out a week with nothing recorded")
        self.remind_check.setChecked(self.services.preferences.get().reminder != "off")
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.remind_check)
        layout.addStretch(1)
        return page

    # -- behaviour ------------------------------------------------------------------------------
    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.title_label.setText(STEP_TITLES[index])
        self.next_button.setText("&Finish" if index == len(STEP_TITLES) - 1 else "&Next")
        self.error_label.hide()
        focus = (self.ladder_combo, self.win_title_edit, self.remind_check)[index]
        focus.setFocus()

    def _fail(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setStyleSheet(error_style())  # chosen now: the scheme may have changed
        self.error_label.show()

    def _advance(self) -> None:
        index = self.stack.currentIndex()
        if index + 1 < self.stack.count():
            self._show_step(index + 1)
        else:
            self.outcome = FirstRunOutcome.DONE
            self._finish()

    def _finish(self) -> None:
        try:
            self.services.preferences.mark_first_run_done()
        except StorageError as exc:
            self._fail(f"Could not remember that the welcome steps are done: {exc}")
            return
        self.accept()

    def _load_ladder(self, paths: list[Path]) -> None:
        try:
            self.ladder = parse_ladder_files(paths)
        except (LadderImportError, OSError) as exc:
            self.ladder = None
            self._fail(f"That ladder could not be read: {exc}")
        names = [level.name for level in self.ladder.ladder.levels] if self.ladder else []
        for combo, pick in ((self.current_combo, 0), (self.target_combo, 1)):
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(min(pick, len(names) - 1))

    def _on_ladder_combo_changed(self, _index: int = 0) -> None:
        raw = self.ladder_combo.currentData()
        if raw:
            self._load_ladder([Path(raw)])

    def _on_import_button_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import a ladder", str(Path.home()),
                                                "Ladders (*.md *.markdown *.csv *.tsv *.json *.yaml *.yml)")
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        """Use the ladder in ``path`` (shown first in the ladder list)."""
        self.error_label.hide()
        self._load_ladder([path])
        if self.ladder is not None:
            self.ladder_combo.blockSignals(True)
            self.ladder_combo.insertItem(0, self.ladder.ladder.name, str(path))
            self.ladder_combo.setCurrentIndex(0)
            self.ladder_combo.blockSignals(False)

    def _on_next_button_clicked(self) -> None:
        try:
            [self._save_ladder, self._save_win, self._save_reminder][self.stack.currentIndex()]()
        except FikadeskError as exc:
            self._fail(f"Not saved: {exc}. Change it, or press Skip.")
            return
        self._advance()

    def _save_ladder(self) -> None:
        if self.ladder is None:
            raise LevelingError("choose a ladder that can be read")
        if self.target_combo.currentIndex() <= self.current_combo.currentIndex():
            raise LevelingError("the target level must be above your current level")
        ladder_id = self.services.leveling.import_ladder(self.ladder)
        self.services.leveling.set_target(ladder_id, self.current_combo.currentText(),
                                          self.target_combo.currentText())

    def _save_win(self) -> None:
        title = self.win_title_edit.text().strip()
        if not title:
            raise EntryValidationError("title", "write a few words on what you did")
        self.services.journal.add(EntryDraft(day=self.services.today(), title=title,
                                             impact=self.win_impact_edit.text().strip()))

    def _save_reminder(self) -> None:
        prefs = self.services.preferences.get()
        self.services.preferences.save(prefs.with_changes(
            reminder="weekly" if self.remind_check.isChecked() else "off"))

    def _on_skip_all_button_clicked(self) -> None:
        self.outcome = FirstRunOutcome.SKIPPED
        self._finish()

    def _on_demo_button_clicked(self) -> None:
        self.outcome = FirstRunOutcome.DEMO
        self.reject()

    @classmethod
    def run(cls, parent: QWidget | None, services: Services, resources: Path) -> FirstRunOutcome:
        """Show the steps; return how they ended (closing the window counts as skipped)."""
        dialog = cls(services, resources, parent)
        dialog.exec()
        return dialog.outcome


def needs_first_run(services: Services) -> bool:
    """A journal with no entries, no target and no finished first run gets the welcome steps."""
    return (not services.preferences.first_run_done() and services.journal.count() == 0
            and services.leveling.target() is None)
