"""User text shown as written: never rich text, so it can neither load a file nor call a server."""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_text(text: str) -> str:
    """``text`` for a place that guesses rich text (tooltips, message boxes, labels left on AutoText).

    Text Qt would show as plain is returned unchanged; text it would take for HTML (``<b>``,
    ``<img src=...>``) comes back escaped by Qt's own plain-text conversion, so it reads exactly as
    typed and no image or link in it is ever loaded.
    """
    if not text or not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
