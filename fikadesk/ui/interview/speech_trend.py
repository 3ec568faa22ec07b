"""Spoken takes over time: pace, fillers a minute and words left out, drawn with pyqtgraph (lazily)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fikadesk.domain.interview.speech import SpeechMetrics

SERIES = (("Pace (words a minute)", "#3f7fbf"), ("Fillers a minute", "#d08700"),
          ("Sentences left out", "#c62828"))


def words_missed(metrics: SpeechMetrics) -> int:
    """Sentences left out of a take."""
    return len(metrics.missed)


def trend_summary(measured: Sequence[SpeechMetrics]) -> str:
    """One plain paragraph on the spoken takes, oldest to newest."""
    if not measured:
        return "No spoken takes yet: tick Record in the rehearsal to measure one."
    last = measured[-1]
    pace = f"{last.words_per_minute:.0f} words a minute" if last.words_per_minute is not None else "no pace"
    missed = len(last.missed)
    line = (f"{len(measured)} spoken take{'s' if len(measured) != 1 else ''}; the last: {pace}, "
            f"{last.fillers_per_minute:.1f} fillers a minute, {missed} sentence{'s' if missed != 1 else ''} "
            "left out.")
    if len(measured) > 1:
        first = measured[0]
        line += (f" Since the first: fillers {first.fillers_per_minute:.1f} \u2192 "
                 f"{last.fillers_per_minute:.1f} a minute, sentences left out "
                 f"{len(first.missed)} \u2192 {missed}.")
    return line


class SpeechTrendChart(QWidget):
    """Three lines over the spoken takes of one answer, one point per take."""

    def __init__(self, measured: Sequence[SpeechMetrics], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech_trend_chart")
        self.setAccessibleName("Spoken takes over time")
        self.setAccessibleDescription(trend_summary(measured))
        self.setMinimumHeight(220)
        import pyqtgraph

        palette = self.palette()
        pyqtgraph.setConfigOptions(antialias=True, background=palette.color(QPalette.ColorRole.Base),
                                   foreground=palette.color(QPalette.ColorRole.Text))
        numbers = list(range(1, len(measured) + 1))
        values = ([m.words_per_minute or 0.0 for m in measured], [m.fillers_per_minute for m in measured],
                  [float(words_missed(m)) for m in measured])
        # Pace on its own plot: at ~150 it would flatten fillers and sentences left out (0-10) to a line.
        self.plot: Any = self._plot(pyqtgraph, "speech_trend_pace", numbers, [(SERIES[0], values[0])])
        self.counts_plot: Any = self._plot(pyqtgraph, "speech_trend_counts", numbers,
                                           [(SERIES[1], values[1]), (SERIES[2], values[2])])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.counts_plot)

    @staticmethod
    def _plot(pyqtgraph: Any, name: str, numbers: list[int],
              series: list[tuple[tuple[str, str], list[float]]]) -> Any:
        plot = pyqtgraph.PlotWidget()
        plot.setObjectName(name)
        plot.addLegend(offset=(10, 5))
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.getAxis("bottom").setTicks([[(n, str(n)) for n in numbers]])
        plot.setXRange(0.7, len(numbers) + 0.3)
        for (label, colour), ys in series:
            plot.plot(numbers, ys, name=label, pen=pyqtgraph.mkPen(colour, width=2),
                      symbol="o", symbolBrush=colour, symbolSize=7)
        return plot
