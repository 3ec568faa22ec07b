"""Composition root: arguments, then the journal path, the services and the window, built once."""

from __future__ import annotations

import os
import sys

from fikadesk import __version__

# `fikadesk --version` loads nothing but this module: not even `typing` (11 ms), so the flag
# type checkers know by its name stands here instead.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path
    from typing import TextIO

    from PySide6.QtWidgets import QApplication

    from fikadesk.services.container import Services
    from fikadesk.ui.shell.main_window import MainWindow
    from fikadesk.ui.shell.single_instance import SingleInstance
    from fikadesk.ui.shell.window_loading import JournalOpener


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
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from fikadesk.ui.shell.window_state import APPLICATION, JOURNAL_KEY, ORGANIZATION, default_settings

    # Fractional scale factors (150 %) are used as the system asks: Qt 6's default rounding
    # policy (PassThrough), so nothing to set (touching Qt's namespace costs 40 ms of start-up).
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    QGuiApplication.setApplicationDisplayName("fikadesk")
    from fikadesk.desktop_install import APP_ID

    QGuiApplication.setDesktopFileName(APP_ID)
    settings = default_settings()
    if remembered and settings.contains(JOURNAL_KEY):  # where an older fikadesk recorded a move
        from fikadesk.ui.shell.startup import remembered_journal

        journal = remembered_journal(settings, journal)
    code, wanted = _run_window(app, journal, settings)
    while wanted is not None:
        from fikadesk.ui.shell.startup import switch_journal

        journal = switch_journal(settings, journal, wanted)
        code, wanted = _run_window(app, journal, settings)
    return code


def _run_window(app, journal: Path, settings) -> tuple[int, Path | None]:  # type: ignore[no-untyped-def]
    """Show one window on ``journal``; return the exit code and a journal to switch to, if any.

    The window paints first (menus and tab skeletons); the journal is opened on a worker thread
    and the tabs are filled after. Whatever stops the journal from opening ends in one message.
    """
    from fikadesk.paths import ensure_private_dir
    from fikadesk.ui.shell.main_window import MainWindow
    from fikadesk.ui.shell.single_instance import SingleInstance
    from fikadesk.ui.shell.window_loading import JournalOpener, after_first_paint

    try:
        ensure_private_dir(journal.parent)
    except OSError as exc:
        from fikadesk.ui.common.alerts import fail

        fail(None, "Cannot open the journal",
             f"The folder {journal.parent} could not be created: {exc.strerror}.")
        return 1, None
    guard = SingleInstance(journal)
    if not guard.acquire(listen=False):
        if guard.ask_running_to_raise():
            print(f"fikadesk is already open on {journal}; its window was brought to the front.",
                  file=sys.stderr)
            return 0, None
        from fikadesk.ui.common.alerts import info

        info(None, "Journal already open", f"{journal} is already open in another fikadesk "
             f"({guard.holder()}). Switch to that window, or close it first.")
        return 1, None
    window = MainWindow(settings=settings, journal=journal)
    outcome: dict[str, object] = {"next": None}
    opener = JournalOpener(lambda: _open_services(journal), window)
    try:
        guard.activation_requested.connect(window.bring_to_front)
        window.show()
        _close_on_terminate(window)
        after_first_paint(window, lambda: _after_first_paint(app, guard, opener))
        opener.opened.connect(lambda services: _on_opened(window, services, outcome))
        opener.failed.connect(lambda exc: _on_failed(app, window, exc, outcome))
        code = app.exec()
        outcome["over"] = True
        opener.wait()  # closed while the journal was still opening: let it finish, then close it
        services = getattr(window, "services", None) or opener.result
        if services is not None:
            services.close()
        desktop = getattr(window, "desktop", None)
        wanted = outcome["next"] or (desktop.next_journal if desktop is not None else None)
        return int(code), wanted  # type: ignore[return-value]
    finally:
        guard.release()


