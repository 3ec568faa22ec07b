"""Fixtures for driving the real window offscreen."""

from collections.abc import Iterator

import pytest

from fikadesk.services.container import Services
from fikadesk.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, services: Services) -> Iterator[MainWindow]:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.journal_tab.save_now()


@pytest.fixture(autouse=True)
def _temporary_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's QSettings (size, splitters, journal location) go to a throw-away file."""
    from fikadesk.ui.shell.window_state import settings_at

    path = tmp_path_factory.mktemp("settings") / "fikadesk.ini"
    monkeypatch.setattr("fikadesk.ui.shell.window_state.default_settings", lambda: settings_at(path))


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp) -> Iterator[None]:
    """Leave no mime data on the clipboard: the offscreen platform crashed at exit when a
    QMimeData with HTML was still on it after a Copy test."""
    yield
    qapp.clipboard().clear()
