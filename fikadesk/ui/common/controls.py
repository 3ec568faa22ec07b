"""The one set of widget helpers: names for screen readers, buttons, plain-text labels, dates.

Every interactive widget gets an object name (tests and the window state find it by that) and
an accessible name (what a screen reader says); user text in labels is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str, tip: str = "") -> W:
    """Give ``widget`` its object name, accessible name and (if any) tooltip; return it."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    return widget


def spoken(text: str) -> str:
    """A button's text as a screen reader should say it: no mnemonic, no trailing ellipsis."""
    return text.replace("&", "").rstrip("…")


def button(text: str, name: str, tip: str, slot: Callable[[], object] | None = None, *,
           accessible: str | None = None) -> QPushButton:
    """A push button with its names and tooltip, calling ``slot`` (if given) when clicked."""
    made = named(QPushButton(text), name, spoken(text) if accessible is None else accessible, tip)
    if slot is not None:
        made.clicked.connect(lambda _checked=False: slot())
    return made


def plain_label(text: str = "", name: str = "", *, selectable: bool = False) -> QLabel:
    """A word-wrapped label that never reads its text as HTML (selectable by mouse if asked)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A form label whose Alt+letter moves the focus to ``widget`` (for rows that hold a layout)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def to_qdate(value: date) -> QDate:
    """A Python date as Qt's."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """A Qt date as Python's."""
    return date(value.year(), value.month(), value.day())


def date_edit(name: str, accessible: str, day: date, tip: str = "") -> QDateEdit:
    """A date field with a calendar pop-up, shown as yyyy-MM-dd."""
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return named(edit, name, accessible, tip)
