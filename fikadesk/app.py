"""Composition root: arguments, then the journal path, the services and the window, built once."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from fikadesk import cli
from fikadesk.desktop_install import APP_ID
from fikadesk.paths import ensure_private_dir, resolve_journal_path
from fikadesk.storage.errors import JournalError


def run_gui(journal: Path) -> int:
    """Open the window on ``journal``; one window per journal file."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from fikadesk.services.container import build_services
    from fikadesk.ui.main_window import MainWindow
    from fikadesk.ui.single_instance import SingleInstance

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("fikadesk")
    QGuiApplication.setApplicationDisplayName("fikadesk")
    QGuiApplication.setDesktopFileName(APP_ID)
    try:
        ensure_private_dir(journal.parent)
    except OSError as exc:
        QMessageBox.critical(None, "Cannot open the journal",
                             f"The folder {journal.parent} could not be created: {exc.strerror}.")
        return 1
    guard = SingleInstance(journal)
    if not guard.acquire():
        if guard.ask_running_to_raise():
            print(f"fikadesk is already open on {journal}; its window was brought to the front.",
                  file=sys.stderr)
            return 0
        QMessageBox.information(
            None, "Journal already open",
            f"{journal} is already open in another fikadesk ({guard.holder()}). "
            "Switch to that window, or close it first.")
        return 1
    try:
        try:
            services = build_services(journal)
        except JournalError as exc:
            QMessageBox.critical(None, "Cannot open the journal", str(exc))
            return 1
        window = MainWindow(services)
        guard.activation_requested.connect(window.bring_to_front)
        window.show()
        window.start()
        _close_on_terminate(window)
        code = app.exec()
        services.close()
        return int(code)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fikadesk``: a command runs headless; no command opens the window."""
    args = cli.build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command:
        return cli.run(args)
    return run_gui(resolve_journal_path(args.db))


if __name__ == "__main__":
    raise SystemExit(main())
