"""Import a ladder from markdown, CSV, JSON or YAML files, as companies write them.

Entry points: `parse_ladder_files` (paths; a folder means its markdown pages, see
`folder`) and `parse_ladder_text` / `parse_ladder_bytes` (in memory). Both return a
`LadderImport` (`result`): the frozen `Ladder` plus what a preview shows (the rule
that found the levels and the one that ordered them, what was skipped and why, what was not
read, how sure the reading is, and the other readings a person may pick). Anything wrong
raises `LadderImportError`, whose message names the file and, where it can, the line; nothing
is returned half-done.

Accepted shapes (resources/ladders/README.md says the same for people):

- Markdown, one file: the importer weighs every reading a person would consider (levels as
  headings under one title, tracks, tables, competencies; see `readings`) and picks
  the one that looks most like a ladder (`assess`); `level_depth` forces the old
  reading of every heading of that depth as a level.
- Markdown, several pages: one page per level, or one page per competency (`folder`).
- CSV (comma, semicolon or tab): one row per expectation (`tabular`), or a matrix
  with levels as columns or rows (`tables`). JSON and YAML: see `tabular`.

Files are read as UTF-8 (a UTF-8 byte order mark is fine) or as UTF-16 when they start with
its byte order mark. Limits: 5 MB per file, 200 files, 200 levels, 20,000 expectations.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path

from fikadesk.domain.leveling.importing.assess import Assessment, assess
from fikadesk.domain.leveling.importing.competency import competency_readings
from fikadesk.domain.leveling.importing.folder import (
    Page,
    competency_pages_reading,
    expand,
    pages_reading,
)
from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.limits import MAX_FILE_BYTES
from fikadesk.domain.leveling.importing.markdown import Block, MarkdownDocument, read_markdown
from fikadesk.domain.leveling.importing.names import is_level_like
from fikadesk.domain.leveling.importing.outline import heading_depths, levels_from_document
from fikadesk.domain.leveling.importing.readings import Reading, heading_readings, table_readings
from fikadesk.domain.leveling.importing.result import LadderImport, Source, compose
from fikadesk.domain.leveling.importing.tables import TableSource, c_line, read_matrices
from fikadesk.domain.leveling.importing.tabular import csv_rows, parse_csv, parse_structured

__all__ = [
    "ImportPreview",
    "LadderImport",
    "LadderImportError",
    "decode_ladder_bytes",
    "natural_key",
    "parse_ladder_bytes",
    "parse_ladder_files",
    "parse_ladder_text",
]

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt", "")
_FORMATS = {".csv": "csv", ".tsv": "csv", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}

#: The preview and the result are one object.
ImportPreview = LadderImport

_DIGITS_RE = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders embedded numbers by value: "L2" before "L10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _DIGITS_RE.split(name)
        if part
    )


def decode_ladder_bytes(data: bytes, filename: str) -> str:
    """Text of a ladder file: UTF-8 (BOM allowed) or UTF-16 with a BOM; refuses binary files."""
    if len(data) > MAX_FILE_BYTES:
        raise LadderImportError(
            filename, f"the file is {len(data) / 1_048_576:.1f} MB; a ladder file may be at "
            f"most {MAX_FILE_BYTES // 1_048_576} MB")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise LadderImportError(
                filename, "the file starts like UTF-16 text but is not valid UTF-16") from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise LadderImportError(
                filename, "this looks like a binary file (it contains NUL bytes), not text",
                data.count(b"\n", 0, nul) + 1)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise LadderImportError(
                filename, f"this is not UTF-8 text (byte 0x{data[exc.start]:02x} at column "
                f"{column}); save the file as UTF-8 and try again", line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LadderImportError(
            filename, "this looks like a binary file (it contains NUL characters)", line)
    if not text.strip():
        raise LadderImportError(filename, "the file is empty")
    return text


def _format_of(filename: str) -> str:
    """The parser for a file name, by its suffix; markdown when it has none."""
    suffix = Path(filename).suffix.lower()
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    raise LadderImportError(
        filename, f"{suffix} files are not supported; use markdown (.md), CSV, JSON or YAML")


def _humanize(stem: str) -> str:
    """A file stem as a ladder name: separators to spaces, first letter upper-case."""
    text = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return text[:1].upper() + text[1:] if text else "Imported ladder"


def _scored(readings: Sequence[Reading], files_of: dict[int, list[tuple[Sequence[Block], set[int]]]]
            ) -> list[tuple[Reading, Assessment]]:
    return [(r, assess(r.levels, files_of[i])) for i, r in enumerate(readings)]


def _markdown(doc: MarkdownDocument, filename: str, level_depth: int | None
              ) -> list[Reading]:
    """Every reading of a markdown file; with level_depth, only that depth's headings."""
    if level_depth is not None:
        title, raw_levels, used_depth, warnings = levels_from_document(doc, filename, level_depth)
        return [Reading("headings", title, raw_levels,
                        f"levels are the {'#' * used_depth} headings (depth {used_depth}, as "
                        "asked)", [], _all_content(doc.blocks), used_depth, warnings=warnings)]
    readings = heading_readings(doc, filename) + competency_readings(doc, filename)
    names = [b.text for b in doc.blocks if b.kind == "heading"]
    readings += table_readings(doc, filename, names)
    if not readings:
        has_items = any(b.kind == "item" for b in doc.blocks)
        has_headings = any(b.kind == "heading" for b in doc.blocks)
        reason = ("no levels found: there are list items but no headings to name the levels"
                  if has_items and not has_headings
                  else "no levels found: a level is a heading with list items below it")
        raise LadderImportError(filename, reason)
    return readings


