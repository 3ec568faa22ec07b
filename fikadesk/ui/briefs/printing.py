"""The print preview of a brief: the locale's page size, the same pages as the PDF export."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from fikadesk.ui.briefs.pdf import paint_brief, prepare_device


def make_printer() -> QPrinter:
    """A high-resolution printer set up with the locale's page size and the brief's margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_device(printer)
    return printer


def make_print_preview(parent: QWidget | None, markdown_text: str, title: str,
                       images: Mapping[str, QImage] | None = None) -> QPrintPreviewDialog:
    """A print preview dialog that lays the brief out exactly as the PDF export does."""
    printer = make_printer()
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("brief_print_preview")
    dialog.setWindowTitle(f"Print preview — {title}")
    dialog.paintRequested.connect(lambda target: paint_brief(markdown_text, title, target, images))
    dialog.printer_ref = printer  # type: ignore[attr-defined]  # keeps the printer alive
    return dialog
