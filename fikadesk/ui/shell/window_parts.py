"""Loads the modules of the window's tabs and parts in one go (on the journal-opening thread)."""

from fikadesk.ui.common import theme  # noqa: F401 - imported for their classes, used by the main window
from fikadesk.ui.common.widgets import banner  # noqa: F401
from fikadesk.ui.interview import tab as interview_tab  # noqa: F401
from fikadesk.ui.journal import tab as journal_tab  # noqa: F401
from fikadesk.ui.leveling import capture  # noqa: F401
from fikadesk.ui.leveling import tab as leveling_tab  # noqa: F401
from fikadesk.ui.plan import tab as plan_tab  # noqa: F401
from fikadesk.ui.plan import tray  # noqa: F401
from fikadesk.ui.shell import (  # noqa: F401
    backup_actions,
    desktop_features,
    tab_menu,
    window_menus,
    window_tabs,
)
