"""A small, linear-time markdown reader that turns a ladder file into headings, items and prose.

It is not a full CommonMark parser. It keeps what a ladder needs and drops the rest:

- headings: ATX (``## Title``, closed ``## Title ##``, depth 1-6) and setext
  (``Title`` over ``===`` for depth 1 or ``---`` for depth 2);
- list items (``-``, ``*``, ``+``, ``1.``, ``1)``) with their continuation lines joined;
  nested items are items too; a parent item that is only a label (``- **Scope**`` or
  ``- Scope:``) names the dimension of its children instead;
- paragraphs (prose); a paragraph that is only a short label (``**Scope**``, ``Scope:``)
  names the dimension of what follows, like a heading would, except generic ones such as
  ``Expectations:`` that name no dimension and are dropped;
- tables: GFM pipe tables and HTML ``<table>`` blocks become "table" blocks holding their
  rows of cells (see `tables`); a cell with several items (``<br>``, ``<li>``) keeps
  them apart with newlines;
- noise, dropped: YAML front matter, fenced and indented code, other HTML blocks and
  comments, block quotes, thematic breaks, image lines and link reference definitions.

Inline markup (links, images, emphasis, code spans, inline HTML) is stripped, keeping the link
text. Every regular expression here scans each character a bounded number of times, so a
5 MB line or thousands of headings take linear time, and nothing recurses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.inline import (
    bold_label,
    clean_inline,
    is_generic_label,
    label_only,
    split_front_matter,
    split_label,
)
from fikadesk.domain.leveling.importing.limits import MAX_BLOCKS, MAX_EXPECTATIONS
from fikadesk.domain.leveling.importing.tables import (
    MAX_TABLE_ROWS,
    TableTooLarge,
    html_table_rows,
    is_table_delimiter,
    pipe_cells,
)

__all__ = ["Block", "MarkdownDocument", "clean_inline", "read_markdown", "split_label"]

BlockKind = Literal["heading", "item", "para", "label", "table"]
Rows = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a markdown ladder: a heading, a list item, a paragraph, a label or a table.

    A paragraph's `label` is its leading bold label (``**Scope:** text``); a table's `rows`
    are its cells, the header row first when `label` is "header"; `lines` is how many
    source lines a paragraph or table took.
    """

    kind: BlockKind
    line: int
    text: str
    depth: int = 0
    label: str | None = None
    rows: Rows = ()
    lines: int = 1


# --- blocks -------------------------------------------------------------------------------

_LIST_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*")
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|center|details|dialog|dd|div|dl|dt|fieldset|"
    "figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|"
    "section|summary|table|tbody|td|tfoot|th|thead|tr|ul|img|br|picture|source|video|audio"
)
_HTML_OPEN_RE = re.compile(
    r"^ {0,3}(?:</?(?:" + _BLOCK_TAGS + r")(?:[\s/>]|$)|<[!?]"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>\s*$)",
    re.IGNORECASE,
)
_RAW_HTML_RE = re.compile(r"^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_IMAGE_LINE_RE = re.compile(r"^ {0,3}(?:!\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])?\s*)+$")
_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:\s*\S")


def _fence_of(stripped: str) -> str | None:
    """The opening fence (e.g. ``` or ~~~~) when a line starts a fenced code block."""
    for char in "`~":
        if stripped.startswith(char * 3):
            run = len(stripped) - len(stripped.lstrip(char))
            if char == "`" and "`" in stripped[run:]:
                return None
            return char * run
    return None


def _is_thematic_break(stripped: str) -> bool:
    """``---``, ``***`` or ``___`` (spaces allowed between), three marks or more."""
    compact = stripped.replace(" ", "").replace("\t", "")
    return len(compact) >= 3 and compact[0] in "-*_" and compact == compact[0] * len(compact)


@dataclass
class _Item:
    """A list item still being read."""

    line: int
    indent: int
    content_indent: int
    parts: list[str]
    label: str | None
    blank_after: bool = False


