"""Driver errors turned into messages: a failed read or write is not damage."""

from __future__ import annotations

import sqlite3

import pytest

from fikadesk.storage.errors import DAMAGED, IO_FAILURE, describe_sqlite_error, is_damage, is_io_failure


def _error(name: str, text: str) -> sqlite3.Error:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize("name", ["SQLITE_IOERR_READ", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC",
                                  "SQLITE_IOERR_SHORT_READ", "SQLITE_IOERR_CORRUPTFS", "SQLITE_IOERR"])
def test_input_output_errors_say_retry_not_restore(name: str) -> None:
    # SQLITE_IOERR_CORRUPTFS is what SQLite reports when pread fails with EIO (seen with
    # fiu-run): its name holds "CORRUPT", which used to send the person to restore a backup.
    message = describe_sqlite_error(_error(name, "disk I/O error"))
    assert message == IO_FAILURE
    assert "try again" in message and "check the disk" in message
    assert "Restore" not in message and "damaged" not in message
    assert is_io_failure(_error(name, "disk I/O error"))
    assert not is_damage(_error(name, "disk I/O error"))


@pytest.mark.parametrize(("name", "text"), [("SQLITE_CORRUPT", "database disk image is malformed"),
                                            ("SQLITE_CORRUPT_INDEX", "database disk image is malformed"),
                                            ("SQLITE_NOTADB", "file is not a database")])
def test_damage_says_restore(name: str, text: str) -> None:
    assert describe_sqlite_error(_error(name, text)) == DAMAGED
    assert is_damage(_error(name, text)) and not is_io_failure(_error(name, text))


def test_full_disk_and_busy_keep_their_messages() -> None:
    assert describe_sqlite_error(_error("SQLITE_FULL", "database or disk is full")).startswith(
        "The disk is full.")
    assert describe_sqlite_error(_error("SQLITE_BUSY", "database is locked")).startswith(
        "The journal is busy")


def test_errors_without_a_name_are_read_from_their_text() -> None:
    assert describe_sqlite_error(sqlite3.OperationalError("disk I/O error")) == IO_FAILURE
    assert describe_sqlite_error(sqlite3.DatabaseError("database disk image is malformed")) == DAMAGED
