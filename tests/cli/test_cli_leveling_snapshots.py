"""The command line keeps the person's summary and freezes, lists and shows snapshots."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli as _run
from tests.storage.helpers import raw_query

SWE = str(Path(__file__).resolve().parents[2] / "resources" / "ladders" / "software-engineer.md")


@pytest.fixture
def targeted(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(journal_path)
    assert _run(capsys, "--db", db, "ladder", "import", SWE)[0] == 0
    assert _run(capsys, "--db", db, "target", "set", "--ladder", "1", "--current", "Engineer II",
                "--target", "Senior Engineer", "--summary", "  Own an area.  ")[0] == 0
    return db


def test_target_set_keeps_the_summary_unless_given(targeted: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(targeted)
    assert raw_query(path, "SELECT summary FROM target") == [("Own an area.",)]
    assert _run(capsys, "--db", targeted, "target", "set", "--ladder", "1", "--current",
                "Engineer I", "--target", "Senior Engineer")[0] == 0
    assert raw_query(path, "SELECT summary FROM target") == [("Own an area.",)]
    assert _run(capsys, "--db", targeted, "target", "set", "--ladder", "1", "--current",
                "Engineer I", "--target", "Senior Engineer", "--summary", "")[0] == 0
    assert raw_query(path, "SELECT summary FROM target") == [("",)]


def test_freeze_list_and_show(targeted: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--db", targeted, "target", "snapshots") == (
        0, "No snapshots yet (fikadesk target freeze makes one).\n", "")
    today = date.today().isoformat()
    assert _run(capsys, "--db", targeted, "target", "freeze", "--note", "agreed with Sam") == (
        0, f"Snapshot 1: 10 expectations of Senior Engineer frozen on {today}\n", "")
    assert _run(capsys, "--db", targeted, "target", "snapshots") == (
        0, f"   1  {today}  Senior Engineer on Software Engineer (10 expectations) — agreed "
        "with Sam\n", "")
    code, out, _ = _run(capsys, "--db", targeted, "target", "snapshot", "1")
    lines = out.splitlines()
    assert (code, lines[:3]) == (0, [
        f"Snapshot 1 of {today}: Senior Engineer on Software Engineer, from Engineer II",
        "Note: agreed with Sam", "Summary: Own an area."])
    assert len(lines) == 13 and lines[3].startswith("  Scope: Projects that span")
    code, out, _ = _run(capsys, "--db", targeted, "target", "snapshot", "1", "--json")
    shown = json.loads(out)
    assert (shown["note"], [x["id"] for x in shown["expectations"]]) == (
        "agreed with Sam", list(range(14, 24)))
    code, out, _ = _run(capsys, "--db", targeted, "target", "snapshots", "--json")
    assert [s["expectations"] for s in json.loads(out)] == [10]
    code, out, err = _run(capsys, "--db", targeted, "target", "snapshot", "7")
    assert (code, out) == (2, "") and "there is no snapshot 7" in err
