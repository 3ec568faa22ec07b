"""Builds each area's tab over the services it uses (loaded after the window's first paint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from fikadesk.paths import resources_dir

if TYPE_CHECKING:
    from fikadesk.services.container import Services


def build_tab(area: str, services: Services, undo_stack: QUndoStack) -> QWidget:
    """The tab of ``area`` (target, journal, plan or interview), built and filled."""
    if area == "journal":
        from fikadesk.ui.journal.tab import JournalTab

        return JournalTab(services.journal, services.today, undo_stack)
    if area == "target":
        from fikadesk.ui.leveling.tab import TargetTab

        return TargetTab(services.leveling, services.today, resources_dir() / "ladders",
                         charts=services.charts)
    if area == "plan":
        from fikadesk.ui.plan.tab import PlanTab

        plan = PlanTab(services.plan, services.leveling, services.journal, services.today, resources_dir())
        plan.reload()
        return plan
    if area == "interview":
        from fikadesk.ui.interview.tab import InterviewTab

        interview = InterviewTab(services, resources_dir())
        interview.reload()
        return interview
    raise ValueError(f"no tab for the area {area!r}")
