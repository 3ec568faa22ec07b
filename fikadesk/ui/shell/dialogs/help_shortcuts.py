"""Help > Keyboard shortcuts: a table generated from the window's own actions and shortcuts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout, QWidget


def shortcut_rows(actions: list[QAction], shortcuts: Sequence[QShortcut] = ()) -> list[tuple[str, str]]:
    """(what it does, keys) for every action with a shortcut, in menu text without '&', then
    for every shortcut that says what it does (its "what's this" text), those saying the same
    thing on one row (Alt+1, Alt+2, Alt+3)."""
    rows = []
    seen: set[str] = set()
    for action in actions:
        keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText)
                         for seq in action.shortcuts() if not seq.isEmpty())
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        if keys and name and name not in seen:
            seen.add(name)
            rows.append((name, keys))
    grouped: dict[str, list[str]] = {}
    for shortcut in shortcuts:
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if shortcut.whatsThis() and keys and keys not in grouped.get(shortcut.whatsThis(), []):
            grouped.setdefault(shortcut.whatsThis(), []).append(keys)
    rows += [(name, ", ".join(keys)) for name, keys in grouped.items() if name not in seen]
    return rows


class ShortcutsDialog(QDialog):
    """Lists every shortcut the window's actions have right now."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None,
                 shortcuts: Sequence[QShortcut] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels(["Action", "Keys"])
        listed = shortcut_rows(actions, shortcuts)
        for name, keys in listed:
            items = [QStandardItem(name), QStandardItem(keys)]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.table = QTableView()
        self.table.setObjectName("shortcuts_table")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("shortcuts_buttons")
        buttons.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        rows = self.table.verticalHeader().defaultSectionSize() * (self.model.rowCount() + 1)
        widest = max((self.fontMetrics().horizontalAdvance(f"{name}  {keys}")
                      for name, keys in listed), default=0)
        self.resize(min(max(em * 30, widest + em * 6), em * 60), min(rows + em * 6, em * 48))

    @classmethod
    def show_shortcuts(cls, parent: QWidget | None, actions: list[QAction],
                       shortcuts: Sequence[QShortcut] = ()) -> None:
        """Show the shortcuts modally."""
        cls(actions, parent, shortcuts).exec()
