"""The case at a glance in the Target tab: the evidence chart of the target level over recent months."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fikadesk.domain.leveling.chart import EvidenceChart
from fikadesk.errors import StorageError
from fikadesk.services.leveling.chart import EvidenceCharts

if TYPE_CHECKING:
    from fikadesk.ui.common.widgets.evidence_chart import EvidenceChartView

#: (label, months shown, current month included)
PERIODS = (("Last 6 months", 6), ("Last 12 months", 12), ("Last 24 months", 24))
DEFAULT_PERIOD = 1
NO_TARGET_TEXT = "Save a target level above; its evidence then shows here, month by month."
INTRO = ("Where is the case thin, and where has it gone quiet? Each row is a dimension of the "
         "target level; each column a month.")


def period_start(today: date, months: int) -> date:
    """The first day of the month ``months - 1`` months before ``today``'s month."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


class GlancePanel(QWidget):
    """The chart and its plain summary. The chart widget (and pyqtgraph with it) is built the
    first time the panel is shown, and redrawn only while it is visible."""

    def __init__(self, charts: EvidenceCharts, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("target_glance")
        self.setAccessibleName("The case at a glance")
        self._charts = charts
        self._today = today
        self._stale = True
        self.view: EvidenceChartView | None = None
        self.chart: EvidenceChart | None = None
        intro = QLabel(INTRO)
        intro.setObjectName("target_glance_intro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("target_glance_period")
        self.period_combo.setAccessibleName("Chart period")
        self.period_combo.setToolTip("How many months the chart covers, up to this month")
        for label, months in PERIODS:
            self.period_combo.addItem(label, months)
        self.period_combo.setCurrentIndex(DEFAULT_PERIOD)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("target_glance_summary")
        self.summary_label.setAccessibleName("What the chart shows")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.period_combo)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.summary_label)
        self._layout.addStretch(1)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def period(self) -> tuple[date, date]:
        """The first and last day the chart covers now."""
        today = self._today()
        return period_start(today, int(self.period_combo.currentData())), today

    def refresh(self) -> None:
        """Count and draw again (after links, entries or the target changed); when the panel is
        not on screen, only remember to do it once it shows."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        since, until = self.period()
        try:
            self.chart = self._charts.target_chart(since, until)
        except StorageError as exc:
            self.chart = None
            self.summary_label.setText(f"The chart could not be read: {exc}")
            return
        view = self._chart_view()
        view.setVisible(self.chart is not None)
        if self.chart is None:
            self.summary_label.setText(NO_TARGET_TEXT)
            view.show_chart(None)
            return
        from fikadesk.ui.common.widgets.evidence_chart import chart_summary

        self.summary_label.setText(chart_summary(self.chart))
        view.show_chart(self.chart)

    def _chart_view(self) -> EvidenceChartView:
        if self.view is None:
            from fikadesk.ui.common.widgets.evidence_chart import EvidenceChartView

            self.view = EvidenceChartView(self)
            self.view.setMinimumHeight(240)
            self._layout.insertWidget(2, self.view, 10)
        return self.view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()
