"""Take the Interview tab screenshot from the real window (run under xvfb-run for a real X screen)."""

import sys
from datetime import date, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fikadesk.domain.interview.records import Answer, Job
from fikadesk.domain.interview.reflection import Worksheet
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow

DESCRIPTION = """Senior Data Engineer, Payments

Responsibilities
- Design and run batch pipelines in Python and Airflow
- Mentor junior engineers and review their designs
- Own data quality for the finance warehouse

Requirements
- Strong SQL and Python
- Experience with Airflow and dbt
"""
ANSWER = ("In this role, I want to get really good at data pipelines in Python and Airflow. "
          "Over the next few years, I'd like to own the data platform for a product area. "
          "Honestly I just want a bigger title and more money, and I will be a director in two years.")


def fill(services) -> None:
    """A job with a description, a reflection, an aspiration answer with a few problems."""
    services.journal.add(EntryDraft(day=date(2026, 9, 18), title="Led the billing migration cut-over",
                                    impact="40,000 accounts moved with zero downtime", starred=True))
    job = services.interview.save_job(Job(None, "Senior Data Engineer", "Nordbank", DESCRIPTION,
                                          "Growing the payments team.\nHow do engineers grow here?",
                                          date(2026, 12, 3)))
    services.interview.save_reflection(Worksheet("deep debugging, data modelling", "research, analysis",
                                                 "status meetings", "no", "autonomy", "fewer incidents",
                                                 frozenset({"continual_learning"})))
    services.interview.save_answer(Answer(None, "aspirations-career", "What are your career aspirations?",
                                          "aspiration", job.id, ANSWER, "expertise",
                                          ("get really good at data pipelines in Python and Airflow",
                                           "own the data platform for a product area", "", "")))


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk", clock=lambda: datetime(2026, 11, 20, 9, 30))
        fill(services)
        window = MainWindow(services)
        window.resize(1280, 860)
        window.show()
        window.start()
        tab = window.interview_tab
        window.tabs.setCurrentWidget(tab)
        tab.job_combo.setCurrentIndex(1)
        tab.select_question("aspirations-career")
        tab.pane.coached.recheck()

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
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("packaging/screenshots/interview.png"))
