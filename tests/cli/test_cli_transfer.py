"""The export and import commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fikadesk.services.container import build_services
from tests.briefs.sample import fill_journal
from tests.cli.helpers import one_line, run_cli


@pytest.fixture
def filled(journal_path: Path) -> Path:
    services = build_services(journal_path)
    try:
        fill_journal(services)
    finally:
        services.close()
    return journal_path


def test_export_then_import_into_a_new_journal(capsys, filled: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "all.json"
    code, out, err = run_cli(capsys, "--db", str(filled), "export", "-o", str(out_file))
    assert (code, err) == (0, "")
    assert out == f"Wrote the whole journal to {out_file}.\n"
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert exported["format"] == "fikadesk-export"
    new = tmp_path / "new.fikadesk"
    code, out, err = run_cli(capsys, "--db", str(new), "import", str(out_file), "--dry-run")
    assert code == 1 and out == ""
    assert err.startswith("fikadesk: There is no journal at ")
    assert not new.exists()  # a dry run on a missing journal creates nothing
    before = filled.read_bytes()
    code, out, err = run_cli(capsys, "--db", str(filled), "import", str(out_file), "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("Dry run, nothing changed. Would add 14 entry rows, 1 ladder row, ")
    assert "Your current target is kept" in out
    assert filled.read_bytes() == before
    code, out, err = run_cli(capsys, "--db", str(new), "import", str(out_file))
    assert (code, err) == (0, "")
    assert out.startswith("Imported. Added 14 entry rows, ")
    again = tmp_path / "again.json"
    assert run_cli(capsys, "--db", str(new), "export", "-o", str(again))[0] == 0
    assert json.loads(again.read_text())["tables"] == exported["tables"]


def test_csv_export_by_file_name(capsys, filled: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "entries.csv"
    code, out, _err = run_cli(capsys, "--db", str(filled), "export", "-o", str(out_file))
    assert code == 0 and out == f"Wrote entries as CSV to {out_file}.\n"
    raw = out_file.read_bytes()
    assert raw.startswith("\ufeffid,date,title,".encode())


def test_a_bad_file_is_one_line_and_changes_nothing(capsys, filled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "fikadesk-export", "version": 1, "tables": {"entry": [{"id": 1}]}}')
    before = filled.read_bytes()
    code, out, err = run_cli(capsys, "--db", str(filled), "import", str(bad))
    assert code == 2 and out == ""
    assert one_line(err) == "fikadesk: $.tables.entry[0].day: missing"
    assert filled.read_bytes() == before


def test_export_refuses_a_missing_folder_and_keeps_an_old_file(capsys, filled: Path, tmp_path: Path) -> None:
    code, _out, err = run_cli(capsys, "--db", str(filled), "export", "-o", str(tmp_path / "no" / "x.json"))
    assert code == 2
    assert one_line(err) == f"fikadesk: the folder {tmp_path / 'no'} does not exist"


def test_import_of_a_file_that_is_not_json(capsys, filled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text("these are my notes", encoding="utf-8")
    code, _out, err = run_cli(capsys, "--db", str(filled), "import", str(bad))
    assert code == 2
    assert one_line(err) == "fikadesk: notes.json: not valid JSON at line 1, column 1: Expecting value"
