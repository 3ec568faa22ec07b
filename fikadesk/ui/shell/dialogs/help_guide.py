"""Help > Guide: short pages on the practice behind each tab, from resources/guide/*.md."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListView, QVBoxLayout, QWidget

from fikadesk.ui.common.widgets.markdown_view import SafeMarkdownView


def guide_files(folder: Path) -> list[Path]:
    """The guide's page files in reading order (their names start with a number)."""
    return sorted(folder.glob("*.md"))


def page_for(folder: Path, stem: str) -> int:
    """The index of the page about ``stem`` (a tab's area, e.g. "journal"), else the first page."""
    for index, path in enumerate(guide_files(folder)):
        if stem and stem in path.stem:
            return index
    return 0


def load_guide(folder: Path) -> list[tuple[str, str]]:
    """Return (title, markdown) of every guide page, in file-name order."""
    pages = []
    for path in guide_files(folder):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else path.stem
        pages.append((first.lstrip("# ").split(":")[0].strip() or path.stem, text))
    return pages


class GuideDialog(QDialog):
    """A list of pages on the left, the page on the right."""

    def __init__(self, folder: Path, parent: QWidget | None = None, page: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle("fikadesk guide")
        self.pages = load_guide(folder)
        self.model = QStringListModel([title for title, _ in self.pages], self)
        self.page_list = QListView()
        self.page_list.setObjectName("guide_page_list")
        self.page_list.setAccessibleName("Guide pages")
        self.page_list.setToolTip("Choose a page of the guide")
        self.page_list.setModel(self.model)
        self.page_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.page_list.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 14)
        self.view = SafeMarkdownView()
        self.view.setObjectName("guide_page_view")
        self.view.setAccessibleName("Guide page")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("guide_buttons")
        buttons.setAccessibleName("Close the guide")
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.page_list)
        row.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.page_list.selectionModel().currentChanged.connect(self._on_page_list_current_changed)
        if self.pages:
            self.page_list.setCurrentIndex(self.model.index(min(page, len(self.pages) - 1)))
        else:
            self.view.set_markdown("The guide pages are missing from this installation.")
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 60, em * 42)

    def _on_page_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.view.set_markdown(self.pages[current.row()][1])
            self.view.moveCursor(QTextCursor.MoveOperation.Start)

    @classmethod
    def show_guide(cls, parent: QWidget | None, folder: Path, area: str = "") -> None:
        """Show the guide modally, open at the page about ``area`` (a tab's stem) if there is one."""
        dialog = cls(folder, parent, page_for(folder, area))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
