"""Tables as ladders: pipe and HTML tables in markdown, and matrices in CSV, in both orientations.

A ladder matrix has its levels on one axis and its dimensions on the other:

- levels as columns (a header row whose cells read as levels: "Junior | Mid | Senior",
  "IC1 .. IC5", "Level 0 .. Level 3"; inside a table a row with an empty first cell and
  level names after it repeats the header): each row is a competency; the columns before the first
  level column label the row (the first names the dimension, carried down when blank; the last
  holds the row's detail), columns after the last level column (comments) are not read;
- levels as rows (the first column's cells read as levels): each other column is a dimension.

A cell gives expectations as follows: several items (line breaks, ``<br>``, ``<li>``, ``;``)
give one each, and so do commas when the document writes its cells as lists of short
capitalised items (at most eight words each); an empty cell, "None", "N/A" or a dash gives
none; a check mark gives the row's detail;
in a table whose level cells are all small whole numbers, a number N gives "Row: level N" (with
the scale's name for N when the document defines one) and 0 gives none.

Tables whose level columns name the same levels are read as one ladder; tables with other
levels (another track) are another reading. Everything here scans its input once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fikadesk.domain.leveling.importing.inline import clean_inline
from fikadesk.domain.leveling.importing.limits import MAX_LEVELS
from fikadesk.domain.leveling.importing.names import is_level_like
from fikadesk.domain.leveling.importing.raw_level import DEFAULT_DIMENSION, RawLevel
from fikadesk.errors import InputError

_DELIMITER_CELL_RE = re.compile(r"\s*:?-+:?\s*")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:[\s/][^<>]*)?>")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d)?")
_ITEM_BREAKS = re.compile(r"[\n;]")

#: Cells read in one table row; a ladder never has this many levels side by side.
MAX_COLUMNS = 100
#: Rows in one table; a ladder table is far smaller.
MAX_TABLE_ROWS = 2000

_EMPTY = frozenset({"", "-", "–", "—", "n/a", "na", "none", "tbd", "todo", "?", "."})
_MARKS = frozenset({"✅", "✓", "✔", "✔️", "☑", "☑️", "x", "●", "•", "yes", "y", "★", "⭐"})


class TableTooLarge(InputError):
    """A table has more than MAX_TABLE_ROWS rows (the reader turns it into a clear error)."""


def is_table_delimiter(line: str) -> bool:
    """A GFM table delimiter row such as ``|---|:--:|`` (it must contain a pipe)."""
    stripped = line.strip()
    if "|" not in stripped or "-" not in stripped:
        return False
    cells = stripped.strip("|").split("|")
    return all(_DELIMITER_CELL_RE.fullmatch(cell) is not None for cell in cells)


def pipe_cells(line: str) -> tuple[str, ...]:
    """The cells of one pipe-table row, markup stripped, ``<br>`` kept as line breaks."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in body:
        if len(cells) >= MAX_COLUMNS:
            break  # the rest of an endless row is noise
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
            current.append(char)
        elif char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    if len(cells) < MAX_COLUMNS:
        cells.append("".join(current))
    return tuple(_clean_cell(_BR_RE.sub("\n", cell)) for cell in cells)


def _clean_cell(raw: str) -> str:
    """Each line of a cell cleaned of markup; empty lines dropped; lines joined by newlines."""
    parts = (clean_inline(part) for part in raw.replace("\\|", "|").split("\n"))
    return "\n".join(part for part in parts if part)


_CELL_BREAK_TAGS = frozenset({"br", "li", "p", "div", "ul", "ol"})


def html_table_rows(text: str) -> list[tuple[str, ...]]:
    """Rows of cells of the HTML table(s) in text; ``<li>``, ``<br>`` and ``<p>`` split items."""
    rows: list[tuple[str, ...]] = []
    row: list[str] | None = None
    cell: list[str] | None = None
    position = 0

    def close_cell() -> None:
        nonlocal cell
        if cell is not None and row is not None and len(row) < MAX_COLUMNS:
            row.append(_clean_cell(html.unescape("".join(cell))))
        cell = None

    def close_row() -> None:
        nonlocal row
        close_cell()
        if row is not None:
            rows.append(tuple(row))
            if len(rows) > MAX_TABLE_ROWS:
                raise TableTooLarge
        row = None

    for match in _TAG_RE.finditer(text):
        if cell is not None:
            cell.append(text[position:match.start()])
        position = match.end()
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name == "tr":
            close_row()
            if not closing:
                row = []
        elif name in ("td", "th"):
            close_cell()
            if not closing:
                if row is None:
                    row = []
                cell = []
        elif name == "table" and closing:
            close_row()
        elif cell is not None and name in _CELL_BREAK_TAGS:
            cell.append("\n")
    close_row()
    return rows


