"""Help > About: the version, where the journal file lives, and a way to show it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fikadesk import __version__
from fikadesk.ui.common.controls import plain_label


class AboutDialog(QDialog):
    """Version, purpose, the journal's path and a button that opens its folder."""

    def __init__(self, journal: Path, icon: QIcon, parent: QWidget | None = None,
                 opener: Callable[[QUrl], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle("About fikadesk")
        self.journal = journal
        self._opener = opener or QDesktopServices.openUrl
        picture = QLabel()
        picture.setObjectName("about_icon")
        size = self.fontMetrics().height() * 4
        picture.setPixmap(icon.pixmap(size, size))
        title = plain_label(f"fikadesk {__version__}", "about_title", selectable=True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        purpose = plain_label("A private, offline journal for your promotion case and interview answers. "
                              "Everything stays in one file on this computer.", "about_purpose",
                              selectable=True)
        self.path_label = plain_label(f"Your journal: {journal}", "about_journal_path", selectable=True)
        runtime = plain_label(f"Python {sys.version.split()[0]}", "about_runtime", selectable=True)
        self.show_button = QPushButton("Show in &file manager")
        self.show_button.setObjectName("about_show_button")
        self.show_button.setAccessibleName("Show the journal file in the file manager")
        self.show_button.setToolTip("Open the folder that holds your journal file")
        self.show_button.clicked.connect(self.show_in_file_manager)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("about_buttons")
        buttons.setAccessibleName("Close")
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        for widget in (title, purpose, self.path_label, runtime):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)

    def show_in_file_manager(self) -> None:
        """Open the journal's folder in the desktop's file manager."""
        self._opener(QUrl.fromLocalFile(str(self.journal.parent)))

    @classmethod
    def show_about(cls, parent: QWidget | None, journal: Path, icon: QIcon) -> None:
        """Show the About dialog modally."""
        cls(journal, icon, parent).exec()
