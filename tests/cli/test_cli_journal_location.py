"""After "Move journal" every entry point finds the journal, and none re-creates the old file."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.paths import default_journal_path, resolve_journal_path
from fikadesk.services.container import build_services
from fikadesk.storage.journal_move import move_journal

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from fikadesk.cli import main
    for n in range(int(sys.argv[1])):
        if main(["add", f"entry {n}"]) == 0:   # each call resolves, opens and closes, like a new CLI
            print(f"acknowledged entry {n}", flush=True)
""")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fikadesk", *argv], capture_output=True, text=True,
                          env=_env(), timeout=120)


def _titles(path: Path) -> set[str]:
    services = build_services(path, create=False)
    try:
        return {e.title for e in services.journal.page(EntryQuery(), 0, 1000)}
    finally:
        services.close()


def test_after_a_move_the_command_line_uses_the_moved_journal(tmp_path):
    old = default_journal_path()
    assert _cli("add", "before the move").returncode == 0
    assert old.exists()
    new = tmp_path / "elsewhere" / "mine.fikadesk"
    move_journal(old, new)  # what Preferences ▸ Move journal does once the window has closed
    assert resolve_journal_path(None, {}) == new

    found = _cli("search", "before")
    assert found.returncode == 0, found.stderr
    assert "before the move" in found.stdout
    assert _cli("add", "after the move").returncode == 0
    assert not old.exists()  # not re-created: one journal, not two
    assert _titles(new) == {"before the move", "after the move"}

    # Naming the old place explicitly says where the journal went instead of starting a new one.
    refused = _cli("--db", str(old), "add", "to the old place")
    assert refused.returncode == 1
    assert f"was moved to {new}" in refused.stderr
    assert not old.exists()


def test_a_move_waits_for_a_command_that_is_writing_and_loses_no_acknowledged_add(tmp_path):
    old = default_journal_path()
    assert _cli("add", "first").returncode == 0
    writer = subprocess.Popen([sys.executable, "-c", WRITER, "40"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env())
    assert writer.stdout is not None
    acknowledged = [writer.stdout.readline().strip() for _ in range(10)]  # the add prints an id too
    new = tmp_path / "moved" / "journal.fikadesk"
    move_journal(old, new, wait=60)  # while the writer keeps adding
    out, err = writer.communicate(timeout=300)
    acknowledged += out.split("\n")
    acknowledged = [line.removeprefix("acknowledged ") for line in acknowledged
                    if line.startswith("acknowledged ")]
    assert writer.returncode == 0, err
    assert len(acknowledged) == 40, err
    assert not old.exists()
    assert _titles(new) == {"first", *acknowledged}


def test_a_journal_moved_to_a_drive_that_is_not_connected_is_never_made_anew(tmp_path):
    old = default_journal_path()
    assert _cli("add", "before the move").returncode == 0
    drive = tmp_path / "usb"
    new = drive / "mine.fikadesk"
    move_journal(old, new)
    away = tmp_path / "usb-unplugged"
    drive.rename(away)  # the drive is not connected: its folder is gone
    for argv in (("add", "while the drive is away"), ("search", "before"), ("plan", "show")):
        done = _cli(*argv)
        assert done.returncode == 1, argv
        assert done.stderr.startswith(f"fikadesk: Your journal was moved to {new}, and it is not "
                                      "there now."), done.stderr
    assert not drive.exists() and not old.exists()  # no empty journal at either place
    away.rename(drive)  # connected again
    assert _cli("add", "once it is back").returncode == 0
    assert _titles(new) == {"before the move", "once it is back"}
