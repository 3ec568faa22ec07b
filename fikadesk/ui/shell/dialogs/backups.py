"""File > Backups…: every backup of the journal with its date, reason, entries and size; restore one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.backups import size_text
from fikadesk.errors import StorageError
from fikadesk.services.backups import BackupInfo, BackupService, RestoreResult
from fikadesk.ui.common import alerts
from fikadesk.ui.common.alerts import Button, Icon, message_box, warn

REASONS = {
    "manual": "Made by hand",
    "periodic": "While you worked",
    "on-close": "When the window closed",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
    "before-purge": "Before emptying the trash",
    "before-delete": "Before a deletion",
    "damaged": "The damaged journal, as it was",
}
COLUMNS = ("Made", "Reason", "Entries", "Size")


def reason_text(reason: str) -> str:
    """The reason of a backup in words."""
    if reason in REASONS:
        return REASONS[reason]
    if reason.startswith("before-"):
        return "Before an upgrade of fikadesk"
    return reason


MESSAGE = "backups_message"  # the name of every message box this dialog shows


class BackupsDialog(QDialog):
    """Lists the backups; makes one now; restores the selected one through ``restore``."""

    def __init__(self, service: BackupService, restore: Callable[[str], RestoreResult],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.setObjectName("backups_dialog")
        self._service = service
        self._restore = restore
        self._shown: list[BackupInfo] = []
        self.restored: RestoreResult | None = None
        self.info_label = QLabel()
        self.info_label.setObjectName("backups_info_label")
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("backups_table")
        self.table.setAccessibleName("Backups of this journal")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for index in (0, 2, 3):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.backup_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        close = QPushButton("Close")
        for button, name, tip in (
            (self.backup_button, "backups_now_button", "Write a verified copy of the journal now"),
            (self.restore_button, "backups_restore_button",
             "Replace the whole journal with the selected backup (the journal as it is now is "
             "backed up first)"),
            (close, "backups_close_button", "Close this window"),
        ):
            button.setObjectName(name)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setToolTip(tip)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.info_label)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        """Read the backup folder again."""
        try:
            self._shown = self._service.list()
        except OSError as exc:
            self._shown = []
            self.info_label.setText(f"The backup folder could not be read: {exc.strerror}.")
        else:
            self.info_label.setText(
                f"Backups are kept in {self._service.folder()}. fikadesk makes one every 30 minutes "
                "while the journal changes, when the window closes after changes, and before an "
                "import, a restore or a deletion of many things; it keeps one a day for 12 days, one "
                "a week for 10 weeks and one a month for 9 months.")
        self.table.setRowCount(len(self._shown))
        for row, info in enumerate(self._shown):
            cells = (info.made_at.strftime("%Y-%m-%d %H:%M"), reason_text(info.reason),
                     "unreadable" if info.entries is None else str(info.entries), size_text(info.size))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        if self._shown:
            self.table.selectRow(0)
        self._on_table_selection_changed()

    def selected(self) -> BackupInfo | None:
        """The backup of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def _on_table_selection_changed(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.readable)

    def back_up_now(self) -> None:
        try:
            self._service.back_up("manual")
        except StorageError as exc:
            warn(self, "Backup failed", f"No backup was made: {exc}", name=MESSAGE)
        self.reload()

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.readable:
            return
        entries = f"{chosen.entries} entr{'y' if chosen.entries == 1 else 'ies'}"
        box = message_box(
            self, Icon.Question, "Restore this backup?",
            f"Replace the whole journal with the backup of {chosen.made_at:%Y-%m-%d %H:%M} "
            f"({reason_text(chosen.reason).lower()}, {entries})?\n\nEverything written since then "
            "leaves the journal. The journal as it is now is backed up first, so this can be undone "
            "by restoring that backup.",
            Button.Yes | Button.Cancel, name=MESSAGE, default=Button.Cancel)
        if box.exec() != Button.Yes:
            return
        try:
            result = self._restore(chosen.id)
        except StorageError as exc:
            warn(self, "Not restored", str(exc), name=MESSAGE)
            self.reload()
            return
        self.restored = result
        self.reload()
        alerts.info(self, "Backup restored",
                    f"The journal now holds the backup of {result.restored.made_at:%Y-%m-%d %H:%M}. "
                    f"The journal as it was before is saved in {result.previous}; restore that one "
                    "here to go back.", name=MESSAGE)
