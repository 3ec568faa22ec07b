"""The command line of the Target area: ladder import/list/show, target set, add --expectation, readiness."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.cli.helpers import one_line as _one_line
from tests.cli.helpers import run_cli as _run
from tests.storage.helpers import raw_query

LADDERS = Path(__file__).resolve().parents[2] / "resources" / "ladders"
SWE = str(LADDERS / "software-engineer.md")




@pytest.fixture
def laddered(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(journal_path)
    assert _run(capsys, "--db", db, "ladder", "import", SWE)[0] == 0
    return db


def test_ladder_import_prints_id_and_counts(journal_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(journal_path), "ladder", "import", SWE)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Ladder 1: Software Engineer (5 levels, 38 expectations)",
        "  Engineer I: 6 expectations",
        "  Engineer II: 7 expectations",
        "  Senior Engineer: 10 expectations",
        "  Staff Engineer: 8 expectations",
        "  Principal Engineer: 7 expectations",
        "Read as: levels are the ## headings under 'Software Engineer'; ordered in the order "
        "written (confidence 97%).",
        "0 table rows and 3 lines of prose were not read.",
    ]
    code, out, _ = _run(capsys, "--db", str(journal_path), "ladder", "import", SWE, "--name", "Mine")
    assert (code, out.splitlines()[0]) == (0, "Ladder 2: Mine (5 levels, 38 expectations)")


def test_ladder_import_counts_in_good_english(journal_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.csv"
    small.write_text("level,dimension,expectation\nL1,Scope,Small tasks\n", encoding="utf-8")
    code, out, err = _run(capsys, "--db", str(journal_path), "ladder", "import", str(small))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Ladder 1: Small (1 level, 1 expectation)", "  L1: 1 expectation",
        "Read as: one row per expectation, with a level column and an expectation column; "
        "ordered in the order written (confidence 66%).",
        "0 table rows and 0 lines of prose were not read."]


def test_ladder_import_creates_a_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.fikadesk"
    assert _run(capsys, "--db", str(path), "ladder", "import", SWE)[0] == 0
    assert raw_query(path, "SELECT count(*) FROM expectation") == [(38,)]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ladder", "import", "/no/such/ladder.md"], "fikadesk: ladder.md: cannot be read"),
        (["ladder", "import", SWE, "--level-depth", "9"],
         "fikadesk: --level-depth must be between 1 and 6"),
        (["ladder", "show", "5"], "fikadesk: there is no ladder 5 (see fikadesk ladder list)"),
        (["target", "set", "--ladder", "1", "--current", "Engineer II", "--target", "Engineer I"],
         "fikadesk: the target level 'Engineer I' must be above the current level 'Engineer II'"),
        (["target", "set", "--ladder", "1", "--current", "x", "--target", "Engineer I"],
         "fikadesk: ladder 'Software Engineer' has no level called 'x' (levels: Engineer I, "
         "Engineer II, Senior Engineer, Staff Engineer, Principal Engineer)"),
        (["target", "set", "--ladder", "3", "--current", "Engineer I", "--target", "Engineer II"],
         "fikadesk: there is no ladder 3 (see fikadesk ladder list)"),
        (["target", "set", "--ladder", "1", "--current", "Engineer I", "--target", "Engineer II",
          "--date", "2027-13-01"], None),
        (["readiness"], "fikadesk: no target is set; set one first (fikadesk target set)"),
        (["add", "Linked", "--expectation", "3", "--expectation", "99"],
         "fikadesk: there is no expectation 99 (see fikadesk ladder show)"),
        (["add", "Linked", "--expectation", "three"], None),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    laddered: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str | None
) -> None:
    before = raw_query(Path(laddered), "SELECT value FROM meta WHERE key = 'revision'")
    code, out, err = _run(capsys, "--db", laddered, *argv)
    assert code == 2 and out == ""
    line = _one_line(err)
    if message is not None:
        assert line.startswith(message), line
    assert raw_query(Path(laddered), "SELECT value FROM meta WHERE key = 'revision'") == before
    assert raw_query(Path(laddered), "SELECT count(*) FROM entry") == [(0,)]
    assert raw_query(Path(laddered), "SELECT count(*) FROM ladder") == [(1,)]


def test_ladder_list(laddered: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--db", laddered, "ladder", "list") == (
        0, "   1  Software Engineer  (5 levels, 38 expectations; markdown: software-engineer.md)\n",
        "")
    code, out, _ = _run(capsys, "--db", laddered, "ladder", "list", "--json")
    (row,) = json.loads(out)
    assert code == 0
    assert {k: row[k] for k in ("id", "name", "source", "levels", "expectations")} == {
        "id": 1, "name": "Software Engineer", "source": "markdown: software-engineer.md",
        "levels": 5, "expectations": 38}


def test_ladder_list_empty(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--db", str(journal_path), "ladder", "list") == (
        0, "No ladders yet (fikadesk ladder import PATH).\n", "")


def test_ladder_show(laddered: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", laddered, "ladder", "show", "1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:5] == [
        "Software Engineer (ladder 1; markdown: software-engineer.md)",
        "",
        "Engineer I",
        "  Learns the codebase, the tools and the team's way of working, and ships small changes "
        "safely.",
        "  [1] Scope: Well-defined tasks inside one component, usually broken down by someone else.",
    ]
    assert sum(1 for line in lines if line.startswith("  [")) == 38
    code, out, _ = _run(capsys, "--db", laddered, "ladder", "show", "1", "--json")
    shown = json.loads(out)
    assert [(lv["name"], len(lv["expectations"])) for lv in shown["levels"]] == [
        ("Engineer I", 6), ("Engineer II", 7), ("Senior Engineer", 10), ("Staff Engineer", 8),
        ("Principal Engineer", 7)]
    assert shown["levels"][2]["expectations"][0]["id"] == 14


def test_target_and_readiness(laddered: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = laddered
    assert _run(capsys, "--db", db, "target", "show") == (0, "No target is set.\n", "")
    assert _run(capsys, "--db", db, "target", "set", "--ladder", "1", "--current", "engineer ii",
                "--target", "SENIOR ENGINEER", "--date", "2027-06-30") == (
        0, "Target: Senior Engineer on Software Engineer (ladder 1), from Engineer II, "
        "by 2027-06-30\n", "")
    code, out, _ = _run(capsys, "--db", db, "readiness", "--json")
    shown = json.loads(out)
    assert (code, shown["percent"], len(shown["expectations"])) == (0, 0, 10)
    for argv in (["add", "A", "--date", "2026-01-05", "--expectation", "14", "--expectation", "16"],
                 ["add", "B", "--date", "2026-02-05", "--expectation", "14", "--star"],
                 ["add", "C", "--date", "2026-02-07", "--expectation", "14"]):
        assert _run(capsys, "--db", db, *argv)[0] == 0
    assert raw_query(Path(db), "SELECT entry_id, expectation_id FROM entry_expectation "
                     "ORDER BY 1, 2") == [(1, 14), (1, 16), (2, 14), (3, 14)]
    code, out, _ = _run(capsys, "--db", db, "readiness", "--json")
    shown = json.loads(out)
    assert [x["id"] for x in shown["expectations"]] == [15, 17, 18, 19, 20, 21, 22, 23, 16, 14]
    first, third = shown["expectations"][-1], shown["expectations"][-2]
    assert (first["id"], first["evidence"], first["starred"], first["months"], first["latest"],
            first["status"]) == (14, 3, 1, 2, "2026-02-07", "consistent")
    assert (third["id"], third["status"]) == (16, "emerging")
    today = date.today()
    expected = 14 if (today - date(2026, 2, 7)).days <= 365 else 11  # Scope 1/2 or 1/4, Autonomy 1/2; 7 dims
    assert shown["percent"] == expected
    code, out, _ = _run(capsys, "--db", db, "readiness")
    lines = out.splitlines()
    assert lines[0].startswith("Target: Senior Engineer on Software Engineer")
    assert lines[1] == f"Readiness: {expected}%"
    assert len(lines) == 12
    assert lines[2].startswith("  [15] none       Scope: ")
    assert lines[2].endswith("(no entries yet)")
    assert lines[10].startswith("  [16] emerging   Autonomy: ")
    assert lines[10].endswith("(1 entry, 0 starred, 1 month, latest 2026-01-05)")
    assert lines[11].startswith("  [14] consistent Scope: ")
    assert lines[11].endswith("(3 entries, 1 starred, 2 months, latest 2026-02-07)")
