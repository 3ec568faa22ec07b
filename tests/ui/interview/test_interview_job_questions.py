"""The questions noted in a job's research show in the Interview tab, not only in the brief."""

from __future__ import annotations

from fikadesk.domain.interview.records import Job
from fikadesk.services.container import Services
from fikadesk.ui.shell.main_window import MainWindow


def test_questions_from_the_research_notes_are_shown_with_the_job(qtbot, window: MainWindow,
                                                                  services: Services) -> None:
    job = services.interview.save_job(Job(
        None, "Staff Engineer", "Acme", "",
        "They are growing the payments team.\n- How do engineers grow here?\nWho decides on promotions?"))
    tab = window.interview_tab
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.job_combo.setCurrentIndex(tab.job_combo.findData(job.id))
    assert tab.terms_label.text() == (
        "Staff Engineer at Acme: paste the job description (Edit job…) to see its key terms.\n"
        "Questions you noted to ask them: How do engineers grow here? · Who decides on promotions?")
