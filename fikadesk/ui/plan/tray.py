"""Plan reminders in the system tray: what falls due is announced once, while the app runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from fikadesk.domain.plan.status import reminders
from fikadesk.errors import StorageError
from fikadesk.services.plan.service import PlanService

CHECK_EVERY_MS = 15 * 60 * 1000
MAX_LINES = 4

Notify = Callable[[str, str], None]


class PlanTray(QObject):
    """Checks the plan's reminders on a timer and announces each new one once per day it is due.

    ``notify`` shows a message; by default it is a tray balloon, and nothing is created at all on a
    desktop without a tray (the in-window banner of the Plan tab still says the same)."""

    def __init__(self, plan: PlanService, today: Callable[[], date], window: QWidget, icon: QIcon,
                 notify: Notify | None = None) -> None:
        super().__init__(window)
        self.setObjectName("plan_tray")
        self._plan, self._today, self._window = plan, today, window
        self.icon: QSystemTrayIcon | None = None
        if notify is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setToolTip("fikadesk")
            self.icon.activated.connect(lambda _reason: self._raise_window())
            self.icon.messageClicked.connect(self._raise_window)
            self.icon.show()
            notify = self._balloon
        self._notify = notify
        self._announced: set[tuple[date, str]] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        """Whether anything can be announced here (a tray exists, or a notifier was given)."""
        return self._notify is not None

    def start(self) -> None:
        """Announce what is due now and keep checking while the app runs."""
        if self.active:
            self.check()
            self.timer.start()

    def check(self) -> list[str]:
        """Announce the reminders not yet announced today; return what was announced."""
        if self._notify is None:
            return []
        today = self._today()
        try:
            state = self._plan.thread()  # follow-ups of the 1:1 thread fall due with or without a plan
        except StorageError:
            return []
        fresh = [r.text for r in reminders(state, today) if (today, r.text) not in self._announced]
        if not fresh:
            return []
        self._announced.update((today, text) for text in fresh)
        more = len(fresh) - MAX_LINES
        body = "\n".join(fresh[:MAX_LINES]) + (f"\n…and {more} more in the Plan tab." if more > 0 else "")
        count = "1 thing falls" if len(fresh) == 1 else f"{len(fresh)} things fall"
        title = f"fikadesk: {count} due"
        self._notify(title, body)
        return fresh

    def _balloon(self, title: str, body: str) -> None:
        if self.icon is not None:
            self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10_000)

    def _raise_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
