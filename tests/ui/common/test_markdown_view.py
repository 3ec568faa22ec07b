"""The safe markdown preview keeps a hard line break inside its paragraph or list item."""

from PySide6.QtGui import QTextBlock

from fikadesk.ui.common.widgets.markdown_view import SafeMarkdownView, keep_hard_breaks


def _blocks(view: SafeMarkdownView) -> list[tuple[str, int | None]]:
    """Each block's text and, for list items, its number in the list."""
    found: list[tuple[str, int | None]] = []
    block: QTextBlock = view.document().begin()
    while block.isValid():
        listed = block.textList()
        found.append((block.text(), listed.itemNumber(block) if listed else None))
        block = block.next()
    return found


def test_hard_break_in_a_list_item_stays_in_that_item(qtbot) -> None:
    view = SafeMarkdownView()
    qtbot.addWidget(view)
    view.set_markdown("- first line  \n  continued\n- second\\\n  also second\n- third\n")
    assert _blocks(view) == [("first line\u2028continued", 0),
                             ("second\u2028also second", 1), ("third", 2)]
    assert view.document().begin().textList().count() == 3


def test_hard_break_in_a_paragraph_is_a_line_break_not_a_new_paragraph(qtbot) -> None:
    view = SafeMarkdownView()
    qtbot.addWidget(view)
    view.set_markdown("Shipped it  \nwith **no** downtime\n\nNext paragraph\n")
    assert _blocks(view) == [("Shipped it\u2028with no downtime", None),
                             ("Next paragraph", None)]


def test_what_is_not_a_hard_break_is_left_as_written() -> None:
    code = "```\nx = 1  \ny = 2\n```\n"
    assert keep_hard_breaks(code) == code
    closed = "```\nx\n```  \nafter\n"
    assert keep_hard_breaks(closed) == closed
    new_item = "- one  \n- two\n"
    assert keep_hard_breaks(new_item) == new_item
    heading = "Title  \n# Heading\n"
    assert keep_hard_breaks(heading) == heading
    blank = "end  \n\nnext\n"
    assert keep_hard_breaks(blank) == blank
    indented = "    code  \n    more\n"
    assert keep_hard_breaks(indented) == indented
    assert keep_hard_breaks("a  \n   b  \nc") == "a\u2028b\u2028c"
    assert keep_hard_breaks("tab\t\t\nx") == "tab\t\t\nx"
