"""Loads the modules of the window's tabs and parts in one go (on the journal-opening thread)."""

from fikadesk.ui import (  # noqa: F401 - imported for their classes, used by the main window
    backup_actions,
    desktop_features,
    plan_tray,
    tab_menu,
    theme,
    window_menus,
    window_tabs,
)
from fikadesk.ui.tabs import interview_tab, journal_tab, leveling_capture, leveling_tab, plan_tab  # noqa: F401
from fikadesk.ui.widgets import banner  # noqa: F401
