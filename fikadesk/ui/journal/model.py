"""A lazy list model of journal entries: counts up front, loads rows a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from fikadesk.domain.journal.entries import EntryQuery, EntrySummary
from fikadesk.services.journal.service import SNIPPET_CLOSE, SNIPPET_OPEN, JournalService
from fikadesk.ui.common.plain import plain_text

PAGE_SIZE = 200
# Pages kept while a person scrolls: 1,600 rows, many screens' worth. Each page of 200 rows
# holds ~80-130 KiB of summaries (snippets included), so 50 pages held 4-6.5 MiB at 100k.
MAX_CACHED_PAGES = 8

EntryIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class EntryListModel(QAbstractListModel):
    """Entries matching a query, newest first; only the pages in view are ever loaded."""

    def __init__(self, service: JournalService, parent=None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = EntryQuery()
        self._count = 0
        self._pages: dict[int, list[EntrySummary]] = {}

    # -- the query ---------------------------------------------------------------------------
    def query(self) -> EntryQuery:
        return self._query

    def set_query(self, query: EntryQuery, *, reload: bool = True) -> None:
        """List what ``query`` matches; with ``reload`` False, from the next :meth:`reload` on."""
        self._query = query
        if reload:
            self.reload()

    def reload(self) -> None:
        """Count again and forget loaded pages (after a write or an outside change); the first
        page comes with the count, from the same read."""
        self.beginResetModel()
        self._pages.clear()
        self._count, first = self._service.first_page(self._query, PAGE_SIZE)
        if first:
            self._pages[0] = first
        self.endResetModel()

    def refresh_entry(self, entry_id: int) -> bool:
        """Reload the page holding ``entry_id`` if its row did not move; True if it was updated."""
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id != entry_id:
                    continue
                fresh = self._service.page(self._query, number * PAGE_SIZE, PAGE_SIZE)
                if offset < len(fresh) and fresh[offset].id == entry_id:
                    self._pages[number] = fresh
                    row = number * PAGE_SIZE + offset
                    self.dataChanged.emit(self.index(row), self.index(row))
                    return True
                return False
        return False

    def cached_pages(self) -> list[int]:
        """The numbers of the pages held, least recently used first."""
        return list(self._pages)

    def row_of(self, entry_id: int) -> int | None:
        return self._service.index_of(self._query, entry_id)

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def summary(self, row: int) -> EntrySummary | None:
        if row < 0 or row >= self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.pop(number, None)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:  # the least recently used page goes
                self._pages.pop(next(iter(self._pages)))
            page = self._service.page(self._query, number * PAGE_SIZE, PAGE_SIZE)
        self._pages[number] = page  # last in the dict: the most recently used
        offset = row - number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == EntryIdRole:
            return summary.id
        if role == SummaryRole:
            return summary
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [summary.day.isoformat(), summary.title]
            if summary.starred:
                parts.append("starred")
            if summary.tags:
                parts.append("tags: " + ", ".join(summary.tags))
            if summary.snippet and role == Qt.ItemDataRole.ToolTipRole:
                parts.append(summary.snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, ""))
            return plain_text(" — ".join(parts)) if role == Qt.ItemDataRole.ToolTipRole else " — ".join(parts)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
