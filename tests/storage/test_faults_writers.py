"""Fault suite: two writers at once, the window's services and a command-line process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from tests.storage.fault_tools import assert_sound, start_writer, titles


def test_window_services_and_cli_add_at_once(journal_path: Path) -> None:
    services = build_services(journal_path)  # what the window holds open
    proc = start_writer("cli-add", str(journal_path), "30", "from the cli")
    window_acks = []
    try:
        i = 0
        while (proc.poll() is None or i < 30) and i < 5000:  # keep adding until the CLI is done
            services.journal.add(EntryDraft(day=date(2026, 11, 2), title=f"from the window {i}"))
            window_acks.append(f"from the window {i}")
            i += 1
        out, err = proc.communicate(timeout=300)
    finally:
        services.close()
    cli_acks = [line[4:] for line in out.splitlines() if line.startswith("ack ")]
    assert proc.returncode == 0, err
    assert len(cli_acks) == 30  # none was refused: a busy journal waits rather than fails
    assert_sound(journal_path, [*window_acks, *cli_acks])
    assert len(titles(journal_path)) == len(window_acks) + 30
