"""Printing a brief: a safe print document, locale page size, page numbers, PDF export."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFrame,
    QTextOption,
    QTextTable,
)

from fikadesk.briefs.output import replacing
from fikadesk.briefs.render import to_html

#: Places that print on US Letter even where they measure in metric units.
LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
}
MARGINS_MM = QMarginsF(18, 16, 18, 14)
FOOTER_PT = 8
_HEADING = re.compile(r"<h[1-6]")
#: Room (in points) a heading needs below it on its page; with less it starts the next page.
#: A section heading (levels 1 and 2) needs twice as much: a section is not begun with a line.
KEEP_PT = 60
SECTION_LEVEL = 2


def ensure_gui_application() -> QGuiApplication:
    """Return the running Qt application, starting an offscreen one when there is no screen."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """US Letter where the locale prints on it, A4 everywhere else."""
    where = locale or QLocale.system()
    if (where.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
            or where.territory() in LETTER_TERRITORIES):
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


class PrintDocument(QTextDocument):
    """A brief as a rich text document that never loads anything it names (files, images): the
    only images it shows are the ones handed to it in ``images`` (name as written in the
    markdown -> image), such as the evidence chart fikadesk drew itself."""

    def __init__(self, markdown_text: str, title: str, breaks: frozenset[int] = frozenset(),
                 images: Mapping[str, QImage] | None = None, image_width: float = 0) -> None:
        super().__init__()
        for name, image in (images or {}).items():
            self.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        self.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
        self.setDefaultFont(QFont("DejaVu Sans", 10))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setDefaultTextOption(option)
        count = iter(range(1_000_000))

        def heading(match: re.Match[str]) -> str:
            broken = next(count) in breaks
            return match.group(0) + (' style="page-break-before: always"' if broken else "")

        html = _HEADING.sub(heading, to_html(markdown_text, title))
        if image_width > 0:  # our own pictures span the text width, scaled by Qt
            for name, image in (images or {}).items():
                high = image_width * image.height() / max(1, image.width())
                html = html.replace(f'src="{name}"', f'src="{name}" width="{int(image_width)}" '
                                    f'height="{int(high)}"')
        self.setHtml(html)

    def loadResource(self, kind: int, url: QUrl | str):  # noqa: N802 - Qt override
        return None


def prepare_device(device: QPagedPaintDevice, locale: QLocale | None = None) -> None:
    """Give a printer or PDF writer the locale's page size, portrait, and the brief's margins."""
    device.setPageSize(page_size_for(locale))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def _heading_to_move(document: QTextDocument, page_height: float, room: float
                     ) -> tuple[int, bool] | None:
    """The index (among headings) of the first heading left at the foot of a page, and whether
    a heading follows it straight away; None when every heading has its text beside it."""
    layout = document.documentLayout()
    block = document.begin()
    index = 0
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0:
            rect = layout.blockBoundingRect(block)
            need = room * 2 if level <= SECTION_LEVEL else room
            offset = rect.top() % page_height
            following = block.next()
            if following.isValid() and "\ufffc" in following.text():
                # A picture under a heading cannot be split: the two need its height together.
                need = max(need, room + layout.blockBoundingRect(following).height())
            # A heading whose next line starts on the next page (say a section heading
            # straight above a sub-heading that moved) goes along with it.
            split = following.isValid() and (
                int(layout.blockBoundingRect(following).top() // page_height)
                != int(rect.top() // page_height))
            if offset > 1 and (split or page_height - offset - rect.height() < need):
                return index, following.isValid() and following.blockFormat().headingLevel() > 0
            index += 1
        block = block.next()
    return None


def lay_out(markdown_text: str, title: str, device: QPagedPaintDevice, page: QSizeF,
            room: float, images: Mapping[str, QImage] | None = None) -> PrintDocument:
    """Lay the brief out in pages of ``page`` size, moving headings that would sit at the foot
    of a page (with less than ``room`` below them, twice that for a section heading) to the
    next page.

    A move is written into the HTML of a fresh document: changing the block format of a
    laid-out document left parts of it unpainted.
    """
    moved: frozenset[int] = frozenset()
    while True:
        # Qt scales picture sizes from 96 dpi to the device's resolution.
        css_width = page.width() * 96 / max(1, device.logicalDpiX())
        document = PrintDocument(markdown_text, title, moved, images, css_width)
        document.documentLayout().setPaintDevice(device)
        document.setDocumentMargin(0)
        document.setPageSize(page)
        found = _heading_to_move(document, page.height(), room)
        if found is None or found[0] in moved:
            return document
        heading, above_heading = found
        # A heading moved along with the one under it takes over that one's page break.
        moved = (moved - {heading + 1} if above_heading else moved) | {heading}


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def close_split_tables(document: QTextDocument, painter: QPainter, page_bottom: float) -> int:
    """Draw a bottom rule under every table that runs on past ``page_bottom``; return how many.

    Qt moves a row that does not fit to the next page but leaves the table open at the foot
    of the page it leaves; the rule closes it the way the table's own border would.
    """
    layout = document.documentLayout()
    closed = 0
    for table in _tables(document.rootFrame()):
        rect = layout.frameBoundingRect(table)
        if not rect.top() < page_bottom < rect.bottom():
            continue
        cell = table.cellAt(0, 0).format().toTableCellFormat()
        brush = cell.bottomBorderBrush()
        pen = QPen(brush.color() if brush.style() != Qt.BrushStyle.NoBrush
                   else QColor(Qt.GlobalColor.darkGray))
        # The cells' border is given in CSS pixels (1/96 inch).
        width = max(1.0, cell.bottomBorder()) * painter.device().logicalDpiY() / 96
        pen.setWidthF(width)
        painter.save()
        painter.setPen(pen)
        y = page_bottom - width / 2
        # Qt reports a collapsed-border table shifted right by its cells' padding; the table
        # itself starts at the left edge of its parent frame.
        left = layout.frameBoundingRect(table.parentFrame()).left()
        painter.drawLine(QPointF(left, y), QPointF(left + rect.width(), y))
        painter.restore()
        closed += 1
    return closed


def paint_brief(markdown_text: str, title: str, device: QPagedPaintDevice,
                images: Mapping[str, QImage] | None = None) -> int:
    """Lay the brief out on ``device`` page by page with a footer; return the page count.
    ``images`` are the only pictures it may show (see PrintDocument)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The printer or file could not be opened for writing.")
    try:
        dpi = device.logicalDpiY()
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        footer_height = int(FOOTER_PT * 3.2 * dpi / 72)
        body = QSizeF(area.width(), area.height() - footer_height)
        document = lay_out(markdown_text, title, device, body, KEEP_PT * dpi / 72, images)
        pages = max(1, document.pageCount())
        footer_font = QFont("DejaVu Sans")
        footer_font.setPointSizeF(FOOTER_PT)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            top = page * body.height()
            painter.translate(0, -top)
            clip = QRectF(0, top, body.width(), body.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            close_split_tables(document, painter, top + body.height())
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            line_y = body.height() + footer_height * 0.35
            painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
            text_box = QRectF(0, line_y, body.width(), footer_height * 0.65)
            painter.drawText(text_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             title)
            painter.drawText(text_box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"Page {page + 1} of {pages}")
        return pages
    finally:
        painter.end()


def export_pdf(markdown_text: str, title: str, path: Path, locale: QLocale | None = None,
               images: Mapping[str, QImage] | None = None) -> int:
    """Write the brief as a PDF to ``path`` atomically; return the number of pages."""
    ensure_gui_application()
    with replacing(path) as temp:
        writer = QPdfWriter(str(temp))
        writer.setTitle(title)
        writer.setCreator("fikadesk")
        writer.setResolution(300)
        prepare_device(writer, locale)
        pages = paint_brief(markdown_text, title, writer, images)
        del writer  # finishes the file before it is renamed into place
    return pages
