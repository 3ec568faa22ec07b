"""What the composition root does around the window: first run, demo journal, moving the journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from fikadesk.errors import StorageError
from fikadesk.paths import (
    data_dir,
    default_journal_path,
    ensure_private_dir,
    journal_location,
    record_move,
    resources_dir,
)
from fikadesk.services.container import Services
from fikadesk.services.demo import build_demo_journal, demo_journal_path
from fikadesk.services.journal_file import move_journal
from fikadesk.ui.common.alerts import warn
from fikadesk.ui.shell.dialogs.first_run import FirstRunDialog, FirstRunOutcome, needs_first_run
from fikadesk.ui.shell.window_state import JOURNAL_KEY, saved_path


def remembered_journal(settings: QSettings, fallback: Path) -> Path:
    """The journal to open when no path was given: ``fallback``, or where an older fikadesk's
    "Move journal" put it (kept in the window settings then). That older record is carried over
    into the one place every entry point reads (``paths.record_move``) and dropped here."""
    moved = saved_path(settings, JOURNAL_KEY)
    if moved is None:
        return fallback
    settings.remove(JOURNAL_KEY)
    if (moved.exists() and fallback == default_journal_path() and not fallback.exists()
            and journal_location().journal is None):
        record_move(fallback, moved)
        return moved
    return fallback


def welcome(parent: QWidget, services: Services) -> Path | None:
    """Run the first-run steps when the journal needs them; return a demo journal to open instead."""
    try:
        if not needs_first_run(services):
            return None
    except StorageError:
        return None
    if FirstRunDialog.run(parent, services, resources_dir()) is not FirstRunOutcome.DEMO:
        return None
    return open_demo(parent, services)


def open_demo(parent: QWidget, services: Services) -> Path | None:
    """Build a fresh demo journal beside the person's journal; None (with a message) on failure."""
    try:
        ensure_private_dir(data_dir())
        return build_demo_journal(demo_journal_path(data_dir()), resources_dir(), services.today())
    except (StorageError, OSError) as exc:
        warn(parent, "No demo journal", f"The demo journal could not be made: {exc}")
        return None


def switch_journal(settings: QSettings, current: Path, wanted: Path) -> Path:
    """Move the (closed) journal ``current`` to ``wanted``; return what to open.

    The move records the new place where the window and the command line both look
    (``paths.record_move``). A demo journal is opened as is and never remembered. When the move
    fails the old journal, still untouched, is reopened and the reason is shown.
    """
    if wanted.name == demo_journal_path(data_dir()).name and wanted.parent == data_dir():
        return wanted
    try:
        moved = move_journal(current, wanted)
    except StorageError as exc:
        warn(None, "Journal not moved", f"The journal stays at {current}; nothing was lost. {exc}")
        return current
    return moved
