"""Fault suite: input/output errors injected on read, write and fsync with libfiu's fiu-run.

A failed read or write must say so (try again, check the disk), never "damaged, restore from a
backup"; every acknowledged save stays and the file passes integrity_check.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from fikadesk.storage.errors import IO_FAILURE
from tests.storage.fault_tools import WRITER, assert_sound, fiu_run, titles, writer_env

FIU_RUN = fiu_run()
needs_fiu = pytest.mark.skipif(FIU_RUN is None, reason="libfiu's fiu-run is not installed "
                               "(Debian: apt-get install fiu-utils)")


def _run_injected(*args: str) -> tuple[list[str], list[str], str]:
    assert FIU_RUN is not None
    import sys

    done = subprocess.run([FIU_RUN, "-x", sys.executable, str(WRITER), "io", *args],
                          capture_output=True, text=True, env=writer_env(), timeout=120)
    lines = done.stdout.splitlines()
    acks = [line[4:] for line in lines if line.startswith("ack ")]
    errors = [json.loads(line[6:]) for line in lines if line.startswith("error ")]
    return acks, errors, done.stderr


@needs_fiu
@pytest.mark.parametrize("point", ["posix/io/rw/pwrite", "posix/io/sync/fdatasync"])
def test_write_and_sync_errors_are_reported_as_io_failures(journal_path: Path, point: str) -> None:
    acks, errors, stderr = _run_injected(str(journal_path), point, "EIO")
    assert errors == [IO_FAILURE], stderr
    assert "during the fault" not in acks
    assert acks == ["before the fault 0", "before the fault 1", "before the fault 2", "after the fault"]
    assert_sound(journal_path, acks)


@needs_fiu
def test_read_error_is_not_called_damage(journal_path: Path) -> None:
    services = build_services(journal_path)
    try:
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title="fine on disk"))
    finally:
        services.close()
    _acks, _errors, stderr = _run_injected(str(journal_path), "posix/io/rw/pread", "EIO")
    assert stderr == f"fikadesk: {IO_FAILURE}\n"
    assert "damaged" not in stderr and "Restore" not in stderr
    assert_sound(journal_path, ["fine on disk"])


@needs_fiu
def test_injected_no_space_is_a_full_disk(journal_path: Path) -> None:
    acks, errors, stderr = _run_injected(str(journal_path), "posix/io/rw/pwrite", "ENOSPC")
    assert errors == ["The disk is full. Free some space and try again; nothing was changed."], stderr
    assert_sound(journal_path, acks)
    assert "during the fault" not in titles(journal_path)
