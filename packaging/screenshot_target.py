"""Take the Target tab screenshot from the real window (run under xvfb-run for a real X screen)."""

import sys
from datetime import date, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.paths import resources_dir
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow

# (entry, indexes of Senior Engineer expectations it backs up)
EVIDENCE = [
    (EntryDraft(day=date(2026, 5, 12), title="Split the billing service into three modules",
                impact="Deploys went from weekly to daily", tags=("architecture",), starred=True),
     (0, 3)),
    (EntryDraft(day=date(2026, 7, 3), title="Led the incident review for the March outage",
                impact="Four follow-ups shipped, no repeat", tags=("reliability",)), (0, 2)),
    (EntryDraft(day=date(2026, 9, 18), title="Led the billing migration cut-over",
                impact="40,000 accounts moved with zero downtime", tags=("leadership",),
                starred=True), (0, 1)),
    (EntryDraft(day=date(2026, 10, 2), title="Mentored Priya through her first on-call week",
                impact="She handled two incidents on her own", tags=("mentoring",)), (6,)),
    (EntryDraft(day=date(2026, 11, 4), title="Proposed the on-call handbook; team adopted it",
                impact="Pages per week down from 14 to 5", tags=("reliability",)), (2,)),
]


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk",
                                  clock=lambda: datetime(2026, 11, 20, 9, 30))
        leveling = services.leveling
        ladder_id = leveling.import_ladder(
            parse_ladder_files([resources_dir() / "ladders" / "software-engineer.md"]))
        leveling.set_target(ladder_id, "Engineer II", "Senior Engineer", date(2027, 3, 31),
                            "Own a whole area, not just features: set its direction, make the "
                            "calls others rely on, and grow the people around me.")
        level = leveling.get_ladder(ladder_id).find_level("Senior Engineer")
        assert level is not None
        for draft, indexes in EVIDENCE:
            leveling.add_entry_with_links(draft, [level.expectations[i].id for i in indexes])
        leveling.freeze_target(date(2026, 10, 15), "agreed with Sam in our 1:1")
        window = MainWindow(services)
        window.resize(1280, 860)
        window.show()
        window.start()
        window.tabs.setCurrentWidget(window.target_tab)
        window.target_tab.reload()
        table = window.target_tab.readiness.table
        table.selectRow(table.model().rowCount() - 1)

        def grab() -> None:
            screen = window.screen()
            shot = screen.grabWindow(0) if screen is not None else window.grab()
            geometry = window.frameGeometry()
            shot.copy(geometry).save(str(out)) if screen is not None else shot.save(str(out))
            services.close()
            app.quit()

        QTimer.singleShot(900, grab)
        app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("packaging/screenshots/target.png"))
