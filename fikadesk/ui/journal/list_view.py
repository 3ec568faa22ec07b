"""The entry list's view: laid out a batch of rows at a time, so a long list never holds the window."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimerEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

# Rows laid out per turn of the event loop. QListView asks the model for every row's index as it
# lays the list out (~1.5 µs a row through Python): in one pass that held the window ~150 ms at
# each search keystroke on 100,000 entries; in batches the first screen is there at once and
# typing goes on while the rest is laid out (~5 ms a batch).
LAYOUT_BATCH = 1000


class EntryListView(QListView):
    """A list of uniform rows laid out in batches; a scroll to a row that is not laid out yet
    (an entry opened from another tab, far down the list) happens as soon as that row is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self._pending: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None = None

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt's name
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        self._pending = None
        super().scrollTo(index, hint)
        if index.isValid() and not self.visualRect(index).isValid():  # not laid out yet
            self._pending = (QPersistentModelIndex(index), hint)

    def timerEvent(self, event: QTimerEvent) -> None:  # noqa: N802 - Qt's name
        super().timerEvent(event)  # the next batch, among others
        if self._pending is None:
            return
        target, hint = self._pending
        if not target.isValid():  # the list was reset (a new search): nothing to scroll to
            self._pending = None
            return
        index = self.model().index(target.row(), target.column())
        if self.visualRect(index).isValid():
            self._pending = None
            super().scrollTo(index, hint)
