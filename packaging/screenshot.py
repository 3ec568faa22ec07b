"""Take the README screenshot from the real window (run under xvfb-run for a real X screen)."""

import sys
from datetime import date, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow

ENTRIES = [
    EntryDraft(day=date(2026, 9, 18), title="Led the billing migration cut-over",
               body="Planned the **rollout** in three waves and wrote the runbook.\n\n"
                    "- ran a dry run with support on call\n- agreed the rollback line with finance",
               impact="40,000 accounts moved with zero downtime", tags=("leadership", "billing"),
               starred=True, links=("https://example.com/pr/1287",)),
    EntryDraft(day=date(2026, 10, 2), title="Mentored Priya through her first on-call week",
               impact="She handled two incidents on her own", tags=("mentoring",)),
    EntryDraft(day=date(2026, 10, 21), title="Caught a data-loss bug in design review",
               body="Spotted that the new rollup job wrote outside a transaction.",
               impact="Avoided a week of manual clean-up", tags=("quality", "reliability"), starred=True),
    EntryDraft(day=date(2026, 11, 4), title="Proposed the on-call handbook; team adopted it",
               impact="Pages per week down from 14 to 5", tags=("reliability", "process")),
    EntryDraft(day=date(2026, 11, 17), title="Ran the quarterly planning for search",
               body="Turned six wish lists into one plan the team could commit to.",
               impact="Roadmap agreed in one meeting instead of three", tags=("planning", "leadership"),
               revisit_on=date(2027, 1, 15)),
]


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk",
                                  clock=lambda: datetime(2026, 11, 20, 9, 30))
        services.journal.add_many(ENTRIES)
        window = MainWindow(services)
        window.resize(1100, 700)
        window.show()
        window.start()
        window.journal_tab._select_row(0)

        def grab() -> None:
            screen = window.screen()
            shot = screen.grabWindow(0) if screen is not None else window.grab()
            geometry = window.frameGeometry()
            shot.copy(geometry).save(str(out)) if screen is not None else shot.save(str(out))
            services.close()
            app.quit()

        QTimer.singleShot(800, grab)
        app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("packaging/screenshots/journal.png"))
