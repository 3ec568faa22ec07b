"""Import a ladder: choose files or a folder, see how it was read, pick a reading, then save.

The preview says which reading was chosen and the rule behind it, how the levels were
ordered, what was skipped and why, and what was not read; other readings close to the best
one (and every track of a file with several) are offered in a list. A reading below the bar
is shown with its warning and is saved only when the person ticks "Import it anyway".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.leveling.importing.importer import LadderImport, LadderImportError, parse_ladder_files
from fikadesk.ui.common.controls import plain_label
from fikadesk.ui.leveling.models import ImportPreviewModel

FILE_FILTER = "Ladder files (*.md *.markdown *.txt *.csv *.tsv *.json *.yaml *.yml);;All files (*)"
INTRO = ("Bring in your company's leveling guide as it is: one markdown file (headings, "
         "tracks or tables), one markdown page per level or per competency (pick several, or "
         "a folder), or a CSV, JSON or YAML table. Check how it was read below; nothing is "
         "saved until you press Import.")


class LadderImportDialog(QDialog):
    """Reads the chosen files again whenever the name or heading depth changes."""

    def __init__(self, parent: QWidget | None = None, start_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ladder_import_dialog")
        self.setAccessibleName("Import a ladder")
        self.setWindowTitle("Import a ladder")
        self._start_dir = start_dir or Path.home()
        self._paths: list[Path] = []
        #: the name last filled in from the files; a different text in the field is the person's own
        self._found_name = ""
        self.result_import: LadderImport | None = None

        self.files_button = QPushButton("Choose file(s)…")
        self.files_button.setObjectName("import_files_button")
        self.files_button.setAccessibleName("Choose ladder files")
        self.files_button.setToolTip("Pick one ladder file, or several markdown files, one per level")
        self.folder_button = QPushButton("Choose folder…")
        self.folder_button.setObjectName("import_folder_button")
        self.folder_button.setAccessibleName("Choose a folder of level files")
        self.folder_button.setToolTip("Pick a folder holding one markdown file per level")
        self.files_label = plain_label("No file chosen yet.", "import_files_label")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("import_name_edit")
        self.name_edit.setAccessibleName("Ladder name")
        self.name_edit.setToolTip("The name the ladder gets in your journal; change it freely")
        self.name_edit.setMaxLength(200)
        self.depth_combo = QComboBox()
        self.depth_combo.setObjectName("import_depth_combo")
        self.depth_combo.setAccessibleName("Heading depth of the levels")
        self.depth_combo.setToolTip(
            "Which heading level names the levels (# is 1, ## is 2…). Automatic picks the "
            "depth whose headings hold the lists; change it if the preview looks wrong.")
        self.reading_combo = QComboBox()
        self.reading_combo.setObjectName("import_reading_combo")
        self.reading_combo.setAccessibleName("Reading of the files")
        self.reading_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reading_combo.setMinimumContentsLength(40)
        self.reading_combo.setToolTip(
            "The ways these files can be read as a ladder, the most likely first. Pick another "
            "one if the preview does not match your ladder.")
        self.rule_label = plain_label("", "import_rule_label")
        self.alternatives_label = plain_label("", "import_alternatives_label")
        self.skipped_label = plain_label("", "import_skipped_label")
        self.unread_label = plain_label("", "import_unread_label")
        self.accept_check = QCheckBox("Import it anyway: I checked the levels and they are right")
        self.accept_check.setObjectName("import_accept_check")
        self.accept_check.setAccessibleName("Import this reading anyway")
        self.accept_check.setToolTip("This reading does not look enough like a ladder to be "
                                     "saved unasked; tick this only if the preview is right")
        self.accept_check.hide()
        self.preview_model = ImportPreviewModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("import_preview_table")
        self.preview.setAccessibleName("Levels found")
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary_label = plain_label("", "import_summary_label")
        self.warning_label = plain_label("", "import_warning_label")
        self.error_label = plain_label("", "import_error_label")
        self.error_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_save_button")
        self.import_button.setAccessibleName("Import")
        self.import_button.setToolTip("Save this ladder to your journal")
        self.import_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("import_cancel_button")
        cancel.setAccessibleName("Cancel")

        pick = QHBoxLayout()
        pick.addWidget(self.files_button)
        pick.addWidget(self.folder_button)
        pick.addStretch(1)
        form = QFormLayout()
        form.addRow("Files", self.files_label)
        form.addRow("Ladder name", self.name_edit)
        form.addRow("Reading", self.reading_combo)
        form.addRow("Levels are headings of depth", self.depth_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(INTRO, "import_intro_label"))
        layout.addLayout(pick)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.alternatives_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.unread_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.accept_check)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(720, 600)

        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        self.name_edit.editingFinished.connect(self._on_name_edited)
        self.depth_combo.activated.connect(self._on_depth_combo_activated)
        self.reading_combo.activated.connect(lambda _i: self.refresh())
        self.accept_check.toggled.connect(self._on_accept_check_toggled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._set_depths((), None)

    # -- choosing ----------------------------------------------------------------------------
    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Choose ladder files", str(self._start_dir),
                                                FILE_FILTER)
        if names:
            self.load_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of level files",
                                                  str(self._start_dir))
        if folder:
            self.load_paths([Path(folder)])

    def load_paths(self, paths: Sequence[Path]) -> None:
        """Read these files (or this folder) afresh: automatic depth, name from the files."""
        self._paths = list(paths)
        shown = ", ".join(p.name + ("/" if p.is_dir() else "") for p in self._paths[:6])
        more = f" and {len(self._paths) - 6} more" if len(self._paths) > 6 else ""
        self.files_label.setText(shown + more)
        self.name_edit.clear()
        self._found_name = ""
        self._set_depths((), None)
        self._set_readings(None)
        self.refresh()

    # -- preview -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Parse with the chosen name, reading and depth; show the result or why it failed."""
        self.result_import = None
        self.import_button.setEnabled(False)
        self.preview_model.set_rows([])
        for label in (self.summary_label, self.rule_label, self.alternatives_label,
                      self.skipped_label, self.unread_label, self.warning_label,
                      self.error_label):
            label.clear()
        self.accept_check.hide()
        if not self._paths:
            return
        depth = self.depth_combo.currentData()
        reading = self.reading_combo.currentData() if depth is None else None
        name = self.typed_name() or None
        try:
            found = parse_ladder_files(self._paths, name=name, level_depth=depth,
                                       reading=reading)
        except LadderImportError as exc:
            self.error_label.setText(f"Cannot import {exc}\nNothing was saved.")
            return
        except ValueError as exc:
            self.error_label.setText(f"Cannot import: {exc}\nNothing was saved.")
            return
        self.result_import = found
        if name is None:  # nothing of their own typed: the name follows what this reading found
            self.name_edit.setText(found.name)
            self._found_name = found.name
        self._set_depths(found.heading_depths, found.level_depth if depth is not None else None)
        self._set_readings(found if depth is None else None)
        self._show(found)

    def _show(self, found: LadderImport) -> None:
        self.preview_model.set_rows([
            (level.name, len(level.expectations), ", ".join(level.dimensions))
            for level in found.ladder.levels])
        self.preview.resizeColumnToContents(0)
        dims = len(found.dimensions)
        self.summary_label.setText(
            f"Found {len(found.level_names)} levels, {found.total} expectations, "
            f"{dims} dimension{'s' if dims != 1 else ''}: {', '.join(found.dimensions)}.")
        self.rule_label.setText(f"Read as: {found.rule}. Order: {found.order_rule}. "
                                f"Confidence: {round(found.confidence * 100)}%.")
        if found.alternatives:
            self.alternatives_label.setText("\n".join(
                f"Also possible, pick it under Reading: {other.choice}. {other.summary()}"
                for other in found.alternatives))
        if found.skipped:
            self.skipped_label.setText("\n".join(f"Skipped: {item}" for item in found.skipped[:8])
                                       + ("\n…" if len(found.skipped) > 8 else ""))
        self.unread_label.setText(f"{found.unread[:1].upper()}{found.unread[1:]}.")
        notes = list(found.warnings[:8])
        if found.below_bar:
            notes.insert(0, "Warning: this does not look enough like a ladder ("
                         + " and ".join(found.concerns) + "). Look at the levels, try another "
                         "reading, or import it anyway if it is right.")
            self.accept_check.blockSignals(True)
            self.accept_check.setChecked(False)
            self.accept_check.blockSignals(False)
            self.accept_check.show()
        if notes:
            self.warning_label.setText("Note: " + "\n".join(notes) if not found.below_bar
                                       else "\n".join(notes))
        self.import_button.setEnabled(not found.below_bar)

    def _set_readings(self, found: LadderImport | None) -> None:
        """List the readings offered (best first), keeping the one shown selected."""
        self.reading_combo.blockSignals(True)
        self.reading_combo.clear()
        if found is None:
            self.reading_combo.addItem("Automatic", None)
        else:
            readings = sorted((found, *found.alternatives), key=lambda r: r.choice)
            for item in readings:
                doubt = " (doubtful)" if item.below_bar else ""
                self.reading_combo.addItem(f"{item.choice}. {item.summary()}{doubt}", item.choice)
            self.reading_combo.setCurrentIndex(max(0, self.reading_combo.findData(found.choice)))
        self.reading_combo.setEnabled(self.reading_combo.count() > 1)
        self.reading_combo.blockSignals(False)

    def _on_depth_combo_activated(self, _index: int) -> None:
        self._set_readings(None)
        self.refresh()

    def _on_accept_check_toggled(self, checked: bool) -> None:
        self.import_button.setEnabled(self.result_import is not None and (
            checked or not self.result_import.below_bar))

    def choose_reading(self, number: int) -> None:
        """Show reading `number` (1 is the most likely) and preview it."""
        self.depth_combo.setCurrentIndex(0)
        self.reading_combo.setCurrentIndex(max(0, self.reading_combo.findData(number)))
        self.refresh()

    def _set_depths(self, depths: Sequence[int], chosen: int | None) -> None:
        self.depth_combo.blockSignals(True)
        self.depth_combo.clear()
        self.depth_combo.addItem("Automatic", None)
        for depth in depths:
            self.depth_combo.addItem(f"{depth}  ({'#' * depth})", depth)
        if chosen is not None:
            self.depth_combo.setCurrentIndex(max(0, self.depth_combo.findData(chosen)))
        self.depth_combo.setEnabled(len(depths) > 1)
        self.depth_combo.blockSignals(False)

    def choose_depth(self, depth: int | None) -> None:
        """Pick the heading depth that holds the levels and preview again."""
        self.depth_combo.setCurrentIndex(max(0, self.depth_combo.findData(depth)))
        self.refresh()

    def typed_name(self) -> str:
        """The name the person typed themselves; empty while the field holds the name found."""
        typed = self.name_edit.text().strip()
        return "" if typed == self._found_name else typed

    def _on_name_edited(self) -> None:
        if self.result_import is not None and self.name_edit.text().strip() != self.result_import.name:
            self.refresh()

    def accept(self) -> None:
        if self.result_import is None:
            return
        accepted = self.accept_check.isChecked()
        name = self.name_edit.text().strip()
        if name and name != self.result_import.name:
            self.refresh()
            if self.result_import is None:
                return
        if self.result_import.below_bar:
            if not accepted:
                return
            self.result_import = replace(self.result_import, accepted=True)
        super().accept()

    @classmethod
    def get_import(cls, parent: QWidget | None, start_dir: Path | None = None) -> LadderImport | None:
        """The previewed ladder the person chose to import, or None."""
        dialog = cls(parent, start_dir)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_import
        return None
