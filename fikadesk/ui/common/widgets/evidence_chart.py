"""The case at a glance: evidence per dimension and month, drawn with pyqtgraph (imported on first use)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fikadesk.domain.leveling.chart import EvidenceChart
from fikadesk.ui.common.plain import plain_text

STARRED = QColor("#d08700")
OTHER = QColor("#3f7fbf")


def _pg(widget: QWidget) -> Any:
    """pyqtgraph, imported only when a chart is first drawn (it costs about a quarter second),
    drawing in the widget's own colours so light and dark themes both read."""
    import pyqtgraph

    palette = widget.palette()
    pyqtgraph.setConfigOptions(antialias=True, background=palette.color(QPalette.ColorRole.Base),
                               foreground=palette.color(QPalette.ColorRole.Text))
    return pyqtgraph


def chart_summary(chart: EvidenceChart) -> str:
    """One plain sentence a screen reader (and the tooltip) gives: the thin and the quiet parts."""
    if chart.empty:
        return "No linked evidence in this period yet."
    thin = [s.dimension for s in chart.series if s.total == 0]
    single = [s.dimension for s in chart.series if s.total == 1]
    quiet = [s.dimension for s in chart.series if s.total and s.quiet_months() >= 3]
    total, months = sum(s.total for s in chart.series), len(chart.months)
    parts = [f"{total} piece{'s' if total != 1 else ''} of linked evidence over "
             f"{months} month{'s' if months != 1 else ''}."]
    if thin:
        parts.append("No evidence yet for " + ", ".join(thin) + ".")
    if single:
        parts.append("Thin, one entry only: " + ", ".join(single) + ".")
    if quiet:
        parts.append("Quiet for three months or more: " + ", ".join(quiet) + ".")
    return " ".join(parts)


class EvidenceChartView(QWidget):
    """One row per dimension, one column per month; a dot's size is the number of entries, amber
    for months with starred evidence, blue for other evidence only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_chart")
        self.setAccessibleName("Evidence per dimension and month")
        self._chart: EvidenceChart | None = None
        self._plot: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel("Link entries to the target's expectations to see the case "
                                  "take shape here, month by month.")
        self.empty_label.setObjectName("evidence_chart_empty")
        self.empty_label.setWordWrap(True)
        self._layout.addWidget(self.empty_label)
        self.legend_label = QLabel("Each dot is a month's evidence for a dimension, larger for "
                                   "more entries: amber when a starred entry is among them, "
                                   "blue otherwise. An empty row is a gap; an empty end of a row "
                                   "has gone quiet.")
        self.legend_label.setObjectName("evidence_chart_legend")
        self.legend_label.setWordWrap(True)
        self.legend_label.hide()
        self._layout.addWidget(self.legend_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        rows = len(self._chart.series) if self._chart else 4
        return QSize(520, 60 + 26 * rows)

    @property
    def chart(self) -> EvidenceChart | None:
        """The numbers shown now (None before the first ``show_chart``)."""
        return self._chart

    def show_chart(self, chart: EvidenceChart | None) -> None:
        """Draw ``chart``; None or an empty chart shows the line saying how to fill it."""
        self._chart = chart
        if chart is None or chart.empty:
            self.empty_label.show()
            self.legend_label.hide()
            if self._plot is not None:
                self._plot.hide()
            self.setToolTip("")
            return
        self.empty_label.hide()
        self.legend_label.show()
        summary = chart_summary(chart)
        self.setToolTip(plain_text(summary))
        self.setAccessibleDescription(summary)
        self._draw(chart)
        self.updateGeometry()

    def _draw(self, chart: EvidenceChart) -> None:
        pg = _pg(self)
        if self._plot is None:
            self._plot = pg.PlotWidget()
            self._plot.setObjectName("evidence_chart_plot")
            self._plot.setAccessibleName("Evidence chart")
            self._plot.setMenuEnabled(False)
            self._plot.setMouseEnabled(x=False, y=False)
            self._plot.hideButtons()
            self._layout.insertWidget(0, self._plot, 1)
        self._plot.show()
        item = self._plot.getPlotItem()
        item.clear()
        rows = list(reversed(chart.series))  # the ladder's first dimension at the top
        xs, ys, sizes, brushes = [], [], [], []
        most = max(max(s + o for s, o in zip(r.starred, r.other, strict=True)) for r in rows) or 1
        for y, series in enumerate(rows):
            for x, (starred, other) in enumerate(zip(series.starred, series.other, strict=True)):
                if starred + other == 0:
                    continue
                xs.append(x)
                ys.append(y)
                sizes.append(8 + 16 * (starred + other) / most)
                brushes.append(pg.mkBrush(STARRED if starred else OTHER))
        item.addItem(pg.ScatterPlotItem(x=xs, y=ys, size=sizes, brush=brushes, pen=None))
        labels = chart.labels()
        step = max(1, len(labels) // 8)
        item.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, len(labels), step)]])
        left = item.getAxis("left")
        left.setTicks([[(i, r.dimension) for i, r in enumerate(rows)]])
        widest = max(self.fontMetrics().horizontalAdvance(r.dimension) for r in rows)
        left.setWidth(widest + 16)
        item.setXRange(-0.5, len(labels) - 0.5, padding=0)
        item.setYRange(-0.6, len(rows) - 0.4, padding=0)
        item.showGrid(x=True, y=False, alpha=0.15)

    def render_image(self, width: int = 900) -> QImage:
        """The chart drawn into an image ``width`` pixels wide (for briefs)."""
        if self._chart is None or self._chart.empty or self._plot is None:
            raise ValueError("there is no evidence to draw yet")
        height = 70 + 30 * len(self._chart.series)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        self._plot.resize(width, height)
        painter = QPainter(image)
        try:
            self._plot.render(painter)
        finally:
            painter.end()
        return image

    def save_image(self, path: Path, width: int = 900) -> Path:
        """Write the chart as a PNG ``width`` pixels wide; the path written."""
        if not self.render_image(width).save(str(path)):  # the format follows the suffix
            raise OSError(f"could not write {path}")
        return path
