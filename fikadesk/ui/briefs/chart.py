"""The evidence chart as a picture for the promotion brief (markdown folder, print and PDF)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from fikadesk.briefs.output import replacing
from fikadesk.domain.leveling.chart import EvidenceChart
from fikadesk.ui.common.widgets.evidence_chart import EvidenceChartView

#: How the picture is named beside a saved brief: ``case.md`` -> ``case-evidence.png``.
SUFFIX = "-evidence.png"


def chart_file_name(brief_path: Path) -> str:
    """The chart's file name for a brief saved at ``brief_path`` (it sits in the same folder)."""
    return brief_path.stem + SUFFIX


def ensure_widgets_application() -> QApplication:
    """The running widgets application, or an offscreen one when there is none (command line)."""
    from fikadesk.ui.briefs.pdf import ensure_gui_application

    app = QApplication.instance()
    if app is None:
        import os

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    elif not isinstance(app, QApplication):
        ensure_gui_application()
        raise RuntimeError("a chart needs a widgets application")
    assert isinstance(app, QApplication)
    return app


class _QuietOffscreen:
    """While in use, drops the offscreen platform's note about size hints (it is not ours and
    would reach a command-line user's terminal) and passes every other message on."""

    def __enter__(self) -> None:
        self._previous: Any = qInstallMessageHandler(self._handle)

    def __exit__(self, *exc: object) -> None:
        qInstallMessageHandler(self._previous)

    def _handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if self._previous is not None:
            self._previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")


def chart_image(chart: EvidenceChart, width: int = 1000) -> QImage:
    """Draw ``chart`` into an image ``width`` pixels wide, in print colours (light)."""
    ensure_widgets_application()
    view = EvidenceChartView()
    palette = view.palette()  # print colours whatever the desktop theme
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    view.setPalette(palette)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    try:
        view.show_chart(chart)
        view.resize(width, 70 + 30 * len(chart.series))
        with _QuietOffscreen():
            view.show()  # lays the axes out for this size, never on screen
            QApplication.processEvents()
        return view.render_image(width)
    finally:
        view.hide()
        view.deleteLater()


def write_chart(chart: EvidenceChart, path: Path) -> Path:
    """Write the chart as a PNG to ``path`` whole or not at all; the path written."""
    image = chart_image(chart)
    with replacing(path) as temp:
        if not image.save(str(temp), "PNG"):  # type: ignore[call-overload]
            raise OSError(f"could not write {path.name}")
    return path
