"""The possible readings of one markdown ladder file, as a person would consider them.

A person looks for headings that repeat with the same inner structure, carry level-like names
and sit under one title; or for a table whose columns (or rows) are levels; or for
competencies that each describe every level. Each of those is a `Reading`:

- **headings**: the headings of one depth under one parent (the title), each a level.
  Headings whose names announce something else (overview, process, advice, a question) are
  left out when at least two level-like names remain; a heading whose body is only a table,
  only links or only prose is not a level. Headings under a heading that announces a scale
  ("Proficiency Levels", "Rating scale") describe the scale, not levels.
- **tracks**: levels under track headings ("Individual Contributor Track", "Management
  Track"): consecutive tracks of the same kind form one ladder, each kind is its own reading,
  and the person picks one.
- **table**: see `tables`; a table that lists the levels the headings name (an
  overview table) is not a reading of its own.
- **competencies**: level-named sub-headings repeated inside several competency headings
  ("### Junior level" under each "## Communication"), regrouped by level, the competency
  becoming the dimension, prose read one expectation per paragraph.

`assess` (in assess.py) scores them; this module only finds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fikadesk.domain.leveling.importing.levels import read_level
from fikadesk.domain.leveling.importing.markdown import Block, MarkdownDocument, front_matter_text
from fikadesk.domain.leveling.importing.names import (
    is_level_like,
    is_track_heading,
    level_number,
    name_class,
    seniority_key,
    track_kind,
    words,
)
from fikadesk.domain.leveling.importing.raw_level import RawLevel
from fikadesk.domain.leveling.importing.tables import TableSource, read_matrices


@dataclass
class Reading:
    """One way to read a file as a ladder, before it is scored."""

    kind: str  # "headings", "tracks", "table", "competencies" or "files"
    title: str | None
    levels: list[RawLevel]
    rule: str
    skipped: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    depth: int | None = None
    track: str | None = None
    order_rule: str = "in the order written"
    is_track: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[tuple[str, int], ...]:
        """Level names and sizes: two readings with the same key are the same reading."""
        return tuple((lv.name.casefold(), len(lv.expectations)) for lv in self.levels)


def front_title(doc: MarkdownDocument) -> str | None:
    """The title the front matter gives (title or name), if any."""
    return front_matter_text(doc, "title", "name")


class Outline:
    """Headings of a document with their spans and parents, computed once."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks
        self.headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
        self.end: dict[int, int] = {}
        self.parent: dict[int, int | None] = {}
        stack: list[int] = []
        for i in self.headings:
            depth = blocks[i].depth
            while stack and blocks[stack[-1]].depth >= depth:
                self.end[stack.pop()] = i
            self.parent[i] = stack[-1] if stack else None
            stack.append(i)
        for i in stack:
            self.end[i] = len(blocks)
        #: prefix counts of blocks that can hold expectations (items, tables, labelled prose)
        self.content = [0]
        for block in blocks:
            holds = block.kind in ("item", "table") or (block.kind == "para" and block.label)
            self.content.append(self.content[-1] + (1 if holds else 0))

    def holds_content(self, start: int, end: int) -> bool:
        """Whether blocks[start:end] has any item, table or labelled paragraph."""
        return self.content[end] - self.content[start] > 0

    def depths(self) -> list[int]:
        return sorted({self.blocks[i].depth for i in self.headings})


def hashes(depth: int) -> str:
    return "#" * depth


def is_scale_heading(name: str) -> bool:
    """A heading that announces a scale ("Proficiency Levels", "Rating scale")."""
    return bool(set(words(name)) & {"scale", "proficiency", "rating", "ratings", "grading"})


def scale_names(blocks: Sequence[Block]) -> dict[int, str]:
    """Number -> name from scale sections ("### 2 - Advanced Beginner" under "Proficiency")."""
    outline = Outline(blocks)
    found: dict[int, str] = {}
    for i in outline.headings:
        parent = outline.parent[i]
        if parent is None or not is_scale_heading(blocks[parent].text):
            continue
        text = blocks[i].text
        number = level_number(text)
        rest = text.lstrip("0123456789 .-–—:)")
        if number is not None and rest and rest != text:
            found[number] = rest.strip()
    return found


