"""Paints one entry row: star, title and date, then tags or a search snippet with highlights."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fikadesk.services.journal.service import SNIPPET_CLOSE, SNIPPET_OPEN
from fikadesk.ui.journal.model import SummaryRole

STAR = "\u2605"


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """Split a snippet with match markers into (text, highlighted) runs."""
    runs: list[tuple[str, bool]] = []
    highlighted = False
    current = ""
    for char in snippet:
        if char in (SNIPPET_OPEN, SNIPPET_CLOSE):
            if current:
                runs.append((current, highlighted))
            current = ""
            highlighted = char == SNIPPET_OPEN
            continue
        current += " " if char in "\n\r\t" else char
    if current:
        runs.append((current, highlighted))
    return runs


class EntryDelegate(QStyledItemDelegate):
    """Draws user text as plain text only (never as HTML)."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + self.PADDING * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        summary = index.data(SummaryRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if summary is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        metrics = QFontMetrics(opt.font)
        line_h = metrics.height()

        date_text = summary.day.isoformat()
        date_w = metrics.horizontalAdvance(date_text) + self.PADDING
        painter.setPen(palette.color(QPalette.ColorGroup.Active, text_role))
        painter.setFont(opt.font)
        painter.drawText(QRect(rect.right() - date_w, rect.top(), date_w, line_h),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), date_text)
        x = rect.left()
        if summary.starred:
            star_w = metrics.horizontalAdvance(STAR + " ")
            painter.setPen(palette.color(QPalette.ColorRole.Link) if not selected
                           else palette.color(text_role))
            painter.drawText(QRect(x, rect.top(), star_w, line_h),
                             int(Qt.AlignmentFlag.AlignVCenter), STAR)
            x += star_w
        bold = QFont(opt.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        title_w = max(0, rect.right() - date_w - x)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        painter.drawText(QRect(x, rect.top(), title_w, line_h), int(Qt.AlignmentFlag.AlignVCenter),
                         bold_metrics.elidedText(summary.title, Qt.TextElideMode.ElideRight, title_w))

        second = QRect(rect.left(), rect.top() + line_h + self.PADDING // 2, rect.width(), line_h)
        painter.setFont(opt.font)
        if summary.snippet:
            self._draw_runs(painter, second, split_snippet(summary.snippet), metrics, opt, selected)
        elif summary.tags:
            muted = palette.color(QPalette.ColorGroup.Disabled, text_role) if not selected \
                else palette.color(text_role)
            painter.setPen(muted)
            tags = "  ".join("#" + t for t in summary.tags)
            painter.drawText(second, int(Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(tags, Qt.TextElideMode.ElideRight, second.width()))
        painter.restore()

    def _draw_runs(self, painter: QPainter, rect: QRect, runs: list[tuple[str, bool]],
                   metrics: QFontMetrics, opt: QStyleOptionViewItem, selected: bool) -> None:
        palette = opt.palette
        normal = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        x = rect.left()
        for text, highlighted in runs:
            remaining = rect.right() - x
            if remaining <= 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, remaining)
            width = metrics.horizontalAdvance(shown)
            box = QRect(x, rect.top(), width, rect.height())
            if highlighted:
                painter.fillRect(box, palette.color(QPalette.ColorRole.Highlight).lighter(150)
                                 if not selected else palette.color(QPalette.ColorRole.Base))
                painter.setPen(palette.color(QPalette.ColorRole.Text))
            else:
                painter.setPen(normal)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), shown)
            x += width
            if shown != text:
                break
