"""The command line: add and search over the same services, one-line errors, nothing changed on error."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from fikadesk import __version__
from fikadesk.paths import default_journal_path
from tests.cli.helpers import one_line as _one_line
from tests.cli.helpers import run_cli as _run

ROOT = Path(__file__).resolve().parents[2]
RUN_MAIN = "import sys; from fikadesk.cli import main; sys.exit(main(sys.argv[1:]))"
JSON_KEYS = {"id", "date", "title", "body", "impact", "tags", "starred", "revisit_on", "links"}




@pytest.fixture
def filled(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = str(journal_path)
    for argv in (
        ["add", "Design doc for billing", "--date", "2026-01-05", "--body", "Wrote it", "--tag", "Design",
         "--tag", "#billing", "--star", "--link", "https://e.com/doc"],
        ["add", "Mentored Ana", "--date", "2026-02-01", "--impact", "Ana ships alone", "--tag", "mentoring",
         "--revisit", "2026-05-01"],
        ["add", "Incident review", "--date", "2026-02-01", "--tag", "leadership", "--star"],
        ["add", "Old design win", "--date", "2025-06-01", "--tag", "design"],
    ):
        assert _run(capsys, "--db", db, *argv)[0] == 0
    return journal_path


def test_add_prints_the_id(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--db", str(journal_path), "add", "First", "--date", "2026-03-01") == (0, "1\n", "")
    assert _run(capsys, "--db", str(journal_path), "add", "Second") == (0, "2\n", "")


def test_add_without_date_uses_today(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = date.today()
    _run(capsys, "--db", str(journal_path), "add", "Today's work")
    code, out, _ = _run(capsys, "--db", str(journal_path), "search", "--json")
    assert code == 0
    assert json.loads(out)[0]["date"] in {before.isoformat(), date.today().isoformat()}


def test_search_text(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(filled), "search")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "     3  2026-02-01 * Incident review  #leadership",
        "     2  2026-02-01   Mentored Ana  #mentoring",
        "     1  2026-01-05 * Design doc for billing  #billing #design",
        "     4  2025-06-01   Old design win  #design",
    ]
    assert _run(capsys, "--db", str(filled), "search", "nothing-like-this") == (
        0, "No matching entries.\n", "")


def test_search_json(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--db", str(filled), "search", "design", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert all(set(r) == JSON_KEYS for r in rows)
    assert rows[0] == {
        "id": 1, "date": "2026-01-05", "title": "Design doc for billing", "body": "Wrote it", "impact": "",
        "tags": ["billing", "design"], "starred": True, "revisit_on": None, "links": ["https://e.com/doc"],
    }
    assert [r["id"] for r in rows] == [1, 4]
    code, out, _ = _run(capsys, "--db", str(filled), "search", "ana", "--json")
    assert json.loads(out)[0]["revisit_on"] == "2026-05-01"
    assert json.loads(out)[0]["impact"] == "Ana ships alone"
    assert _run(capsys, "--db", str(filled), "search", "zzz", "--json") == (0, "[]\n", "")


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--tag", "design"], [1, 4]),
        (["--tag", "#Design", "--tag", "billing"], [1]),
        (["--starred"], [3, 1]),
        (["--since", "2026-02-01"], [3, 2]),
        (["--until", "2026-01-31"], [1, 4]),
        (["--since", "2026-01-01", "--until", "2026-01-31", "--starred", "--tag", "design"], [1]),
        (["des", "--since", "2026-01-01"], [1]),
        (["--limit", "2"], [3, 2]),
        (['"NEAR(*'], []),
        (["2026-02"], [3, 2]),  # a month, a day, a year, with or without words (issue 20)
        (["2026-01-05"], [1]),
        (["design 2025"], [4]),
        (["2026", "--until", "2026-01-31"], [1]),
    ],
)
def test_search_filters(filled: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                        ids: list[int]) -> None:
    code, out, err = _run(capsys, "--db", str(filled), "search", "--json", *args)
    assert (code, err) == (0, "")
    assert [r["id"] for r in json.loads(out)] == ids


def test_fikadesk_db_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    from_env = tmp_path / "env" / "journal.fikadesk"
    monkeypatch.setenv("FIKADESK_DB", str(from_env))
    assert _run(capsys, "add", "From the variable")[0] == 0
    assert from_env.exists()
    chosen = tmp_path / "flag.fikadesk"
    assert _run(capsys, "--db", str(chosen), "add", "From the flag")[0] == 0  # --db wins
    code, out, _ = _run(capsys, "search", "--json")
    assert [r["title"] for r in json.loads(out)] == ["From the variable"]
    code, out, _ = _run(capsys, "--db", str(chosen), "search", "--json")
    assert [r["title"] for r in json.loads(out)] == ["From the flag"]


def test_default_journal_in_user_data_folder(capsys: pytest.CaptureFixture[str],
                                             _private_user_folders: Path) -> None:
    assert _run(capsys, "add", "Default place") == (0, "1\n", "")
    path = default_journal_path()
    assert path.is_relative_to(_private_user_folders)  # the autouse fixture kept us out of $HOME
    assert path.exists()
    assert (path.parent.stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["add", "x", "--date", "2026-02-30"], 2,
         "fikadesk: '2026-02-30' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14."),
        (["add", "x", "--revisit", "soon"], 2,
         "fikadesk: 'soon' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14."),
        (["add", "   "], 2, "fikadesk: An entry needs a title: say in a few words what you did."),
        (["add", "x", "--link", "file:///etc/passwd"], 2,
         "fikadesk: A link must start with http://, https:// or mailto: and have no spaces."),
        (["search", "--since", "yesterday"], 2,
         "fikadesk: 'yesterday' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14."),
        (["search", "--limit", "0"], 2, "fikadesk: --limit must be at least 1"),
        (["search", "--limit", "many"], 2, None),
        (["add", "x", "--colour", "red"], 2, None),
        (["add"], 2, None),
        (["frobnicate"], 2, None),
        ([], 2, "fikadesk: no command given (see fikadesk --help)"),
    ],
)
def test_bad_arguments_change_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                      code: int, message: str | None) -> None:
    path = tmp_path / "never" / "journal.fikadesk"
    result, out, err = _run(capsys, "--db", str(path), *argv)
    assert result == code
    assert out == ""
    line = _one_line(err)
    if message is not None:
        assert line == message
    else:
        assert line.endswith("(see fikadesk --help)")
    assert list(tmp_path.iterdir()) == []  # no journal, not even its folder


def test_bad_arguments_leave_existing_journal_alone(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = filled.read_bytes()
    assert _run(capsys, "--db", str(filled), "add", "", "--date", "2026-01-01")[0] == 2
    assert filled.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"", "the file is empty"), (bytes(range(256)) * 32, "it is not a database file")],
    ids=["empty", "random"],
)
@pytest.mark.parametrize("command", [["add", "x"], ["search"]])
def test_unreadable_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, why: str,
                            command: list[str]) -> None:
    path = tmp_path / "journal.fikadesk"
    path.write_bytes(content)
    code, out, err = _run(capsys, "--db", str(path), *command)
    assert (code, out) == (1, "")
    expected = f"fikadesk: {path} is not a fikadesk journal ({why}). The file was left untouched."
    assert _one_line(err) == expected
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.fikadesk"]


def test_journal_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", str(tmp_path), "search")
    assert code == 1
    assert _one_line(err) == f"fikadesk: {tmp_path} is not a fikadesk journal (it is a folder). " \
        "The file was left untouched."


def test_damaged_journal_is_one_line(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(journal_path.read_bytes())
    data[100:4096] = bytes((i * 37 + 11) % 256 for i in range(3996))
    journal_path.write_bytes(bytes(data))
    code, _, err = _run(capsys, "--db", str(journal_path), "search")
    assert code == 1
    assert "damaged" in _one_line(err)


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--version")
    assert (code, out) == (0, f"fikadesk {__version__}\n")
    code, out, _ = _run(capsys, "--help")
    assert code == 0 and "add" in out and "search" in out


# -- real processes -----------------------------------------------------------------------------
def _process(args: list[str], journal: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if journal is not None:
        env["FIKADESK_DB"] = str(journal)
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=False)


def test_process_add_then_search(tmp_path: Path) -> None:
    journal = tmp_path / "journal.fikadesk"
    added = _process([sys.executable, "-c", RUN_MAIN, "add", "From a shell", "--date", "2026-04-01",
                      "--tag", "cli"], journal)
    assert (added.returncode, added.stdout, added.stderr) == (0, "1\n", "")
    found = _process([sys.executable, "-c", RUN_MAIN, "search", "shell", "--json"], journal)
    assert (found.returncode, found.stderr) == (0, "")
    assert [(r["id"], r["tags"]) for r in json.loads(found.stdout)] == [(1, ["cli"])]


def test_process_bad_input_is_one_line(tmp_path: Path) -> None:
    journal = tmp_path / "journal.fikadesk"
    done = _process([sys.executable, "-c", RUN_MAIN, "add", "x", "--date", "14.03.2026"], journal)
    assert (done.returncode, done.stdout) == (2, "")
    assert _one_line(done.stderr).startswith("fikadesk: '14.03.2026' is not a valid date")
    assert not journal.exists()


def test_process_version_through_app(tmp_path: Path) -> None:
    if not (ROOT / "fikadesk" / "app.py").exists():
        pytest.skip("fikadesk/app.py does not exist yet")
    done = _process([sys.executable, "-c", "import sys; from fikadesk.app import main; "
                     "sys.exit(main(sys.argv[1:]))", "--version"])
    assert (done.returncode, done.stdout.strip()) == (0, f"fikadesk {__version__}")


def test_search_on_a_missing_journal_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "journal.fikadesk"
    code, out, err = _run(capsys, "--db", str(missing), "search")
    assert code == 1
    assert out == ""
    assert _one_line(err) == f"fikadesk: There is no journal at {missing}."
    assert not missing.parent.exists()


class _ClosedPipe(io.StringIO):
    """Stands for stdout piped into ``head``, which has read enough and gone."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_goes_away_ends_the_command_quietly(journal_path) -> None:
    from fikadesk.cli import build_parser, run

    err = io.StringIO()
    args = build_parser().parse_args(["--db", str(journal_path), "search", "", "--json"])
    assert run(args, out=_ClosedPipe(), err=err) == 1
    assert err.getvalue() == ""  # no traceback, no message: the reader asked for no more


