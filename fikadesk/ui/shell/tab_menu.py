"""A menu-bar menu that follows the current tab: its title is the tab's name, its items that tab's actions."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QTabWidget, QWidget


class TabMenu:
    """Keeps one menu in the menu bar in step with the tab shown in ``tabs``.

    Register each tab's actions once with :meth:`register`; a tab without actions hides the menu.
    """

    def __init__(self, bar: QMenuBar, tabs: QTabWidget, before: QAction | None = None) -> None:
        self.tabs = tabs
        self.menu = QMenu(bar)
        self.menu.setObjectName("tab_menu")
        self.menu.setAccessibleName("Actions of the current tab")
        if before is None:
            bar.addMenu(self.menu)
        else:
            bar.insertMenu(before, self.menu)
        self._actions: dict[QWidget, list[QAction | None]] = {}
        tabs.currentChanged.connect(self.update)

    def register(self, tab: QWidget, actions: list[QAction | None]) -> None:
        """Show ``actions`` (``None`` for a separator) while ``tab`` is the current tab."""
        self._actions[tab] = actions
        self.update()

    def update(self, *_args: object) -> None:
        """Rebuild the menu for the current tab."""
        tab = self.tabs.currentWidget()
        actions = self._actions.get(tab, []) if tab is not None else []
        self.menu.clear()
        for action in actions:
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        # The tab's own mnemonic (Alt+T for "&Target") stays the tab's: the menu takes none.
        title = self.tabs.tabText(self.tabs.currentIndex()).replace("&", "") if tab is not None else ""
        self.menu.setTitle(title)
        self.menu.menuAction().setVisible(bool(actions))
