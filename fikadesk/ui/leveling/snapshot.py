"""Read a frozen snapshot of the target: what was agreed, on which day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.leveling.snapshot import TargetSnapshot
from fikadesk.ui.leveling.models import LevelExpectationsModel


class SnapshotDialog(QDialog):
    """A read-only view of one snapshot."""

    def __init__(self, parent: QWidget | None, snapshot: TargetSnapshot) -> None:
        super().__init__(parent)
        self.setObjectName("snapshot_dialog")
        self.setAccessibleName("Snapshot")
        self.setWindowTitle(f"Snapshot of {snapshot.taken_on.isoformat()}")
        when = f", by {snapshot.target_date.isoformat()}" if snapshot.target_date else ""
        lines = [f"Frozen on {snapshot.taken_on.isoformat()}: {snapshot.target_level} on "
                 f"{snapshot.ladder_name}, from {snapshot.current_level}{when}."]
        if snapshot.note:
            lines.append(f"Note: {snapshot.note}")
        if snapshot.summary:
            lines.append(f"In your words: {snapshot.summary}")
        lines.append("These expectations are kept as they read that day, whatever the ladder "
                     "says now.")
        self.header_label = QLabel("\n".join(lines))
        self.header_label.setObjectName("snapshot_header_label")
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        self.header_label.setWordWrap(True)
        self.model = LevelExpectationsModel(self)
        self.model.set_rows([(i.dimension, i.text, "", "", "") for i in snapshot.items])
        self.view = QListView()
        self.view.setObjectName("snapshot_items_list")
        self.view.setAccessibleName("Frozen expectations")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("snapshot_close_button")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(620, 460)

    @classmethod
    def show_snapshot(cls, parent: QWidget | None, snapshot: TargetSnapshot) -> None:
        """Show the snapshot until the person closes it."""
        cls(parent, snapshot).exec()
