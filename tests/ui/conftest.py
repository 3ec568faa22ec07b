"""Fixtures for driving the real window offscreen."""

from collections.abc import Iterator

import pytest

from fikadesk.services.container import Services
from fikadesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, services: Services) -> Iterator[MainWindow]:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.journal_tab.save_now()
