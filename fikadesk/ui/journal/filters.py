"""The Journal tab's find bar: full-text search, tag, starred and period filters, with counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.ui.common.controls import from_qdate, to_qdate

SEARCH_DELAY_MS = 200
PERIODS: list[tuple[str, int | None]] = [
    ("Any time", None),
    ("Last 30 days", 30),
    ("Last 3 months", 91),
    ("Last 6 months", 182),
    ("Last 12 months", 365),
    ("Custom range…", -1),
]


class FilterBar(QWidget):
    """Builds an EntryQuery from what the person sets; emits ``query_changed``."""

    query_changed = Signal(object)

    def __init__(self, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self._today = today
        self.search_edit = QLineEdit(placeholderText="Search entries (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setObjectName("journal_search_edit")
        self.search_edit.setAccessibleName("Search entries")
        self.search_edit.setToolTip("Find words in titles, text, impact and tags; word beginnings "
                                    "match. A year (2026), a month (2026-03) or a day (2026-03-14) "
                                    "finds the entries of that period, with any words you add.")
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("journal_tag_combo")
        self.tag_combo.setAccessibleName("Filter by tag")
        self.tag_combo.setToolTip("Show only entries with this tag")
        self.tag_combo.addItem("All tags", "")
        self.starred_button = QToolButton()
        self.starred_button.setCheckable(True)
        self.starred_button.setText("\u2605 Starred only")
        self.starred_button.setObjectName("journal_starred_button")
        self.starred_button.setAccessibleName("Show starred entries only")
        self.starred_button.setToolTip("Show only starred entries")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("journal_period_combo")
        self.period_combo.setAccessibleName("Period")
        self.period_combo.setToolTip("Show only entries from this period")
        for label, days in PERIODS:
            self.period_combo.addItem(label, days)
        self.since_edit = QDateEdit()
        self.until_edit = QDateEdit()
        for edit, name, label in ((self.since_edit, "journal_since_edit", "From date"),
                                  (self.until_edit, "journal_until_edit", "Until date")):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setVisible(False)
            edit.dateChanged.connect(self._emit)
        self.count_label = QLabel()
        self.count_label.setObjectName("journal_count_label")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search_edit, 0, 0, 1, 3)
        grid.addWidget(self.tag_combo, 1, 0)
        grid.addWidget(self.starred_button, 1, 1)
        grid.addWidget(self.period_combo, 1, 2)
        grid.addWidget(self.since_edit, 2, 0)
        grid.addWidget(self.until_edit, 2, 1)
        grid.addWidget(self.count_label, 3, 0, 1, 3)
        grid.setColumnStretch(0, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._emit)
        self.tag_combo.currentIndexChanged.connect(self._emit)
        self.starred_button.toggled.connect(self._emit)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)

    def query(self) -> EntryQuery:
        tag = self.tag_combo.currentData() or ""
        days = self.period_combo.currentData()
        since = until = None
        if days == -1:
            since, until = from_qdate(self.since_edit.date()), from_qdate(self.until_edit.date())
            if since > until:
                since, until = until, since
        elif days:
            since = self._today() - timedelta(days=days)
        return EntryQuery(
            text=self.search_edit.text(),
            tags=(tag,) if tag else (),
            starred_only=self.starred_button.isChecked(),
            since=since,
            until=until,
        )

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        current = self.tag_combo.currentData() or ""
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("All tags", "")
        for name, count in tags:
            self.tag_combo.addItem(f"#{name} ({count})", name)
        found = self.tag_combo.findData(current)
        self.tag_combo.setCurrentIndex(max(found, 0))
        self.tag_combo.blockSignals(False)
        if current and found < 0:
            self._emit()

    def set_tag(self, name: str) -> None:
        found = self.tag_combo.findData(name)
        if found >= 0:
            self.tag_combo.setCurrentIndex(found)

    def show_counts(self, shown: int, total: int) -> None:
        noun = "entry" if total == 1 else "entries"
        if self.query().is_filtered():
            self.count_label.setText(f"{shown:,} of {total:,} {noun} match")
        else:
            self.count_label.setText(f"{total:,} {noun}")

    def clear(self) -> None:
        for widget in (self.search_edit, self.tag_combo, self.starred_button, self.period_combo):
            widget.blockSignals(True)
        self.search_edit.clear()
        self.tag_combo.setCurrentIndex(0)
        self.starred_button.setChecked(False)
        self.period_combo.setCurrentIndex(0)
        self.since_edit.setVisible(False)
        self.until_edit.setVisible(False)
        for widget in (self.search_edit, self.tag_combo, self.starred_button, self.period_combo):
            widget.blockSignals(False)
        self._emit()

    def _on_period_changed(self) -> None:
        custom = self.period_combo.currentData() == -1
        if custom:
            today = self._today()
            for edit, value in ((self.since_edit, today - timedelta(days=90)), (self.until_edit, today)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(value))
                edit.blockSignals(False)
        self.since_edit.setVisible(custom)
        self.until_edit.setVisible(custom)
        self._emit()

    def _emit(self, *_args) -> None:
        self._search_timer.stop()
        self.query_changed.emit(self.query())
