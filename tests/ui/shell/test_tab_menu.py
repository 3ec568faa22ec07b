"""The menu that follows the current tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fikadesk.ui.shell.tab_menu import TabMenu


def _names(window) -> list[str]:
    return [a.objectName() or "-" for a in window.tab_menu.menu.actions()]


def test_the_menu_shows_the_current_tabs_actions(window) -> None:
    bar_titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    window.tabs.setCurrentWidget(window.journal_tab)
    assert window.tab_menu.menu.title() == "Journal"
    assert _names(window) == ["quick_capture_action", "new_entry_action", "-", "find_action",
                              "delete_action", "-", "trash_action"]
    window.tabs.setCurrentWidget(window.target_tab)
    assert window.tab_menu.menu.title() == "Target"
    assert _names(window) == ["import_ladder_action", "edit_ladder_action", "-",
                              "capture_evidence_action", "freeze_action"]
    # It stands between Edit and Help.
    titles = [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]
    assert titles.index("Target") == titles.index("Help") - 1
    assert len(titles) == len(bar_titles)


def test_a_tab_without_actions_hides_the_menu(window, qtbot) -> None:
    extra = QWidget()
    window.tabs.addTab(extra, "&Extra")
    window.tabs.setCurrentWidget(extra)
    assert not window.tab_menu.menu.menuAction().isVisible()
    window.tabs.setCurrentWidget(window.journal_tab)
    assert window.tab_menu.menu.menuAction().isVisible()
    window.tabs.removeTab(window.tabs.indexOf(extra))
    extra.deleteLater()


def test_actions_can_be_registered_later(window) -> None:
    extra = QWidget()
    window.tabs.addTab(extra, "&Extra")
    window.tabs.setCurrentWidget(extra)
    window.tab_menu.register(extra, [window.trash_action])
    assert window.tab_menu.menu.title() == "Extra"
    assert _names(window) == ["trash_action"]
    assert isinstance(window.tab_menu, TabMenu)
    window.tabs.removeTab(window.tabs.indexOf(extra))
    extra.deleteLater()


def test_target_actions_without_a_ladder_say_what_to_do(window, qtbot) -> None:
    window.tabs.setCurrentWidget(window.target_tab)
    with qtbot.waitSignal(window.target_tab.status_message) as said:
        window.edit_ladder_action.trigger()
    assert said.args == ["Pick or import a ladder first; then it can be edited."]
    with qtbot.waitSignal(window.target_tab.status_message) as said:
        window.freeze_action.trigger()
    assert said.args == ["Save a target first; freezing keeps a copy of what it expects."]
