"""Item models of the Target tab: readiness rows, evidence, level expectations, snapshots."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from fikadesk.domain.journal.entries import EntrySummary
from fikadesk.domain.leveling.ladder import STATUS_RULE_TEXT
from fikadesk.domain.leveling.snapshot import SnapshotSummary
from fikadesk.domain.leveling.stored import ExpectationReadiness
from fikadesk.ui.common.plain import plain_text

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 11
StatusRole = Qt.ItemDataRole.UserRole + 12

STATUS_LABELS = {"none": "No evidence", "emerging": "Emerging", "consistent": "Consistent"}
STATUS_MARKS = {"none": "\u25cb", "emerging": "\u25d1", "consistent": "\u25cf"}
NEW_MARK = "New \u2014 "
CHANGE_MARK = "\u21b3 Change: "
WAS_MARK = "\u21b3 Was: "
READINESS_HEADERS = ("Status", "Dimension", "Expectation", "Entries", "Starred", "Latest")


class ReadinessModel(QAbstractTableModel):
    """One row per target expectation, gaps first, as the leveling service orders them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: tuple[ExpectationReadiness, ...] = ()

    def set_items(self, items: Sequence[ExpectationReadiness]) -> None:
        self.beginResetModel()
        self._items = tuple(items)
        self.endResetModel()

    def item(self, row: int) -> ExpectationReadiness:
        return self._items[row]

    def row_of(self, expectation_id: int) -> int | None:
        return next((n for n, i in enumerate(self._items) if i.expectation_id == expectation_id),
                    None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(READINESS_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(READINESS_HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return READINESS_HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == 0:
                return STATUS_RULE_TEXT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{STATUS_MARKS[item.status]} {STATUS_LABELS[item.status]}"
            values = (item.dimension, item.text, str(item.evidence_count),
                      str(item.starred_count), item.latest.isoformat() if item.latest else "—")
            return values[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return STATUS_RULE_TEXT
            if column == 2:
                return plain_text(item.text)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == 0 and item.status == "none":
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return item.expectation_id
        if role == StatusRole:
            return item.status
        return None


class EvidenceModel(QAbstractListModel):
    """The entries linked to one expectation, newest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[EntrySummary] = []

    def set_entries(self, entries: Sequence[EntrySummary]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            star = "\u2605 " if entry.starred else ""
            return f"{entry.day.isoformat()}  {star}{entry.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Double-click to open this entry in the Journal tab"
        if role == IdRole:
            return entry.id
        return None


class LevelExpectationsModel(QAbstractListModel):
    """A level's expectations as "Dimension: text"; what is new or changed at this level says so.

    Rows are (dimension, text, kind, change, was): kind is "new", "changed", "same" or "" (a
    plain row, as in the lower level's list); for "changed", ``change`` holds the words that
    differ and ``was`` the lower level's wording it grows from.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str, str]] = []

    def set_rows(self, rows: Sequence[tuple[str, str, str, str, str]]) -> None:
        """Rows of (dimension, text, kind, change, was)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        dimension, text, kind, change, was = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "new":
                return f"{NEW_MARK}{dimension}: {text}"
            if kind == "changed" and change:
                return f"{dimension}: {text}\n{CHANGE_MARK}{change}"
            if kind == "changed":  # reworded throughout: the older wording is the change
                return f"{dimension}: {text}\n{WAS_MARK}{was}"
            return f"{dimension}: {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = {"new": "New at this level: the lower level has nothing this grows from.",
                     "changed": f"Grows from the lower level's “{was}”",
                     "same": "The lower level already asks for this."}
            return plain_text(f"{text}\n\n{notes[kind]}" if kind in notes else text)
        if role == StatusRole:
            return kind
        return None


class SnapshotListModel(QAbstractListModel):
    """Frozen snapshots, newest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._snapshots: list[SnapshotSummary] = []

    def set_snapshots(self, snapshots: Sequence[SnapshotSummary]) -> None:
        self.beginResetModel()
        self._snapshots = list(snapshots)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._snapshots)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._snapshots):
            return None
        snap = self._snapshots[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            note = f" — {snap.note}" if snap.note else ""
            return (f"{snap.taken_on.isoformat()}: {snap.target_level} on {snap.ladder_name} "
                    f"({snap.item_count} expectations){note}")
        if role == IdRole:
            return snap.id
        return None


PREVIEW_HEADERS = ("Level", "Expectations", "Dimensions")


class ImportPreviewModel(QAbstractTableModel):
    """What an import found, one row per level: its expectations and dimensions."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, str]] = []

    def set_rows(self, rows: Sequence[tuple[str, int, str]]) -> None:
        """Rows of (level name, expectation count, dimensions joined)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PREVIEW_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(PREVIEW_HEADERS)):
            return PREVIEW_HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[index.row()][index.column()]
            return plain_text(str(value)) if role == Qt.ItemDataRole.ToolTipRole else str(value)
        return None


EDITOR_HEADERS = ("Dimension", "Expectation")


class ExpectationTableModel(QAbstractTableModel):
    """One level's expectations in the ladder editor: dimension and text, with ids."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str]] = []

    def set_rows(self, rows: Sequence[tuple[int, str, str]]) -> None:
        """Rows of (expectation id, dimension, text)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_of(self, expectation_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r[0] == expectation_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EDITOR_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(EDITOR_HEADERS)):
            return EDITOR_HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[index.row()][index.column() + 1]
            return plain_text(str(value)) if role == Qt.ItemDataRole.ToolTipRole else value
        if role == IdRole:
            return self._rows[index.row()][0]
        return None
