"""Ladder parsers for CSV, JSON and YAML files (the markdown reader lives beside this one).

CSV: one row per expectation, with a column for the level, one for the expectation and
optionally one for the dimension. Header names are matched loosely ("Level", "Rung", "Grade";
"Dimension", "Area", "Competency", "Category"; "Expectation", "Description", "Behaviour"...).
The delimiter (comma, semicolon or tab) is taken from the header line. A blank level or
dimension cell repeats the one above it, as spreadsheets with merged cells export them.
Levels keep the order in which they first appear.

JSON and YAML share one tolerant shape::

    {"name": "Engineering",                      # optional; also "title"
     "levels": [                                 # or the list of levels alone
       {"name": "L1",                            # also "title" or "level"
        "description": "optional prose",
        "expectations": [                        # a list of ...
           {"dimension": "Scope", "text": "..."},  # ... objects (dimension optional)
           "a plain string (dimension General)"
        ]},
       {"name": "L2",
        "expectations": {"Scope": ["...", "..."], "Impact": "..."}}  # or a mapping
     ]}

"dimensions" or "competencies" may stand for "expectations". Shape errors name the place in
the document (e.g. ``levels[2].expectations[0]``), since parsed data keeps no line numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import yaml

from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.limits import MAX_EXPECTATIONS, MAX_LEVELS
from fikadesk.domain.leveling.importing.raw_level import DEFAULT_DIMENSION, RawLevel

_LEVEL_HEADERS = frozenset(
    "level|level name|rung|grade|band|tier|step|career level|job level|title|job title|role|"
    "position|seniority|level title".split("|")
)
_DIMENSION_HEADERS = frozenset(
    "dimension|dimension name|area|competency|competence|category|axis|pillar|theme|skill|"
    "attribute|focus area|trait|topic|section|group".split("|")
)
_EXPECTATION_HEADERS = frozenset(
    "expectation|expectations|description|behaviour|behavior|behaviours|behaviors|criteria|"
    "criterion|statement|text|indicator|indicators|example|examples|detail|details|"
    "requirement|requirements|expected behaviour|expected behavior".split("|")
)
_ROLES = (("level", _LEVEL_HEADERS), ("dimension", _DIMENSION_HEADERS),
          ("expectation", _EXPECTATION_HEADERS))
_NON_WORD_RE = re.compile(r"[^0-9a-z]+")


def _normalize_header(header: str) -> str:
    """Lower-case words of a header cell, punctuation dropped."""
    return " ".join(_NON_WORD_RE.sub(" ", header.casefold()).split())


def match_columns(header: list[str]) -> dict[str, int]:
    """Map the roles level/dimension/expectation to column indexes: exact names first."""
    names = [_normalize_header(cell) for cell in header]
    found: dict[str, int] = {}
    for role, synonyms in _ROLES:
        for index, name in enumerate(names):
            if name in synonyms and index not in found.values():
                found[role] = index
                break
    for role, synonyms in _ROLES:
        if role in found:
            continue
        words = {s for s in synonyms if " " not in s}
        for index, name in enumerate(names):
            tokens = {t.removesuffix("s") for t in name.split()} | set(name.split())
            if index not in found.values() and tokens & words:
                found[role] = index
                break
    return found


def _sniff_delimiter(header_line: str, filename: str) -> str:
    """Tab for .tsv files, else whichever of comma, semicolon and tab the header uses most."""
    if filename.lower().endswith(".tsv"):
        return "\t"
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _cell(cells: list[str], columns: dict[str, int], role: str) -> str:
    """The cell for a role in one row; empty when the column is missing or the row short."""
    index = columns.get(role)
    return cells[index] if index is not None and index < len(cells) else ""


def parse_csv(text: str, filename: str) -> list[RawLevel]:
    """Levels from a CSV table; raises LadderImportError on malformed rows or columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=_sniff_delimiter(first, filename), strict=True)
    levels: dict[str, RawLevel] = {}
    columns: dict[str, int] | None = None
    header: list[str] = []
    level_name = dimension = ""
    count = 0
    previous_end = 0
    try:
        for row in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if columns is None:
                header, columns = cells, match_columns(cells)
                for role, example in (("level", "Level, Rung or Grade"),
                                      ("expectation", "Expectation, Description or Behaviour")):
                    if role not in columns:
                        raise LadderImportError(
                            filename,
                            f"no column for the {role} (looked for a header such as "
                            f"{example}; found: {', '.join(header)})",
                            line,
                        )
                continue

            level_name = _cell(cells, columns, "level") or level_name
            if "dimension" in columns:
                dimension = _cell(cells, columns, "dimension") or dimension
            text_cell = _cell(cells, columns, "expectation")
            if not text_cell:
                continue
            if not level_name:
                raise LadderImportError(filename, "this row names no level", line)
            key = level_name.casefold()
            if key not in levels:
                if len(levels) >= MAX_LEVELS:
                    raise LadderImportError(
                        filename, f"more than {MAX_LEVELS} levels; is this a ladder?", line)
                levels[key] = RawLevel(level_name, filename, line)
            count += 1
            if count > MAX_EXPECTATIONS:
                raise LadderImportError(
                    filename, f"more than {MAX_EXPECTATIONS:,} expectations", line)
            levels[key].expectations.append((dimension or DEFAULT_DIMENSION, text_cell, line))
    except csv.Error as exc:
        raise LadderImportError(
            filename, f"this is not valid CSV ({exc})", previous_end + 1 if previous_end
            else 1) from None
    return list(levels.values())