def _all_content(blocks: Sequence[Block]) -> set[int]:
    return {i for i, b in enumerate(blocks) if b.kind in ("item", "para", "heading", "label")}


def _csv(text: str, filename: str) -> tuple[Reading, list[Block]]:
    """A CSV ladder: a matrix when its header (or first column) names levels, else one row per
    expectation."""
    rows = [tuple(row) for row in csv_rows(text, filename)]
    table = Block("table", 1, "", label="header", rows=tuple(rows))
    if rows:
        header = rows[0]
        levelish = sum(1 for cell in header[1:] if is_level_like(c_line(cell)))
        first_col = [c_line(r[0]) for r in rows[1:] if r and r[0].strip()]
        firsts = sum(1 for name in first_col if is_level_like(name))
        matrix = levelish >= 2 or (firsts >= 2 and firsts * 2 >= len(first_col)
                                   and not _long_format(header))
        if matrix:
            readings = read_matrices([TableSource(tuple(rows), 1)], filename)
            if readings:
                found = readings[0]
                names = [lv.name for lv in found.levels]
                rule = (f"levels are the columns {names[0]} … {names[-1]}, competencies as rows"
                        if found.orientation == "columns"
                        else "levels are the rows, dimensions as the columns")
                return Reading("table", None, found.levels, rule, [], {0}), [table]
    levels = parse_csv(text, filename)
    return (Reading("table", None, levels,
                    "one row per expectation, with a level column and an expectation column",
                    [], {0}), [table])


def _long_format(header: Sequence[str]) -> bool:
    from fikadesk.domain.leveling.importing.tabular import match_columns
    found = match_columns(list(header))
    return "level" in found and "expectation" in found


