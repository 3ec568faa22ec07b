"""The ladder importer's one error type, raised by every parser with the file, the line and why."""

from __future__ import annotations

from fikadesk.errors import InputError


class LadderImportError(InputError, ValueError):
    """A ladder file could not be imported; the message names the file, the line and why."""

    def __init__(self, filename: str, reason: str, line: int | None = None) -> None:
        self.filename = filename
        self.line = line
        self.reason = reason
        where = f"{filename}, line {line}" if line is not None else filename
        super().__init__(f"{where}: {reason}")
