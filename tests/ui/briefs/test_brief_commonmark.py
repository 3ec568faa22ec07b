"""A second, CommonMark parser (md4c, inside Qt) reads hostile briefs back with every word intact."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from fikadesk.ui.common.widgets.markdown_view import MARKDOWN_FLAGS
from tests.briefs.test_hostile_text import BUILDERS, HOSTILE, PLAIN, flat

SHORT = [t for t in HOSTILE if len(t) < 100]


def _read(markdown_text: str) -> tuple[str, list[int]]:
    document = QTextDocument()
    document.setMarkdown(markdown_text, MARKDOWN_FLAGS)
    levels = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels.append(block.blockFormat().headingLevel())
        block = block.next()
    return " ".join(document.toPlainText().split()), levels


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("text", SHORT, ids=range(len(SHORT)))
def test_commonmark_reads_the_same_headings_and_all_the_text(qapp, kind: str, text: str) -> None:
    plain_text, plain_levels = _read(BUILDERS[kind](PLAIN))
    hostile_text, hostile_levels = _read(BUILDERS[kind](text))
    assert hostile_levels == plain_levels
    assert hostile_text.count(flat(text)) == plain_text.count(PLAIN) >= 5