def parse_ladder_text(text: str, *, filename: str = "ladder.md", name: str | None = None,
                      level_depth: int | None = None, reading: int | None = None
                      ) -> LadderImport:
    """Import one ladder file held in memory; the file name's suffix picks the format.

    `reading` picks one of the offered readings by number (1 is the best, the default).
    """
    kind = _format_of(filename)
    if not text.strip():
        raise LadderImportError(filename, "the file is empty")
    fallback = _humanize(Path(filename).stem)
    if kind == "markdown":
        doc = read_markdown(text, filename)
        readings = _markdown(doc, filename, level_depth)
        scored = _scored(readings, {i: [(doc.blocks, r.used)] for i, r in enumerate(readings)})
        source = Source("markdown", (filename,), filename, fallback, name,
                        heading_depths(doc.blocks))
        return compose(scored, source, reading)
    if kind == "csv":
        found, blocks = _csv(text, filename)
        scored = [(found, assess(found.levels, [(blocks, found.used)]))]
        return compose(scored, Source("csv", (filename,), filename, fallback, name), reading)
    title, raw_levels = parse_structured(text, filename, kind)
    warnings = tuple(f"{filename}: level {raw.name!r} has no expectations, so it was left out"
                     for raw in raw_levels if not raw.expectations)
    found = Reading("structured", title, raw_levels, "the file's list of levels")
    scored = [(found, assess(raw_levels, []))]
    return compose(scored, Source(kind, (filename,), filename, fallback, name, (), warnings),
                   reading)


def parse_ladder_bytes(data: bytes, *, filename: str, name: str | None = None,
                       level_depth: int | None = None, reading: int | None = None
                       ) -> LadderImport:
    """Import one ladder file from its raw bytes (decoded as `decode_ladder_bytes` says)."""
    return parse_ladder_text(decode_ladder_bytes(data, filename), filename=filename,
                             name=name, level_depth=level_depth, reading=reading)


def _read(path: Path) -> str:
    """A file's text, with size and encoding checked; LadderImportError when unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LadderImportError(
                path.name, f"the file is {size / 1_048_576:.1f} MB; a ladder file may be at "
                f"most {MAX_FILE_BYTES // 1_048_576} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise LadderImportError(path.name, f"cannot be read ({exc.strerror})") from None
    return decode_ladder_bytes(data, path.name)


def parse_ladder_files(paths: Sequence[Path], *, name: str | None = None,
                       level_depth: int | None = None, reading: int | None = None
                       ) -> LadderImport:
    """Import a ladder from one file, several markdown pages, or a folder of them.

    `level_depth` applies to a single markdown file; pages ignore it. `reading` picks one of
    the offered readings by number (1, the best, by default).
    """
    if not paths:
        raise ValueError("no ladder files given")
    files, folder, notes = expand([Path(p) for p in paths])
    if len(files) == 1 and not notes:
        only = files[0]
        return parse_ladder_text(_read(only), filename=only.name, name=name,
                                 level_depth=level_depth, reading=reading)
    for path in files:
        if _format_of(path.name) != "markdown":
            raise LadderImportError(
                path.name, "several files can only be imported together when each one is a "
                "markdown file for one level")
    base = folder if folder is not None else files[0].parent
    pages = []
    for path in files:
        label = str(path.relative_to(folder)) if folder is not None else path.name
        pages.append(Page(label, path.stem, read_markdown(_read(path), path.name)))
    candidates: list[tuple[Reading, Assessment]] = []
    by_label = {page.label: page for page in pages}
    found_all, kept, used = pages_reading(pages, folder is None, notes)
    for found, labels in found_all:
        candidates.append((found, assess(
            found.levels, [(by_label[label].doc.blocks, used[label]) for label in labels])))
    found = found_all[0][0]
    competency = competency_pages_reading(pages)
    if competency is not None:
        regrouped, used_by = competency
        candidates.append((regrouped, assess(
            regrouped.levels, [(by_label[label].doc.blocks, u) for label, u in used_by.items()])))
    if not any(lv.expectations for r, _a in candidates for lv in r.levels):
        raise LadderImportError(base.name or files[0].name,
                                "no levels found: no level has any expectations"
                                + _skipped_note(found.skipped))
    source = Source("markdown-files", tuple(p.label for p in kept) or tuple(by_label),
                    base.name or files[0].name, _humanize(base.name), name)
    return compose(candidates, source, reading)


def _skipped_note(skipped: Sequence[str]) -> str:
    """ " (skipped: a.md: only links; ...)" when pages were skipped."""
    if not skipped:
        return ""
    shown = "; ".join(skipped[:4]) + ("; ..." if len(skipped) > 4 else "")
    return f" (skipped: {shown})"