def _levels_of(outline: Outline, heads: Sequence[int], filename: str,
               skipped: list[str], used: set[int]) -> list[RawLevel]:
    """Read each heading as a level; keep those with expectations and level names."""
    blocks = outline.blocks
    bodies = []
    for h in heads:
        head = blocks[h]
        if not outline.holds_content(h + 1, outline.end[h]):
            skipped.append(f"'{head.text}': no list items")
            continue
        body = read_level(blocks, h + 1, outline.end[h], RawLevel(head.text, filename, head.line))
        if body.level.expectations:
            bodies.append((h, body))
        else:
            skipped.append(f"'{head.text}': {body.empty_reason}")
    likes = sum(1 for _h, b in bodies if is_level_like(b.level.name))
    kept = []
    for h, body in bodies:
        if is_track_heading(body.level.name) and any(
                blocks[k].kind == "heading" and blocks[k].depth > blocks[h].depth
                for k in range(h + 1, min(outline.end[h], h + 3))):
            skipped.append(f"'{body.level.name}': a track, not a level")
            continue
        if likes >= 2 and name_class(body.level.name) == "not-level":
            skipped.append(f"'{body.level.name}': not a level name")
            continue
        kept.append(body.level)
        used.add(h)
        used.update(body.used)
    return kept


def _title_for(doc: MarkdownDocument, outline: Outline, first_level: int,
               depth: int) -> str | None:
    titled = front_title(doc)
    if titled:
        return titled
    for i in outline.headings:
        if i >= first_level:
            break
        if outline.blocks[i].depth < depth:
            return outline.blocks[i].text
    return None


def heading_readings(doc: MarkdownDocument, filename: str) -> list[Reading]:
    """Readings where levels are headings of one depth (by parent, by track, or all)."""
    blocks = doc.blocks
    outline = Outline(blocks)
    readings: list[Reading] = []
    for depth in outline.depths():
        runs: dict[int | None, list[int]] = {}
        for i in outline.headings:
            if blocks[i].depth == depth:
                runs.setdefault(outline.parent[i], []).append(i)
        runs = {p: heads for p, heads in runs.items()
                if any(outline.holds_content(h + 1, outline.end[h]) for h in heads)}
        parents = [p for p in runs if p is not None and not is_scale_heading(blocks[p].text)]
        tracked = [p for p in parents if is_track_heading(blocks[p].text)]
        if not (len(tracked) >= 2 or (tracked and len(runs) > 1)):
            tracked = []
        if tracked:
            readings.extend(_track_readings(doc, outline, runs, tracked, depth, filename))
        for parent, heads in runs.items():
            if parent is not None and (parent in tracked or is_scale_heading(blocks[parent].text)):
                continue
            skipped: list[str] = []
            used: set[int] = set()
            levels = _levels_of(outline, heads, filename, skipped, used)
            if not levels:
                continue
            under = f" under '{blocks[parent].text}'" if parent is not None else ""
            readings.append(Reading(
                "headings", _title_for(doc, outline, heads[0], depth), levels,
                f"levels are the {hashes(depth)} headings{under}", skipped, used, depth))
        if len(runs) > 1 and not tracked:
            heads = [i for i in outline.headings
                     if blocks[i].depth == depth and not _under_scale(outline, i)]
            skipped, used = [], set()
            levels = _levels_of(outline, heads, filename, skipped, used)
            if levels:
                readings.append(Reading(
                    "headings", _title_for(doc, outline, heads[0], depth), levels,
                    f"levels are all the {hashes(depth)} headings", skipped, used, depth))
    return readings