def test_a_command_does_not_read_the_whole_file_first(
        journal_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from fikadesk.storage import engine

    _run(capsys, "--db", str(journal_path), "add", "A win", "--date", "2026-11-02")
    checked: list[Path] = []
    monkeypatch.setattr(engine, "quick_check", lambda path: checked.append(path))
    code, out, _ = _run(capsys, "--db", str(journal_path), "search", "win")
    assert code == 0 and "A win" in out
    assert checked == []


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["brief", "--help"]])
def test_version_and_help_load_no_data_layer(argv: list[str]) -> None:
    code = ("import io, sys, contextlib\n"
            "from fikadesk.app import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n"
            f"        main({argv!r})\n"
            "    except SystemExit:\n"
            "        pass\n"
            "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'PySide6', 'yaml',\n"
            "                         'fikadesk.services.container') if m in sys.modules))\n")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]", loaded.stderr


def test_search_loads_the_journal_service_alone(journal_path: Path) -> None:
    code = ("import sys\n"
            "from fikadesk.app import main\n"
            f"main(['--db', {str(journal_path)!r}, 'add', 'A win'])\n"
            f"main(['--db', {str(journal_path)!r}, 'search', 'win', '--json'])\n"
            "print(sorted(m for m in ('fikadesk.services.briefs', 'fikadesk.services.interview.service',\n"
            "                         'fikadesk.services.plan.service', 'yaml', 'snowballstemmer')\n"
            "             if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
