"""Composition root: arguments, then the journal path, the services and the window, built once."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fikadesk import __version__

if TYPE_CHECKING:  # `fikadesk --version` loads nothing but this module
    import argparse
    from datetime import date
    from pathlib import Path
    from typing import TextIO


def no_screen() -> bool:
    """True on Linux when there is no display to show a window on and no Qt platform was chosen."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def run_gui(journal: Path, *, remembered: bool = True) -> int:
    """Open the window on ``journal``; one window per journal file.

    ``remembered``: no path was given (``--db``, ``FIKADESK_DB``), so a journal moved by an
    older fikadesk, which kept the place in the window settings, is looked for there too.
    Moving the journal or opening the demo closes the window and
    opens it again on the other file.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from fikadesk.ui.startup import remembered_journal
    from fikadesk.ui.window_state import APPLICATION, ORGANIZATION, default_settings

    app = QApplication.instance()
    if app is None:  # fractional scale factors (150 %) as the system asks, not rounded
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    QGuiApplication.setApplicationDisplayName("fikadesk")
    from fikadesk.desktop_install import APP_ID

    QGuiApplication.setDesktopFileName(APP_ID)
    settings = default_settings()
    if remembered:
        journal = remembered_journal(settings, journal)
    code, wanted = _run_window(app, journal, settings)
    while wanted is not None:
        from fikadesk.ui.startup import switch_journal

        journal = switch_journal(settings, journal, wanted)
        code, wanted = _run_window(app, journal, settings)
    return code


def _run_window(app, journal: Path, settings) -> tuple[int, Path | None]:  # type: ignore[no-untyped-def]
    """Show one window on ``journal``; return the exit code and a journal to switch to, if any."""
    from PySide6.QtWidgets import QMessageBox

    from fikadesk.paths import ensure_private_dir, resources_dir
    from fikadesk.services.container import build_services
    from fikadesk.storage.errors import JournalError
    from fikadesk.ui.main_window import MainWindow
    from fikadesk.ui.single_instance import SingleInstance
    from fikadesk.ui.startup import welcome
    from fikadesk.ui.theme import app_icon
    from fikadesk.ui.widgets.plain import plain_text

    app.setWindowIcon(app_icon(resources_dir()))
    try:
        ensure_private_dir(journal.parent)
    except OSError as exc:
        QMessageBox.critical(None, "Cannot open the journal", plain_text(
                             f"The folder {journal.parent} could not be created: {exc.strerror}."))
        return 1, None
    guard = SingleInstance(journal)
    if not guard.acquire():
        if guard.ask_running_to_raise():
            print(f"fikadesk is already open on {journal}; its window was brought to the front.",
                  file=sys.stderr)
            return 0, None
        QMessageBox.information(
            None, "Journal already open",
            plain_text(f"{journal} is already open in another fikadesk ({guard.holder()}). "
                       "Switch to that window, or close it first."))
        return 1, None
    try:
        try:
            services = build_services(journal)
        except JournalError as exc:
            QMessageBox.critical(None, "Cannot open the journal", plain_text(str(exc)))
            return 1, None
        window = MainWindow(services, settings=settings)
        guard.activation_requested.connect(window.bring_to_front)
        window.show()
        demo = welcome(window, services)
        if demo is not None:
            services.close()
            window.desktop.next_journal = demo
            window.close()
            return 0, demo
        window.start()
        _close_on_terminate(window)
        code = app.exec()
        services.close()
        return int(code), window.desktop.next_journal
    finally:
        guard.release()


def _close_on_terminate(window) -> None:  # type: ignore[no-untyped-def]
    """On SIGTERM/SIGINT (logout, kill, Ctrl+C) close the window so pending edits are saved."""
    import signal

    from PySide6.QtCore import QTimer

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_args: window.close())
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


def run_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None,
                today: date | None = None) -> int:
    """Run a parsed command with Qt's brief drawing (PDF, evidence chart) at hand: the command
    line may not load Qt itself, so it is given the drawing here (Qt loads only if it draws)."""
    from fikadesk import cli
    from fikadesk.ui.brief_drawing import QtBriefDrawing

    return cli.run(args, out, err, today, drawing=QtBriefDrawing())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fikadesk``: a command runs headless; no command opens the window."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:  # answered before any command's code is loaded
        print(f"fikadesk {__version__}")
        return 0
    from fikadesk import cli

    args = cli.build_parser().parse_args(words)
    if args.command:
        code = run_command(args)
        if code == 0 and args.command == "self-check" and args.gui:
            from fikadesk.ui.self_check import run_window_check

            if no_screen():  # a headless machine: check the window offscreen, and say so
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
                print("No screen here: the window is checked offscreen.")

            return run_window_check()
        return code
    if no_screen():
        print("fikadesk: there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
              "is set). Run it from your desktop session, or use the commands: fikadesk --help",
              file=sys.stderr)
        return 1
    from fikadesk.paths import ENV_DB, resolve_journal_path

    explicit = bool((args.db or os.environ.get(ENV_DB, "")).strip())
    return run_gui(resolve_journal_path(args.db), remembered=not explicit)


if __name__ == "__main__":
    raise SystemExit(main())
