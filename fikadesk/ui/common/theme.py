"""Colours and icons that follow the system light/dark scheme."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon(resources: Path) -> QIcon:
    """The fikadesk icon, with a pixmap for every shipped size."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources / "icons" / f"fikadesk-{size}.png"), QSize(size, size))
    return icon


def is_dark() -> bool:
    """True when the colours in use are dark (the palette follows the system's scheme)."""
    if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return True
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_style() -> str:
    """A style sheet for error text that stays readable on light and dark backgrounds."""
    return "color: #ffb4a9; font-weight: bold;" if is_dark() else "color: #b3261e; font-weight: bold;"
