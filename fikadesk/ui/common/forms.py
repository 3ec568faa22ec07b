"""The one form dialog: fields in a form, an error line and Save/Cancel.

A subclass lays out its fields in ``self.form`` and builds its value in ``result_value``; an
error fikadesk reports (a refused field) is shown on the error line and what was typed stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from fikadesk.errors import FikadeskError
from fikadesk.ui.common.controls import named, plain_label

ERROR_STYLE = "color: #b3261e"


class FormDialog(QDialog):
    """A form with an error line and Save/Cancel; subclasses build their value in ``result_value``."""

    def __init__(self, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.error_label = plain_label("", f"{name}_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        for role, label in ((ok, "Save"), (cancel, "Cancel")):
            button = buttons.button(role)
            button.setText(label)
            named(button, f"{name}_{label.lower()}_button", label)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.value: object = None

    def result_value(self) -> object:
        """The dialog's value, built from its fields; raises a FikadeskError when one is refused."""
        raise NotImplementedError

    def _accept(self) -> None:
        try:
            self.value = self.result_value()
        except FikadeskError as exc:
            self.error_label.setText(str(exc))  # what was typed stays; nothing is lost
            return
        self.accept()