def _track_readings(doc: MarkdownDocument, outline: Outline, runs: dict[int | None, list[int]],
                    tracked: list[int], depth: int, filename: str) -> list[Reading]:
    """One reading per kind of track; consecutive tracks of one kind form one ladder."""
    blocks = outline.blocks
    groups: list[list[int]] = []
    for parent in tracked:
        if groups and track_kind(blocks[groups[-1][-1]].text) == track_kind(blocks[parent].text):
            groups[-1].append(parent)
        else:
            groups.append([parent])
    readings = []
    for group in groups:
        heads = [h for parent in group for h in runs[parent]]
        skipped: list[str] = []
        used: set[int] = set()
        levels = _levels_of(outline, heads, filename, skipped, used)
        if not levels:
            continue
        names = " and ".join(f"'{blocks[p].text}'" for p in group)
        title = _title_for(doc, outline, heads[0], depth)
        track = blocks[group[0]].text
        readings.append(Reading(
            "tracks", title, levels,
            f"levels are the {hashes(depth)} headings of the track {names}",
            skipped, used, depth, track=track, is_track=True))
    return readings


def first_title(blocks: Sequence[Block]) -> str | None:
    first = next((b for b in blocks if b.kind == "heading"), None)
    return first.text if first is not None and first.depth == 1 else None


def order_by_names(levels: list[RawLevel]) -> tuple[list[RawLevel], str]:
    """Levels ordered by their numbers and seniority words when those give a strict order."""
    keys = [seniority_key(level.name) for level in levels]
    if len(set(keys)) == len(keys) and any(k != (4, -1) for k in keys):
        ordered = [lv for _k, lv in sorted(zip(keys, levels, strict=True), key=lambda p: p[0])]
        return ordered, "by the numbers and seniority words in the names"
    return levels, "in the order written"


def table_readings(doc: MarkdownDocument, filename: str,
                   heading_names: Sequence[str]) -> list[Reading]:
    """Readings of the document's tables (overview tables of the heading levels left out)."""
    blocks = doc.blocks
    sources: list[TableSource] = []
    where: list[int] = []
    heading: str | None = None
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            heading = block.text
        elif block.kind == "table":
            sources.append(TableSource(block.rows, block.line, heading, block.label == "header"))
            where.append(i)
    if not sources:
        return []
    named = [set(words(name)) for name in heading_names if is_level_like(name)]
    readings = []
    matrices = read_matrices(sources, filename, scale=scale_names(blocks))
    columns = [m for m in matrices if m.orientation == "columns"]
    for matrix in matrices:
        if matrix.orientation == "rows" and _is_overview(matrix.levels, named):
            continue
        levels = [lv for lv in matrix.levels if lv.expectations]
        if not levels:
            continue
        used = {where[t] for t in matrix.used_tables}
        count = len(matrix.used_tables)
        tables = f"{count} table{'s' if count != 1 else ''}"
        if matrix.orientation == "columns":
            rule = (f"levels are the columns {levels[0].name} … {levels[-1].name} of {tables}, "
                    "competencies as rows")
        else:
            rule = f"levels are the rows of {tables} (line {matrix.levels[0].line}), dimensions as columns"
        readings.append(Reading("table", front_title(doc) or first_title(blocks), levels, rule,
                                [], used, None, is_track=len(columns) > 1 and matrix in columns))
    return readings


def _under_scale(outline: Outline, index: int) -> bool:
    parent = outline.parent[index]
    return parent is not None and is_scale_heading(outline.blocks[parent].text)


def _is_overview(levels: Sequence[RawLevel], named: Sequence[set[str]]) -> bool:
    """A levels-as-rows table whose rows name the levels the headings already name."""
    if not named:
        return False
    hits = 0
    for level in levels:
        cells = [level.name] + [text for _d, text, _l in level.expectations]
        if any(_names_heading(cell, named) for cell in cells):
            hits += 1
    return hits * 3 >= len(levels) * 2


def _names_heading(cell: str, named: Sequence[set[str]]) -> bool:
    tokens = set(words(cell))
    if not tokens or tokens <= {"yes", "no"}:
        return False
    return any(tokens <= heading for heading in named)
