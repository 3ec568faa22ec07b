"""The top of the Target tab: which ladder, the current and target level, date and summary."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from fikadesk.domain.leveling.stored import LadderSummary, StoredLadder, Target
from fikadesk.ui.common.controls import from_qdate, named, to_qdate

BUNDLED_PREFIX = "Add bundled: "
SUMMARY_HINT = ("In your own words: what does the next level ask of you that you do not do "
                "yet? Two or three sentences you could say to your manager.")


class TargetForm(QWidget):
    """Chooses a ladder and edits the target; the tab does the saving."""

    ladder_chosen = Signal(int)
    bundled_chosen = Signal(str)
    import_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filling = False
        self._edited = False
        self._today: date | None = None
        self.ladder_combo = QComboBox()
        named(self.ladder_combo, "target_ladder_combo", "Ladder",
              "The leveling guide your target is on. Bundled ladders are added to your "
              "journal when you pick them.")
        self.ladder_combo.setMinimumContentsLength(28)
        self.import_button = QPushButton("Import…")
        named(self.import_button, "target_import_button", "Import a ladder",
              "Import your company's ladder from markdown, CSV, JSON or YAML (Ctrl+Shift+I)")
        self.edit_button = QPushButton("Edit…")
        named(self.edit_button, "target_edit_button", "Edit ladder",
              "Rename the ladder; add, remove and reorder its levels and expectations")
        self.delete_button = QPushButton("Delete…")
        named(self.delete_button, "target_delete_button", "Delete ladder",
              "Delete this ladder; you are told first what happens to linked evidence")
        self.current_combo = QComboBox()
        named(self.current_combo, "target_current_combo", "Current level",
              "The level you work at today")
        self.target_combo = QComboBox()
        named(self.target_combo, "target_level_combo", "Target level",
              "The level you are aiming for; it must be above your current level")
        self.date_check = QCheckBox("By")
        named(self.date_check, "target_date_check", "Has a target date",
              "Set the review cycle you are aiming at")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setEnabled(False)
        named(self.date_edit, "target_date_edit", "Target date",
              "When you hope to be promoted: the review cycle you aim at")
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(SUMMARY_HINT)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(54)
        named(self.summary_edit, "target_summary_edit", "Your summary of the next level",
              "Your own plain-language summary of what the target level asks for")
        self.save_button = QPushButton("Save target")
        named(self.save_button, "target_save_button", "Save target",
              "Save the ladder, levels, date and summary as your target")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("target_saved_label")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setWordWrap(True)
        # Long level names are shown whole in the lists; the combos themselves stay narrow.
        for combo in (self.current_combo, self.target_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("Ladder"), 0, 0)
        ladder_row = QHBoxLayout()
        ladder_row.addWidget(self.ladder_combo, 1)
        for button in (self.import_button, self.edit_button, self.delete_button):
            ladder_row.addWidget(button)
        grid.addLayout(ladder_row, 0, 1, 1, 3)
        levels_row = QHBoxLayout()
        levels_row.addWidget(QLabel("From"))
        levels_row.addWidget(self.current_combo, 1)
        levels_row.addWidget(QLabel("to"))
        levels_row.addWidget(self.target_combo, 1)
        levels_row.addWidget(self.date_check)
        levels_row.addWidget(self.date_edit)
        grid.addWidget(QLabel("Target"), 1, 0)
        grid.addLayout(levels_row, 1, 1, 1, 3)
        grid.addWidget(QLabel("In my words"), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.summary_edit, 2, 1, 1, 2)
        side = QHBoxLayout()
        side.addWidget(self.save_button)
        grid.addLayout(side, 2, 3, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.saved_label, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)

        self.ladder_combo.activated.connect(self._on_ladder_activated)
        self.import_button.clicked.connect(self.import_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        for signal in (self.summary_edit.textChanged, self.current_combo.activated,
                       self.target_combo.activated, self.date_check.toggled,
                       self.date_edit.dateChanged):
            signal.connect(self._on_edited)

    def _on_edited(self, *_args) -> None:
        if not self._filling:
            self._edited = True

    def has_unsaved_edits(self) -> bool:
        """True when the person changed the form since it was last filled or saved."""
        return self._edited

    # -- filling -----------------------------------------------------------------------------
    def set_ladders(self, ladders: list[LadderSummary], bundled: list[tuple[str, str]],
                    selected: int | None) -> None:
        """Stored ladders, then bundled ones not yet added as (name, path)."""
        self._filling = True
        self.ladder_combo.clear()
        for summary in ladders:
            self.ladder_combo.addItem(f"{summary.name} ({summary.level_count} levels)",
                                      ("stored", summary.id))
        if ladders and bundled:
            self.ladder_combo.insertSeparator(self.ladder_combo.count())
        for name, path in bundled:
            self.ladder_combo.addItem(BUNDLED_PREFIX + name, ("bundled", path))
        if not ladders:
            self.ladder_combo.insertItem(0, "Pick a ladder…", None)
        index = self.ladder_combo.findData(("stored", selected)) if selected is not None else 0
        self.ladder_combo.setCurrentIndex(max(0, index))
        has = bool(ladders)
        for widget in (self.edit_button, self.delete_button, self.current_combo,
                       self.target_combo, self.save_button, self.summary_edit, self.date_check):
            widget.setEnabled(has)
        self.date_edit.setEnabled(has and self.date_check.isChecked())
        self._filling = False

    def selected_ladder(self) -> int | None:
        data = self.ladder_combo.currentData()
        return int(data[1]) if data and data[0] == "stored" else None

    def set_levels(self, ladder: StoredLadder | None, target: Target | None) -> None:
        """Level names of the ladder; the saved target's choices when it is on this ladder."""
        self._filling = True
        names = [lv.name for lv in ladder.levels] if ladder else []
        for combo in (self.current_combo, self.target_combo):
            combo.clear()
            combo.addItems(names)
        on_this = target is not None and ladder is not None and target.ladder_id == ladder.id
        if on_this:
            assert target is not None
            self.current_combo.setCurrentText(target.current_level)
            self.target_combo.setCurrentText(target.target_level)
            self.date_check.setChecked(target.target_date is not None)
            if target.target_date:
                self.date_edit.setDate(to_qdate(target.target_date))
            self.summary_edit.setPlainText(target.summary)
        elif names:
            self.current_combo.setCurrentIndex(0)
            self.target_combo.setCurrentIndex(min(1, len(names) - 1))
        self.show_saved(target)
        self._filling = False
        self._edited = False

    def show_saved(self, target: Target | None) -> None:
        if target is None:
            self.saved_label.setText("No target saved yet.")
            return
        when = f", by {target.target_date.isoformat()}" if target.target_date else ""
        passed = (" That date has passed: set the date of your next review."
                  if target.target_date and self._today and target.target_date < self._today
                  else "")
        self.saved_label.setText(f"Saved target: {target.target_level} on {target.ladder_name}, "
                                 f"from {target.current_level}{when}.{passed}")

    def values(self) -> tuple[str, str, date | None, str]:
        """(current level, target level, target date or None, summary) as chosen."""
        when = from_qdate(self.date_edit.date()) if self.date_check.isChecked() else None
        return (self.current_combo.currentText(), self.target_combo.currentText(), when,
                self.summary_edit.toPlainText())

    def set_default_date(self, value: date) -> None:
        """Today: the date offered for a new target, and what a saved date is compared with."""
        self._today = value
        if not self.date_check.isChecked():
            filling, self._filling = self._filling, True
            self.date_edit.setDate(to_qdate(value))
            self._filling = filling

    def _on_ladder_activated(self, _index: int) -> None:
        if self._filling:
            return
        data = self.ladder_combo.currentData()
        if not data:
            return
        if data[0] == "bundled":
            self.bundled_chosen.emit(str(data[1]))
        else:
            self.ladder_chosen.emit(int(data[1]))
