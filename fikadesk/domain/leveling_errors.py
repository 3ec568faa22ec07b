"""The ladder importer's error type, size limits and raw level record, shared by its parsers."""

from __future__ import annotations

from dataclasses import dataclass, field

from fikadesk.errors import InputError

#: Largest ladder file read, in bytes.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Most files read for one ladder.
MAX_FILES = 200
#: Most levels in one ladder.
MAX_LEVELS = 200
#: Most expectations in one ladder, all levels together.
MAX_EXPECTATIONS = 20_000
#: Most headings, list items and paragraphs in one markdown file.
MAX_BLOCKS = 100_000

#: Dimension given to an expectation that names none.
DEFAULT_DIMENSION = "General"


class LadderImportError(InputError, ValueError):
    """A ladder file could not be imported; the message names the file, the line and why."""

    def __init__(self, filename: str, reason: str, line: int | None = None) -> None:
        self.filename = filename
        self.line = line
        self.reason = reason
        where = f"{filename}, line {line}" if line is not None else filename
        super().__init__(f"{where}: {reason}")


@dataclass
class RawLevel:
    """A level as a parser found it, before limits, clean-up and freezing."""

    name: str
    filename: str
    line: int | None
    description: str = ""
    #: (dimension, text, line) triples in file order
    expectations: list[tuple[str, str, int | None]] = field(default_factory=list)
