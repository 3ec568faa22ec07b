"""The one place message boxes are made: warn, fail, info, ask and confirm, their text never read as HTML.

Without a ``name`` a box is Qt's own static one (``QMessageBox.warning`` and friends, with the
text passed through :func:`plain_text`); with a ``name`` it is built here, named for tests and
screen readers, and shown with its text format set to plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fikadesk.ui.common.controls import named
from fikadesk.ui.common.plain import plain_text

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = Button.Ok, *, name: str = "",
                default: QMessageBox.StandardButton | None = None) -> QMessageBox:
    """A message box (not yet shown) whose text is never read as HTML (paths can hold anything)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if name:
        box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default is not None:
        box.setDefaultButton(default)
    return box


def warn(parent: QWidget | None, title: str, text: str, *, name: str = "") -> None:
    """Say that something went wrong; the person presses OK."""
    if name:
        message_box(parent, Icon.Warning, title, text, name=name).exec()
        return
    QMessageBox.warning(parent, title, plain_text(text))


def fail(parent: QWidget | None, title: str, text: str) -> None:
    """Say that something could not be done at all (the journal cannot be opened)."""
    QMessageBox.critical(parent, title, plain_text(text))


def info(parent: QWidget | None, title: str, text: str, *, name: str = "") -> None:
    """Say that something is done; the person presses OK."""
    if name:
        message_box(parent, Icon.Information, title, text, name=name).exec()
        return
    QMessageBox.information(parent, title, plain_text(text))


def ask(parent: QWidget | None, title: str, text: str, *, yes: QMessageBox.StandardButton = Button.Yes,
        no: QMessageBox.StandardButton = Button.No,
        default: QMessageBox.StandardButton = Button.NoButton) -> bool:
    """Ask a question with two buttons (Yes/No unless given); True when ``yes`` was pressed."""
    return QMessageBox.question(parent, title, plain_text(text), yes | no, default) == yes


def confirm(parent: QWidget | None, title: str, text: str, name: str, yes_label: str) -> bool:
    """Ask a yes-or-cancel question, the yes button worded ``yes_label``; Cancel is the default
    (and Esc). The box is ``<name>_box``, its buttons ``<name>_<label>_button``; True on yes."""
    yes, cancel = Button.Yes, Button.Cancel
    box = message_box(parent, Icon.Question, title, text, yes | cancel, name=f"{name}_box", default=cancel)
    for role, label in ((yes, yes_label), (cancel, "Cancel")):
        named(box.button(role), f"{name}_{label.lower()}_button", label).setText(label)
    box.setEscapeButton(cancel)
    return box.exec() == yes


def confirm_destructive(parent: QWidget | None, title: str, text: str, details: str, name: str,
                        action: str) -> bool:
    """Ask before something that cannot be undone: a warning, ``details`` under the question, a
    button worded ``action`` and Cancel (the default); True when ``action`` was pressed."""
    box = message_box(parent, Icon.Warning, title, text, Button.NoButton, name=name)
    box.setInformativeText(details)
    chosen = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(Button.Cancel)
    box.setDefaultButton(Button.Cancel)
    box.exec()
    return box.clickedButton() is chosen
