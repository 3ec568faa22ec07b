"""``link suggest`` lists unlinked wins with suggested expectations; ``link add`` accepts one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import one_line, run_cli


@pytest.fixture
def db(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(journal_path)
    assert run_cli(capsys, "--db", path, "ladder", "import", "--bundled", "software-engineer")[0] == 0
    assert run_cli(capsys, "--db", path, "target", "set", "--ladder", "1", "--current", "Engineer II",
                   "--target", "Senior Engineer")[0] == 0
    for argv in (["Mentored Ana through her first on-call rotation", "--star",
                  "--date", "2026-04-08"],
                 ["Bought cake for the team", "--date", "2026-05-01"]):
        assert run_cli(capsys, "--db", path, "add", *argv)[0] == 0
    return path


def _suggested(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> list[dict[str, object]]:
    code, out, err = run_cli(capsys, "--db", db, "link", "suggest", "--json", *extra)
    assert (code, err) == (0, "")
    return list(json.loads(out))


def test_unlinked_wins_come_with_their_likely_expectation(db: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    rows = _suggested(capsys, db)
    assert [r["title"] for r in rows] == ["Bought cake for the team",
                                          "Mentored Ana through her first on-call rotation"]
    cake, mentor = rows
    assert cake["suggestions"] == []
    first = mentor["suggestions"][0]  # type: ignore[index]
    assert first["dimension"] == "Leadership" and first["text"].startswith("Mentors one or more")
    assert "mentor" in first["because"]
    assert [r["title"] for r in _suggested(capsys, db, "--starred")] == [
        "Mentored Ana through her first on-call rotation"]
    assert _suggested(capsys, db, "--since", "2026-05-01")[0]["title"] == "Bought cake for the team"


def test_accepting_a_suggestion_links_the_entry(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    mentor = _suggested(capsys, db, "--starred")[0]
    expectation = mentor["suggestions"][0]["expectation"]  # type: ignore[index]
    code, out, _ = run_cli(capsys, "--db", db, "link", "add", str(mentor["entry"]), str(expectation))
    assert (code, out) == (0, f"Entry {mentor['entry']} is now evidence for 1 expectation.\n")
    assert _suggested(capsys, db, "--starred") == []
    code, out, _ = run_cli(capsys, "--db", db, "readiness", "--json")
    linked = [i for i in json.loads(out)["expectations"] if i["evidence"]]
    assert [i["id"] for i in linked] == [expectation]


def test_without_a_target_there_is_nothing_to_suggest(journal_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, "--db", str(journal_path), "add", "A win")
    code, _, err = run_cli(capsys, "--db", str(journal_path), "link", "suggest")
    assert code == 2
    assert one_line(err) == "fikadesk: no target level is set yet (fikadesk target set, or the Target tab)"


def test_a_bad_since_date_is_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--db", db, "link", "suggest", "--since", "2026-02-30")
    assert code == 2 and one_line(err).startswith("fikadesk: ")


def test_add_suggest_prints_the_likely_expectations_after_the_id(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", db, "add", "Mentored Sam until he ran releases alone",
                             "--suggest")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    entry_id = int(lines[0])  # the first line stays the id alone, as before
    assert lines[1] == "Suggested expectations:"
    assert lines[2].startswith("  [") and "Leadership: Mentors one or more engineers" in lines[2]
    assert lines[-1] == f"Accept one with: fikadesk link add {entry_id} EXPECTATION"
    assert 3 <= len(lines) <= 6
    expectation = int(lines[2].split("]")[0].strip(" ["))
    # linked at once to that expectation, it is not suggested again
    code, out, _ = run_cli(capsys, "--db", db, "add", "Mentored Sam again", "--expectation",
                           str(expectation), "--suggest")
    assert code == 0 and f"[{expectation}]" not in out


def test_add_suggest_says_so_when_nothing_fits(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--db", db, "add", "Bought cake", "--suggest")
    assert code == 0
    assert out.splitlines()[1:] == ["No expectation of the target level matches its words."]


def test_add_suggest_without_a_target(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--db", str(journal_path), "add", "Mentored Sam", "--suggest")
    assert code == 0
    assert out.splitlines()[1:] == [
        "No target level is set, so there is nothing to suggest (fikadesk target set)."]
    code, out, _ = run_cli(capsys, "--db", str(journal_path), "add", "Mentored Sam")
    assert code == 0 and out.strip().isdigit()  # without --suggest: the id alone, as before
