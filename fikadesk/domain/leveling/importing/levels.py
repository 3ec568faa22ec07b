"""What one level holds: its expectations, description and the parts of the file it read.

A level's body is the blocks under its heading (or a whole file, for one page per level):

- list items are expectations; the nearest dimension heading, bold label or parent label
  names their dimension ("General" when nothing does). Placeholder items ("TBD") are not
  expectations, and a list introduced by a line that calls it a scale ("Grading scale for each
  section uses the following:") describes grading, not the level;
- a level that lists nothing but is written as ``**Label:** prose`` paragraphs has those
  paragraphs as its expectations, the label naming the dimension;
- in a level that lists expectations, a dimension section holding only prose gives one
  expectation per paragraph; a paragraph ending with a colon introduces what follows and is
  never one;
- paragraphs before the first dimension describe the level; other prose is not read;
- a two-column table (dimension | expectation) gives one expectation per row;
- a body that is only a table, only links or only prose is not a level (`empty_reason`).

`LevelBody` also records which blocks it read, so that a reading can say what it left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from fikadesk.domain.leveling.importing.inline import clean_inline, split_label
from fikadesk.domain.leveling.importing.markdown import Block
from fikadesk.domain.leveling.importing.names import is_level_like, words
from fikadesk.domain.leveling.importing.raw_level import DEFAULT_DIMENSION, RawLevel
from fikadesk.domain.leveling.importing.tables import c_line, cell_items

_LINK_ITEM_RE = re.compile(r"\[[^\[\]\n]*\]\([^()\n]*\)")
PLACEHOLDERS = frozenset({"tbd", "todo", "tba", "n/a", "na", "-", "...", "…", "wip", "coming soon"})


def is_placeholder(text: str) -> bool:
    """An item that only holds a place ("TBD", "TODO", "...")."""
    if len(text) > 40:
        return False
    cleaned = clean_inline(text)
    return not cleaned or cleaned.strip(" .").casefold() in PLACEHOLDERS


def is_link_item(text: str) -> bool:
    """An item that is nothing but a link ("[Introduction](README.md)")."""
    if len(text) > 2000 or not text.lstrip("*_ ").startswith("["):
        return False
    stripped = text.strip().strip("*_ ")
    match = _LINK_ITEM_RE.fullmatch(stripped)
    return match is not None


_LEVEL_HEADERS = frozenset("level levels rung grade band tier title role position".split())


def two_column_table(block: Block) -> bool:
    """A (dimension | expectation) table: a header of two cells that name no levels, then rows
    of at most two filled cells."""
    header = block.rows[0] if block.rows else ()
    rows = block.rows[1:]
    if len(header) != 2 or not all(c.strip() for c in header) or not rows:
        return False
    if any(len([c for c in row if c.strip()]) > 2 for row in rows):
        return False
    first = set(words(header[0]))
    return not (first & _LEVEL_HEADERS) and not any(is_level_like(c_line(c)) for c in header)


def table_units(block: Block) -> int:
    """How much a table holds, for coverage: filled cells after the first, at least one a row."""
    rows = block.rows[1:] if block.label == "header" else block.rows
    return sum(max(1, len([c for c in row[1:] if c.strip()])) for row in rows)


def table_data_rows(block: Block) -> int:
    """Data rows of a table (its header left out)."""
    return len(block.rows) - (1 if block.label == "header" else 0)


@dataclass
class LevelBody:
    """A level read from its blocks, with the indexes of the blocks it read."""

    level: RawLevel
    used: set[int] = field(default_factory=set)
    empty_reason: str = ""


def _is_scale_intro(text: str) -> bool:
    return text.rstrip().endswith(":") and bool(
        set(words(text)) & {"scale", "scales", "rating", "ratings", "grading"})


def read_level(blocks: Sequence[Block], start: int, end: int, level: RawLevel, *,
               allow_prose: bool = False, title_index: int | None = None) -> LevelBody:
    """Read blocks[start:end] as the body of `level` (see the module docstring).

    `allow_prose` makes every paragraph after the description an expectation (levels inside
    a competency, where prose is how authors write). `title_index` is a block to skip (the
    heading that named the level, for one page per level).
    """
    body = LevelBody(level)
    indexes = [i for i in range(start, end) if i != title_index]
    section = 0
    section_of: dict[int, int] = {}
    section_lists: set[int] = set()
    items = links = tables = paras = 0
    placeholders: set[int] = set()
    for i in indexes:
        block = blocks[i]
        if block.kind in ("heading", "label"):
            section += 1
        section_of[i] = section
        if block.kind == "item" and is_placeholder(block.text):
            placeholders.add(i)
        elif block.kind == "item":
            items += 1
            links += is_link_item(block.text)
            section_lists.add(section)
        elif block.kind == "table":
            tables += 1
            if two_column_table(block):
                section_lists.add(section)
        elif block.kind == "para":
            paras += 1
    labelled_only = items == 0 and any(
        blocks[i].kind == "para" and blocks[i].label for i in indexes)
    listing = items > 0 or bool(section_lists)
    dimension: str | None = None
    description: list[str] = []
    in_scale = False
    for i in indexes:
        block = blocks[i]
        if block.kind in ("heading", "label"):
            dimension = block.text
            in_scale = False
            body.used.add(i)
        elif block.kind == "item":
            body.used.add(i)
            if in_scale or i in placeholders:
                continue
            own, text = split_label(block.text)
            if text:
                level.expectations.append(
                    (own or block.label or dimension or DEFAULT_DIMENSION, text, block.line))
        elif block.kind == "para":
            in_scale = False
            shown = f"{block.label}: {block.text}" if block.label else block.text
            if block.text.rstrip().endswith(":"):
                body.used.add(i)
                in_scale = _is_scale_intro(block.text)
            elif labelled_only and block.label:
                level.expectations.append((block.label, block.text, block.line))
                body.used.add(i)
            elif dimension is None and not allow_prose:
                description.append(shown)
                body.used.add(i)
            elif allow_prose or (listing and dimension is not None
                                 and section_of[i] not in section_lists):
                level.expectations.append((dimension or DEFAULT_DIMENSION, shown, block.line))
                body.used.add(i)
        elif block.kind == "table" and two_column_table(block):
            body.used.add(i)
            rows = block.rows[1:] if block.label == "header" else block.rows
            for row in rows:
                filled = [c for c in row if c.strip()]
                if len(filled) == 2:
                    dim, cell = c_line(filled[0]), filled[1]
                elif len(filled) == 1:
                    dim, cell = dimension or DEFAULT_DIMENSION, filled[0]
                else:
                    continue
                for item in cell_items(cell, split_commas=False):
                    level.expectations.append((dim, item, block.line))
    level.description = "\n\n".join(description)
    if not level.expectations:
        if items and links == items:
            body.empty_reason = "only links"
        elif tables and not items:
            body.empty_reason = "only a table"
        elif paras and not items:
            body.empty_reason = "no list items, only prose"
        else:
            body.empty_reason = "nothing listed"
    return body
