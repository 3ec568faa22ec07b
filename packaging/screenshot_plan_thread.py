"""Take Plan tab screenshots of the 1:1 thread, before a plan and with one started from a check-in
(run under xvfb-run). Usage: screenshot_plan_thread.py OUT_DIR [WIDTHxHEIGHT ...]"""

import sys
from datetime import date, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.plan.records import CheckIn, ChecklistItem, Commitment, FollowUp, Plan
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow

NOW = datetime(2026, 11, 20, 9, 30)


def fill_thread(services) -> int:
    """Two 1:1s and the next one planned, with no plan yet; returns the second check-in's id."""
    journal, plan = services.journal, services.plan
    journal.add(EntryDraft(day=date(2026, 10, 20), title="Led the billing migration cut-over",
                           impact="40,000 accounts moved with zero downtime", starred=True))
    journal.add(EntryDraft(day=date(2026, 11, 12), title="Wrote the search rebuild design doc",
                           impact="Approved by two teams in one review", starred=True))
    first = plan.save_checkin(
        CheckIn(None, date(2026, 10, 6), ("Where do you see me in a year?",),
                "Raised the senior promotion. Sam: possible within two cycles.", growth_talk=True),
        (FollowUp(None, None, "Send me the engineering ladder", "manager", date(2026, 10, 20)),
         FollowUp(None, None, "List my wins since spring", "me", date(2026, 11, 30))))
    assert first
    second = plan.save_checkin(CheckIn(None, date(2026, 11, 3), ("Search rebuild scope",),
                                       "Agreed to write a promotion plan; I own the design.",
                                       growth_talk=True))
    plan.add_talking_point("How does promotion work here: who decides, and when?", date(2026, 11, 24))
    return second


def start_plan(services, first: int) -> None:
    """The plan agreed in the second check-in, with a checklist and a commitment."""
    plan = services.plan
    plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam"), from_checkin=first)
    plan.save_item(ChecklistItem(None, "Own the search rebuild design", "The design review approves it",
                                 "in_progress"))
    plan.save_item(ChecklistItem(None, "Run one cross-team planning", "Two teams commit to one plan"))
    plan.save_commitment(Commitment(None, "Find me a cross-team project", due=date(2027, 1, 15)))


def shoot(out_dir: Path, sizes: list[tuple[int, int]]) -> None:
    app = QApplication(sys.argv[:1])
    shots: list[tuple[str, MainWindow, tuple[int, int]]] = []
    with TemporaryDirectory() as tmp:
        for name in ("thread", "plan"):
            services = build_services(Path(tmp) / f"{name}.fikadesk", clock=lambda: NOW)
            first = fill_thread(services)
            if name == "plan":
                start_plan(services, first)
            for width, height in sizes:
                window = MainWindow(services)
                window.resize(width, height)
                window.show()
                window.tabs.setCurrentWidget(window.plan_tab)
                window.plan_tab.reload()
                shots.append((f"{name}-{width}x{height}", window, (width, height)))

        def grab() -> None:
            for label, window, _size in shots:
                window.grab().save(str(out_dir / f"plan_{label}.png"))
                window.close()
            app.quit()

        QTimer.singleShot(1200, grab)
        app.exec()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp")
    wanted = [tuple(int(n) for n in s.split("x")) for s in sys.argv[2:]] or [(1100, 720), (1400, 900)]
    shoot(target, wanted)  # type: ignore[arg-type]
