"""The window's side of backups: File > Backups…, the 30-minute timer, the close backup and the
damaged-journal banner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from fikadesk.errors import StorageError
from fikadesk.services.backups import RestoreResult
from fikadesk.ui.common.widgets.banner import Banner
from fikadesk.ui.shell.dialogs.backups import BackupsDialog
from fikadesk.ui.shell.window_state import BACKUP_KEY, saved_path

if TYPE_CHECKING:
    from fikadesk.ui.shell.window_host import WindowHost

TICK_MS = 60_000  # how often the window asks whether a periodic backup is due (30 min rule)


class BackupActions(QObject):
    """Adds File > Backups… to a main window and makes the scheduled backups while it is open."""

    def __init__(self, window: WindowHost) -> None:
        frame = window.window()  # the main window as a widget: parent of this object and its dialogs
        super().__init__(frame)
        self.frame = frame
        self.window = window
        self.action = window.make_action("Bac&kups…", "backups_action", self.open_dialog, None,
                                     "See the backups of this journal and restore one")
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.banner = Banner("damage_banner")
        self.banner.setAccessibleName("Damaged journal")
        central = self.frame.centralWidget() if isinstance(self.frame, QMainWindow) else None
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.insertWidget(0, self.banner)  # type: ignore[attr-defined]
        self.show_damage()

    def _sync_folder(self) -> None:
        """Follow the backup folder chosen in Preferences (it may change while the window is open)."""
        settings = self.window.settings
        if settings is not None:
            self.window.services.backups.set_folder(saved_path(settings, BACKUP_KEY))

    def start(self) -> None:
        """Start the periodic backups (call once the window is shown)."""
        self.timer.start()

    def tick(self) -> None:
        """Make the periodic backup if the journal changed and the last one is 30 minutes old."""
        if self.window.services.db.read_only:
            return
        self._sync_folder()
        try:
            made = self.window.services.backups.back_up_if_due()
        except StorageError as exc:
            self.window.statusBar().showMessage(f"The scheduled backup failed: {exc}", 15000)
            return
        if made is not None:
            self.window.statusBar().showMessage(f"Backed up to {made.path}.", 6000)

    def on_close(self) -> None:
        """As the window closes: a backup if anything changed since the newest one."""
        self.timer.stop()
        if self.window.services.db.read_only:
            return
        self._sync_folder()
        try:
            self.window.services.backups.back_up_if_changed("on-close")
        except StorageError:
            pass  # never hold the window open over a backup; the next start tries again

    def open_dialog(self) -> BackupsDialog | None:
        """Show File > Backups…."""
        if not self.window.journal_tab.save_now():
            return None
        self._sync_folder()
        dialog = BackupsDialog(self.window.services.backups, self.restore, self.frame)
        self.dialog = dialog
        dialog.exec()
        return dialog

    def restore(self, ident: str) -> RestoreResult:
        """Restore a backup: the journal's connections are closed, the file replaced whole, the
        journal opened again and every tab read afresh."""
        window = self.window
        window.journal_tab.save_now()
        window.interview_tab.leave()
        result = window.services.backups.restore(ident)
        window.undo_stack.clear()  # its steps name rows of the journal that was replaced
        window.check_outside_changes()
        self.show_damage()
        window.statusBar().showMessage(f"Restored; the previous journal is saved in {result.previous}.",
                                       15000)
        return result

    def show_damage(self) -> None:
        """Explain a journal that failed quick_check and offer its newest good backup."""
        services = self.window.services
        if services.db.damage is None:
            self.banner.hide()
            return
        try:
            newest = services.backups.newest_good()
        except OSError:
            newest = None
        text = (f"This journal file is damaged ({services.db.damage}). It was opened read-only so "
                "that nothing more is lost: you can read and export it, not change it.")
        actions: list[tuple[str, Callable[[], None]]] = [("Backups…", self._open_from_banner)]
        if newest is not None:
            count = f"{newest.entries} entr{'y' if newest.entries == 1 else 'ies'}"
            text += f" The newest good backup is from {newest.made_at:%Y-%m-%d %H:%M} ({count})."
            actions.insert(0, (f"Restore the backup of {newest.made_at:%Y-%m-%d %H:%M}…",
                               lambda: self._restore_newest(newest.id)))
        else:
            text += " There is no backup of it yet: export what you can (File > Export journal…)."
        self.banner.show_message(text, actions)

    def _open_from_banner(self) -> None:
        self.open_dialog()

    def _restore_newest(self, ident: str) -> None:
        dialog = BackupsDialog(self.window.services.backups, self.restore, self.frame)
        self.dialog = dialog
        for row, info in enumerate(dialog._shown):
            if info.id == ident:
                dialog.table.selectRow(row)
        dialog.show()
        dialog.restore_selected()
        if dialog.restored is not None:
            dialog.accept()
