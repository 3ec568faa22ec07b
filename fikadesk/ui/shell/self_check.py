"""``fikadesk self-check --gui``: open the real window on a throw-away journal, then close it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fikadesk.paths import resources_dir
from fikadesk.services.container import build_services
from fikadesk.ui.common.theme import app_icon
from fikadesk.ui.shell.main_window import MainWindow


def run_window_check() -> int:
    """Show the main window on a temporary journal; 0 when it came up with its tabs and icon."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    icon = app_icon(resources_dir())
    with tempfile.TemporaryDirectory(prefix="fikadesk-check-") as folder:
        services = build_services(Path(folder) / "check.fikadesk")
        try:
            window = MainWindow(services)
            window.show()
            app.processEvents()
            tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
            ok = window.isVisible() and bool(tabs) and not icon.isNull() and not window.windowIcon().isNull()
            print(f"window: {'shown' if ok else 'FAILED'} with tabs {', '.join(tabs)} "
                  f"on the {QGuiApplication.platformName()} platform")
            window.close()
            app.processEvents()
        finally:
            services.close()
    return 0 if ok else 1
