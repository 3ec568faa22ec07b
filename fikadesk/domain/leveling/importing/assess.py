"""How sure a reading is, and what it left out: the score that decides whether it may be saved.

A reading is scored on what a person would check (each part between 0 and 1):

- **looks**: do the level names read as levels (`names.name_class`)? weight 0.35;
- **shared**: do the levels share their dimensions? weight 0.15 (0.5 when no level names any);
- **alike**: are the levels' sizes alike (1 minus the spread of their sizes)? weight 0.10;
- **coverage**: how much of the file's content (list items, prose lines, table cells) the
  reading used, description included? weight 0.25;
- **substance**: do the expectations say something (words per expectation, five or more
  counting fully)? weight 0.15.

A reading is below the bar, and is not saved unless the person accepts it, when its names read
as levels on average less than a weak job title does, or when the weighted sum is under `BAR`.
A reading of one level is not refused for that alone, but ranks far below readings of several.
The sentence "N table rows and M lines of prose were not read" is always produced, so nothing
is dropped without a word.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from fikadesk.domain.leveling.importing.levels import table_data_rows, table_units
from fikadesk.domain.leveling.importing.markdown import Block
from fikadesk.domain.leveling.importing.names import CLASS_SCORE, name_class
from fikadesk.domain.leveling.importing.raw_level import RawLevel

#: Weighted score under which a reading is not saved without the person's consent.
BAR = 0.55
#: Mean name score (strong 1, weak 0.4, unknown 0, not a level -1) under which names fail.
NAMES_BAR = 0.2
WEIGHTS = {"looks": 0.35, "shared": 0.15, "alike": 0.10, "coverage": 0.25, "substance": 0.15}


@dataclass(frozen=True, slots=True)
class Unread:
    """What a reading left out of its files."""

    table_rows: int = 0
    prose_lines: int = 0
    items: int = 0

    def sentence(self) -> str:
        """ "3 table rows and 12 lines of prose were not read" (+ list items when any)."""
        rows = f"{self.table_rows} table row{'s' if self.table_rows != 1 else ''}"
        lines = f"{self.prose_lines} line{'s' if self.prose_lines != 1 else ''} of prose"
        verb = "was" if self.table_rows + self.prose_lines == 1 else "were"
        text = f"{rows} and {lines} {verb} not read"
        if self.items:
            text += (f"; {self.items} list item{'s' if self.items != 1 else ''} outside the "
                     f"levels {'was' if self.items == 1 else 'were'} left out")
        return text


@dataclass(frozen=True, slots=True)
class Assessment:
    """A reading's score, whether it passes the bar, why not, and what it left out."""

    confidence: float
    parts: dict[str, float]
    below_bar: bool
    concerns: tuple[str, ...]
    unread: Unread
    rank: float


def _units(block: Block) -> int:
    if block.kind == "item":
        return 1
    if block.kind == "para":
        return block.lines
    if block.kind == "table":
        return table_units(block)
    return 0


def unread_of(files: Sequence[tuple[Sequence[Block], set[int]]]) -> tuple[Unread, int, int]:
    """What the used block indexes leave out of each file's blocks; also (read, total) units."""
    rows = lines = items = read = total = 0
    for blocks, used in files:
        for index, block in enumerate(blocks):
            units = _units(block)
            total += units
            if index in used:
                read += units
            elif block.kind == "table":
                rows += table_data_rows(block)
            elif block.kind == "para":
                lines += block.lines
            elif block.kind == "item":
                items += 1
    return Unread(rows, lines, items), read, total


def _shared(levels: Sequence[RawLevel]) -> float:
    dims = [{d.casefold() for d, _t, _l in lv.expectations} - {"general"} for lv in levels]
    if not any(dims):
        return 0.5
    need = max(2, (len(levels) + 1) // 2)
    counts: dict[str, int] = {}
    for found in dims:
        for d in found:
            counts[d] = counts.get(d, 0) + 1
    common = {d for d, n in counts.items() if n >= need}
    return statistics.fmean(len(d & common) / len(d) if d else 0.5 for d in dims)


def _alike(levels: Sequence[RawLevel]) -> float:
    sizes = [len(lv.expectations) for lv in levels]
    if len(sizes) < 2:
        return 0.0
    mean = statistics.fmean(sizes)
    return max(0.0, 1.0 - statistics.pstdev(sizes) / mean) if mean else 0.0


def _substance(levels: Sequence[RawLevel]) -> float:
    texts = [t for lv in levels for _d, t, _l in lv.expectations]
    if not texts:
        return 0.0
    return min(1.0, statistics.fmean(len(t.split()) for t in texts) / 5)


def assess(levels: Sequence[RawLevel], files: Sequence[tuple[Sequence[Block], set[int]]]
           ) -> Assessment:
    """Score one reading of the given files (see the module docstring)."""
    unread, read, total = unread_of(files)
    levels = [lv for lv in levels if lv.expectations]
    looks = (statistics.fmean(CLASS_SCORE[name_class(lv.name)] for lv in levels)
             if levels else -1.0)
    parts = {
        "looks": (looks + 1) / 2,
        "shared": _shared(levels) if levels else 0.0,
        "alike": _alike(levels),
        "coverage": read / total if total else 1.0,
        "substance": _substance(levels),
    }
    confidence = sum(WEIGHTS[k] * v for k, v in parts.items())
    concerns: list[str] = []
    if looks < NAMES_BAR:
        concerns.append("its level names do not read as levels")
    if confidence < BAR and not concerns:
        if parts["coverage"] < 0.5:
            concerns.append("it read less than half of the file")
        if parts["shared"] < 0.3:
            concerns.append("its levels share few dimensions")
        if parts["alike"] < 0.3:
            concerns.append("its levels differ a lot in size")
        if not concerns:
            concerns.append("it does not look enough like a ladder")
    rank = confidence - (0.5 if len(levels) < 2 else 0.0)
    return Assessment(round(confidence, 3), parts, bool(concerns), tuple(concerns), unread, rank)
