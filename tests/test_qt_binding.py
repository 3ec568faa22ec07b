"""The Qt binding in use keeps Python's reference counts straight (PySide6 6.12.0 on 3.11 did not)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QPushButton


def test_calling_qt_methods_does_not_drain_none_or_the_booleans(qapp) -> None:
    button = QPushButton()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(500):
        button.setText("x")
        button.click()
        button.setVisible(False)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # A little drift from the interpreter's own bookkeeping is fine; 500 lost references is the bug
    # that aborted the test run at exit ("none_dealloc: deallocating None").
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert all(abs(d) < 50 for d in drift), f"references to None, True, False lost: {drift}"
