"""coach --job: a stored target job's description gives the key terms; no journal, no job, no run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fikadesk.domain.interview.records import Job
from fikadesk.services.container import build_services
from tests.cli.helpers import one_line, run_cli

DESCRIPTION = ("We need a data engineer to build streaming pipelines in Kafka and Spark, "
               "own data quality and mentor analysts.")
OFF_ROLE = "In five years I want to open my own bakery and work for myself."
ON_ROLE = ("Right now I want to get fluent in Kafka and Spark and ship my first streaming jobs. In a few "
           "years I'd own data quality for the pipelines and mentor analysts who are new to streaming. "
           "Eventually I'd lead the data platform that the whole company reports from.")


def _save_jobs(path: Path, *jobs: Job) -> list[int]:
    services = build_services(path)
    try:
        return [int(services.interview.save_job(job).id or 0) for job in jobs]
    finally:
        services.close()


def _codes(out: str) -> set[str]:
    return {f["code"] for f in json.loads(out)}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_jobs_description_gives_the_key_terms(capsys: pytest.CaptureFixture[str],
                                                  journal_path: Path) -> None:
    (job_id,) = _save_jobs(journal_path, Job(None, "Data engineer", "Acme", DESCRIPTION))
    db = str(journal_path)
    code, out, err = run_cli(capsys, "--db", db, "coach", "--text", OFF_ROLE, "--job", str(job_id), "--json")
    assert (code, err) == (0, "")
    assert "unrelated_to_role" in _codes(out)
    code, out, err = run_cli(capsys, "--db", db, "coach", "--text", ON_ROLE, "--job", str(job_id), "--json")
    assert (code, err) == (0, "")
    assert "unrelated_to_role" not in _codes(out)


def test_job_and_description_file_give_the_same_findings(capsys: pytest.CaptureFixture[str],
                                                         journal_path: Path, tmp_path: Path) -> None:
    (job_id,) = _save_jobs(journal_path, Job(None, "Data engineer", "Acme", DESCRIPTION))
    description = tmp_path / "job.txt"
    description.write_text(DESCRIPTION, encoding="utf-8")
    db = str(journal_path)
    _c, by_job, _e = run_cli(capsys, "--db", db, "coach", "--text", OFF_ROLE, "--job", str(job_id))
    _c, by_file, _e = run_cli(capsys, "--db", db, "coach", "--text", OFF_ROLE, "--description",
                              str(description))
    assert by_job == by_file
    assert by_job.startswith("unrelated_to_role [0-")


def test_unknown_job_is_one_line_and_changes_nothing(capsys: pytest.CaptureFixture[str],
                                                     journal_path: Path) -> None:
    first, second = _save_jobs(journal_path, Job(None, "Data engineer", "Acme", DESCRIPTION),
                               Job(None, "Analyst"))
    before = _snapshot(journal_path.parent)
    code, out, err = run_cli(capsys, "--db", str(journal_path), "coach", "--text", ON_ROLE,
                             "--job", "999")
    assert (code, out) == (2, "")
    assert one_line(err) == (f"fikadesk: there is no job 999 in {journal_path}; its jobs are "
                             f"{first} (Data engineer at Acme), {second} (Analyst)")
    assert _snapshot(journal_path.parent) == before


def test_a_journal_without_jobs_says_so(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, _out, err = run_cli(capsys, "--db", str(journal_path), "coach", "--text", ON_ROLE, "--job", "1")
    assert code == 2
    assert one_line(err) == (f"fikadesk: there is no job 1 in {journal_path}; the journal has no "
                             "target jobs yet; add one in the Interview tab")


def test_missing_journal_is_one_line_and_creates_nothing(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "journal.fikadesk"
    code, out, err = run_cli(capsys, "--db", str(db), "coach", "--text", ON_ROLE, "--job", "1")
    assert (code, out) == (2, "")
    assert one_line(err) == (f"fikadesk: --job 1 needs a journal, and there is none at {db} (choose one "
                             "with --db, or give the description with --description FILE)")
    assert list(tmp_path.iterdir()) == []


def test_without_job_the_coach_needs_no_journal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "journal.fikadesk"
    code, out, err = run_cli(capsys, "--db", str(db), "coach", "--text", ON_ROLE)
    assert (code, err) == (0, "")
    assert out == "The coach found nothing to flag.\n"
    assert list(tmp_path.iterdir()) == []


def test_a_job_without_description_runs_and_says_so(capsys: pytest.CaptureFixture[str],
                                                    journal_path: Path) -> None:
    (job_id,) = _save_jobs(journal_path, Job(None, "Analyst"))
    code, out, err = run_cli(capsys, "--db", str(journal_path), "coach", "--text", OFF_ROLE,
                             "--job", str(job_id), "--json")
    assert code == 0
    assert one_line(err) == (f"fikadesk: job {job_id} has no description, so the answer is not "
                             "checked against key terms")
    assert "unrelated_to_role" in _codes(out)  # the bakery is an outside aim even without key terms


def test_job_and_description_together_are_refused(capsys: pytest.CaptureFixture[str],
                                                  journal_path: Path, tmp_path: Path) -> None:
    description = tmp_path / "job.txt"
    description.write_text(DESCRIPTION, encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(journal_path), "coach", "--text", ON_ROLE,
                             "--job", "1", "--description", str(description))
    assert (code, out) == (2, "")
    assert one_line(err) == ("fikadesk: argument --description: not allowed with argument --job "
                             "(see fikadesk --help)")
