"""Turns the blocks of a markdown ladder into levels: which headings are levels, which dimensions.

Single file, one heading per level:

- The level depth is the shallowest heading depth with at least two headings that have list
  items below them (so a lone document-title ``# Heading`` is skipped). With no such depth,
  the shallowest depth with list items is used, skipping a lone first H1 when deeper headings
  hold items. `level_depth` overrides the guess.
- Headings deeper than the level depth name dimensions; nested ones use the *nearest* heading
  (``### Craft`` > ``#### Testing`` gives "Testing"), since dimensions should be short names
  that line up across levels. A label-only paragraph (``**Scope**``) or parent list item
  (``- Scope:`` with nested items) also names a dimension; a leading label on an item
  (``- **Owns:** text``, ``- Owns: text``) names that item's dimension. The nearest wins.
- Items with no dimension get "General". Paragraphs under a level heading, before any
  dimension heading or label, become the level's description; prose under a dimension is
  dropped. Headings with no items below them are not levels (a warning says so).
- The ladder name is the front matter ``title`` (or ``name``), else the first heading above
  the level depth that comes before the first level.

This is the reading used when the person forces a heading depth; without one, the importer
weighs every reading (`readings`), and pages of one level each are read by
`folder`.
"""

from __future__ import annotations

from collections.abc import Sequence

from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.markdown import (
    Block,
    MarkdownDocument,
    front_matter_text,
    split_label,
)
from fikadesk.domain.leveling.importing.raw_level import DEFAULT_DIMENSION, RawLevel


def heading_depths(blocks: Sequence[Block]) -> tuple[int, ...]:
    """Heading depths present, shallowest first."""
    return tuple(sorted({b.depth for b in blocks if b.kind == "heading"}))


def _depths_with_items(blocks: Sequence[Block]) -> tuple[dict[int, int], dict[int, int]]:
    """Per depth: how many headings there are, and how many have list items below them."""
    open_at: list[int | None] = [None] * 7
    with_items: set[int] = set()
    totals: dict[int, int] = {}
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            totals[block.depth] = totals.get(block.depth, 0) + 1
            for depth in range(block.depth, 7):
                open_at[depth] = None
            open_at[block.depth] = index
        elif block.kind == "item":
            with_items.update(i for i in open_at if i is not None)
    counts: dict[int, int] = {}
    for index in with_items:
        depth = blocks[index].depth
        counts[depth] = counts.get(depth, 0) + 1
    return totals, counts


def guess_level_depth(blocks: Sequence[Block]) -> int | None:
    """The heading depth that holds the levels, or None when no heading has items below it."""
    totals, counts = _depths_with_items(blocks)
    several = [d for d, n in counts.items() if n >= 2]
    if several:
        return min(several)
    single = sorted(counts)
    if len(single) > 1 and single[0] == 1 and totals.get(1) == 1:
        first = next(b for b in blocks if b.kind == "heading")
        if first.depth == 1:
            return single[1]
    return single[0] if single else None


class _LevelBuilder:
    """Collects the items, dimensions and description of the level being read."""

    def __init__(self, level: RawLevel) -> None:
        self.level = level
        self.dimension: str | None = None
        self.description: list[str] = []

    def take(self, block: Block) -> None:
        if block.kind == "heading" or block.kind == "label":
            self.dimension = block.text
        elif block.kind == "para":
            if self.dimension is None:
                self.description.append(block.text)
        else:
            own, text = split_label(block.text)
            if text:
                dimension = own or block.label or self.dimension or DEFAULT_DIMENSION
                self.level.expectations.append((dimension, text, block.line))

    def finish(self) -> RawLevel:
        self.level.description = "\n\n".join(self.description)
        return self.level


def levels_from_document(
    doc: MarkdownDocument, filename: str, level_depth: int | None
) -> tuple[str | None, list[RawLevel], int, list[str]]:
    """Ladder name, levels, the level depth used and warnings, for a one-file ladder."""
    blocks = doc.blocks
    depths = heading_depths(blocks)
    if level_depth is None:
        guessed = guess_level_depth(blocks)
        if guessed is None:
            reason = (
                "no levels found: there are list items but no headings to name the levels"
                if any(b.kind == "item" for b in blocks)
                else "no levels found: a level is a heading with list items below it"
            )
            raise LadderImportError(filename, reason)
        level_depth = guessed
    elif level_depth not in depths:
        shown = ", ".join(str(d) for d in depths) or "none"
        raise LadderImportError(
            filename, f"there are no headings of depth {level_depth} (depths found: {shown})")
    title = front_matter_text(doc, "title", "name")
    builders: list[_LevelBuilder] = []
    current: _LevelBuilder | None = None
    skipped_items = 0
    for block in blocks:
        if block.kind == "heading" and block.depth <= level_depth:
            current = None
            if block.depth < level_depth:
                if title is None and not builders:
                    title = block.text
                continue
            current = _LevelBuilder(RawLevel(block.text, filename, block.line))
            builders.append(current)
        elif current is not None:
            current.take(block)
        elif block.kind == "item":
            skipped_items += 1
    warnings: list[str] = []
    if skipped_items:
        warnings.append(
            f"{filename}: {skipped_items} list item{'s' if skipped_items != 1 else ''} outside any level "
            f"{'were' if skipped_items != 1 else 'was'} skipped")
    levels: list[RawLevel] = []
    for builder in builders:
        if builder.level.expectations:
            levels.append(builder.finish())
        else:
            warnings.append(
                f"{filename}, line {builder.level.line}: heading {builder.level.name!r} has "
                "no list items below it, so it was not taken as a level"
            )
    return title, levels, level_depth, warnings
