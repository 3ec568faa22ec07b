"""The preview of entries found in a jrnl export or a markdown brag document, before they are added."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.services.transfer.outside import OutsideImport
from fikadesk.ui.common.plain import plain_text

COLUMNS = ("Date", "★", "Title", "Tags", "Impact", "From")


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(plain_text(text))
    return item


class OutsidePreviewDialog(QDialog):
    """Lists what an import from another tool would add; Import adds it, Cancel changes nothing."""

    def __init__(self, path: Path, result: OutsideImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outside_preview_dialog")
        self.setWindowTitle(f"Import from {path.name}")
        self.summary_label = QLabel(f"{path.name}: {result.summary()} Check them, then press Import; "
                                    "nothing is added before that.")
        self.summary_label.setObjectName("outside_preview_summary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for found in result.new:
            draft = found.draft
            self.model.appendRow([_item(draft.day.isoformat()), _item("★" if draft.starred else ""),
                                  _item(draft.title), _item(", ".join(draft.tags)), _item(draft.impact),
                                  _item(found.where)])
        self.table = QTableView()
        self.table.setObjectName("outside_preview_table")
        self.table.setAccessibleName("Entries that would be added")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("outside_preview_import_button")
        self.import_button.setAccessibleName("Import these entries")
        self.import_button.setToolTip("Add the entries listed here to your journal (a backup is made first)")
        self.import_button.setEnabled(bool(result.new))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("outside_preview_cancel_button")
        cancel.setAccessibleName("Cancel the import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 480)

    @classmethod
    def confirm(cls, parent: QWidget, path: Path, result: OutsideImport) -> bool:
        """Show the preview; True when the person chose Import."""
        return cls(path, result, parent).exec() == QDialog.DialogCode.Accepted
