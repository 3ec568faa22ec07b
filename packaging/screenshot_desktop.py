"""Screenshots of the first-run steps (light or dark) and the About dialog, from the real widgets.

    xvfb-run -a -s "-screen 0 1280x900x24" python packaging/screenshot_desktop.py OUT_DIR [--dark]
"""

import sys
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from fikadesk.paths import resources_dir
from fikadesk.services.container import build_services
from fikadesk.ui.common.theme import app_icon
from fikadesk.ui.shell.dialogs.about import AboutDialog
from fikadesk.ui.shell.dialogs.first_run import FirstRunDialog
from fikadesk.ui.shell.main_window import MainWindow


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e", QPalette.ColorRole.WindowText: "#e8e8ea",
        QPalette.ColorRole.Base: "#1e1e20", QPalette.ColorRole.AlternateBase: "#333337",
        QPalette.ColorRole.Text: "#e8e8ea", QPalette.ColorRole.Button: "#3a3a3e",
        QPalette.ColorRole.ButtonText: "#e8e8ea", QPalette.ColorRole.Highlight: "#4f8fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#3a3a3e",
        QPalette.ColorRole.ToolTipText: "#e8e8ea", QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#55555a",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a80"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a80"))
    return palette


def _grab(widget: QWidget, out: Path) -> None:
    screen = widget.screen()
    shot = screen.grabWindow(0).copy(widget.frameGeometry()) if screen is not None else widget.grab()
    shot.save(str(out))
    print(f"wrote {out}")


def main(folder: Path, dark: bool) -> None:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if dark:
        # Ask for the dark scheme; where the platform (here a bare X server) cannot follow,
        # stand in for a dark desktop theme with the palette such a theme would hand to Qt.
        QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        if QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Dark:
            app.setPalette(_dark_palette())
    suffix = "-dark" if dark else ""
    folder.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk", clock=lambda: datetime(2026, 11, 20, 9, 30))
        window = MainWindow(services)
        window.setWindowIcon(app_icon(resources_dir()))
        window.resize(1100, 700)
        window.show()
        first = FirstRunDialog(services, resources_dir(), window)
        first.ladder_combo.setCurrentIndex(3)
        first.current_combo.setCurrentText("Senior Engineer")
        first.target_combo.setCurrentText("Staff Engineer")
        first.show()
        # A journal where a person's would live, not this run's temporary folder.
        about = AboutDialog(Path("/home/alex/.local/share/fikadesk/journal.fikadesk"),
                            app_icon(resources_dir()), window)

        def shoot_first() -> None:
            _grab(window, folder / f"first-run-window{suffix}.png")
            _grab(first, folder / f"first-run{suffix}.png")
            first.skip_button.click()
            first.win_title_edit.setText("Cut the nightly build from 40 to 12 minutes")
            first.win_impact_edit.setText("Test results arrive before stand-up")
            QTimer.singleShot(300, shoot_second)

        def shoot_second() -> None:
            _grab(first, folder / f"first-run-step2{suffix}.png")
            first.skip_button.click()
            QTimer.singleShot(300, shoot_third)

        def shoot_third() -> None:
            _grab(first, folder / f"first-run-step3{suffix}.png")
            first.hide()
            about.show()
            QTimer.singleShot(400, shoot_about)

        def shoot_about() -> None:
            _grab(about, folder / f"about{suffix}.png")
            about.close()
            services.close()
            app.quit()

        QTimer.singleShot(800, shoot_first)
        app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/desktop"), "--dark" in sys.argv)