class _Reader:
    """Line-by-line state machine; `blocks` holds the result after `read`."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.items = 0
        self.blocks: list[Block] = []
        self.para: list[str] = []
        self.para_line = 0
        self.item: _Item | None = None
        # (indent, effective label) of open parent list items, innermost last
        self.stack: list[tuple[int, str | None]] = []

    def add(self, block: Block) -> None:
        if block.kind == "item":
            self.items += 1
            if self.items > MAX_EXPECTATIONS:
                raise LadderImportError(
                    self.filename,
                    f"more than {MAX_EXPECTATIONS:,} list items; a ladder is far smaller",
                    block.line,
                )
        if len(self.blocks) >= MAX_BLOCKS:
            raise LadderImportError(
                self.filename,
                f"more than {MAX_BLOCKS:,} headings, list items and paragraphs; "
                "a ladder is far smaller",
                block.line,
            )
        self.blocks.append(block)

    # paragraphs and items ------------------------------------------------------------
    def flush_para(self) -> None:
        if not self.para:
            return
        raw = " ".join(self.para)
        count = len(self.para)
        self.para = []
        label = label_only(raw)
        if label is not None:
            if not is_generic_label(label):
                self.add(Block("label", self.para_line, label))
            return
        own, text = bold_label(raw)
        if text:
            self.add(Block("para", self.para_line, text, label=own, lines=count))

    def too_large(self, line: int) -> LadderImportError:
        return LadderImportError(
            self.filename, f"a table of more than {MAX_TABLE_ROWS:,} rows; a ladder is far "
            "smaller", line)

    def html_rows(self, text: str, line: int) -> list[tuple[str, ...]]:
        try:
            return html_table_rows(text)
        except TableTooLarge:
            raise self.too_large(line) from None

    def add_table(self, rows: list[tuple[str, ...]], line: int, count: int,
                  header: bool) -> None:
        """Add a table block when it has any non-empty cell."""
        kept = tuple(row for row in rows if any(cell for cell in row))
        if kept:
            self.add(Block("table", line, "", label="header" if header else None,
                           rows=kept, lines=count))

    def flush_item(self) -> None:
        item = self.item
        self.item = None
        if item is None:
            return
        raw = " ".join(p for p in item.parts if p)
        if not raw.strip():
            return
        self.add(Block("item", item.line, raw, label=item.label))

    def end_list(self) -> None:
        self.flush_item()
        self.stack.clear()

    def end_all(self) -> None:
        self.flush_para()
        self.end_list()

    def start_item(self, number: int, indent: int, content_indent: int, content: str) -> None:
        self.flush_para()
        prev = self.item
        if prev is not None and indent > prev.indent:
            own = label_only(" ".join(prev.parts))
            inherited = prev.label if own is None or is_generic_label(own) else own
            self.stack.append((prev.indent, inherited))
            if own is not None:
                self.item = None
        self.flush_item()
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        inherited = self.stack[-1][1] if self.stack else None
        self.item = _Item(number, indent, content_indent, [content], inherited)

    # the main loop --------------------------------------------------------------------
    def read(self, lines: list[str], first_line: int) -> None:
        fence: str | None = None
        html_until: str | None = None  # "blank", "-->" or a closing tag
        table: list[tuple[str, ...]] | None = None  # rows of the pipe table being read
        table_start = table_lines = 0
        table_header = False
        html_table: list[str] | None = None  # raw lines of the HTML table being read
        html_start = 0
        for offset, raw_line in enumerate(lines):
            number = first_line + offset
            line = raw_line.expandtabs(4) if "\t" in raw_line else raw_line
            stripped = line.strip()
            if fence is not None:
                if stripped.startswith(fence[0] * len(fence)) and not stripped.lstrip(fence[0]):
                    fence = None
                continue
            if html_table is not None:
                html_table.append(line)
                if "</table" in stripped.lower():
                    self.add_table(self.html_rows("\n".join(html_table), html_start),
                                   html_start, len(html_table), False)
                    html_table = None
                continue
            if html_until is not None:
                lowered = stripped.lower()
                if "<table" in lowered:
                    html_until, html_table, html_start = None, [line], number
                    if "</table" in lowered:
                        self.add_table(self.html_rows(line, number), number, 1, False)
                        html_table = None
                    continue
                if html_until == "blank":
                    if not stripped:
                        html_until = None
                elif html_until in lowered:
                    html_until = None
                continue
            if table is not None:
                if stripped and "|" in stripped:
                    table_lines += 1
                    if table_lines > MAX_TABLE_ROWS + 1:
                        raise self.too_large(table_start)
                    if not (table_lines == 2 and is_table_delimiter(stripped)):
                        table.append(pipe_cells(stripped))
                    else:
                        table_header = True
                    continue
                self.add_table(table, table_start, table_lines, table_header)
                table = None
            if not stripped:
                self.flush_para()
                if self.item is not None:
                    self.item.blank_after = True
                continue
            indent = len(line) - len(line.lstrip(" "))
            if indent >= 4 and self.item is None and not self.para:
                self.end_list()
                continue  # indented code block
            opened = _fence_of(stripped)
            if opened is not None:
                self.end_all()
                fence = opened
                continue
            if stripped.startswith("<!--"):
                self.end_all()
                if "-->" not in stripped[4:]:
                    html_until = "-->"
                continue
            raw_html = _RAW_HTML_RE.match(line)
            if raw_html or _HTML_OPEN_RE.match(line):
                self.end_all()
                lowered = stripped.lower()
                if "<table" in lowered and not raw_html:
                    if "</table" in lowered:
                        self.add_table(self.html_rows(line, number), number, 1, False)
                    else:
                        html_table, html_start = [line], number
                    continue
                closing = f"</{raw_html.group(1).lower()}>" if raw_html else None
                if closing is None:
                    html_until = "blank"
                elif closing not in lowered:
                    html_until = closing
                continue
            atx = _ATX_RE.match(line)
            if atx:
                self.end_all()
                self._heading(len(atx.group(1)), line[atx.end() :], number)
                continue
            if self.para and self.item is None and indent <= 3 and _SETEXT_RE.match(line):
                depth = 1 if stripped[0] == "=" else 2
                text, start = " ".join(self.para), self.para_line
                self.para = []
                self.end_list()
                self._heading(depth, text, start)
                continue
            if indent <= 3 and _is_thematic_break(stripped):
                self.end_all()
                continue
            if stripped.startswith("|") or (
                "|" in stripped
                and offset + 1 < len(lines)
                and is_table_delimiter(lines[offset + 1])
            ):
                self.end_all()
                table, table_start, table_lines = [pipe_cells(stripped)], number, 1
                table_header = False
                continue
            if stripped.startswith(">"):
                self.end_all()
                continue
            if _IMAGE_LINE_RE.match(line) or (not self.para and _REF_DEF_RE.match(line)):
                continue
            listed = _LIST_RE.match(line)
            if listed:
                content = line[listed.end() :]
                content_indent = listed.end() if content.strip() else listed.end(2) + 1
                self.start_item(number, len(listed.group(1)), content_indent, content.strip())
                continue
            item = self.item
            if item is not None:
                # a bold label line just under an item starts a new dimension, not more text
                lazy_label = (
                    indent < item.content_indent
                    and stripped.startswith(("**", "__"))
                    and label_only(stripped) is not None
                )
                if not lazy_label and (not item.blank_after or indent >= item.content_indent):
                    item.parts.append(stripped)
                    item.blank_after = False
                    continue
                self.end_list()
            if not self.para:
                self.para_line = number
            self.para.append(stripped)
        if table is not None:
            self.add_table(table, table_start, table_lines, table_header)
        if html_table is not None:
            self.add_table(self.html_rows("\n".join(html_table), html_start), html_start,
                           len(html_table), False)
        self.end_all()

    def _heading(self, depth: int, rest: str, number: int) -> None:
        text = rest.strip()
        if text.endswith("#"):
            trimmed = text.rstrip("#")
            if not trimmed or trimmed[-1] in " \t":
                text = trimmed.strip()
        text = clean_inline(text)
        if text:
            self.add(Block("heading", number, text, depth=depth))


@dataclass(frozen=True, slots=True)
class MarkdownDocument:
    """A markdown ladder file read into blocks, with its front matter."""

    front_matter: dict[str, Any]
    blocks: tuple[Block, ...]


def read_markdown(text: str, filename: str) -> MarkdownDocument:
    """Read markdown text into front matter and a flat list of blocks, in linear time.

    Raises LadderImportError when the file holds far more blocks than any ladder would.
    """
    lines = text.splitlines()
    front_matter, skip = split_front_matter(lines)
    reader = _Reader(filename)
    reader.read(lines[skip:], skip + 1)
    return MarkdownDocument(front_matter, tuple(reader.blocks))


def front_matter_text(doc: MarkdownDocument, *keys: str) -> str | None:
    """A front matter value as text (a number counts), for the first of ``keys`` that is set."""
    for key in keys:
        value = doc.front_matter.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
    return None
