"""The composition root opens the demo journal from the first run, and reopens after a move."""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fikadesk import app as app_module
from fikadesk.desktop_install import APP_ID
from fikadesk.paths import data_dir, journal_location
from fikadesk.services.container import build_services
from fikadesk.ui.shell.dialogs.first_run import FirstRunDialog, FirstRunOutcome
from fikadesk.ui.shell.main_window import MainWindow
from fikadesk.ui.shell.window_state import JOURNAL_KEY, settings_at


def _close_windows_soon(seen: list[str], then=None) -> None:
    """Close each window once it is filled from its journal (the first one, with ``then``, is
    handed to ``then`` instead), noting its journal, until one (or with ``then``, two) was seen."""
    wanted = 2 if then is not None else 1

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.is_loaded:
                seen.append(str(widget.services.db.path))
                if then is not None and len(seen) == 1:
                    then(widget)
                else:
                    widget.close()
        if len(seen) < wanted:  # a window still opening (or not shown yet): look again soon
            QTimer.singleShot(100, close)
    QTimer.singleShot(300, close)


def test_first_run_demo_opens_a_separate_journal(qapp, journal_path, tmp_path, monkeypatch):
    settings = settings_at(tmp_path / "s.ini")
    monkeypatch.setattr("fikadesk.ui.shell.window_state.default_settings", lambda: settings)
    monkeypatch.setattr(FirstRunDialog, "run", classmethod(lambda cls, *a: FirstRunOutcome.DEMO))
    seen: list[str] = []
    _close_windows_soon(seen)
    assert app_module.run_gui(journal_path) == 0
    # the window is matched to its launcher (and its icon) by the desktop file name
    assert QGuiApplication.desktopFileName() == APP_ID == "io.github.fikadesk.Fikadesk"
    demo = data_dir() / "demo.fikadesk"
    assert seen == [str(demo)]
    mine = build_services(journal_path, create=False)
    other = build_services(demo, create=False)
    try:
        assert (mine.journal.count(), other.journal.count()) == (0, 15)
    finally:
        mine.close()
        other.close()
    assert settings.value(JOURNAL_KEY) is None


def test_moving_the_journal_reopens_the_window_on_the_new_file(qapp, journal_path, tmp_path, monkeypatch):
    settings = settings_at(tmp_path / "s.ini")
    monkeypatch.setattr("fikadesk.ui.shell.window_state.default_settings", lambda: settings)
    services = build_services(journal_path)
    services.preferences.mark_first_run_done()
    services.close()
    new = tmp_path / "moved" / "journal.fikadesk"
    seen: list[str] = []
    _close_windows_soon(seen, then=lambda window: window.desktop.request_switch(new))
    assert app_module.run_gui(journal_path) == 0
    assert seen == [str(journal_path), str(new)]
    assert not journal_path.exists()
    assert journal_location().moved_to(journal_path) == new
