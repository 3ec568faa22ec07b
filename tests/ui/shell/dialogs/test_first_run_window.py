"""Issue 20, item 12: after the welcome steps the window shows the Target tab, whole and current."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from fikadesk.ui.shell.dialogs.first_run import FirstRunDialog
from fikadesk.ui.shell.main_window import MainWindow
from fikadesk.ui.shell.startup import welcome
from fikadesk.ui.shell.window_state import settings_at


def _finish_first_run_with_a_target(monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    """Let the real welcome steps open; pick Engineer II -> Senior Engineer, skip the rest."""
    original = FirstRunDialog.exec

    def exec_and_act(dialog: FirstRunDialog) -> int:
        def act() -> None:
            dialog.ladder_combo.setCurrentIndex(dialog.ladder_combo.findText("Software Engineer"))
            dialog.current_combo.setCurrentText("Engineer II")
            dialog.target_combo.setCurrentText("Senior Engineer")
            qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
            qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
            qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Finish

        QTimer.singleShot(0, act)
        return original(dialog)

    monkeypatch.setattr(FirstRunDialog, "exec", exec_and_act)


def test_after_the_first_run_the_target_tab_shows_the_target_whole(qtbot, services, tmp_path,
                                                                    monkeypatch) -> None:
    settings = settings_at(tmp_path / "settings.ini")
    window = MainWindow(services, settings=settings)  # as app.py: window first, then welcome
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _finish_first_run_with_a_target(monkeypatch, qtbot)
    assert welcome(window, services) is None
    assert services.leveling.target() is not None
    window.start()
    # No waiting for the 2-second watch: the tab is right as soon as the window starts.
    assert window.tabs.currentWidget() is window.target_tab
    tab = window.target_tab
    assert (tab.form.current_combo.currentText(), tab.form.target_combo.currentText()) == (
        "Engineer II", "Senior Engineer")
    assert tab.form.ladder_combo.currentText() == "Software Engineer (5 levels)"
    assert tab.readiness.counts_label.text().startswith("Senior Engineer: 10 of 10 expectations")
    assert (tab.compare.lower_combo.currentText(), tab.compare.upper_combo.currentText()) == (
        "Engineer II", "Senior Engineer")
    window.close()
    # The next time, the window opens where the person left it: the Target tab.
    again = MainWindow(services, settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert again.tabs.currentWidget() is again.target_tab
    again.close()


def test_target_tab_is_never_half_refreshed(qtbot, services, window) -> None:
    """A target written elsewhere (the welcome steps, the command line) before the watch has
    ticked: the first look at the Target tab shows it in the form and in readiness together.
    It used to refresh readiness alone, beside an empty From/To."""
    from pathlib import Path

    from fikadesk.domain.leveling.importing.importer import parse_ladder_files

    ladders = Path(__file__).resolve().parents[4] / "resources" / "ladders"
    assert window.tabs.currentWidget() is window.journal_tab
    ladder_id = services.leveling.import_ladder(parse_ladder_files([ladders / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    window.tabs.setCurrentWidget(window.target_tab)
    tab = window.target_tab
    assert tab.readiness.counts_label.text().startswith("Senior Engineer: 10 of 10")
    assert (tab.form.current_combo.currentText(), tab.form.target_combo.currentText()) == (
        "Engineer II", "Senior Engineer")
