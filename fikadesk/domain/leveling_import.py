"""Import a ladder from markdown, CSV, JSON or YAML files, as companies write them.

Entry points: `parse_ladder_files` (paths; a folder means every ``*.md``/``*.markdown`` file in
it, README files left out) and `parse_ladder_text` / `parse_ladder_bytes` (in memory). Both
return a `LadderImport`: the frozen `Ladder` plus what a preview shows (levels, dimensions,
expectations per level, heading depths found, warnings). Anything wrong raises
`LadderImportError`, whose message names the file and, where it can, the line; nothing is
returned half-done.

Accepted shapes (resources/ladders/README.md says the same for people):

- Markdown, one file: one heading per level, list items as expectations (see
  `leveling_outline` for how levels, dimensions and the ladder name are found, and
  `leveling_markdown` for what counts as noise).
- Markdown, one file per level: several files or a folder, sorted naturally (L2 before L10);
  each file's name comes from front matter ``title``, a leading heading or the file name.
- CSV (comma, semicolon or tab), JSON and YAML: see `leveling_tabular`.

Files are read as UTF-8 (a UTF-8 byte order mark is fine) or as UTF-16 when they start with
its byte order mark. Limits: 5 MB per file, 200 files, 200 levels, 20,000 expectations.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fikadesk.domain.leveling import Expectation, Ladder, Level, normalize_expectation_text
from fikadesk.domain.leveling_errors import (
    MAX_EXPECTATIONS,
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_LEVELS,
    LadderImportError,
    RawLevel,
)
from fikadesk.domain.leveling_markdown import read_markdown
from fikadesk.domain.leveling_outline import heading_depths, level_from_file, levels_from_document
from fikadesk.domain.leveling_tabular import parse_csv, parse_structured

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


@dataclass(frozen=True, slots=True)
class LadderImport:
    """An imported ladder and what an import preview shows about it."""

    ladder: Ladder
    source_format: str  # "markdown", "markdown-files", "csv", "json" or "yaml"
    files: tuple[str, ...]
    heading_depths: tuple[int, ...] = ()
    level_depth: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The ladder's name."""
        return self.ladder.name

    @property
    def level_names(self) -> tuple[str, ...]:
        """Level names, lowest first."""
        return self.ladder.level_names

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Dimensions in order of first appearance."""
        return self.ladder.dimensions

    @property
    def expectation_counts(self) -> tuple[tuple[str, int], ...]:
        """(level name, number of expectations) for each level."""
        return tuple((lv.name, len(lv.expectations)) for lv in self.ladder.levels)


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


def _unique_name(name: str, taken: set[str]) -> str:
    """Name, or "name (2)", "name (3)"... so that no two levels share a name."""
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate, number = f"{name} ({number})", number + 1
    taken.add(candidate.casefold())
    return candidate


def _freeze(name: str, raw_levels: Sequence[RawLevel], filename: str,
            warnings: list[str]) -> Ladder:
    """Check the limits, drop duplicates and build the frozen Ladder."""
    levels = [raw for raw in raw_levels if raw.expectations]
    if not levels:
        raise LadderImportError(
            filename, "no levels found: no level has any expectations")
    if len(levels) > MAX_LEVELS:
        extra = levels[MAX_LEVELS]
        raise LadderImportError(
            extra.filename, f"more than {MAX_LEVELS} levels; is this a ladder?", extra.line)
    total = 0
    taken: set[str] = set()
    frozen: list[Level] = []
    for raw in levels:
        seen: set[tuple[str, str]] = set()
        expectations: list[Expectation] = []
        for raw_dimension, raw_text, line in raw.expectations:
            dimension, text = " ".join(raw_dimension.split()), " ".join(raw_text.split())
            key = (dimension.casefold(), normalize_expectation_text(text))
            if key in seen:
                continue
            seen.add(key)
            total += 1
            if total > MAX_EXPECTATIONS:
                raise LadderImportError(
                    raw.filename, f"more than {MAX_EXPECTATIONS:,} expectations", line)
            expectations.append(Expectation(dimension, text))
        base = " ".join(raw.name.split())
        unique = _unique_name(base, taken)
        if unique != base:
            where = f", line {raw.line}" if raw.line is not None else ""
            warnings.append(f"{raw.filename}{where}: a second level called {base!r} "
                            f"was renamed {unique!r}")
        frozen.append(Level(unique, raw.description, tuple(expectations)))
    return Ladder(name, tuple(frozen))


def parse_ladder_text(text: str, *, filename: str = "ladder.md", name: str | None = None,
                      level_depth: int | None = None) -> LadderImport:
    """Import one ladder file held in memory; the file name's suffix picks the format."""
    kind = _format_of(filename)
    if not text.strip():
        raise LadderImportError(filename, "the file is empty")
    warnings: list[str] = []
    depths: tuple[int, ...] = ()
    used_depth: int | None = None
    title: str | None
    if kind == "markdown":
        doc = read_markdown(text, filename)
        depths = heading_depths(doc.blocks)
        title, raw_levels, used_depth, warnings = levels_from_document(doc, filename, level_depth)
    elif kind == "csv":
        title, raw_levels = None, parse_csv(text, filename)
    else:
        title, raw_levels = parse_structured(text, filename, kind)
        warnings = [f"{filename}: level {raw.name!r} has no expectations, so it was left out"
                    for raw in raw_levels if not raw.expectations]
    ladder_name = (name or "").strip() or title or _humanize(Path(filename).stem)
    ladder = _freeze(ladder_name, raw_levels, filename, warnings)
    return LadderImport(ladder, kind, (filename,), depths, used_depth, tuple(warnings))


