"""The story grid: which behavioural questions have a story, and which target expectations they cover."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.interview.records import GridRow
from fikadesk.domain.leveling.snapshot import ExpectationChoice
from fikadesk.ui.common.controls import named, plain_label
from fikadesk.ui.common.plain import plain_text

QUESTION_KEY = Qt.ItemDataRole.UserRole + 1


class StoryGridDialog(QDialog):
    """A table of story questions against stories and covered expectations; double-click opens one."""

    question_requested = Signal(str)

    def __init__(
        self, rows: list[GridRow], expectations: list[ExpectationChoice], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Story grid")
        self.setObjectName("interview_grid_dialog")
        names = {e.id: f"{e.dimension}: {e.text}" for e in expectations}
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Question", "Story", "Target expectations it covers"])
        covered: set[int] = set()
        for row in rows:
            question = QStandardItem(row.question.text)
            question.setData(row.question.id, QUESTION_KEY)
            has = QStandardItem("✓ yes" if row.has_story else "— not yet")
            shown = [names[i] for i in row.expectation_ids if i in names]
            covered.update(i for i in row.expectation_ids if i in names)
            what = QStandardItem(
                "; ".join(shown) if shown else ("no linked evidence" if row.has_story else "")
            )
            what.setToolTip(plain_text("\n".join(shown)))
            self.model.appendRow([question, has, what])
        self.view = named(QTableView(), "interview_grid_table", "Story grid")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        stories = sum(r.has_story for r in rows)
        gaps = [names[e.id] for e in expectations if e.id not in covered]
        summary = f"{stories} of {len(rows)} behavioural questions have a story."
        if expectations:
            summary += (
                f" Your stories cover {len(covered)} of {len(expectations)} expectations of your target "
                "level."
                + (
                    " Not covered yet: " + "; ".join(gaps[:6]) + ("…" if len(gaps) > 6 else "")
                    if gaps
                    else ""
                )
            )
        else:
            summary += " Set a target level in the Target tab to see which expectations your stories cover."
        self.summary_label = plain_label(summary, "interview_grid_summary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(buttons.button(QDialogButtonBox.StandardButton.Close), "interview_grid_close_button", "Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(plain_label("Double-click a question to write its story."))
        layout.addWidget(buttons)
        self.resize(860, 520)

    def _open(self, index) -> None:
        key = self.model.item(index.row(), 0).data(QUESTION_KEY)
        self.question_requested.emit(str(key))
        self.accept()
