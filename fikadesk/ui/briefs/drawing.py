"""The brief drawing the command line is given (PDF, evidence chart); Qt loads at its first use."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fikadesk.domain.leveling.chart import EvidenceChart


class QtBriefDrawing:
    """Draws briefs with ``ui.briefs.chart`` and ``ui.briefs.pdf`` (``cli.briefs.BriefDrawing``);
    building one loads no Qt, so a command that draws nothing stays light."""

    def chart_file_name(self, brief_path: Path) -> str:
        from fikadesk.ui.briefs.chart import chart_file_name

        return chart_file_name(brief_path)

    def chart_image(self, chart: EvidenceChart) -> Any:
        from fikadesk.ui.briefs.chart import chart_image

        return chart_image(chart)

    def write_chart(self, chart: EvidenceChart, path: Path) -> Path:
        from fikadesk.ui.briefs.chart import write_chart

        return write_chart(chart, path)

    def export_pdf(self, markdown_text: str, title: str, path: Path, images: Mapping[str, Any]) -> int:
        from fikadesk.ui.briefs.pdf import export_pdf

        return export_pdf(markdown_text, title, path, images=images)
