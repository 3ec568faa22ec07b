"""Edit a stored ladder: its name, its levels and each level's expectations."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.leveling.stored import StoredLadder, StoredLevel
from fikadesk.errors import FikadeskError
from fikadesk.services.leveling.service import LevelingService
from fikadesk.ui.common.controls import button
from fikadesk.ui.leveling.models import ExpectationTableModel
from fikadesk.ui.leveling.prompts import ExpectationPrompt, TextPrompt


def _button(text: str, name: str, tip: str) -> QPushButton:
    """A button its screen reader name takes from the tip (before any shortcut in brackets)."""
    return button(text, name, tip, accessible=tip.split(" (")[0])


class LadderEditorDialog(QDialog):
    """Every change is saved at once (one transaction each); errors show in red below."""

    ladder_changed = Signal(int)

    def __init__(self, parent: QWidget | None, leveling: LevelingService, ladder_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("ladder_editor_dialog")
        self.setAccessibleName("Edit ladder")
        self.setWindowTitle("Edit ladder")
        self._leveling = leveling
        self.ladder: StoredLadder = leveling.get_ladder(ladder_id)

        self.name_edit = QLineEdit(self.ladder.name)
        self.name_edit.setObjectName("editor_name_edit")
        self.name_edit.setAccessibleName("Ladder name")
        self.name_edit.setToolTip("The ladder's name; press Enter to save it")
        self.name_edit.setMaxLength(200)
        self.levels_model = QStringListModel(self)
        self.levels_view = QListView()
        self.levels_view.setObjectName("editor_levels_list")
        self.levels_view.setAccessibleName("Levels, highest at the top")
        self.levels_view.setModel(self.levels_model)
        self.levels_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exp_model = ExpectationTableModel(self)
        self.exp_view = QTableView()
        self.exp_view.setObjectName("editor_expectations_table")
        self.exp_view.setAccessibleName("Expectations of the selected level")
        self.exp_view.setModel(self.exp_model)
        self.exp_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exp_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.exp_view.setWordWrap(True)
        self.exp_view.verticalHeader().hide()
        self.exp_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Rows follow the width the text is shown at (it changes when the dialog is laid out
        # or resized), so long expectations wrap instead of being cut short.
        self.exp_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = QLabel()
        self.error_label.setObjectName("editor_error_label")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e; font-weight: bold;")

        self.add_level_button = _button("Add…", "editor_add_level", "Add a level above the selected one")
        self.rename_level_button = _button("Rename…", "editor_rename_level", "Rename the selected level")
        self.remove_level_button = _button("Remove", "editor_remove_level",
                                           "Remove the selected level and its expectations")
        self.level_up_button = _button("Up", "editor_level_up", "Move the level one rung higher")
        self.level_down_button = _button("Down", "editor_level_down", "Move the level one rung lower")
        self.add_exp_button = _button("Add…", "editor_add_expectation",
                                      "Add an expectation to the selected level")
        self.edit_exp_button = _button("Edit…", "editor_edit_expectation",
                                       "Change the wording, or move it to another dimension")
        self.remove_exp_button = _button("Remove", "editor_remove_expectation",
                                         "Remove the selected expectation")
        self.exp_up_button = _button("Up", "editor_expectation_up", "Move the expectation earlier")
        self.exp_down_button = _button("Down", "editor_expectation_down", "Move the expectation later")

        levels_box = QGroupBox("Levels (highest at the top)")
        levels_layout = QVBoxLayout(levels_box)
        levels_layout.addWidget(self.levels_view, 1)
        level_buttons = QGridLayout()
        for n, each in enumerate((self.add_level_button, self.rename_level_button,
                                  self.remove_level_button, self.level_up_button,
                                  self.level_down_button)):
            level_buttons.addWidget(each, n // 3, n % 3)
        levels_layout.addLayout(level_buttons)
        exp_box = QGroupBox("Expectations of the selected level")
        exp_layout = QVBoxLayout(exp_box)
        exp_layout.addWidget(self.exp_view, 1)
        exp_buttons = QHBoxLayout()
        for each in (self.add_exp_button, self.edit_exp_button, self.remove_exp_button,
                     self.exp_up_button, self.exp_down_button):
            exp_buttons.addWidget(each)
        exp_buttons.addStretch(1)
        exp_layout.addLayout(exp_buttons)
        body = QHBoxLayout()
        body.addWidget(levels_box, 1)
        body.addWidget(exp_box, 3)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("Name"))
        name_row.addWidget(self.name_edit, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setObjectName("editor_close_button")
        close_button.setAccessibleName("Close")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(name_row)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(900, 560)

        self.name_edit.editingFinished.connect(self.rename_ladder)
        self.levels_view.selectionModel().currentChanged.connect(lambda *_: self._show_level())
        self.add_level_button.clicked.connect(self.add_level)
        self.rename_level_button.clicked.connect(self.rename_level)
        self.remove_level_button.clicked.connect(self._remove_level)
        self.level_up_button.clicked.connect(lambda: self._move_level(1))
        self.level_down_button.clicked.connect(lambda: self._move_level(-1))
        self.add_exp_button.clicked.connect(self.add_expectation)
        self.edit_exp_button.clicked.connect(self.edit_expectation)
        self.remove_exp_button.clicked.connect(self._remove_expectation)
        self.exp_up_button.clicked.connect(lambda: self._move_exp(-1))
        self.exp_down_button.clicked.connect(lambda: self._move_exp(1))
        self._show(self.ladder, keep_level=self.ladder.levels[0].id if self.ladder.levels else None)

    # -- showing -----------------------------------------------------------------------------
    def _display_levels(self) -> list[StoredLevel]:
        return list(reversed(self.ladder.levels))  # highest at the top, like a ladder

    def _level_id(self) -> int | None:
        row = self.levels_view.currentIndex().row()
        levels = self._display_levels()
        return levels[row].id if 0 <= row < len(levels) else None

    def _exp_id(self) -> int | None:
        row = self.exp_view.currentIndex().row()
        return self.exp_model.row_id(row) if 0 <= row < self.exp_model.rowCount() else None

    def _show(self, ladder: StoredLadder, keep_level: int | None = None,
              keep_exp: int | None = None) -> None:
        self.ladder = ladder
        levels = self._display_levels()
        self.levels_model.setStringList([lv.name for lv in levels])
        rows = [n for n, lv in enumerate(levels) if lv.id == keep_level]
        if rows:
            self.levels_view.selectionModel().setCurrentIndex(
                self.levels_model.index(rows[0]), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_level(keep_exp)

    def _show_level(self, keep_exp: int | None = None) -> None:
        level_id = self._level_id()
        level = next((lv for lv in self.ladder.levels if lv.id == level_id), None)
        self.exp_model.set_rows([(e.id, e.dimension, e.text) for e in level.expectations]
                                if level else [])
        self.exp_view.resizeColumnToContents(0)
        row = self.exp_model.row_of(keep_exp) if keep_exp is not None else None
        if row is not None:
            self.exp_view.selectRow(row)

    # -- actions -----------------------------------------------------------------------------
    def _apply(self, change: Callable[[], StoredLadder], keep_level: int | None,
               keep_exp: int | None = None) -> bool:
        try:
            ladder = change()
        except FikadeskError as exc:
            self.error_label.setText(f"Not changed: {exc}")
            return False
        self.error_label.clear()
        self._show(ladder, keep_level, keep_exp)
        self.ladder_changed.emit(ladder.id)
        return True

    def _remove_level(self) -> None:
        level_id = self._level_id()
        if level_id is None:
            self.error_label.setText("Select a level first.")
            return
        row = self.levels_view.currentIndex().row()
        levels = self._display_levels()
        keep = levels[row + 1 if row + 1 < len(levels) else max(0, row - 1)].id
        self._apply(lambda: self._leveling.remove_level(level_id),
                    keep if keep != level_id else None)

    def _remove_expectation(self) -> None:
        exp_id = self._exp_id()
        if exp_id is None:
            self.error_label.setText("Select an expectation first.")
            return
        self._apply(lambda: self._leveling.remove_expectation(exp_id), self._level_id())

    def rename_ladder(self) -> None:
        if self.name_edit.text().strip() != self.ladder.name:
            if not self._apply(lambda: self._leveling.rename_ladder(self.ladder.id,
                                                                    self.name_edit.text()),
                               self._level_id()):
                self.name_edit.setText(self.ladder.name)

    def _refusal(self) -> str:
        """The reason the last change was refused, to show above the question asked again."""
        return f"{self.error_label.text()}\n\n"

    def add_level(self) -> None:
        intro = "The new level goes one rung above the selected level (at the top when none is " \
            "selected)."
        after = self._level_id()
        typed, note = "", ""
        # A refused name (empty, taken, too long) is asked for again with the reason.
        while True:
            name = TextPrompt.get_text(self, "Add a level", note + intro, typed)
            if name is None:
                return
            if self._apply(partial(self._leveling.add_level, self.ladder.id, name,
                                   after_level_id=after), after):
                added = next((lv.id for lv in self.ladder.levels
                              if lv.name.casefold() == " ".join(name.split()).casefold()), None)
                if added is not None:
                    self._show(self.ladder, added)
                return
            typed, note = name, self._refusal()

    def rename_level(self) -> None:
        level_id = self._level_id()
        if level_id is None:
            self.error_label.setText("Select a level first.")
            return
        typed = next(lv.name for lv in self.ladder.levels if lv.id == level_id)
        note = ""
        while True:
            name = TextPrompt.get_text(self, "Rename the level",
                                       note + "A new name for this level.", typed)
            if name is None or self._apply(partial(self._leveling.rename_level, level_id, name),
                                           level_id):
                return
            typed, note = name, self._refusal()

    def _move_level(self, offset: int) -> None:
        level_id = self._level_id()
        if level_id is not None:
            self._apply(lambda: self._leveling.move_level(level_id, offset), level_id)

    def add_expectation(self) -> None:
        level_id = self._level_id()
        if level_id is None:
            self.error_label.setText("Select a level first.")
            return
        self._ask_expectation("Add an expectation", "", "",
                              lambda values: self._apply(
                                  lambda: self._leveling.add_expectation(level_id, *values),
                                  level_id))

    def edit_expectation(self) -> None:
        exp_id = self._exp_id()
        if exp_id is None:
            self.error_label.setText("Select an expectation first.")
            return
        row = self.exp_model.row_of(exp_id)
        assert row is not None
        dimension = str(self.exp_model.index(row, 0).data())
        text = str(self.exp_model.index(row, 1).data())
        self._ask_expectation("Edit the expectation", dimension, text,
                              lambda values: self._apply(
                                  lambda: self._leveling.edit_expectation(exp_id, *values),
                                  self._level_id(), exp_id))

    def _ask_expectation(self, title: str, dimension: str, text: str,
                         save: Callable[[tuple[str, str]], bool]) -> None:
        """Ask until the journal takes the expectation or the person cancels; a refused one
        comes back with what was typed, and the reason stays in the editor."""
        problem = ""
        while (values := ExpectationPrompt.get_values(
                self, title, self.ladder.to_ladder().dimensions, dimension, text,
                problem=problem)) is not None:
            if save(values):
                return
            dimension, text = values
            problem = self.error_label.text()

    def _move_exp(self, offset: int) -> None:
        exp_id = self._exp_id()
        if exp_id is not None:
            self._apply(lambda: self._leveling.move_expectation(exp_id, offset),
                        self._level_id(), exp_id)

    @classmethod
    def edit(cls, parent: QWidget | None, leveling: LevelingService, ladder_id: int) -> bool:
        """Open the editor; True when anything was changed."""
        dialog = cls(parent, leveling, ladder_id)
        changed: list[int] = []
        dialog.ladder_changed.connect(changed.append)
        dialog.exec()
        return bool(changed)
