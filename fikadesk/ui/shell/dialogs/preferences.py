"""Edit > Preferences: speaking pace, answer lengths, reminders, backup folder, journal location."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.preferences import (
    LENGTH_RANGE,
    PACE_RANGE,
    REMINDER_CADENCES,
    LengthTarget,
    Preferences,
    PreferencesError,
    validate_preferences,
)
from fikadesk.paths import JOURNAL_FILENAME
from fikadesk.ui.common.controls import buddy_label
from fikadesk.ui.common.theme import error_style

REMINDER_LABELS = {"off": "Never", "weekly": "Every week", "fortnightly": "Every two weeks",
                   "monthly": "Every month"}


@dataclass(frozen=True)
class PreferencesResult:
    """What the person chose: journal preferences, a backup folder, and maybe a new journal file."""

    preferences: Preferences
    backup_folder: Path | None
    move_to: Path | None


def _spin(name: str, accessible: str, tip: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setAccessibleName(accessible)
    spin.setToolTip(tip)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class PreferencesDialog(QDialog):
    """The form; nothing is saved until OK, and bad values are explained under the form."""

    def __init__(self, prefs: Preferences, journal: Path, backup_folder: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle("Preferences")
        self.journal = journal
        self.move_to: Path | None = None
        self.result_value: PreferencesResult | None = None
        self.pace_spin = _spin("pace_spin", "Speaking pace in words a minute",
                               "How fast you speak; answer timings are worked out from it",
                               *PACE_RANGE, prefs.words_per_minute, " words a minute")
        lo, hi = LENGTH_RANGE
        self.aspiration_low = _spin("aspiration_low_spin", "Shortest aspiration answer in seconds",
                                    "An aspiration answer shorter than this sounds thin", lo, hi,
                                    prefs.aspiration.low, " s")
        self.aspiration_high = _spin("aspiration_high_spin", "Longest aspiration answer in seconds",
                                     "An aspiration answer longer than this loses the listener", lo, hi,
                                     prefs.aspiration.high, " s")
        self.story_low = _spin("story_low_spin", "Shortest story answer in seconds",
                               "A story shorter than this usually skips the result", lo, hi,
                               prefs.story.low, " s")
        self.story_high = _spin("story_high_spin", "Longest story answer in seconds",
                                "A story longer than this needs trimming", lo, hi, prefs.story.high, " s")
        self.reminder_combo = QComboBox()
        self.reminder_combo.setObjectName("reminder_combo")
        self.reminder_combo.setAccessibleName("How often to be reminded to write")
        self.reminder_combo.setToolTip("How often the journal points out that nothing was recorded")
        for key in REMINDER_CADENCES:
            self.reminder_combo.addItem(REMINDER_LABELS[key], key)
        self.reminder_combo.setCurrentIndex(REMINDER_CADENCES.index(prefs.reminder))
        self.backup_edit = QLineEdit(str(backup_folder) if backup_folder else "")
        self.backup_edit.setObjectName("backup_folder_edit")
        self.backup_edit.setAccessibleName("Backup folder")
        self.backup_edit.setPlaceholderText(str(journal.parent / "backups"))
        self.backup_edit.setToolTip("Where File > Back up now puts copies; empty means next to the journal")
        self.backup_button = QPushButton("&Choose…")
        self.backup_button.setObjectName("backup_folder_button")
        self.backup_button.setAccessibleName("Choose the backup folder")
        self.backup_button.setToolTip("Pick the backup folder")
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.journal_label = QLabel(str(journal))
        self.journal_label.setObjectName("journal_location_label")
        self.journal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.journal_label.setWordWrap(True)
        self.move_button = QPushButton("&Move journal…")
        self.move_button.setObjectName("move_journal_button")
        self.move_button.setAccessibleName("Move the journal file")
        self.move_button.setToolTip("Copy the journal to a new place, check the copy, then use it "
                                    "(the window reopens there)")
        self.move_button.clicked.connect(self._on_move_button_clicked)
        self.error_label = QLabel("")
        self.error_label.setObjectName("preferences_error_label")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("preferences_buttons")
        self.buttons.setAccessibleName("Save or cancel")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Speaking &pace:", self.pace_spin)
        form.addRow(buddy_label("&Aspiration answer:", self.aspiration_low),
                    _pair(self.aspiration_low, self.aspiration_high))
        form.addRow(buddy_label("&Story answer:", self.story_low), _pair(self.story_low, self.story_high))
        form.addRow("&Reminders:", self.reminder_combo)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_edit, 1)
        backup_row.addWidget(self.backup_button)
        form.addRow(buddy_label("&Backup folder:", self.backup_edit), backup_row)
        journal_box = QVBoxLayout()
        journal_box.addWidget(self.journal_label)
        journal_box.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow("Journal file:", journal_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)

    def chosen_preferences(self) -> Preferences:
        return Preferences(
            self.pace_spin.value(),
            LengthTarget(self.aspiration_low.value(), self.aspiration_high.value()),
            LengthTarget(self.story_low.value(), self.story_high.value()),
            str(self.reminder_combo.currentData()),
        )

    def _on_buttons_accepted(self) -> None:
        try:
            prefs = validate_preferences(self.chosen_preferences())
        except PreferencesError as exc:
            self.error_label.setText(f"Not saved: {exc}.")
            self.error_label.setStyleSheet(error_style())
            self.error_label.show()
            return
        raw = self.backup_edit.text().strip()
        self.result_value = PreferencesResult(prefs, Path(raw).expanduser() if raw else None, self.move_to)
        self.accept()

    def _on_backup_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_edit.text())
        if chosen:
            self.backup_edit.setText(chosen)

    def _on_move_button_clicked(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Move the journal to", str(self.journal.parent / JOURNAL_FILENAME),
            "fikadesk journal (*.fikadesk)")
        if chosen:
            self.set_move_target(Path(chosen))

    def set_move_target(self, path: Path) -> None:
        self.move_to = path
        self.journal_label.setText(f"{self.journal}\nwill move to {path} when you press OK")
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    @classmethod
    def edit(cls, parent: QWidget | None, prefs: Preferences, journal: Path,
             backup_folder: Path | None) -> PreferencesResult | None:
        """Show the dialog; return the choices, or None when cancelled."""
        dialog = cls(prefs, journal, backup_folder, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value


def _pair(low: QSpinBox, high: QSpinBox) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(low)
    to = QLabel("to")
    to.setTextFormat(Qt.TextFormat.PlainText)
    row.addWidget(to)
    row.addWidget(high)
    row.addStretch(1)
    return row
