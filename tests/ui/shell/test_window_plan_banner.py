"""What falls due in the plan is said above every tab when the window opens, not only in the Plan tab."""

from __future__ import annotations

from datetime import date

from fikadesk.domain.plan.records import Checkpoint, Plan
from fikadesk.services.container import Services
from fikadesk.ui.shell.main_window import MainWindow


def test_an_overdue_checkpoint_is_announced_above_the_tabs(qtbot, window: MainWindow,
                                                           services: Services) -> None:
    services.plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam"))
    services.plan.save_checkpoint(Checkpoint(None, date(2026, 11, 13), "Mid-quarter review"))
    window.plan_tab.reload()  # the plan was written after the window was built, as from the CLI
    window.tabs.setCurrentWidget(window.target_tab)
    window.start()
    banner = window.plan_banner
    assert banner.isVisible()
    assert banner.label.text() == "Checkpoint 'Mid-quarter review' was due 7 days ago: time to review it."
    [open_plan] = banner.action_buttons()
    assert open_plan.text() == "Open the Plan tab"
    open_plan.click()
    assert window.tabs.currentWidget() is window.plan_tab and not banner.isVisible()


def test_no_banner_when_nothing_is_due(qtbot, window: MainWindow, services: Services) -> None:
    services.plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam"))
    services.plan.save_checkpoint(Checkpoint(None, date(2026, 12, 20), "Year-end review"))
    window.plan_tab.reload()
    window.start()
    assert not window.plan_banner.isVisible()
