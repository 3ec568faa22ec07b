"""The backup commands: now, list (--json) and restore (--yes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import one_line, run_cli
from tests.storage.helpers import raw_query


def _titles(path: Path) -> list[str]:
    return [str(r[0]) for r in raw_query(path, "SELECT title FROM entry ORDER BY id")]


def test_now_list_and_restore(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    db = str(journal_path)
    assert run_cli(capsys, "--db", db, "add", "first win")[0] == 0
    # a change and no backup yet: the command line made the periodic backup itself
    first = json.loads(run_cli(capsys, "--db", db, "backup", "list", "--json")[1])
    assert [(b["reason"], b["entries"]) for b in first] == [("periodic", 1)]
    code, out, err = run_cli(capsys, "--db", db, "backup", "now")
    assert (code, err) == (0, "")
    made = Path(out.split("Backed up to ", 1)[1].split(" (", 1)[0])
    assert out == f"Backed up to {made} (1 entry, verified).\n"
    assert made.parent == journal_path.parent / "backups"
    assert run_cli(capsys, "--db", db, "add", "a mistake")[0] == 0  # not 30 minutes later: none

    code, out, err = run_cli(capsys, "--db", db, "backup", "list", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [b["reason"] for b in listed] == ["manual"]  # the periodic one gave way: a day keeps its newest
    assert sorted(listed[0]) == ["entries", "id", "made_at", "path", "reason", "size"]
    assert listed[0]["path"] == str(made) and listed[0]["reason"] == "manual"
    assert listed[0]["entries"] == 1 and listed[0]["size"] == made.stat().st_size
    ident = listed[0]["id"]

    code, out, _ = run_cli(capsys, "--db", db, "backup", "list")
    assert out.startswith(f"{ident}  ") and "manual" in out and "1 entry" in out
    assert len(out.splitlines()) == 1

    code, out, err = run_cli(capsys, "--db", db, "backup", "restore", ident[:15])
    assert code == 2
    assert one_line(err) == "fikadesk: restore replaces the whole journal: add --yes to confirm"
    assert _titles(journal_path) == ["first win", "a mistake"]

    code, out, err = run_cli(capsys, "--db", db, "backup", "restore", ident[:15], "--yes")
    assert (code, err) == (0, "")
    assert _titles(journal_path) == ["first win"]
    previous = Path(out.split("The journal as it was before is saved in ", 1)[1].rstrip(".\n"))
    assert _titles(previous) == ["first win", "a mistake"]
    assert "before-restore" in previous.name
    code, out, _ = run_cli(capsys, "--db", db, "backup", "list", "--json")
    assert [b["reason"] for b in json.loads(out)] == ["before-restore", "manual"]


def test_restore_of_an_unknown_id(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, _, err = run_cli(capsys, "--db", str(journal_path), "backup", "restore", "2020", "--yes")
    assert code == 1
    assert one_line(err).startswith("fikadesk: No backup has the id '2020' in ")


def test_list_without_backups(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, _ = run_cli(capsys, "--db", str(journal_path), "backup", "list")
    assert code == 0
    folder = journal_path.parent / "backups"
    assert out == f"No backups yet in {folder} (make one with: fikadesk backup now).\n"
    assert json.loads(run_cli(capsys, "--db", str(journal_path), "backup", "list", "--json")[1]) == []
