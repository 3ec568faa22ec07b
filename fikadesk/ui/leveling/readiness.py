"""The readiness side of the Target tab: per-expectation evidence, gaps first, and snapshots."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import EntrySummary
from fikadesk.domain.leveling.ladder import READINESS_RULE_TEXT, STATUS_RULE_TEXT
from fikadesk.domain.leveling.snapshot import SnapshotSummary
from fikadesk.domain.leveling.stored import ExpectationReadiness, Readiness
from fikadesk.domain.text import plural
from fikadesk.ui.common.controls import button, plain_label
from fikadesk.ui.common.plain import plain_text
from fikadesk.ui.leveling.models import (
    EvidenceModel,
    IdRole,
    ReadinessModel,
    SnapshotListModel,
)

NO_TARGET_TEXT = (
    "Readiness shows, expectation by expectation, how much of your target level your journal "
    "already proves.\n\nPick a ladder above (a bundled one is fine to start with), choose the "
    "level you are at and the one you aim for, and press Save target.")
PICK_TEXT = "Select an expectation to see the entries that back it up."


class _RoomyRows(QStyledItemDelegate):
    """Rows a few pixels taller than their text, so wrapped expectations do not run together."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 4)


class _Keys(QObject):
    """Runs a slot when one of the given keys is pressed in a view (double-click's twin)."""

    def __init__(self, view: QAbstractItemView, keys: tuple[Qt.Key, ...],
                 slot: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._view = view
        self._keys = keys
        self._slot = slot
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in self._keys and not event.modifiers()):
            self._slot(self._view.currentIndex())
            return True
        return False


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReadinessPanel(QWidget):
    """Shows a Readiness; asks the tab for evidence, captures, freezes and snapshots."""

    expectation_selected = Signal(int)
    capture_requested = Signal(int)
    entry_open_requested = Signal(int)
    freeze_requested = Signal()
    snapshot_requested = Signal(int)
    snapshot_delete_requested = Signal(int, str)
    #: a request could not be carried out; the text says what to do instead
    request_refused = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.percent_label = plain_label("", "readiness_percent_label")
        self.percent_label.setToolTip(READINESS_RULE_TEXT)
        font = self.percent_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.percent_label.setFont(font)
        self.percent_bar = QProgressBar()
        self.percent_bar.setObjectName("readiness_bar")
        self.percent_bar.setAccessibleName("Overall readiness")
        self.percent_bar.setToolTip(READINESS_RULE_TEXT)
        self.percent_bar.setRange(0, 100)
        self.counts_label = plain_label("", "readiness_counts_label")
        self.counts_label.setToolTip(STATUS_RULE_TEXT)
        self.model = ReadinessModel(self)
        self.table = QTableView()
        self.table.setObjectName("readiness_table")
        self.table.setAccessibleName("Target expectations and their evidence, gaps first")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Each expectation is shown whole: its text wraps and each row is as tall as its text
        # (rows are measured again when the column width changes).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setItemDelegate(_RoomyRows(self.table))
        self.table.setToolTip("Select an expectation to see its evidence; double-click a gap "
                              "(or press Enter on it) to record an entry for it")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.evidence_title = plain_label(PICK_TEXT, "evidence_title_label")
        self.evidence_model = EvidenceModel(self)
        self.evidence_view = QListView()
        self.evidence_view.setObjectName("evidence_list")
        self.evidence_view.setAccessibleName("Entries linked to the selected expectation")
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence_view.setWordWrap(True)
        self.evidence_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.capture_button = button(
            "Record evidence…", "readiness_capture_button",
            "Write a new entry already linked to the selected expectation (Ctrl+Shift+E)")
        self.open_button = button("Open entry", "readiness_open_button",
                                  "Open the selected entry in the Journal tab")
        self.freeze_button = button(
            "Freeze…", "readiness_freeze_button",
            "Keep a dated copy of the target's expectations, e.g. after agreeing them with "
            "your manager; later ladder edits leave the copy alone")
        self.snapshots_model = SnapshotListModel(self)
        self.snapshots_view = QListView()
        self.snapshots_view.setObjectName("snapshots_list")
        self.snapshots_view.setAccessibleName("Frozen snapshots")
        self.snapshots_view.setToolTip("Double-click a snapshot (or press Enter) to read it; "
                                       "Delete removes it after asking")
        self.snapshots_view.setModel(self.snapshots_model)
        self.snapshots_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.snapshots_view.setWordWrap(True)
        self.snapshots_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view_snapshot_button = button("View", "view_snapshot_button",
                                           "Read the selected snapshot (Enter)")
        self.delete_snapshot_button = button(
            "Delete…", "delete_snapshot_button",
            "Delete the selected snapshot after asking (Delete); the ladder and your entries "
            "stay as they are")
        self.no_snapshots_label = plain_label(
            "None yet: freeze the target once your manager agrees with it.",
            "no_snapshots_label")

        page = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.percent_label)
        top.addWidget(self.percent_bar, 1)
        top.addWidget(self.freeze_button)
        evidence_buttons = QVBoxLayout()
        evidence_buttons.addWidget(self.capture_button)
        evidence_buttons.addWidget(self.open_button)
        evidence_buttons.addStretch(1)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence_view, 1)
        evidence_row.addLayout(evidence_buttons)
        evidence_pane = QWidget()
        evidence_layout = QVBoxLayout(evidence_pane)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        # The title has the pane's whole width and room for two lines, so it is never cut off.
        self.evidence_title.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.evidence_title.setMinimumWidth(1)  # a very long word is cut, not the window widened
        self.evidence_title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        evidence_layout.addWidget(self.evidence_title)
        evidence_layout.addLayout(evidence_row, 1)
        snapshots_row = QHBoxLayout()
        snapshots_row.addWidget(plain_label("Snapshots", "snapshots_heading"))
        # With no snapshot yet, the hint sits beside the heading: the table keeps that line.
        snapshots_row.addWidget(self.no_snapshots_label, 1)
        snapshots_row.addStretch(0)
        snapshots_row.addWidget(self.view_snapshot_button)
        snapshots_row.addWidget(self.delete_snapshot_button)
        snapshots_pane = QWidget()
        snapshots_layout = QVBoxLayout(snapshots_pane)
        snapshots_layout.setContentsMargins(0, 0, 0, 0)
        snapshots_layout.addLayout(snapshots_row)
        snapshots_layout.addWidget(self.snapshots_view, 1)
        # In a small window the person drags the handles; the table keeps most of the room.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("readiness_splitter")
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in ((self.table, 5), (evidence_pane, 2), (snapshots_pane, 1)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.evidence_view.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        self.snapshots_view.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        self.splitter.setSizes([600, 150, 40])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.splitter, 1)
        self.empty_label = plain_label(NO_TARGET_TEXT, "readiness_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.capture_button.clicked.connect(self.request_capture)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.open_button.clicked.connect(self._on_open)
        self.evidence_view.doubleClicked.connect(self._on_open)
        self.freeze_button.clicked.connect(self.freeze_requested)
        self.snapshots_view.doubleClicked.connect(self._on_snapshot_open)
        self.view_snapshot_button.clicked.connect(
            lambda: self._on_snapshot_open(self.snapshots_view.currentIndex()))
        self.delete_snapshot_button.clicked.connect(
            lambda: self._on_snapshot_delete(self.snapshots_view.currentIndex()))
        self.snapshots_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.snapshots_model.modelReset.connect(self._update_buttons)
        # Enter does what a double-click does, so nothing here needs a mouse.
        _Keys(self.table, ENTER_KEYS, self._on_table_double_clicked)
        _Keys(self.evidence_view, ENTER_KEYS, self._on_open)
        _Keys(self.snapshots_view, ENTER_KEYS, self._on_snapshot_open)
        _Keys(self.snapshots_view, (Qt.Key.Key_Delete,), self._on_snapshot_delete)
        self.show_readiness(None)

    # -- showing -----------------------------------------------------------------------------
    def show_readiness(self, result: Readiness | None) -> None:
        """Show a result (None: the teaching empty state), keeping the selected expectation."""
        keep = self.current_expectation()
        self.stack.setCurrentIndex(0 if result is None else 1)
        self.model.set_items(result.items if result else ())
        if result is None:
            return
        self.percent_label.setText(f"Ready: {result.percent}%")
        self.percent_bar.setValue(result.percent)
        counts = {s: sum(1 for i in result.items if i.status == s)
                  for s in ("none", "emerging", "consistent")}
        self.counts_label.setText(
            f"{result.target.target_level}: {counts['none']} of {len(result.items)} "
            f"expectations without evidence, {counts['emerging']} emerging, "
            f"{counts['consistent']} consistent; gaps first.")
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def show_evidence(self, item: ExpectationReadiness | None,
                      entries: list[EntrySummary]) -> None:
        self.evidence_model.set_entries(entries)
        if item is None:
            self.evidence_title.setText(PICK_TEXT)
        elif not entries:
            self.evidence_title.setText(
                f"No entry backs “{item.text}” yet. Record one: something you did that "
                "shows it.")
        else:
            self.evidence_title.setText(
                f"Evidence for “{item.text}”: {plural(len(entries), 'entry', 'entries')}")
        self.evidence_title.setToolTip(plain_text(item.text) if item is not None else "")
        self._update_buttons()

    def show_snapshots(self, snapshots: list[SnapshotSummary]) -> None:
        self.snapshots_model.set_snapshots(snapshots)
        self.snapshots_view.setVisible(bool(snapshots))
        self.no_snapshots_label.setVisible(not snapshots)

    def current_expectation(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(IdRole)) if index.isValid() else None

    def select_expectation(self, expectation_id: int) -> None:
        row = self.model.row_of(expectation_id)
        if row is not None:
            self.table.selectRow(row)

    # -- slots -------------------------------------------------------------------------------
    def _update_buttons(self, *_args) -> None:
        self.capture_button.setEnabled(self.current_expectation() is not None)
        picked = self.snapshots_view.currentIndex().isValid()
        self.view_snapshot_button.setEnabled(picked)
        self.delete_snapshot_button.setEnabled(picked)
        self.open_button.setEnabled(self.evidence_view.currentIndex().isValid()
                                    or self.evidence_model.rowCount() > 0)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.expectation_selected.emit(int(current.data(IdRole)))
        self._update_buttons()

    def _on_snapshot_open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.snapshot_requested.emit(int(index.data(IdRole)))

    def _on_snapshot_delete(self, index: QModelIndex) -> None:
        if index.isValid():
            self.snapshot_delete_requested.emit(int(index.data(IdRole)), str(index.data()))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.item(index.row()).status == "none":
            self.capture_requested.emit(self.model.item(index.row()).expectation_id)

    def request_capture(self) -> None:
        """Ask for a new entry linked to the selected expectation."""
        expectation_id = self.current_expectation()
        if expectation_id is not None:
            self.capture_requested.emit(expectation_id)
        else:
            self.request_refused.emit(
                "No expectation to record evidence for: set a target in the Target tab and "
                "select one of its expectations first.")

    def _on_open(self, *_args) -> None:
        index = self.evidence_view.currentIndex()
        if not index.isValid() and self.evidence_model.rowCount():
            index = self.evidence_model.index(0)
        if index.isValid():
            self.entry_open_requested.emit(int(index.data(IdRole)))
