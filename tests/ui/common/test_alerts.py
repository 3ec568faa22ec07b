"""The one alerts module: the answer read back, names given, text never read as HTML."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fikadesk.ui.common.alerts import Button, ask, confirm_destructive, warn

HOSTILE = '<img src="http://127.0.0.1:9/x.png"> <b>bold</b>'


def _answer_next_box(seen: list[QMessageBox], press: str | QMessageBox.StandardButton) -> None:
    """Once the next modal box is shown: keep it in ``seen`` and press a button on it."""
    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, act)
            return
        seen.append(box)
        if isinstance(press, str):
            next(b for b in box.buttons() if b.text() == press).click()
        else:
            box.button(press).click()
    QTimer.singleShot(0, act)


@pytest.mark.parametrize(("pressed", "expected"), [(Button.Discard, True), (Button.Cancel, False)])
def test_ask_is_true_only_for_its_yes_button(monkeypatch: pytest.MonkeyPatch, pressed, expected) -> None:
    asked: list[tuple] = []

    def question(parent, title, text, buttons, default):
        asked.append((title, text, buttons, default))
        return pressed

    monkeypatch.setattr(QMessageBox, "question", question)
    said = ask(None, "Unsaved", HOSTILE, yes=Button.Discard, no=Button.Cancel, default=Button.Cancel)
    assert said is expected
    (title, text, buttons, default), = asked
    assert title == "Unsaved" and default == Button.Cancel
    assert buttons == Button.Discard | Button.Cancel
    assert "<img" not in text and "&lt;img" in text  # escaped: Qt shows it as typed, loads nothing


def test_a_named_warning_is_a_named_plain_text_box(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    _answer_next_box(seen, Button.Ok)
    warn(parent, "Not saved", HOSTILE, name="sample_warning_box")
    (box,) = seen
    assert box.objectName() == "sample_warning_box"
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == HOSTILE


@pytest.mark.parametrize(("press", "expected"), [("Delete it", True), ("Cancel", False)])
def test_confirm_destructive_is_true_only_for_its_action(qtbot, press: str, expected: bool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    _answer_next_box(seen, press)
    assert confirm_destructive(parent, "Delete", "Delete it?", "No undo.", "sample_delete_box",
                               "Delete it") is expected
    assert seen[0].objectName() == "sample_delete_box"
    assert seen[0].defaultButton() is seen[0].button(Button.Cancel)