def csv_rows(text: str, filename: str) -> list[list[str]]:
    """All non-blank rows of a CSV table, cells stripped; LadderImportError when it is not CSV."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=_sniff_delimiter(first, filename), strict=True)
    rows: list[list[str]] = []
    previous_end = 0
    try:
        for row in reader:
            previous_end = reader.line_num
            cells = [cell.strip() for cell in row]
            if any(cells):
                rows.append(cells)
            if len(rows) > MAX_EXPECTATIONS + 1:
                raise LadderImportError(
                    filename, f"more than {MAX_EXPECTATIONS:,} expectations", previous_end)
    except csv.Error as exc:
        raise LadderImportError(
            filename, f"this is not valid CSV ({exc})", previous_end + 1 if previous_end
            else 1) from None
    return rows


# --- JSON and YAML -------------------------------------------------------------------------

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_json(text: str, filename: str) -> Any:
    """Parsed JSON; LadderImportError with the line of a syntax error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LadderImportError(filename, f"this is not valid JSON ({exc.msg})",
                                exc.lineno) from None
    except RecursionError:
        raise LadderImportError(filename, "the JSON is nested too deeply") from None


#: Deepest YAML nesting read. libyaml's composer recurses in C, where Python's recursion
#: limit does not apply: a few thousand nested brackets crash the process, so check first.
MAX_YAML_NESTING = 64
_YAML_TOKEN_RE = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|[\[\]{}]|#.*")


def check_yaml_nesting(text: str, filename: str) -> None:
    """Refuse YAML nested deeper than MAX_YAML_NESTING (an over-estimate, in linear time)."""
    indents: list[int] = []
    flow = 0
    for number, line in enumerate(text.splitlines(), 1):
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        if flow == 0:
            indent = len(line) - len(body)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
        dashes = len(body) - len(body.lstrip("- "))
        for token in _YAML_TOKEN_RE.finditer(body):
            char = token.group()
            if char in "[{":
                flow += 1
            elif char in "]}":
                flow = max(0, flow - 1)
        if len(indents) + dashes // 2 + flow > MAX_YAML_NESTING:
            raise LadderImportError(filename, "the YAML is nested too deeply", number)


def load_yaml(text: str, filename: str) -> Any:
    """Parsed YAML (safe loader, one document); LadderImportError with the line of an error."""
    check_yaml_nesting(text, filename)
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        reason = exc.problem or "syntax error"
        raise LadderImportError(filename, f"this is not valid YAML ({reason})", line) from None
    except yaml.YAMLError as exc:
        raise LadderImportError(filename, f"this is not valid YAML ({exc})") from None
    except RecursionError:
        raise LadderImportError(filename, "the YAML is nested too deeply") from None


