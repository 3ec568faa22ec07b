"""The evidence chart widget draws the service's numbers, says what is thin, and exports a PNG."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.services.container import Services
from fikadesk.ui.common.widgets.evidence_chart import EvidenceChartView, chart_summary
from tests.briefs.sample import RESOURCES


def _target(services: Services) -> dict[str, int]:
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([RESOURCES / "ladders" / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer", None, "")
    level = services.leveling.get_ladder(ladder_id).find_level("Senior Engineer")
    assert level is not None
    return {ex.dimension: ex.id for ex in level.expectations}


def test_the_chart_counts_linked_evidence_of_the_target_level(qtbot, services: Services,
                                                               tmp_path: Path) -> None:
    ids = _target(services)
    for day, starred, dim in [(date(2026, 1, 10), True, "Leadership"),
                              (date(2026, 1, 20), False, "Leadership"),
                              (date(2026, 5, 3), False, "Impact")]:
        entry = services.journal.add(EntryDraft(day=day, title=f"{dim} win", starred=starred))
        services.leveling.link_entry(entry.id, [ids[dim]])
    private = services.journal.add(EntryDraft(day=date(2026, 2, 1), title="x", private=True))
    services.leveling.link_entry(private.id, [ids["Craft"]])
    chart = services.charts.target_chart(date(2025, 12, 6), date(2026, 12, 5))
    assert chart is not None
    by_dim = {s.dimension: s for s in chart.series}
    assert by_dim["Leadership"].starred[1] == 1 and by_dim["Leadership"].other[1] == 1
    assert by_dim["Craft"].total == 0  # private entries never count
    view = EvidenceChartView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show_chart(chart)
    assert view.empty_label.isHidden() and not view.legend_label.isHidden()
    assert view.toolTip() == chart_summary(chart)
    assert "No evidence yet for Scope, Autonomy, Decisions, Collaboration, Craft." in view.toolTip()
    assert "Quiet for three months or more: Impact, Leadership." in view.toolTip()
    assert "Thin, one entry only: Impact." in view.toolTip()
    saved = view.save_image(tmp_path / "chart.png")
    image = QImage(str(saved))
    assert image.width() == 900 and image.height() == 70 + 30 * len(chart.series)
    colours = {image.pixelColor(x, y).name() for x in range(0, 900, 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 3  # dots and labels were drawn, not a blank image


def test_no_target_or_no_links_shows_how_to_fill_it(qtbot, services: Services) -> None:
    assert services.charts.target_chart(date(2026, 1, 1), date(2026, 12, 1)) is None
    _target(services)
    chart = services.charts.target_chart(date(2026, 1, 1), date(2026, 12, 1))
    view = EvidenceChartView()
    qtbot.addWidget(view)
    view.show_chart(chart)
    assert not view.empty_label.isHidden()
    assert view.empty_label.text().startswith("Link entries to the target's expectations")
