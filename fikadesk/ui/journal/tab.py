"""The Journal tab: the list of evidence beside an editor that saves by itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import (
    EntryDraft,
    EntryValidationError,
    needs_nudge,
    quiet_for,
    search_words,
)
from fikadesk.domain.journal.search import split_search
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.journal.service import JournalService
from fikadesk.ui.common.alerts import Button, ask, warn
from fikadesk.ui.common.controls import plain_label
from fikadesk.ui.common.widgets.banner import Banner
from fikadesk.ui.journal.commands import (
    EntryAddCommand,
    EntryEditCommand,
    EntryLinksCommand,
    EntryTrashCommand,
)
from fikadesk.ui.journal.delegate import EntryDelegate
from fikadesk.ui.journal.editor import EntryEditor
from fikadesk.ui.journal.filters import FilterBar
from fikadesk.ui.journal.list_view import EntryListView
from fikadesk.ui.journal.model import EntryIdRole, EntryListModel

DEBOUNCE_MS = 600
MAX_UNSAVED_MS = 2000

EMPTY_TEXT = (
    "Your journal is empty.\n\nRecord what you did and what it changed: a fix you shipped, a "
    "decision you made, someone you helped grow. Small wins count. Written down today, they are "
    "evidence at review time instead of things you half remember."
)
NO_MATCH_TEXT = "No entries match these filters."
NO_SELECTION_TEXT = "Select an entry to read and edit it, or press Ctrl+N to record a new win."


class JournalTab(QWidget):
    """Record, find and edit evidence; every edit saves itself."""

    entries_changed = Signal()
    journal_written = Signal()  # the tab contract's name for entries_changed (emitted with it)
    status_message = Signal(str)

    def __init__(self, service: JournalService, today: Callable[[], date], undo_stack: QUndoStack,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("journal_tab")
        self.entries_changed.connect(self.journal_written)
        self._service = service
        self._today = today
        self._undo = undo_stack
        self._sitting = 0
        self._dirty = False
        self._selecting = False
        self._total = 0  # live entries in the journal, read by reload()

        self.revisit_banner = Banner("revisit_banner")
        self.nudge_banner = Banner("nudge_banner")
        self.filters = FilterBar(today)
        self.model = EntryListModel(service, self)
        self.list_view = EntryListView()
        self.list_view.setObjectName("journal_entry_list")
        self.list_view.setAccessibleName("Entries")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(EntryDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty_label = plain_label(EMPTY_TEXT, "journal_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_entry_button = QPushButton("Record your first win")
        self.first_entry_button.setObjectName("journal_first_entry_button")
        self.first_entry_button.setAccessibleName("Record your first win")
        self.clear_filters_button = QPushButton("Clear filters")
        self.clear_filters_button.setObjectName("journal_clear_filters_button")
        self.clear_filters_button.setAccessibleName("Clear filters")
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.first_entry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list_view)
        self.list_stack.addWidget(empty_page)

        self.new_button = QPushButton("New entry")
        self.new_button.setObjectName("journal_new_button")
        self.new_button.setAccessibleName("New entry")
        self.new_button.setToolTip("Start a new entry in the editor (Ctrl+Shift+N)")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("journal_delete_button")
        self.delete_button.setAccessibleName("Delete entry")
        self.delete_button.setToolTip("Move the selected entry to the trash (Delete); undo with Ctrl+Z")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.list_stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)

        self.editor = EntryEditor()
        self.no_selection_label = plain_label(NO_SELECTION_TEXT, "journal_no_selection_label")
        self.no_selection_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.no_selection_label)
        self.editor_stack.addWidget(self.editor)
        self.splitter = QSplitter()
        self.splitter.setObjectName("journal_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([340, 660])
        layout = QVBoxLayout(self)
        layout.addWidget(self.revisit_banner)
        layout.addWidget(self.nudge_banner)
        layout.addWidget(self.splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.save_now)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_UNSAVED_MS)
        self._max_wait.timeout.connect(self.save_now)

        self.editor.edited.connect(self._on_editor_edited)
        self.editor.links_replaced.connect(self._on_links_replaced)
        self.filters.query_changed.connect(self._on_filters_query_changed)
        self.list_view.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.new_button.clicked.connect(self.new_entry)
        self.delete_button.clicked.connect(self.delete_current)
        self.first_entry_button.clicked.connect(self.new_entry)
        self.clear_filters_button.clicked.connect(self.filters.clear)
        self.reload()

    # -- public actions ----------------------------------------------------------------------
    def reload(self, keep_id: int | None = None) -> None:
        """Re-read the list, the journal's counts and its tags (after a write or an outside
        change), keeping the entry shown if it is still there."""
        self.model.reload()
        self._total = self._service.count()
        tags = self._service.tags()
        self.filters.set_tags(tags)
        self.editor.set_known_tags([name for name, _count in tags])
        self._show_list(keep_id)

    def _show_list(self, keep_id: int | None = None) -> None:
        """Show the list as the model has it now: the counts, the empty page or the entries, and
        the entry shown still selected if it is in the list."""
        keep = keep_id if keep_id is not None else self.editor.entry_id
        total = self._total
        self.filters.show_counts(self.model.rowCount(), total)
        empty = self.model.rowCount() == 0
        self.list_stack.setCurrentIndex(1 if empty else 0)
        self.empty_label.setText(EMPTY_TEXT if total == 0 else NO_MATCH_TEXT)
        self.first_entry_button.setVisible(total == 0)
        self.clear_filters_button.setVisible(total > 0)
        self.delete_button.setEnabled(self.editor.entry_id is not None)
        if keep is not None:
            self._select_id(keep)

    def new_entry(self) -> None:
        if not self.save_now():
            return
        self._sitting += 1
        self._selecting = True
        self.list_view.selectionModel().clearSelection()
        self.list_view.setCurrentIndex(QModelIndex())
        self._selecting = False
        self.editor.load(None, new_day=self._today())
        self.editor_stack.setCurrentWidget(self.editor)
        self.editor.show_status("New entry: it is saved as soon as it has a title.")
        self.delete_button.setEnabled(False)
        self.editor.title_edit.setFocus()

    def add_draft(self, draft: EntryDraft) -> int | None:
        """Save a finished draft (quick capture) as a new entry and show it."""
        if not self.save_now():
            return None
        try:
            entry = self._service.add(draft)
        except FikadeskError as exc:
            warn(self, "Not saved", str(exc))
            return None
        self._undo.push(EntryAddCommand(self, entry.id, entry.title))
        self._after_write(entry.id, reload=True)
        self.show_entry(entry.id)
        self.status_message.emit(f"Saved “{entry.title}”.")
        return entry.id

    def show_entry(self, entry_id: int) -> None:
        if self.model.row_of(entry_id) is None:
            self.filters.clear()
        self._select_id(entry_id)
        if self.editor.entry_id != entry_id:
            self._load_entry(entry_id)

    def delete_current(self) -> None:
        entry_id = self.editor.entry_id
        if entry_id is None or not self.save_now():
            return
        row = self.list_view.currentIndex().row()
        title = self.editor.title_edit.text()
        self._undo.push(EntryTrashCommand(self, entry_id, title))
        self.status_message.emit(f"Moved “{title}” to the trash. Undo with Ctrl+Z.")
        if self.model.rowCount() > 0:
            self._select_row(min(max(row, 0), self.model.rowCount() - 1))

    def focus_search(self) -> None:
        self.filters.search_edit.setFocus()
        self.filters.search_edit.selectAll()

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def refresh(self) -> None:
        """After a change made elsewhere: read the list again, keeping the entry shown."""
        self.reload()

    def leave(self) -> bool:
        """Save the entry being edited; False when it cannot be saved (the editor says why)."""
        return self.save_now()

    def save_now(self) -> bool:
        """Save pending edits; False if they cannot be saved (the reason is shown)."""
        self._debounce.stop()
        self._max_wait.stop()
        if not self._dirty:
            return True
        try:
            draft = self.editor.draft()
        except EntryValidationError as exc:
            self.editor.show_status(f"Not saved: {exc}", error=True)
            return False
        entry_id = self.editor.entry_id
        try:
            if entry_id is None:
                entry = self._service.add(draft)
                self._undo.push(EntryAddCommand(self, entry.id, entry.title))
                self.editor.entry_id = entry.id
            else:
                before = self._service.get(entry_id).draft()
                entry = self._service.update(entry_id, draft)
                if before != entry.draft():
                    self._undo.push(EntryEditCommand(self, entry_id, before, entry.draft(), self._sitting))
        except StorageError as exc:
            self.editor.show_status(f"Not saved: {exc}", error=True)
            return False
        self._dirty = False
        self.editor.show_status("Saved")
        self._after_write(entry.id, reload=entry_id is None)
        return True

    def check_reminders(self) -> None:
        """Surface entries due for a revisit and, after a quiet week, a gentle prompt."""
        today = self._today()
        due = self._service.due_revisits(today)
        if due:
            first = due[0]
            more = f" and {len(due) - 1} more" if len(due) > 1 else ""
            self.revisit_banner.show_message(
                f"Time to revisit “{first.title}”{more}: record how it turned out while you remember.",
                [("Open it", lambda: self.show_entry(first.id))],
            )
        else:
            self.revisit_banner.hide()
        last = self._service.stats().last_day
        if needs_nudge(last, today):
            days = quiet_for(last, today)
            self.nudge_banner.show_message(
                f"Nothing recorded for {days} days. What did you move forward this week? "
                "One line is enough.",
                [("Record a win", self.new_entry)],
            )
        else:
            self.nudge_banner.hide()

    # -- used by the undo commands -----------------------------------------------------------
    def apply_draft(self, entry_id: int, draft: EntryDraft) -> None:
        self._guarded(lambda: self._service.update(entry_id, draft))
        if self.editor.entry_id == entry_id:
            self._load_entry(entry_id)
        self._after_write(entry_id, reload=True)

    def apply_trashed(self, entry_id: int, trashed: bool) -> None:
        if trashed:
            self._guarded(lambda: self._service.delete(entry_id))
            if self.editor.entry_id == entry_id:
                self._show_nothing()
            self._after_write(None, reload=True)
        else:
            self._guarded(lambda: self._service.restore(entry_id))
            self._after_write(entry_id, reload=True)
            self.show_entry(entry_id)

    def apply_links(self, entry_id: int, expectation_ids: tuple[int, ...]) -> None:
        if self.editor.replace_links(entry_id, expectation_ids) and self.editor.entry_id != entry_id:
            self.show_entry(entry_id)

    def _on_links_replaced(self, entry_id: int, before: tuple[int, ...],
                           after: tuple[int, ...]) -> None:
        self._undo.push(EntryLinksCommand(self, entry_id, self.editor.title_edit.text(),
                                          before, after))

    # -- internals ---------------------------------------------------------------------------
    def _guarded(self, action: Callable[[], object]) -> None:
        try:
            action()
        except StorageError as exc:
            warn(self, "Could not change the journal", str(exc))

    def _after_write(self, entry_id: int | None, *, reload: bool) -> None:
        if reload or entry_id is None or not self.model.refresh_entry(entry_id):
            self.reload(keep_id=entry_id)
        self.entries_changed.emit()

    def _select_id(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list_view.scrollTo(index)

    def _load_entry(self, entry_id: int) -> None:
        try:
            entry = self._service.get(entry_id)
        except StorageError as exc:
            self.status_message.emit(str(exc))
            self._show_nothing()
            return
        self.editor.load(entry)
        self.editor.set_search_words(search_words(split_search(self.filters.query().text).words))
        self.editor.show_status("Saved")
        self.editor_stack.setCurrentWidget(self.editor)
        self.delete_button.setEnabled(True)

    def _show_nothing(self) -> None:
        self.editor.load(None, new_day=self._today())
        self.editor_stack.setCurrentWidget(self.no_selection_label)
        self.delete_button.setEnabled(False)

    def _on_editor_edited(self) -> None:
        self._dirty = True
        self.editor.show_status("Editing…")
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def _on_filters_query_changed(self, query) -> None:
        wrote = self._dirty
        self.save_now()
        if wrote:  # the edit just saved may have changed the counts and the tags too
            self.model.set_query(query, reload=False)
            self.reload()
        else:  # a keystroke: one read, the matches' count and their first page
            self.model.set_query(query)
            self._show_list()
        self.editor.set_search_words(search_words(split_search(query.text).words))

    def _on_list_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        entry_id = int(current.data(EntryIdRole))
        if entry_id == self.editor.entry_id and not self._dirty:
            return
        if not self.save_now():
            if not self._ask_discard():
                self._selecting = True
                self.list_view.selectionModel().setCurrentIndex(
                    previous, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self._selecting = False
                return
            self._dirty = False
        self._sitting += 1
        self._load_entry(entry_id)

    def _ask_discard(self) -> bool:
        return ask(self, "Unsaved entry", "This entry cannot be saved yet (see the message under the "
                   "editor). Discard the changes and move on?",
                   yes=Button.Discard, no=Button.Cancel, default=Button.Cancel)
