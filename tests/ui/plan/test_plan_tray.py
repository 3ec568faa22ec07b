"""Plan reminders announced while the app runs: each due thing once a day, before a plan too."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from fikadesk.domain.plan.records import CheckIn, Checkpoint, FollowUp, Plan
from fikadesk.services.container import Services
from fikadesk.ui.plan.tray import PlanTray
from fikadesk.ui.shell.main_window import MainWindow


def _tray(qtbot, services: Services, days: list[date]) -> tuple[PlanTray, list[tuple[str, str]]]:
    shown: list[tuple[str, str]] = []
    window = QWidget()
    qtbot.addWidget(window)
    tray = PlanTray(services.plan, lambda: days[-1], window, QIcon(), lambda t, b: shown.append((t, b)))
    return tray, shown


def test_due_things_are_announced_once_per_day(qtbot, services: Services) -> None:
    days = [date(2026, 11, 20)]
    tray, shown = _tray(qtbot, services, days)
    assert tray.check() == [] and shown == []  # nothing recorded: nothing to say
    services.plan.start(Plan("Senior Engineer", manager_name="Sam"))
    services.plan.save_checkpoint(Checkpoint(None, date(2026, 11, 18), "Mid-cycle review"))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 1)),
                               (FollowUp(None, None, "Book the panel", "manager", due=date(2026, 11, 20)),))
    announced = tray.check()
    assert len(announced) == 2 and shown[0][0] == "fikadesk: 2 things fall due"
    assert "Mid-cycle review" in shown[0][1]
    assert "Waiting on Sam: 'Book the panel' is due today." in shown[0][1]
    assert tray.check() == [] and len(shown) == 1  # the timer firing again repeats nothing
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 21)))
    assert tray.check() == ["Check-in tomorrow has no prep yet."]
    assert shown[-1][0] == "fikadesk: 1 thing falls due"
    days.append(days[-1] + timedelta(days=1))
    assert "Mid-cycle review" in " ".join(tray.check())  # a new day: still overdue, said again


def test_many_reminders_are_cut_short_with_a_pointer_to_the_tab(qtbot, services: Services) -> None:
    tray, shown = _tray(qtbot, services, [date(2026, 11, 20)])
    services.plan.start(Plan("Senior Engineer"))
    for day in range(1, 7):
        services.plan.save_checkpoint(Checkpoint(None, date(2026, 11, day), f"Review {day}"))
    tray.check()
    body = shown[0][1]
    assert len(body.splitlines()) == 5 and body.endswith("…and 2 more in the Plan tab.")


def test_the_window_has_a_tray_only_where_the_desktop_has_one(window: MainWindow) -> None:
    tray = window.plan_tray
    assert tray.active == QSystemTrayIcon.isSystemTrayAvailable()
    if not tray.active:  # offscreen: no tray, so no icon and no timer; the Plan tab banner still tells
        assert tray.icon is None and not tray.timer.isActive()


def test_follow_ups_of_the_thread_fall_due_without_a_plan(qtbot, services: Services) -> None:
    tray, shown = _tray(qtbot, services, [date(2026, 11, 20)])
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 1)),
                               (FollowUp(None, None, "Send the design doc", due=date(2026, 11, 18)),))
    assert services.plan.active() is None
    assert tray.check() == ["Your follow-up: 'Send the design doc' is 2 days overdue."]