# --- reading a matrix --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableSource:
    """A table found in a document: its rows, whether row 0 is a header, where it sits."""

    rows: tuple[tuple[str, ...], ...]
    line: int
    heading: str | None = None
    header: bool = True


@dataclass
class MatrixReading:
    """Levels read from one or more tables sharing the same level names."""

    levels: list[RawLevel]
    orientation: str  # "columns" or "rows"
    tables: int = 0
    rows_read: int = 0
    used_tables: set[int] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, ...]:
        """The level names, case-folded: the identity of this group of tables."""
        return tuple(level.name.casefold() for level in self.levels)


def _level_columns(cells: Sequence[str]) -> list[int]:
    """Indexes of the header cells (after the first) that read as levels, when most do."""
    candidates = [i for i, c in enumerate(cells) if i > 0 and c.strip()]
    levels = [i for i in candidates if is_level_like(c_line(cells[i]))]
    if len(levels) >= 2 and len(levels) * 2 >= len(candidates):
        return levels
    return []


def _repeated_header(row: Sequence[str]) -> bool:
    """A row inside a table that repeats the header: an empty first cell, levels after it."""
    return bool(row) and not row[0].strip() and bool(_level_columns(row))


def c_line(cell: str) -> str:
    """A cell on one line (its items joined by spaces)."""
    return " ".join(cell.split())


def _is_number(cell: str) -> bool:
    return _NUMBER_RE.fullmatch(cell.strip()) is not None


def _is_mark(cell: str) -> bool:
    return cell.strip().casefold() in _MARKS


def _is_empty(cell: str) -> bool:
    return cell.strip().casefold() in _EMPTY


def _outside_parentheses_split(text: str) -> list[str]:
    """Split on commas that are not inside parentheses."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _is_list_cell(cell: str) -> bool | None:
    """True when a cell is a comma list of short capitalised items, False for prose, None when
    it holds no comma outside parentheses."""
    pieces = _outside_parentheses_split(cell)
    if len(pieces) < 2:
        return None
    if ". " in cell or cell.rstrip().endswith("."):
        return False
    return all(len(p.split()) <= 8 and p[:1].isupper() for p in pieces)


def comma_lists(cells: Iterable[str]) -> bool:
    """Whether a document writes its cells as comma lists: most comma cells are lists."""
    votes = [v for v in (_is_list_cell(c_line(cell)) for cell in cells) if v is not None]
    lists = sum(1 for v in votes if v)
    return lists >= 3 and lists * 4 >= len(votes) * 3


def cell_items(cell: str, *, split_commas: bool) -> list[str]:
    """The expectations one cell states (see the module docstring)."""
    items: list[str] = []
    for part in _ITEM_BREAKS.split(_BR_RE.sub("\n", cell)):
        part = part.strip().lstrip("-*•").strip()
        if _is_empty(part):
            continue
        if split_commas and _is_list_cell(part):
            items.extend(_outside_parentheses_split(part))
        else:
            items.append(part)
    return items


@dataclass
class _Context:
    """What a matrix needs from the whole document."""

    split_commas: bool
    scale: dict[int, str]


def _numeric_table(rows: Sequence[Sequence[str]], columns: Sequence[int]) -> bool:
    values = [row[i] for row in rows for i in columns if i < len(row) and row[i].strip()]
    return bool(values) and all(_is_number(v) for v in values)


def _read_columns(source: TableSource, table_index: int, header: Sequence[str],
                  columns: list[int], body: Sequence[Sequence[str]],
                  levels: dict[str, RawLevel], context: _Context, filename: str) -> int:
    """Add one levels-as-columns table's cells to `levels`; return the rows read."""
    first_level = columns[0]
    label_columns = [i for i in range(first_level) if i not in columns]
    numeric = _numeric_table(body, columns)
    dimension = ""
    rows_read = 0
    for row in body:
        labels = [c_line(row[i]) if i < len(row) else "" for i in label_columns]
        if labels and labels[0]:
            dimension = labels[0]
        detail = labels[-1] if len(labels) > 1 else (labels[0] if labels else "")
        cells = [(i, row[i] if i < len(row) else "") for i in columns]
        if not any(cell.strip() for _i, cell in cells):
            continue
        rows_read += 1
        for index, cell in cells:
            level = levels[c_line(header[index]).casefold()]
            row_dimension = dimension or source.heading or DEFAULT_DIMENSION
            if numeric:
                value = cell.strip()
                if not value or float(value) == 0:
                    continue
                number = int(float(value)) if float(value).is_integer() else value
                named = context.scale.get(int(float(value))) if float(value).is_integer() else None
                text = f"{detail or row_dimension}: level {number}"
                text += f" ({named})" if named else ""
                level.expectations.append((source.heading or row_dimension, text, source.line))
            elif _is_mark(cell):
                if detail:
                    level.expectations.append((row_dimension if detail != dimension
                                               else source.heading or DEFAULT_DIMENSION,
                                               detail, source.line))
            else:
                for item in cell_items(cell, split_commas=context.split_commas):
                    level.expectations.append((row_dimension, item, source.line))
    return rows_read


