"""What the window's helpers (desktop features, backup actions) use of the main window.

They are handed the main window but typed against this shape, so they do not import it (no
import circle) and cannot reach into the rest of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QStatusBar, QTabWidget, QWidget

    from fikadesk.services.container import Services
    from fikadesk.ui.interview.tab import InterviewTab
    from fikadesk.ui.journal.tab import JournalTab


class WindowHost(Protocol):
    """The filled main window as its helpers see it: the services, the tabs, its actions and bars."""

    services: Services
    settings: QSettings | None
    tabs: QTabWidget
    undo_stack: QUndoStack
    journal_tab: JournalTab
    interview_tab: InterviewTab

    def make_action(self, text: str, name: str, slot: Callable[..., object], shortcut=None,
                    tip: str = "") -> QAction:
        """An action of the window, found again by name when the menus are laid out."""

    def check_outside_changes(self) -> bool:
        """Reload the tabs if the journal changed under them; True if it did."""

    def window(self) -> QWidget:
        """Qt's top-level widget of the window (the main window itself): the parent of dialogs."""

    def statusBar(self) -> QStatusBar:  # noqa: N802 - Qt's name
        """The window's status bar."""

    def close(self) -> bool:
        """Ask the window to close (it may refuse: an unsaved entry)."""

    def isVisible(self) -> bool:  # noqa: N802 - Qt's name
        """True while the window is shown."""
