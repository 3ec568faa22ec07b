"""Machine-level settings (QSettings): window geometry, splitters, last tab, journal and backup paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

ORGANIZATION = "fikadesk"
APPLICATION = "fikadesk"


def default_settings() -> QSettings:
    """The person's settings file (an INI file in the user config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def settings_at(path: Path) -> QSettings:
    """Settings kept in the INI file ``path`` (tests and portable installs)."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def _splitters(window: QMainWindow) -> list[QSplitter]:
    return [s for s in window.findChildren(QSplitter) if s.objectName()]


def save_window_state(settings: QSettings, window: QMainWindow, tabs: QTabWidget) -> None:
    """Remember the window's size and position, its splitters and the current tab."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    current = tabs.currentWidget()
    if current is not None:
        settings.setValue("window/tab", current.objectName())
    for splitter in _splitters(window):
        settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
    settings.sync()


def restore_frame(settings: QSettings, window: QMainWindow, tabs: QTabWidget) -> bool:
    """Put back the window's size and place and the last-used tab (possibly still a skeleton).

    Tabs are found by name (a skeleton carries the name of the tab it stands for in
    ``tab_name``), so a tab added in a later version simply is not restored.
    """
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray):
        return False
    window.restoreGeometry(geometry)
    wanted = settings.value("window/tab")
    for index in range(tabs.count()):
        widget = tabs.widget(index)
        if widget is not None and getattr(widget, "tab_name", widget.objectName()) == wanted:
            tabs.setCurrentIndex(index)
            break
    return True


def restore_parts(settings: QSettings, window: QMainWindow) -> bool:
    """Put back the docks and splitters, once the tabs that hold them are built."""
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for splitter in _splitters(window):
        saved = settings.value(f"splitters/{splitter.objectName()}")
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
    return isinstance(settings.value("window/geometry"), QByteArray)


def saved_path(settings: QSettings, key: str) -> Path | None:
    """A folder or file path stored under ``key``, or None."""
    raw = settings.value(key)
    return Path(raw) if isinstance(raw, str) and raw.strip() else None


def store_path(settings: QSettings, key: str, path: Path | None) -> None:
    """Store (or with None, forget) a path under ``key``."""
    if path is None:
        settings.remove(key)
    else:
        settings.setValue(key, str(path))
    settings.sync()


JOURNAL_KEY = "paths/journal"
BACKUP_KEY = "paths/backups"
