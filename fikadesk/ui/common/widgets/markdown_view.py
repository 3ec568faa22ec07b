"""A markdown preview that never runs HTML, never loads resources and opens only web/mail links."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser

from fikadesk.domain.journal.entries import fold, search_pattern

SAFE_SCHEMES = ("http", "https", "mailto")
MARKDOWN_FLAGS = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
LINE_SEPARATOR = "\u2028"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HARD_BREAK = re.compile(r"( {2,}|\\)$")
# A line that starts a block of its own ends the paragraph before it: no hard break there.
_STARTS_BLOCK = re.compile(
    r"^\s*([-+*]\s|[-+*]$|\d{1,9}[.)](\s|$)|#{1,6}(\s|$)|>|`{3,}|~{3,}|\||=+\s*$|-+\s*$)")


def keep_hard_breaks(text: str) -> str:
    """Join hard-broken lines with a line separator, so Qt keeps them in one block.

    Qt's markdown reader turns a hard break (two trailing spaces or a backslash) into a new
    block, which inside a list item shows as a new bullet. Code (fenced or indented) is left
    exactly as written.
    """
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        previous = out[-1] if out else None
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        if (previous is not None and previous.strip() and line.strip()
                and not previous.startswith(("    ", "\t"))
                and not previous.lstrip().startswith(("#", "|")) and not _FENCE.match(previous)
                and _HARD_BREAK.search(previous) and not _STARTS_BLOCK.match(line)):
            head = previous[:-1] if previous.endswith("\\") else previous.rstrip(" ")
            out[-1] = head + LINE_SEPARATOR + line.lstrip()
            continue
        out.append(line)
    return "\n".join(out)


class SearchHighlighter(QSyntaxHighlighter):
    """Marks the words of the current search (as prefixes, ignoring case) in a document."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pattern: re.Pattern[str] | None = None
        self._format = QTextCharFormat()
        self._format.setBackground(QColor(255, 221, 87))
        self._format.setForeground(QColor(0, 0, 0))

    def set_words(self, words: tuple[str, ...]) -> None:
        pattern = search_pattern(words)
        if pattern != self._pattern:
            self._pattern = pattern
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(fold(text)):
            self.setFormat(match.start(), match.end() - match.start(), self._format)


class SafeMarkdownView(QTextBrowser):
    """Read-only markdown rendering of user text."""

    def __init__(self, parent=None, opener: Callable[[QUrl], object] | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._opener = opener or QDesktopServices.openUrl
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighter = SearchHighlighter(self.document())
        self.blocked_urls: list[QUrl] = []

    def set_markdown(self, text: str) -> None:
        self.document().setMarkdown(keep_hard_breaks(text), MARKDOWN_FLAGS)

    def loadResource(self, kind: int, url: QUrl | str):  # noqa: N802 - Qt override
        # Nothing named in user text is ever loaded: no local files, no remote images. An
        # empty image, not None: given nothing, QTextDocument reads a local file itself.
        return QImage()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            self._opener(url)
        else:
            self.blocked_urls.append(url)
