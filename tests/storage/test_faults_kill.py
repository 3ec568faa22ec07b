"""Fault suite: kill -9 of a writer at random points (adding, backing up, restoring).

A handful of trials run here; benchmarks/fault_kill_loop.py runs hundreds.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from fikadesk.storage.backup import list_backups, verify_backup
from tests.storage.fault_tools import assert_sound, kill_after, start_writer, titles

SEED = 20261120


@pytest.mark.parametrize("trial", range(4))
def test_kill_while_adding(journal_path: Path, trial: int) -> None:
    rng = random.Random(SEED + trial)
    proc = start_writer("add", str(journal_path), "400", f"trial{trial}")
    acknowledged = kill_after(proc, rng.randint(0, 25), rng.uniform(0, 40))
    assert_sound(journal_path, acknowledged)
    # the journal opens and takes writes again after the kill
    services = build_services(journal_path)
    try:
        services.journal.add(EntryDraft(day=date(2026, 11, 3), title="after the kill"))
    finally:
        services.close()
    assert_sound(journal_path, [*acknowledged, "after the kill"])


@pytest.mark.parametrize("trial", range(2))
def test_kill_while_backing_up(journal_path: Path, trial: int) -> None:
    rng = random.Random(SEED + 100 + trial)
    proc = start_writer("backup", str(journal_path), "60")
    acknowledged = kill_after(proc, rng.randint(0, 3), rng.uniform(0, 60))
    listed = list_backups(journal_path)
    for path in acknowledged:  # every backup that was reported made is there and verifies
        verify_backup(Path(path))
    for info in listed:  # and no file with a backup's name is anything but a verified backup
        assert info.readable
        verify_backup(info.path)
    assert {str(b.path) for b in listed} >= set(acknowledged)
    assert_sound(journal_path, [t for t in titles(journal_path)])


def test_kill_while_restoring(journal_path: Path) -> None:
    services = build_services(journal_path)
    try:
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title="state A"))
        services.backups.back_up("manual")
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title="state B"))
        services.backups.back_up("manual")
    finally:
        services.close()
    rng = random.Random(SEED + 200)
    proc = start_writer("restore", str(journal_path), "40")
    kill_after(proc, rng.randint(0, 4), rng.uniform(0, 40))
    # whole states only: the journal is one of the two backups, never a mix of pages
    assert titles(journal_path) in ({"state A"}, {"state A", "state B"})
    assert_sound(journal_path, [])
