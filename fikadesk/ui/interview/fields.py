"""Widgets that make room for what a person writes: fields as tall as their text, wrapped list rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QTreeView,
    QWidget,
)


class GrowingTextEdit(QTextEdit):
    """A plain-text field as tall as its wrapped text, from ``min_lines`` up to ``max_lines``.

    Past ``max_lines`` it scrolls. Tab moves on; with ``enter_moves_on`` Enter does too (a field
    for one sentence or two), Shift+Enter still breaks the line.
    """

    text_edited = Signal()
    """The person changed the text (not emitted when code sets it with ``setText``)."""
    focus_changed = Signal(bool)
    """The field got (True) or lost (False) the keyboard focus."""

    def __init__(self, min_lines: int = 1, max_lines: int = 8, *, enter_moves_on: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_lines, self.max_lines, self._enter_moves_on = min_lines, max_lines, enter_moves_on
        self._setting = False
        self._placeholder = ""
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self.textChanged.connect(self._on_text_changed)
        self._fit()

    def text(self) -> str:
        """The text as written."""
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLineEdit name, kept for callers
        """Show text without counting it as the person's edit."""
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        self._fit()

    def line_count(self) -> int:
        """How many lines the text takes, wrapped at the field's width."""
        block, lines = self.document().begin(), 0
        while block.isValid():
            layout = block.layout()
            lines += max(layout.lineCount() if layout is not None else 1, 1)
            block = block.next()
        return max(lines, 1)

    def visible_lines(self) -> int:
        """How many lines of text the field shows at once."""
        return int((self.viewport().height() - 2 * self.document().documentMargin())
                   // self.fontMetrics().lineSpacing())

    def _on_text_changed(self) -> None:
        if not self._setting:
            self.text_edited.emit()

    def _fit(self) -> None:
        spacing = self.fontMetrics().lineSpacing()
        margin = 2 * self.document().documentMargin()
        text_height = self.document().size().height()
        if self.document().isEmpty() and self.placeholderText():  # show the whole example
            width = max(int(self.viewport().width() - margin), 40)
            text_height = self.fontMetrics().boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), self.placeholderText()
            ).height() + margin
        low, high = self.min_lines * spacing + margin, self.max_lines * spacing + margin
        height = int(min(max(text_height, low), high) + 0.999)
        frame = 2 * self.frameWidth() + self.contentsMargins().top() + self.contentsMargins().bottom()
        if self.height() != height + frame or self.minimumHeight() != height + frame:
            self.setFixedHeight(height + frame)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show ``text`` while the field is empty, wrapped and whole (the field grows to hold it;
        QTextEdit's own placeholder is one clipped line)."""
        self._placeholder = text
        self.viewport().update()
        self._fit()

    def placeholderText(self) -> str:  # noqa: N802 - Qt override
        """The text shown while the field is empty."""
        return self._placeholder

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._placeholder and self.document().isEmpty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = int(self.document().documentMargin())
            painter.drawText(self.viewport().rect().adjusted(margin, margin, -margin, -margin),
                             int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), self._placeholder)
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focus_changed.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.focus_changed.emit(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self._enter_moves_on and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class WrappingDelegate(QStyledItemDelegate):
    """Rows of a tree as tall as their wrapped text at the view's width, so nothing ends in "…"."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setUniformRowHeights(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.viewport().installEventFilter(self)
        self._width = -1

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width the row's text wraps at."""
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = self._view.indentation() * (depth + (1 if self._view.rootIsDecorated() else 0))
        style = self._view.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1)
        return max(self._view.viewport().width() - indent - margin - 2, 40)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = self.text_width(index)
        bound = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, max(base.height(), bound.height() + 4))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self.sizeHintChanged.emit(QModelIndex())
            self._view.scheduleDelayedItemsLayout()
        return False

