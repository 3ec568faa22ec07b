"""The trash: deleted entries wait here until restored or deleted for good."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.errors import StorageError
from fikadesk.services.journal.service import JournalService
from fikadesk.ui.common.alerts import Button, ask, warn
from fikadesk.ui.journal.delegate import EntryDelegate
from fikadesk.ui.journal.model import EntryIdRole, EntryListModel


class TrashDialog(QDialog):
    """Lists trashed entries; restore them or delete them for good."""

    restored = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.setObjectName("trash_dialog")
        self._service = service
        self.model = EntryListModel(service, self)
        self.model.set_query(EntryQuery(in_trash=True))
        self.list_view = QListView()
        self.list_view.setObjectName("trash_list")
        self.list_view.setAccessibleName("Deleted entries")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(EntryDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.info_label = QLabel()
        self.info_label.setObjectName("trash_info_label")
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_button = QPushButton("Restore")
        self.purge_button = QPushButton("Delete for good…")
        self.empty_button = QPushButton("Empty trash…")
        close = QPushButton("Close")
        for button, name, tip in (
            (self.restore_button, "trash_restore_button", "Put the selected entries back in the journal"),
            (self.purge_button, "trash_purge_button", "Delete the selected entries for good"),
            (self.empty_button, "trash_empty_button", "Delete every entry in the trash for good"),
            (close, "trash_close_button", "Close the trash"),
        ):
            button.setObjectName(name)
            button.setAccessibleName(button.text().rstrip("…"))
            button.setToolTip(tip)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.purge_button.clicked.connect(self._on_purge_clicked)
        self.empty_button.clicked.connect(self._on_empty_clicked)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.purge_button, self.empty_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(buttons)
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(520, 420)
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        return [int(i.data(EntryIdRole)) for i in self.list_view.selectionModel().selectedRows()]

    def _update_buttons(self, *_args) -> None:
        count = self.model.rowCount()
        selected = bool(self.list_view.selectionModel().selectedRows())
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
        self.empty_button.setEnabled(count > 0)
        self.info_label.setText(
            "The trash is empty." if count == 0 else
            f"{count} deleted {'entry' if count == 1 else 'entries'}. Restore what you still need."
        )

    def _reload(self) -> None:
        self.model.reload()
        self._update_buttons()

    def _on_restore_clicked(self) -> None:
        try:
            for entry_id in self.selected_ids():
                self._service.restore(entry_id)
                self.restored.emit(entry_id)
        except StorageError as exc:
            warn(self, "Could not restore", str(exc))
        self._reload()

    def _confirm(self, count: int) -> bool:
        noun = "entry" if count == 1 else "entries"
        return ask(self, "Delete for good?", f"Delete {count} {noun} for good? This cannot be undone.",
                   no=Button.Cancel, default=Button.Cancel)

    def _purge(self, ids: list[int]) -> None:
        if not ids or not self._confirm(len(ids)):
            return
        try:
            self._service.purge(ids)
        except StorageError as exc:
            warn(self, "Could not delete", str(exc))
        self._reload()

    def _on_purge_clicked(self) -> None:
        self._purge(self.selected_ids())

    def _on_empty_clicked(self) -> None:
        self._purge([s.id for s in self._service.page(EntryQuery(in_trash=True), 0, 1_000_000)])