def _read_rows(source: TableSource, header: Sequence[str], body: Sequence[Sequence[str]],
               context: _Context, filename: str) -> list[RawLevel]:
    """One levels-as-rows table: each row a level, each other column a dimension."""
    levels: list[RawLevel] = []
    for row in body:
        if not row or not row[0].strip():
            continue
        level = RawLevel(c_line(row[0]), filename, source.line)
        for index in range(1, len(row)):
            dimension = c_line(header[index]) if index < len(header) else DEFAULT_DIMENSION
            cell = row[index]
            if _is_number(cell) and cell.strip() != "0":
                level.expectations.append((dimension or DEFAULT_DIMENSION,
                                           f"{dimension}: {cell.strip()}", source.line))
                continue
            for item in cell_items(cell, split_commas=context.split_commas):
                level.expectations.append((dimension or DEFAULT_DIMENSION, item, source.line))
        levels.append(level)
    return levels


def _rows_orientation(header: Sequence[str], body: Sequence[Sequence[str]]) -> bool:
    firsts = [c_line(row[0]) for row in body if row and row[0].strip()]
    likes = sum(1 for name in firsts if is_level_like(name))
    return len(firsts) >= 2 and likes >= 2 and likes * 2 >= len(firsts) and len(header) >= 2


def read_matrices(sources: Sequence[TableSource], filename: str, *,
                  scale: dict[int, str] | None = None) -> list[MatrixReading]:
    """Every ladder the tables hold, one reading per set of level names, in document order."""
    all_cells = [cell for source in sources for row in source.rows[1:] for cell in row[1:]]
    context = _Context(comma_lists(all_cells), dict(scale or {}))
    readings: dict[tuple[str, ...], MatrixReading] = {}
    grouped: dict[tuple[str, ...], dict[str, RawLevel]] = {}
    for table_index, source in enumerate(sources):
        rows = [tuple(row) for row in source.rows]
        if len(rows) < 2:
            continue
        header = rows[0]
        start = 0
        columns = _level_columns(header)
        if not columns and not source.header:  # HTML: group rows may come before the header
            start = next((i for i, row in enumerate(rows) if _repeated_header(row)), 0)
            columns = _level_columns(rows[start])
        if columns:
            segments: list[tuple[tuple[str, ...], list[int], list[tuple[str, ...]]]] = []
            current_header, current_columns = rows[start], columns
            body: list[tuple[str, ...]] = []
            for row in rows[start + 1:]:
                again = _level_columns(row) if _repeated_header(row) else []
                if again:  # a repeated header row (HTML tables often repeat it)
                    segments.append((current_header, current_columns, body))
                    current_header, current_columns, body = row, again, []
                else:
                    body.append(row)
            segments.append((current_header, current_columns, body))
            for seg_header, seg_columns, seg_body in segments:
                key = tuple(c_line(seg_header[i]).casefold() for i in seg_columns)
                if key not in grouped:
                    grouped[key] = {k: RawLevel(c_line(seg_header[i]), filename, source.line)
                                    for k, i in zip(key, seg_columns, strict=True)}
                    readings[key] = MatrixReading(list(grouped[key].values()), "columns")
                reading = readings[key]
                reading.rows_read += _read_columns(source, table_index, seg_header,
                                                   seg_columns, seg_body, grouped[key],
                                                   context, filename)
                reading.used_tables.add(table_index)
            continue
        # without a markdown header row, the first row is a header when its first cell is not
        # a level ("Level | Campaigns | Writing" in an HTML table)
        headed = source.header or not is_level_like(c_line(header[0]))
        body = rows[1:] if headed else rows
        if len(body) <= MAX_LEVELS and _rows_orientation(header, body):
            levels = _read_rows(source, header, body, context, filename)
            key = tuple(level.name.casefold() for level in levels)
            if key in readings:
                continue
            reading = MatrixReading(levels, "rows", rows_read=len(body))
            reading.used_tables.add(table_index)
            readings[key] = reading
    for reading in readings.values():
        reading.tables = len(reading.used_tables)
    return list(readings.values())