def _open_services(journal: Path) -> Services:
    """On the worker thread: load the data layer, open (migrate, check) the journal, and load
    the tabs' modules, so the UI thread only builds widgets."""
    from fikadesk.services.container import build_services

    services = build_services(journal)
    try:
        import fikadesk.ui.shell.window_parts  # noqa: F401 - the tabs and the window's parts
    except BaseException:
        services.close()
        raise
    return services


def _after_first_paint(app: QApplication, guard: SingleInstance, opener: JournalOpener) -> None:
    """Right after the first paint: start opening the journal, answer second launches, set the icon."""
    from fikadesk.paths import resources_dir
    from fikadesk.ui.common.theme import app_icon

    opener.start()
    guard.listen()
    app.setWindowIcon(app_icon(resources_dir()))


def _on_opened(window: MainWindow, services: Services, outcome: dict[str, object]) -> None:
    """The journal is open: fill the window, then the first-run steps and the reminders."""
    if outcome.get("over") or not window.isVisible():  # closed while it was opening: closed below
        return
    window.loaded.connect(lambda: _on_loaded(window, services, outcome))
    window.attach(services, stepwise=True)


def _on_loaded(window: MainWindow, services: Services, outcome: dict[str, object]) -> None:
    from fikadesk.ui.shell.startup import welcome

    demo = welcome(window, services)
    if demo is not None:
        outcome["next"] = demo
        window.close()
        return
    window.start()


def _on_failed(app: QApplication, window: MainWindow, exc: BaseException,
               outcome: dict[str, object]) -> None:
    """The journal could not be opened: say why in one message and close the window."""
    import traceback

    from fikadesk.errors import FikadeskError
    from fikadesk.ui.common.alerts import fail

    if outcome.get("over"):
        return
    if isinstance(exc, FikadeskError):
        text = str(exc)
    else:
        traceback.print_exception(exc)
        text = f"Something unexpected stopped the journal from opening: {exc}"
    fail(window, "Cannot open the journal", text)
    app.exit(1)  # one way out of the loop: closing the last window would post a second quit
    window.hide()


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
    from fikadesk.ui.briefs.drawing import QtBriefDrawing

    return cli.run(args, out, err, today, drawing=QtBriefDrawing())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fikadesk``: a command runs headless; no command opens the window."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:  # answered before any command's code is loaded
        print(f"fikadesk {__version__}")
        return 0
    window_only, db = _window_words(words)
    if window_only:  # the window's start-up loads no command-line code
        return _open_window(db)
    from fikadesk import cli

    args = cli.build_parser().parse_args(words)
    if args.command:
        code = run_command(args)
        if code == 0 and args.command == "self-check" and args.gui:
            from fikadesk.ui.shell.self_check import run_window_check

            if no_screen():  # a headless machine: check the window offscreen, and say so
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
                print("No screen here: the window is checked offscreen.")

            return run_window_check()
        return code
    return _open_window(args.db)


def _window_words(words: list[str]) -> tuple[bool, str | None]:
    """(True, the --db value) when ``words`` only open the window; (False, None) otherwise."""
    if not words:
        return True, None
    if len(words) == 2 and words[0] == "--db" and not words[1].startswith("-"):
        return True, words[1]
    if len(words) == 1 and words[0].startswith("--db="):
        return True, words[0].removeprefix("--db=")
    return False, None


def _open_window(db: str | None) -> int:
    """Open the window on the journal ``db`` names (or the usual one)."""
    if no_screen():
        print("fikadesk: there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
              "is set). Run it from your desktop session, or use the commands: fikadesk --help",
              file=sys.stderr)
        return 1
    from fikadesk.errors import StorageError
    from fikadesk.paths import ENV_DB, resolve_journal_path

    explicit = bool((db or os.environ.get(ENV_DB, "")).strip())
    try:
        journal = resolve_journal_path(db)
    except StorageError as exc:  # moved to a drive that is not connected: make nothing
        from PySide6.QtWidgets import QApplication

        from fikadesk.ui.common.alerts import fail

        _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept alive for the message
        fail(None, "Cannot open the journal", str(exc))
        return 1
    return run_gui(journal, remembered=not explicit)


if __name__ == "__main__":
    raise SystemExit(main())