def _text(value: Any) -> str | None:
    """A scalar as stripped text; None for anything that is not a string or number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value).strip()
    return None


def _pick(mapping: dict[Any, Any], keys: tuple[str, ...]) -> Any:
    """The value of the first of keys present (keys compared case-insensitively)."""
    lowered = {str(k).casefold(): v for k, v in mapping.items()}
    for key in keys:
        if key in lowered:
            return lowered[key]
    return None


_NAME_KEYS = ("name", "title", "level")
_EXPECTATION_KEYS = ("expectations", "dimensions", "competencies")
_DIMENSION_KEYS = ("dimension", "area", "category", "competency")
_TEXT_KEYS = ("text", "expectation", "description", "behaviour", "behavior")


class _Walker:
    """Turns parsed JSON/YAML data into RawLevels, counting as it goes (aliases included)."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.count = 0

    def fail(self, path: str, reason: str) -> LadderImportError:
        return LadderImportError(self.filename, f"{path}: {reason}")

    def add(self, level: RawLevel, path: str, dimension: Any, text: Any) -> None:
        body = _text(text)
        dim = _text(dimension) if dimension is not None else DEFAULT_DIMENSION
        if body is None or dim is None:
            raise self.fail(path, "an expectation should be text")
        if not body:
            return
        self.count += 1
        if self.count > MAX_EXPECTATIONS:
            raise self.fail(path, f"more than {MAX_EXPECTATIONS:,} expectations")
        level.expectations.append((dim or DEFAULT_DIMENSION, body, None))

    def expectations(self, level: RawLevel, value: Any, path: str) -> None:
        if isinstance(value, dict):
            for dim, texts in value.items():
                items = texts if isinstance(texts, list) else [texts]
                for index, text in enumerate(items):
                    self.add(level, f"{path}.{dim}[{index}]", dim, text)
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                where = f"{path}[{index}]"
                if isinstance(entry, dict):
                    text = _pick(entry, _TEXT_KEYS)
                    if text is None and len(entry) == 1:
                        self.expectations(level, entry, where)
                        continue
                    if text is None:
                        raise self.fail(where, "an expectation needs a 'text'")
                    self.add(level, where, _pick(entry, _DIMENSION_KEYS), text)
                else:
                    self.add(level, where, None, entry)
        elif value is not None:
            raise self.fail(path, "expectations should be a list or a mapping")

    def levels(self, data: Any) -> tuple[str | None, list[RawLevel]]:
        name: str | None = None
        levels_data = data
        if isinstance(data, dict):
            name = _text(_pick(data, ("name", "title", "ladder")))
            levels_data = _pick(data, ("levels", "rungs", "grades"))
            if levels_data is None:
                raise self.fail("top level", "there is no 'levels' list")
        if not isinstance(levels_data, list):
            raise self.fail("levels", "should be a list of levels")
        if len(levels_data) > MAX_LEVELS:
            raise self.fail("levels", f"more than {MAX_LEVELS} levels; is this a ladder?")
        result: list[RawLevel] = []
        for index, entry in enumerate(levels_data):
            path = f"levels[{index}]"
            if not isinstance(entry, dict):
                raise self.fail(path, "a level should be an object with a name")
            level_name = _text(_pick(entry, _NAME_KEYS))
            if not level_name:
                raise self.fail(path, "this level has no name")
            description = _text(_pick(entry, ("description", "summary"))) or ""
            level = RawLevel(level_name, self.filename, None, description)
            self.expectations(level, _pick(entry, _EXPECTATION_KEYS), f"{path}.expectations")
            result.append(level)
        return name or None, result


def parse_structured(text: str, filename: str, kind: str) -> tuple[str | None, list[RawLevel]]:
    """Ladder name and levels from JSON (kind "json") or YAML (kind "yaml") text."""
    data = load_json(text, filename) if kind == "json" else load_yaml(text, filename)
    return _Walker(filename).levels(data)
