"""The case at a glance in the Target tab: the evidence chart beside readiness, drawn when first
shown (pyqtgraph never loads at start-up), redrawn when links change."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.ui.leveling.glance import NO_TARGET_TEXT, period_start

ROOT = Path(__file__).resolve().parents[3]
LADDERS = ROOT / "resources" / "ladders"


def _target(services) -> dict[str, int]:
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    level = services.leveling.get_ladder(ladder_id).find_level("Senior Engineer")
    assert level is not None
    return {ex.dimension: ex.id for ex in level.expectations}


def test_period_start_counts_whole_months_back() -> None:
    assert period_start(date(2026, 12, 7), 12) == date(2026, 1, 1)
    assert period_start(date(2026, 3, 31), 6) == date(2025, 10, 1)
    assert period_start(date(2026, 1, 15), 1) == date(2026, 1, 1)


def test_the_chart_shows_beside_readiness_and_follows_link_changes(qtbot, window, services) -> None:
    tab = window.target_tab
    glance = tab.glance
    window.tabs.setCurrentWidget(tab)
    tab.readiness_views.setCurrentWidget(glance)
    assert glance.summary_label.text() == NO_TARGET_TEXT
    ids = _target(services)
    today = services.today()
    entry = services.journal.add(EntryDraft(day=today, title="Mentored Ravi", starred=True))
    window.tabs.setCurrentWidget(window.journal_tab)
    window.journal_tab.reload()
    window.journal_tab.show_entry(entry.id)
    window.journal_tab.editor.refresh_suggester()
    window.journal_tab.editor.accept_suggestion(ids["Leadership"])  # a link made in the editor
    window.tabs.setCurrentWidget(tab)
    assert glance.view is not None and glance.view.accessibleName() == (
        "Evidence per dimension and month")
    chart = glance.chart
    assert chart is not None
    leadership = next(s for s in chart.series if s.dimension == "Leadership")
    assert leadership.starred[-1] == 1 and leadership.total == 1
    assert glance.summary_label.text() == (
        "1 piece of linked evidence over 12 months. No evidence yet for Scope, Autonomy, "
        "Decisions, Impact, Collaboration, Craft. Thin, one entry only: Leadership.")
    assert glance.view.accessibleDescription() == glance.summary_label.text()
    window.undo_stack.undo()  # the link goes again: so does the dot
    window.tabs.setCurrentWidget(tab)
    assert glance.chart is not None and glance.chart.empty
    assert glance.view.empty_label.isVisibleTo(glance.view)
    glance.period_combo.setCurrentIndex(0)
    assert len(glance.chart.months) == 6


CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow
app = QApplication([])
services = build_services(Path(sys.argv[1]))
window = MainWindow(services)
window.show()
window.start()
app.processEvents()
seen = ["pyqtgraph" in sys.modules]
window.tabs.setCurrentWidget(window.target_tab)
app.processEvents()
seen.append("pyqtgraph" in sys.modules)
window.target_tab.readiness_views.setCurrentWidget(window.target_tab.glance)
app.processEvents()
seen.append("pyqtgraph" in sys.modules)
print(seen)
window.close()
services.close()
"""


def test_pyqtgraph_loads_only_when_the_chart_is_first_shown(tmp_path: Path) -> None:
    from fikadesk.services.demo import build_demo_journal

    journal = build_demo_journal(tmp_path / "demo.fikadesk", ROOT / "resources", date(2026, 12, 7))
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", CHILD, str(journal)], env=env, check=True,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[False, False, True]"
