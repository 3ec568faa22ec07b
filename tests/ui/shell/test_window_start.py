"""The window paints before the journal is read, then fills its tabs; never an empty state for
a journal that has entries, and closing it while it opens loses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from fikadesk import app as app_module
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow
from fikadesk.ui.shell.window_loading import LOADING_TEXT, LoadingPage
from fikadesk.ui.shell.window_state import settings_at

ROOT = Path(__file__).resolve().parents[3]


def _fill(path: Path, count: int) -> None:
    services = build_services(path)
    try:
        services.preferences.mark_first_run_done()
        for n in range(count):
            services.journal.add(EntryDraft(title=f"Win number {n}", day=date(2026, 3, 1 + n % 28)))
    finally:
        services.close()


def test_the_skeleton_says_it_is_opening_and_has_the_menus(qtbot, journal_path, tmp_path) -> None:
    window = MainWindow(settings=settings_at(tmp_path / "s.ini"), journal=journal_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == f"fikadesk — {journal_path.name}"
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert all(isinstance(page, LoadingPage) for page in pages)
    assert [window.tabs.tabText(i) for i in range(4)] == ["&Target", "&Journal", "&Plan", "I&nterview"]
    assert window.tabs.currentWidget().tab_name == "journal_tab"
    labels = window.tabs.currentWidget().findChildren(QLabel)
    assert [label.text() for label in labels] == [LOADING_TEXT]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Help"]
    assert not window.is_loaded


def test_tabs_fill_one_slice_at_a_time_the_shown_one_first(qtbot, journal_path, tmp_path, fixed_now) -> None:
    _fill(journal_path, 5)
    settings = settings_at(tmp_path / "s.ini")
    window = MainWindow(settings=settings, journal=journal_path)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(2)  # the person looks at Plan while the journal opens
    services = build_services(journal_path, clock=lambda: fixed_now)
    seen: list[list[str]] = []

    def look() -> None:  # after every turn of the event loop: what is built, what still loads
        seen.append([type(window.tabs.widget(i)).__name__ for i in range(4)])
        journal = window.tabs.widget(1)
        if not isinstance(journal, LoadingPage):  # built: it shows the entries, never "no entries"
            assert journal.list_stack.currentIndex() == 0
            assert journal.model.rowCount() == 5
        if not window.is_loaded:
            QTimer.singleShot(0, look)

    try:
        with qtbot.waitSignal(window.loaded, timeout=20000):
            window.attach(services, stepwise=True)
            QTimer.singleShot(0, look)
        first_built = next(row for row in seen if row != ["LoadingPage"] * 4)
        assert first_built[2] == "PlanTab" and first_built.count("LoadingPage") == 3
        # one tab per slice, with the event loop turning between them
        assert {row.count("LoadingPage") for row in seen} >= {3, 2, 1}
        assert window.is_loaded
        assert not any(isinstance(window.tabs.widget(i), LoadingPage) for i in range(4))
        assert window.tabs.currentWidget() is window.plan_tab
        assert window.journal_tab.model.rowCount() == 5
        assert window.findChildren(LoadingPage) == []
    finally:
        window.close()
        services.close()


def test_run_gui_shows_a_loading_state_then_the_entries(qapp, journal_path) -> None:
    _fill(journal_path, 3)
    states: list[str] = []

    def watch() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, watch)
            return
        window = windows[0]
        current = window.tabs.currentWidget()
        if isinstance(current, LoadingPage):
            states.append("loading")
        elif window.is_loaded:
            states.append(f"entries: {window.journal_tab.model.rowCount()}")
            window.close()
            return
        QTimer.singleShot(5, watch)

    QTimer.singleShot(0, watch)
    assert app_module.run_gui(journal_path, remembered=False) == 0
    assert states[-1] == "entries: 3"


def test_closing_while_the_journal_opens_closes_it_and_loses_nothing(qapp, journal_path) -> None:
    _fill(journal_path, 2)

    def close_at_once() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(5, close_at_once)
            return
        assert not windows[0].is_loaded
        windows[0].close()

    QTimer.singleShot(0, close_at_once)
    assert app_module.run_gui(journal_path, remembered=False) == 0
    again = build_services(journal_path, create=False)  # the journal was released, intact
    try:
        assert again.journal.count() == 2
    finally:
        again.close()


def test_the_first_paint_comes_before_the_data_layer_is_imported(tmp_path) -> None:
    journal = tmp_path / "journal.fikadesk"
    _fill(journal, 1)
    child = textwrap.dedent("""
        import os, sys
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication, QMainWindow
        app = QApplication(sys.argv[:1])
        class FirstPaint(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                    heavy = sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic", "alembic",
                                               "fikadesk.services.container", "fikadesk.cli")
                                   if m in sys.modules)
                    print("loaded at first paint:", heavy, flush=True)
                    os._exit(0)
                return False
        watcher = FirstPaint()
        app.installEventFilter(watcher)
        from fikadesk.app import main
        main(["--db", sys.argv[1]])
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", child, str(journal)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert "loaded at first paint: []" in done.stdout, done.stdout + done.stderr
