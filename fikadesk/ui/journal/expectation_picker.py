"""A searchable, checkable list of target expectations, used to link an entry as evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.leveling.snapshot import ExpectationChoice
from fikadesk.ui.common.plain import plain_text

Index = QModelIndex | QPersistentModelIndex
ChoiceIdRole = Qt.ItemDataRole.UserRole + 21

NO_TARGET_TEXT = ("No target level yet. Choose your ladder and the level you aim for in the "
                  "Target tab; its expectations then show up here to link entries to.")


class ExpectationChoiceModel(QAbstractListModel):
    """Expectations with a check box each; checking one links the entry to it."""

    checked_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._choices: list[ExpectationChoice] = []
        self._checked: set[int] = set()
        self._target_level = ""

    def set_choices(self, choices: Sequence[ExpectationChoice], checked: Iterable[int]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self._target_level = choices[0].level if choices else ""
        known = {c.id for c in self._choices}
        self._checked = {x for x in checked if x in known}
        self.endResetModel()

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self._choices if c.id in self._checked)

    def set_checked(self, expectation_id: int, checked: bool) -> None:
        row = next((n for n, c in enumerate(self._choices) if c.id == expectation_id), None)
        if row is not None:
            self.setData(self.index(row), Qt.CheckState.Checked if checked
                         else Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            other = f" ({choice.level})" if choice.level != self._target_level else ""
            return f"{choice.label}{other}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if choice.id in self._checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_text(f"{choice.text}\n\n{choice.dimension}, level {choice.level}")
        if role == ChoiceIdRole:
            return choice.id
        return None

    def setData(self, index: Index, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        choice_id = self._choices[index.row()].id
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self._checked.add(choice_id)
        else:
            self._checked.discard(choice_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


class WordsFilter(QSortFilterProxyModel):
    """Keeps the rows that contain every word typed, in any order, ignoring case."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_words(self, text: str) -> None:
        """Filter by the words of ``text`` (an empty text keeps every row)."""
        self.beginFilterChange()
        self._words = tuple(text.casefold().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = f"{index.data()}\n{index.data(Qt.ItemDataRole.ToolTipRole)}".casefold()
        return all(word in text for word in self._words)


class ExpectationPicker(QWidget):
    """A search field over a checkable expectation list; emits ``checked_changed``."""

    checked_changed = Signal()

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = ExpectationChoiceModel(self)
        self.proxy = WordsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit = QLineEdit(placeholderText="Search expectations…")
        self.search_edit.setObjectName(f"{name}_search")
        self.search_edit.setAccessibleName("Search expectations")
        self.search_edit.setToolTip("Type words to narrow the list of expectations (in any "
                                    "order); Down or Enter moves to the list, Space ticks")
        self.search_edit.setClearButtonEnabled(True)
        self.list_view = QListView()
        self.list_view.setObjectName(f"{name}_list")
        self.list_view.setAccessibleName("Expectations this entry is evidence for")
        self.list_view.setToolTip("Tick each expectation this entry shows you meeting")
        self.list_view.setModel(self.proxy)
        self.list_view.setWordWrap(True)
        self.empty_label = QLabel(NO_TARGET_TEXT)
        self.empty_label.setObjectName(f"{name}_empty_label")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label)
        self.search_edit.textChanged.connect(self.proxy.set_words)
        self.search_edit.installEventFilter(self)
        self.model.checked_changed.connect(self.checked_changed)
        self.set_choices([], ())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Down or Enter in the search field goes on to the (filtered) list, so no mouse is
        # needed; Enter there never presses the dialog's default button (saving unlinked).
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in keys
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            if self.proxy.rowCount():
                self.list_view.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.list_view.currentIndex().isValid():
                    self.list_view.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def set_choices(self, choices: Sequence[ExpectationChoice], checked: Iterable[int]) -> None:
        self.model.set_choices(choices, checked)
        empty = not choices
        self.empty_label.setVisible(empty)
        self.list_view.setVisible(not empty)
        self.search_edit.setVisible(not empty)

    def checked_ids(self) -> tuple[int, ...]:
        return self.model.checked_ids()


class ExpectationPickerDialog(QDialog):
    """Pick the expectations an existing entry is evidence for."""

    def __init__(self, parent: QWidget | None, choices: Sequence[ExpectationChoice],
                 checked: Iterable[int], title: str) -> None:
        super().__init__(parent)
        self.setObjectName("expectation_picker_dialog")
        self.setAccessibleName("Link to expectations")
        self.setWindowTitle("Evidence for…")
        intro = QLabel(f"Which expectations of your target level does “{title}” show you "
                       "meeting? Tick each one; untick to remove a link.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.picker = ExpectationPicker("picker_dialog", self)
        self.picker.set_choices(choices, checked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("picker_dialog_buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @classmethod
    def get_ids(cls, parent: QWidget | None, choices: Sequence[ExpectationChoice],
                checked: Iterable[int], title: str) -> tuple[int, ...] | None:
        """The ticked expectation ids, or None when the person cancelled."""
        dialog = cls(parent, choices, checked, title)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.picker.checked_ids()
        return None
