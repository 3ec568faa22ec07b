"""Take the Plan tab screenshot from the real window (run under xvfb-run for a real X screen)."""

import sys
from datetime import date, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    ProcessNotes,
)
from fikadesk.paths import resources_dir
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow

ENTRIES = [
    EntryDraft(day=date(2026, 9, 18), title="Led the billing migration cut-over",
               impact="40,000 accounts moved with zero downtime", tags=("leadership",), starred=True),
    EntryDraft(day=date(2026, 10, 2), title="Mentored Priya through her first on-call week",
               impact="She handled two incidents on her own", tags=("mentoring",)),
    EntryDraft(day=date(2026, 11, 12), title="Wrote the search rebuild design doc",
               impact="Approved by two teams in one review", tags=("design",), starred=True),
]


def fill(services) -> None:
    """A plan in progress: some items done, one overdue follow-up, a prepared check-in ahead."""
    leveling, plan = services.leveling, services.plan
    ladder_file = resources_dir() / "ladders" / "software-engineer.md"
    ladder_id = leveling.import_ladder(parse_ladder_files([ladder_file]))
    leveling.set_target(ladder_id, "Engineer II", "Senior Engineer", date(2027, 3, 31), "")
    level = leveling.get_ladder(ladder_id).find_level("Senior Engineer")
    assert level is not None
    ids = [leveling.add_entry_with_links(d, [level.expectations[0].id]) for d in ENTRIES]
    entry_ids = [getattr(i, "id", i) for i in ids]
    plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam",
                    ProcessNotes(who_decides="the calibration panel in March")))
    review = plan.save_checkpoint(Checkpoint(None, date(2026, 12, 15), "Mid-cycle review with Sam"))
    plan.save_checkpoint(Checkpoint(None, date(2026, 10, 15), "Agree the plan", reviewed=True))
    plan.save_item(ChecklistItem(None, "Lead the billing migration end to end", "It ships without downtime",
                                 "done", (level.expectations[0].id,), (entry_ids[0],)))
    plan.save_item(ChecklistItem(None, "Mentor a new hire through on-call", "Priya runs on-call alone",
                                 "done", (level.expectations[6].id,), (entry_ids[1],)))
    plan.save_item(ChecklistItem(None, "Own the search rebuild design", "The design review approves it",
                                 "in_progress", (level.expectations[1].id,), (entry_ids[2],), review))
    plan.save_item(ChecklistItem(None, "Run one cross-team planning", "Two teams commit to one plan"))
    plan.save_commitment(Commitment(None, "Put my name forward for the calibration panel", "open",
                                    date(2027, 2, 1)))
    plan.save_commitment(Commitment(None, "Share last cycle's senior promotion cases", "done"))
    plan.save_checkin(CheckIn(None, date(2026, 10, 15), ("Agree the plan",), "Sam agreed the checklist.",
                              growth_talk=True),
                      (FollowUp(None, None, "Send Sam the design doc draft", "me", due=date(2026, 11, 1)),
                       FollowUp(None, None, "Ask the director about the panel", "manager")))
    plan.save_checkin(CheckIn(None, date(2026, 11, 21), ("Search rebuild: design review outcome",
                                                         "Which cross-team planning could I run?")))


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk", clock=lambda: datetime(2026, 11, 20, 9, 30))
        fill(services)
        window = MainWindow(services)
        window.resize(1280, 860)
        window.show()
        window.start()
        window.tabs.setCurrentWidget(window.plan_tab)
        window.plan_tab.reload()
        checkins = window.plan_tab.checkins
        checkins.view.setCurrentIndex(checkins.model.index(0, 0))

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
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("packaging/screenshots/plan.png"))
