"""``ladder import`` says how it read the files, offers the other readings, refuses doubtful ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import one_line as _one_line
from tests.cli.helpers import run_cli as _run
from tests.storage.helpers import raw_query

SHAPES = Path(__file__).resolve().parents[1] / "data" / "ladders" / "shapes"


def test_two_tracks_says_which_it_chose_and_how_to_pick_the_other(
        journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(journal_path), "ladder", "import",
                          str(SHAPES / "two_tracks.md"))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Ladder 1: Platform ladder (3 levels, 6 expectations)",
        "  P1 Engineer: 2 expectations",
        "  P2 Senior Engineer: 2 expectations",
        "  P3 Staff Engineer: 2 expectations",
        "Read as: levels are the ### headings of the track 'Individual contributor track'; "
        "ordered in the order written (confidence 86%).",
        "0 table rows and 1 line of prose was not read; 6 list items outside the levels were "
        "left out.",
        "Other reading 2: 2 levels (M1 Engineering Manager, M2 Senior Engineering Manager), 4 "
        "expectations: levels are the ### headings of the track 'Manager track' (import it with "
        "--reading 2)",
    ]
    code, out, _ = _run(capsys, "--db", str(journal_path), "ladder", "import",
                        str(SHAPES / "two_tracks.md"), "--reading", "2")
    assert (code, out.splitlines()[0]) == (0, "Ladder 2: Platform ladder (2) (2 levels, "
                                              "4 expectations)")
    assert "Other reading 1: 3 levels (P1 Engineer … P3 Staff Engineer)" in out


def test_folder_order_and_skipped_pages_are_said(journal_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", str(journal_path), "ladder", "import",
                        str(SHAPES / "hugo_levels"))
    assert code == 0
    assert out.splitlines()[5:] == [
        "Read as: each page is one level (4 pages); ordered by front matter 'weight' "
        "(confidence 91%).",
        "0 table rows and 0 lines of prose were not read.",
        "Skipped: _index.md: a section index page",
        "Skipped: faq.md: a list of questions and answers",
    ]


def test_a_reading_below_the_bar_is_refused_in_one_line_and_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.fikadesk"
    code, out, err = _run(capsys, "--db", str(db), "ladder", "import",
                          str(SHAPES / "advice_only.md"))
    assert (code, out) == (2, "")
    assert _one_line(err) == (
        "fikadesk: advice_only.md: not imported: the best reading found 3 levels (Before the "
        "meeting … After the meeting), 5 expectations: levels are the ## headings under "
        "'Preparing for your review'; but its level names do not read as levels; 0 table rows "
        "and 0 lines of prose were not read. Nothing was saved; open it in the window to look "
        "at the preview and accept it there if it is right")
    assert not db.exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"", "fikadesk: empty.md: the file is empty"),
    (b"Just some thoughts about growth.\n\nNothing more.\n",
     "fikadesk: empty.md: no levels found: a level is a heading with list items below it"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "fikadesk: empty.md, line 3: this looks like a "
     "binary file (it contains NUL bytes), not text"),
])
def test_bad_files_end_in_one_line_and_create_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    db = tmp_path / "new.fikadesk"
    code, out, err = _run(capsys, "--db", str(db), "ladder", "import", str(path))
    assert (code, out, _one_line(err)) == (2, "", message)
    assert not db.exists()


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.write(b"# L1\n- a\n" + b"#" * (20 * 1024 * 1024))
    db = tmp_path / "new.fikadesk"
    code, _out, err = _run(capsys, "--db", str(db), "ladder", "import", str(path))
    assert (code, _one_line(err)) == (
        2, "fikadesk: huge.md: the file is 20.0 MB; a ladder file may be at most 5 MB")
    assert not db.exists()


def test_reading_numbers_are_checked(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "--db", str(journal_path), "ladder", "import",
                           str(SHAPES / "two_tracks.md"), "--reading", "7")
    assert (code, _one_line(err)) == (
        2, "fikadesk: two_tracks.md: there is no reading 7; this file has 2 readings (1 to 2)")
    code, _out, err = _run(capsys, "--db", str(journal_path), "ladder", "import",
                           str(SHAPES / "two_tracks.md"), "--reading", "0")
    assert (code, _one_line(err)) == (2, "fikadesk: --reading must be 1 or more")
    assert raw_query(journal_path, "SELECT count(*) FROM ladder") == [(0,)]
