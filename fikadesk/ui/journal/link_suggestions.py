"""Suggested evidence links under a win being written: accept one with a click or Alt+1..3."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from fikadesk.domain.leveling.suggest import (
    MAX_SUGGESTIONS,
    LinkSuggester,
    Suggestion,
    suggestions_for,
)

#: Ranking takes well under a millisecond; the pause only keeps the buttons from flickering
#: while a person is still typing.
PAUSE_MS = 350
CAPTION = "Suggested evidence (click, or Alt+1 to Alt+3, to link):"
SHORTCUT_TEXT = "Link a suggested expectation to the win being written"


def _short(text: str, limit: int = 72) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SuggestionBar(QWidget):
    """Up to three target expectations a draft's words point to, one button each. Hidden when
    there is no suggester (no target) or nothing fits. Emits ``accepted`` with an expectation id;
    the owner makes the link (or ticks it) and says which ids are already linked."""

    accepted = Signal(int)

    def __init__(self, name: str, shortcut_scope: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName("Suggested evidence links")
        self._suggester: LinkSuggester | None = None
        self._allowed: set[int] | None = None
        self._excluded: set[int] = set()
        self._text = ""
        self._shown: list[Suggestion] = []
        self.caption = QLabel(CAPTION)
        self.caption.setObjectName(f"{name}_caption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        self.buttons: list[QPushButton] = []
        for n in range(1, MAX_SUGGESTIONS + 1):
            button = QPushButton()
            button.setObjectName(f"{name}_button_{n}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 2px 6px;")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, i=n - 1: self.accept(i))
            layout.addWidget(button)
            self.buttons.append(button)
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), shortcut_scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(SHORTCUT_TEXT)  # listed by Help > Keyboard shortcuts
            shortcut.activated.connect(lambda i=n - 1: self.accept(i))
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self._rank)
        self.hide()

    # -- what to rank, and against what ------------------------------------------------------
    def set_suggester(self, suggester: LinkSuggester | None) -> None:
        """Rank against ``suggester`` (the target level's), or suggest nothing when None."""
        self._suggester = suggester
        self._rank()

    def set_allowed(self, ids: Iterable[int] | None) -> None:
        """Only suggest these expectation ids (those the owner can link); None allows any."""
        self._allowed = set(ids) if ids is not None else None

    def set_excluded(self, ids: Iterable[int]) -> None:
        """Expectations already linked (or ticked): never suggested."""
        excluded = set(ids)
        if excluded != self._excluded:
            self._excluded = excluded
            self._rank()

    def schedule(self, text: str) -> None:
        """Rank ``text`` once the person pauses typing."""
        self._text = text
        self._pause.start()

    def update_now(self, text: str) -> None:
        """Rank ``text`` at once (a draft was loaded or saved)."""
        self._text = text
        self._rank()

    def clear(self) -> None:
        """Show nothing until the next text."""
        self._pause.stop()
        self._text = ""
        self._show([])

    def suggestions(self) -> list[Suggestion]:
        """The suggestions on the buttons now, best first."""
        return list(self._shown)

    # -- accepting ---------------------------------------------------------------------------
    def accept(self, index: int) -> None:
        """Accept the suggestion on button ``index`` (0-based); nothing when there is none."""
        if not 0 <= index < len(self._shown):
            return
        expectation_id = self._shown[index].expectation.id
        self._excluded.add(expectation_id)
        self._show([s for s in self._shown if s.expectation.id != expectation_id])
        self.accepted.emit(expectation_id)

    # -- internals ---------------------------------------------------------------------------
    def _rank(self) -> None:
        self._pause.stop()
        if self._suggester is None or not self._text.strip():
            self._show([])
            return
        skip = set(self._excluded)
        found = suggestions_for(self._suggester, self._text, skip)
        if self._allowed is not None:
            found = [s for s in found if s.expectation.id in self._allowed]
        self._show(found)

    def _show(self, found: list[Suggestion]) -> None:
        self._shown = found[:MAX_SUGGESTIONS]
        for n, button in enumerate(self.buttons):
            if n < len(self._shown):
                ex = self._shown[n].expectation
                button.setText(f"+  {ex.dimension}: {_short(ex.text)}   (Alt+{n + 1})")
                button.setToolTip(f"Link as evidence for:\n{ex.dimension}: {ex.text}")
                button.setAccessibleName(f"Link suggestion {n + 1}: {ex.dimension}: {ex.text}")
                button.show()
            else:
                button.hide()
        self.setVisible(bool(self._shown))
