"""Errors of the journal file, each with a message a person can act on (never journal text)."""

from __future__ import annotations

from pathlib import Path

from fikadesk.errors import StorageError


class JournalError(StorageError):
    """Base of every error the storage layer reports to a person."""


class NotAJournalError(JournalError):
    """The file exists but is not a fikadesk journal; it was left untouched."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path} is not a fikadesk journal ({why}). The file was left untouched.")
        self.path = path


class NewerJournalError(JournalError):
    """The journal was written by a newer fikadesk than this one."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"{path} was written by a newer version of fikadesk (schema {revision}). "
            "Update fikadesk to open it; the file was left untouched."
        )
        self.path = path


class JournalWriteError(JournalError):
    """A write could not be completed; nothing of it was kept."""


class JournalBusyError(JournalWriteError):
    """Another program held the journal for too long."""


class BackupError(JournalError):
    """A backup could not be made or did not verify."""


IO_FAILURE = ("Reading or writing the journal file failed (the disk reported an input/output "
              "error). The file itself may be fine: try again, and check the disk and its "
              "connection; nothing was changed.")
DAMAGED = "The journal file is damaged. Restore it from a backup; nothing was changed."


def sqlite_error_name(exc: BaseException) -> str:
    """Return the SQLite error name (``SQLITE_IOERR_READ``...) behind a driver error, or ''."""
    orig = getattr(exc, "orig", exc)
    return str(getattr(orig, "sqlite_errorname", "") or "")


def is_io_failure(exc: BaseException) -> bool:
    """True when the disk failed a read, write or sync: retry / check the disk, not "restore".

    ``SQLITE_IOERR_CORRUPTFS`` is what SQLite reports when ``pread`` fails with EIO: the
    file system failed the read, which says nothing about the journal's own structure.
    """
    name = sqlite_error_name(exc)
    orig = getattr(exc, "orig", exc)
    text = str(orig).lower() if orig is not None else ""
    return name.startswith("SQLITE_IOERR") or (not name and "disk i/o error" in text)


def is_damage(exc: BaseException) -> bool:
    """True when SQLite found the journal's structure broken (a restore is the remedy)."""
    name = sqlite_error_name(exc)
    orig = getattr(exc, "orig", exc)
    text = str(orig).lower() if orig is not None else ""
    if name:
        return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"
    return "malformed" in text or "file is not a database" in text


def describe_sqlite_error(exc: BaseException) -> str:
    """Turn a driver error into a short, text-free explanation."""
    orig = getattr(exc, "orig", exc)
    name = sqlite_error_name(exc)
    text = str(orig).lower() if orig is not None else ""
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "The disk is full. Free some space and try again; nothing was changed."
    if is_io_failure(exc):
        return IO_FAILURE
    if "BUSY" in name or "LOCKED" in name or "database is locked" in text:
        return (
            "The journal is busy: another fikadesk is writing to it. "
            "Try again in a moment; nothing was changed."
        )
    if "READONLY" in name or "readonly" in text or "read-only" in text:
        return "The journal file is read-only, so the change could not be saved."
    if is_damage(exc):
        return DAMAGED
    if "CANTOPEN" in name or "unable to open" in text:
        return "The journal file could not be opened (check the folder and its permissions)."
    return "The journal could not complete the operation; nothing was changed."