def parse_ladder_bytes(data: bytes, *, filename: str, name: str | None = None,
                       level_depth: int | None = None) -> LadderImport:
    """Import one ladder file from its raw bytes (decoded as `decode_ladder_bytes` says)."""
    return parse_ladder_text(decode_ladder_bytes(data, filename), filename=filename,
                             name=name, level_depth=level_depth)


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


def _expand(paths: Sequence[Path]) -> tuple[list[Path], Path | None]:
    """Files to read (folders expanded, naturally sorted) and the folder given, if one."""
    files: list[Path] = []
    folder: Path | None = None
    for path in paths:
        if path.is_dir():
            folder = path
            found = sorted(
                (p for p in path.iterdir() if p.is_file()
                 and p.suffix.lower() in (".md", ".markdown")
                 and not p.stem.casefold().startswith("readme")),
                key=lambda p: natural_key(p.name))
            if not found:
                raise LadderImportError(path.name, "this folder holds no markdown (.md) files")
            files.extend(found)
        else:
            files.append(path)
        if len(files) > MAX_FILES:
            raise LadderImportError(path.name, f"more than {MAX_FILES} files for one ladder")
    return files, folder


def parse_ladder_files(paths: Sequence[Path], *, name: str | None = None,
                       level_depth: int | None = None) -> LadderImport:
    """Import a ladder from one file, several per-level markdown files, or a folder of them.

    `level_depth` applies to a single markdown file; per-level files ignore it.
    """
    if not paths:
        raise ValueError("no ladder files given")
    files, folder = _expand([Path(p) for p in paths])
    if len(files) == 1:
        only = files[0]
        return parse_ladder_text(_read(only), filename=only.name, name=name,
                                 level_depth=level_depth)
    for path in files:
        if _format_of(path.name) != "markdown":
            raise LadderImportError(
                path.name, "several files can only be imported together when each one is a "
                "markdown file for one level")
    raw_levels = []
    for path in files:
        doc = read_markdown(_read(path), path.name)
        raw_levels.append(level_from_file(doc, path.name, path.stem))
    warnings = [f"{raw.filename}: no list items, so it was not taken as a level"
                for raw in raw_levels if not raw.expectations]
    base = folder if folder is not None else files[0].parent
    ladder_name = (name or "").strip() or _humanize(base.name)
    ladder = _freeze(ladder_name, raw_levels, base.name or files[0].name, warnings)
    return LadderImport(ladder, "markdown-files", tuple(p.name for p in files),
                        warnings=tuple(warnings))
