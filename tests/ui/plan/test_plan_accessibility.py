"""A screen reader can tell the Plan tab's buttons apart: 'Edit' and 'Mark done' say which list."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtWidgets import QPushButton

from fikadesk.domain.plan.records import Plan
from fikadesk.services.container import Services
from fikadesk.ui.shell.main_window import MainWindow


def test_every_plan_button_has_its_own_spoken_name(qtbot, window: MainWindow, services: Services) -> None:
    services.plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam"))
    window.plan_tab.reload()
    window.tabs.setCurrentWidget(window.plan_tab)
    shown = [b for b in window.plan_tab.findChildren(QPushButton) if b.isVisibleTo(window)]
    names = Counter(b.accessibleName() for b in shown)
    assert [name for name, count in names.items() if count > 1] == []
    assert "Edit (Ready checklist)" in names and "Mark done (Ready checklist)" in names
