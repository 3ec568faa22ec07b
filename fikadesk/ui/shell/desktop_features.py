"""The desktop side of the main window: icon, help, preferences, backups, remembered window state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow

from fikadesk.domain.journal.entries import quiet_for
from fikadesk.domain.preferences import reminder_due
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.paths import resources_dir
from fikadesk.ui.common.alerts import warn
from fikadesk.ui.common.theme import app_icon
from fikadesk.ui.shell.window_state import (
    BACKUP_KEY,
    restore_parts,
    save_window_state,
    saved_path,
    store_path,
)

if TYPE_CHECKING:
    from fikadesk.ui.shell.window_host import WindowHost


def with_shortcut_tips(actions: list[QAction]) -> None:
    """Make every tooltip say what the action does and, if it has one, its shortcut."""
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = action.statusTip() or action.text().replace("&", "").rstrip("…")
        if keys and keys not in tip:
            tip = f"{tip} ({keys})"
        action.setToolTip(tip)


class DesktopFeatures:
    """Adds Preferences, Back up now, Guide, Keyboard shortcuts and About to a main window."""

    def __init__(self, window: WindowHost, settings: QSettings | None, resources: Path | None = None) -> None:
        self.window = window
        self.frame = window.window()  # the main window as a widget: the parent of every dialog
        self.settings = settings
        self.resources = resources or resources_dir()
        self.icon = app_icon(self.resources)
        self.frame.setWindowIcon(self.icon)
        self.next_journal: Path | None = None
        self.preferences_action = window.make_action(
            "&Preferences…", "preferences_action", self.open_preferences,
            QKeySequence.StandardKey.Preferences, "Speaking pace, answer lengths, reminders and files")
        if self.preferences_action.shortcut().isEmpty():  # no platform standard: pick the common one
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.backup_action = window.make_action("&Back up now", "backup_action", self.back_up_now, None,
                                            "Write a verified copy of the journal to the backup folder")
        self.guide_action = window.make_action("&Guide", "guide_action", self.open_guide,
                                           QKeySequence.StandardKey.HelpContents,
                                           "Short pages on the practice behind each tab")
        window.make_action("&Keyboard shortcuts", "shortcuts_action", self.open_shortcuts, "Ctrl+/",
                           "List every keyboard shortcut")

    # -- window state ------------------------------------------------------------------------
    def restore(self) -> bool:
        """Put back the splitters and docks (the size, place and tab come back as the window opens)."""
        return (self.settings is not None and isinstance(self.frame, QMainWindow)
                and restore_parts(self.settings, self.frame))

    def save(self) -> None:
        if self.settings is not None and isinstance(self.frame, QMainWindow):
            save_window_state(self.settings, self.frame, self.window.tabs)

    def apply_reminder_preference(self) -> None:
        """Keep the quiet-journal nudge only when the chosen cadence says it is due."""
        tab = getattr(self.window, "journal_tab", None)
        if tab is None or tab.nudge_banner.isHidden():
            return
        services = self.window.services
        try:
            quiet = quiet_for(services.journal.stats().last_day, services.today())
            due = reminder_due(services.preferences.get(), quiet)
        except StorageError:
            return
        if not due:
            tab.nudge_banner.hide()

    # -- actions ---------------------------------------------------------------------------
    def backup_folder(self) -> Path | None:
        return saved_path(self.settings, BACKUP_KEY) if self.settings is not None else None

    def open_preferences(self) -> None:
        services = self.window.services
        try:
            current = services.preferences.get()
        except StorageError as exc:
            warn(self.frame, "Preferences", str(exc))
            return
        from fikadesk.ui.shell.dialogs.preferences import PreferencesDialog  # the dialogs load when opened

        result = PreferencesDialog.edit(self.frame, current, services.db.path, self.backup_folder())
        if result is None:
            return
        try:
            services.preferences.save(result.preferences)
        except FikadeskError as exc:
            warn(self.frame, "Preferences not saved", f"Nothing was changed: {exc}")
            return
        if self.settings is not None:
            store_path(self.settings, BACKUP_KEY, result.backup_folder)
        tab = getattr(self.window, "journal_tab", None)
        if tab is not None:
            tab.check_reminders()
        self.apply_reminder_preference()
        if result.move_to is not None:
            self.request_switch(result.move_to)

    def request_switch(self, path: Path) -> None:
        """Close the window so the composition root can move or open ``path`` and reopen."""
        self.next_journal = path
        self.window.close()
        if self.window.isVisible():  # the close was refused (an unsaved entry): no switch
            self.next_journal = None

    def back_up_now(self) -> None:
        backups = self.window.services.backups  # verified, then the retention rules apply
        backups.set_folder(self.backup_folder())
        try:
            made = backups.back_up("manual")
        except StorageError as exc:
            warn(self.frame, "Backup failed", f"No backup was made: {exc}")
            return
        self.window.statusBar().showMessage(f"Backed up to {made.path}", 8000)

    def open_guide(self) -> None:
        current = self.window.tabs.currentWidget()
        stem = current.objectName().removesuffix("_tab") if current is not None else ""
        from fikadesk.ui.shell.dialogs.help_guide import GuideDialog

        GuideDialog.show_guide(self.frame, self.resources / "guide", stem)

    def open_shortcuts(self) -> None:
        actions = [a for a in self.frame.findChildren(QAction) if a.parent() is self.frame]
        from fikadesk.ui.shell.dialogs.help_shortcuts import ShortcutsDialog

        ShortcutsDialog.show_shortcuts(self.frame, sorted(actions, key=lambda a: a.text().replace("&", "")),
                                       self.frame.findChildren(QShortcut))

    def open_about(self) -> None:
        from fikadesk.ui.shell.dialogs.about import AboutDialog

        AboutDialog.show_about(self.frame, self.window.services.db.path, self.icon)
