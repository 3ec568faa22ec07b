"""The Target tab: the ladder, the level aimed at, two levels compared, and readiness."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.leveling.stored import StoredLadder
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.leveling.chart import EvidenceCharts
from fikadesk.services.leveling.service import LevelingService
from fikadesk.ui.common.alerts import warn
from fikadesk.ui.leveling.compare import ComparePanel
from fikadesk.ui.leveling.glance import GlancePanel
from fikadesk.ui.leveling.prompts import (
    DeleteLadderConfirm,
    DeleteSnapshotConfirm,
    FreezePrompt,
)
from fikadesk.ui.leveling.readiness import ReadinessPanel
from fikadesk.ui.leveling.target import TargetForm

if TYPE_CHECKING:  # the ladder importer and the dialogs load when first used
    from fikadesk.domain.leveling.importing.importer import LadderImport


class TargetTab(QWidget):
    """Holds the ladder and target; shows readiness. Emits requests the window carries out."""

    target_changed = Signal()
    journal_written = Signal()
    capture_requested = Signal(int)
    entry_open_requested = Signal(int)
    status_message = Signal(str)

    def __init__(self, leveling: LevelingService, today: Callable[[], date],
                 ladders_dir: Path | None = None, parent=None,
                 charts: EvidenceCharts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target_tab")
        self._leveling = leveling
        self._today = today
        self._ladders_dir = ladders_dir
        self._bundled: list[tuple[str, str, str]] | None = None  # (name, path, source)
        self._ladder: StoredLadder | None = None
        self._stale = True

        self.form = TargetForm()
        self.compare = ComparePanel()
        self.readiness = ReadinessPanel()
        target_box = QGroupBox("Ladder and target")
        QVBoxLayout(target_box).addWidget(self.form)
        # Readiness, and beside it the same evidence as a chart over the months (drawn when first
        # shown); tabs rather than a titled box, so the table keeps its height.
        self.glance = GlancePanel(charts, today) if charts is not None else None
        readiness_box = self.readiness_views = QTabWidget()
        self.readiness_views.setObjectName("target_readiness_views")
        self.readiness_views.setAccessibleName("Readiness: table or chart")
        self.readiness_views.addTab(self.readiness, "Readiness for the target level")
        if self.glance is not None:
            self.readiness_views.addTab(self.glance, "At a glance (chart)")
        compare_box = QGroupBox("Compare two levels")
        QVBoxLayout(compare_box).addWidget(self.compare)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("target_splitter")
        self.splitter.addWidget(readiness_box)
        self.splitter.addWidget(compare_box)
        # Readiness (what a person is judged on, wrapped in full) gets two thirds of the width.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([720, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(target_box)
        layout.addWidget(self.splitter, 1)

        self.form.ladder_chosen.connect(self._show_ladder)
        self.form.bundled_chosen.connect(self.add_bundled)
        self.form.import_requested.connect(self.import_ladder)
        self.form.edit_requested.connect(self.edit_ladder)
        self.form.delete_requested.connect(self.delete_ladder)
        self.form.save_requested.connect(self.save_target)
        self.readiness.expectation_selected.connect(self._show_evidence)
        self.readiness.capture_requested.connect(self.capture_requested)
        self.readiness.entry_open_requested.connect(self.entry_open_requested)
        self.readiness.freeze_requested.connect(self.freeze)
        self.readiness.snapshot_requested.connect(self.view_snapshot)
        self.readiness.snapshot_delete_requested.connect(self.delete_snapshot)
        self.readiness.request_refused.connect(self.status_message)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def bundled_ladders(self) -> list[tuple[str, str, str]]:
        """Bundled ladder files as (name, path, source), read once."""
        if self._bundled is None:
            found: list[tuple[str, str, str]] = []
            folder = self._ladders_dir
            files = sorted(folder.glob("*.md")) if folder and folder.is_dir() else []
            from fikadesk.domain.leveling.importing.importer import LadderImportError, parse_ladder_files

            for path in files:
                if path.stem.casefold().startswith("readme"):
                    continue
                try:
                    parsed = parse_ladder_files([path])
                except (LadderImportError, ValueError):
                    continue
                found.append((parsed.name, str(path),
                              f"{parsed.source_format}: {', '.join(parsed.files)}"))
            self._bundled = found
        return self._bundled

    def refresh(self) -> None:
        """After a change made elsewhere: read everything again."""
        self.reload()

    def leave(self) -> bool:
        """Nothing to keep: the target form holds its typing until Save, ladders save as they change."""
        return True

    def reload(self, ladder_id: int | None = None) -> None:
        """Re-read ladders, target, comparison, readiness and snapshots."""
        try:
            ladders = self._leveling.list_ladders()
            target = self._leveling.target()
        except StorageError as exc:
            self.status_message.emit(f"The Target tab could not read the journal: {exc}")
            return
        sources = {s.source for s in ladders}
        bundled = [(name, path) for name, path, source in self.bundled_ladders()
                   if source not in sources]
        if ladder_id is None:
            ladder_id = (self._ladder.id if self._ladder is not None
                         else target.ladder_id if target else None)
        if ladder_id not in {s.id for s in ladders}:
            ladder_id = target.ladder_id if target else (ladders[0].id if ladders else None)
        keep_edits = self.form.has_unsaved_edits() and self._ladder is not None \
            and ladder_id == self._ladder.id
        self.form.set_ladders(ladders, bundled, ladder_id)
        self.form.set_default_date(self._today())
        if not keep_edits:
            self._show_ladder(ladder_id)
        self.refresh_readiness()

    def _show_ladder(self, ladder_id: int | None) -> None:
        try:
            self._ladder = self._leveling.get_ladder(ladder_id) if ladder_id is not None else None
            target = self._leveling.target()
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            self._ladder = None
            target = None
        self.form.set_levels(self._ladder, target)
        lower, upper = self.form.current_combo.currentText(), self.form.target_combo.currentText()
        self.compare.set_ladder(self._ladder, lower, upper)

    def refresh_readiness(self) -> None:
        """Recount the evidence (after entries or links changed); waits until the tab shows."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        try:
            target = self._leveling.target()
            result = self._leveling.readiness(self._today()) if target else None
            snapshots = self._leveling.list_snapshots()
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        self.readiness.show_readiness(result)
        self.readiness.show_snapshots(snapshots)
        if self.glance is not None:
            self.glance.refresh()
        current = self.readiness.current_expectation()
        self._show_evidence(current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            # The whole tab, not readiness alone: what changed while it was hidden (the welcome
            # steps, the command line) may be the target itself, and the form must show it too.
            self.reload()

    def _show_evidence(self, expectation_id: int | None) -> None:
        model = self.readiness.model
        row = model.row_of(expectation_id) if expectation_id is not None else None
        if row is None:
            self.readiness.show_evidence(None, [])
            return
        try:
            entries = self._leveling.evidence_for(model.item(row).expectation_id)
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            entries = []
        self.readiness.show_evidence(model.item(row), entries)

    # -- actions -----------------------------------------------------------------------------
    def _warn(self, title: str, exc: Exception) -> None:
        warn(self, title, str(exc), name="target_warning_box")

    def save_imported(self, found: LadderImport) -> int | None:
        """Store an imported (previewed) ladder and show it; its id, or None on failure."""
        try:
            ladder_id = self._leveling.import_ladder(found)
        except FikadeskError as exc:
            self._warn("Ladder not imported", exc)
            return None
        self._ladder = None
        self.reload(ladder_id)
        self.journal_written.emit()
        self.status_message.emit(f"Added the ladder “{found.name}” with "
                                 f"{len(found.level_names)} levels.")
        return ladder_id

    def add_bundled(self, path: str) -> int | None:
        """Add one bundled ladder to the journal (one click in the ladder list)."""
        from fikadesk.domain.leveling.importing.importer import LadderImportError, parse_ladder_files

        try:
            found = parse_ladder_files([Path(path)])
        except (LadderImportError, ValueError) as exc:
            self._warn("Ladder not added", exc)
            self.reload()
            return None
        return self.save_imported(found)

    def import_ladder(self) -> None:
        from fikadesk.ui.leveling.import_dialog import LadderImportDialog  # loaded when first asked

        found = LadderImportDialog.get_import(self, None)
        if found is not None:
            self.save_imported(found)

    def edit_ladder(self) -> None:
        ladder_id = self.form.selected_ladder()
        if ladder_id is None:
            self.status_message.emit("Pick or import a ladder first; then it can be edited.")
            return
        from fikadesk.ui.leveling.editor import LadderEditorDialog

        if LadderEditorDialog.edit(self, self._leveling, ladder_id):
            self._ladder = None
            self.reload(ladder_id)
            self.target_changed.emit()
            self.journal_written.emit()

    def delete_ladder(self) -> None:
        ladder_id = self.form.selected_ladder()
        if ladder_id is None or self._ladder is None:
            return
        try:
            usage = self._leveling.ladder_usage(ladder_id)
            if not DeleteLadderConfirm.ask(self, self._ladder.name, usage):
                return
            self._leveling.delete_ladder(ladder_id, drop_links=True)
        except FikadeskError as exc:
            self._warn("Ladder not deleted", exc)
            return
        name = self._ladder.name
        self._ladder = None
        self.reload()
        self.target_changed.emit()
        self.journal_written.emit()
        self.status_message.emit(f"Deleted the ladder “{name}”.")

    def save_target(self) -> bool:
        ladder_id = self.form.selected_ladder()
        if ladder_id is None:
            return False
        current, target, when, summary = self.form.values()
        try:
            self._leveling.set_target(ladder_id, current, target, when, summary)
        except FikadeskError as exc:
            self._warn("Target not saved", exc)
            return False
        self._show_ladder(ladder_id)
        self.refresh_readiness()
        self.target_changed.emit()
        self.journal_written.emit()
        self.status_message.emit(f"Saved your target: {target}.")
        return True

    def freeze(self) -> int | None:
        target = self._leveling.target()
        if target is None:
            self.status_message.emit("Save a target first; freezing keeps a copy of what it expects.")
            return None
        note = FreezePrompt.get_note(self, f"the expectations of {target.target_level}")
        if note is None:
            return None
        try:
            snapshot_id = self._leveling.freeze_target(self._today(), note)
        except FikadeskError as exc:
            self._warn("Not frozen", exc)
            return None
        self.refresh_readiness()
        self.journal_written.emit()
        self.status_message.emit(f"Froze the target as of {self._today().isoformat()}.")
        return snapshot_id

    def view_snapshot(self, snapshot_id: int) -> None:
        try:
            snapshot = self._leveling.get_snapshot(snapshot_id)
        except FikadeskError as exc:
            self._warn("Snapshot not shown", exc)
            return
        from fikadesk.ui.leveling.snapshot import SnapshotDialog

        SnapshotDialog.show_snapshot(self, snapshot)

    def delete_snapshot(self, snapshot_id: int, label: str) -> bool:
        """Delete a snapshot once the person confirms; True when it is gone."""
        if not DeleteSnapshotConfirm.ask(self, label):
            return False
        try:
            self._leveling.delete_snapshot(snapshot_id)
        except FikadeskError as exc:
            self._warn("Snapshot not deleted", exc)
            return False
        self.refresh_readiness()
        self.journal_written.emit()
        self.status_message.emit("Deleted the snapshot.")
        return True
