"""`ladder list --bundled` and `ladder import --bundled NAME`: start from a shipped ladder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import one_line, run_cli

LADDERS = Path(__file__).resolve().parents[2] / "resources" / "ladders"


def test_bundled_list_needs_no_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.fikadesk"
    code, out, err = run_cli(capsys, "--db", str(db), "ladder", "list", "--bundled", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [row["name"] for row in listed] == sorted(
        p.stem for p in LADDERS.glob("*.md") if p.stem.lower() != "readme")
    swe = next(row for row in listed if row["name"] == "software-engineer")
    assert swe["title"] == "Software Engineer"
    assert swe["levels"][0] == "Engineer I" and len(swe["levels"]) == 5
    assert not db.exists()


def test_bundled_list_in_words_says_how_to_import(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--db", str(tmp_path / "j.fikadesk"), "ladder", "list", "--bundled")
    assert code == 0
    assert "software-engineer  Software Engineer  (5 levels" in out
    assert out.rstrip().endswith("fikadesk ladder import --bundled NAME")


@pytest.mark.parametrize("name", ["software-engineer", "Software Engineer", "SOFTWARE_ENGINEER"])
def test_import_bundled_by_name_creates_the_journal(tmp_path: Path, name: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "new.fikadesk")
    code, out, err = run_cli(capsys, "--db", db, "ladder", "import", "--bundled", name)
    assert (code, err) == (0, "")
    assert out.startswith("Ladder 1: Software Engineer (5 levels,")
    code, out, _ = run_cli(capsys, "--db", db, "ladder", "list", "--json")
    assert [row["name"] for row in json.loads(out)] == ["Software Engineer"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--bundled", "nope"], "fikadesk: there is no bundled ladder called 'nope' (bundled: data-analyst, "
                            "product-designer, product-manager, software-engineer)"),
    ([], "fikadesk: name the ladder's files, or --bundled NAME (fikadesk ladder list --bundled shows "
         "the names)"),
    ([str(LADDERS / "software-engineer.md"), "--bundled", "software-engineer"],
     "fikadesk: give either files or --bundled NAME, not both"),
])
def test_bad_bundled_import_is_refused_and_creates_nothing(tmp_path: Path, argv: list[str], message: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "j.fikadesk"
    code, _, err = run_cli(capsys, "--db", str(db), "ladder", "import", *argv)
    assert code == 2
    assert one_line(err) == message
    assert not db.exists()
