"""Each area tab keeps the one contract the window relies on (reload, refresh, leave, two signals)."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import Signal

from fikadesk.ui.common.tab_contract import AreaTab
from fikadesk.ui.interview.tab import InterviewTab
from fikadesk.ui.journal.tab import JournalTab
from fikadesk.ui.leveling.tab import TargetTab
from fikadesk.ui.plan.tab import PlanTab

METHODS = ("reload", "refresh", "leave")
SIGNALS = ("status_message", "journal_written")


def test_the_contract_names_what_the_window_uses() -> None:
    members = {name for name, _ in inspect.getmembers(AreaTab) if not name.startswith("_")}
    assert set(METHODS) | set(SIGNALS) <= members


@pytest.mark.parametrize("tab", [TargetTab, JournalTab, PlanTab, InterviewTab], ids=lambda t: t.__name__)
def test_every_area_tab_keeps_the_contract(tab: type) -> None:
    for name in METHODS:
        method = getattr(tab, name)
        assert callable(method)
        required = [p for p in list(inspect.signature(method).parameters.values())[1:]
                    if p.default is inspect.Parameter.empty]
        assert required == [], f"{tab.__name__}.{name} needs arguments the window does not pass"
    for name in SIGNALS:
        assert isinstance(getattr(tab, name), Signal), f"{tab.__name__}.{name} is not a signal"


def test_the_journal_tab_says_journal_written_with_entries_changed(qtbot, services) -> None:
    from PySide6.QtGui import QUndoStack

    tab = JournalTab(services.journal, services.today, QUndoStack())
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.journal_written, timeout=1000):
        tab.entries_changed.emit()
