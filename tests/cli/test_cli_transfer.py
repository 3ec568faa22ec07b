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
    assert (code, err) == (0, "")  # said against an empty journal: what the real run adds
    assert out.startswith(f"There is no journal at {new} yet: the import would create it.\n"
                          "Dry run, nothing changed. Would add 14 entry rows, 1 ladder row, ")
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
    code, _out, err = run_cli(capsys, "--db", str(filled), "import", str(bad), "--format", "fikadesk")
    assert code == 2
    assert one_line(err) == "fikadesk: notes.json: not valid JSON at line 1, column 1: Expecting value"
    code, _out, err = run_cli(capsys, "--db", str(filled), "import", str(bad))
    assert code == 2
    assert one_line(err) == ("fikadesk: notes.json: no dated headings or dated list items found, so nothing "
                             "to import (see the README for the shapes fikadesk reads)")
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _out, err = run_cli(capsys, "--db", str(filled), "import", str(binary))
    assert code == 2 and one_line(err) == "fikadesk: photo.md: a binary file, not text"


def test_a_brag_document_dry_run_lists_what_it_would_add(capsys, filled: Path, tmp_path: Path) -> None:
    brag = tmp_path / "brag.md"
    brag.write_text("# Wins\n\n## 2026-10-03 Ran the incident review ⭐\nImpact: two fixes shipped\n\n"
                    "- 2026-10-09: Paired with Sam on the importer\n", encoding="utf-8")
    before = filled.read_bytes()
    code, out, err = run_cli(capsys, "--db", str(filled), "import", str(brag), "--dry-run")
    assert (code, err) == (0, "")
    assert out == ("Dry run, nothing changed. Would add 2 new entries.\n"
                   "  2026-10-03 * Ran the incident review\n"
                   "  2026-10-09   Paired with Sam on the importer\n")
    assert filled.read_bytes() == before
    assert run_cli(capsys, "--db", str(filled), "import", str(brag))[1] == "Imported. Added 2 new entries.\n"
    assert run_cli(capsys, "--db", str(filled), "import", str(brag))[1] == (
        "Imported. Added 0 new entries; 2 already in the journal (same date, title and text) are left out.\n")
