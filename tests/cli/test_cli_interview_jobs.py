"""``fikadesk interview jobs`` lists the target jobs and their ids, for ``--job``."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.interview.records import Answer, Job
from fikadesk.services.container import build_services
from tests.cli.helpers import one_line, run_cli


def test_jobs_are_listed_with_ids_dates_and_answer_counts(capsys: pytest.CaptureFixture[str],
                                                         journal_path: Path) -> None:
    services = build_services(journal_path, clock=lambda: datetime(2026, 11, 20, 9, 0))
    try:
        first = services.interview.save_job(Job(None, "Staff Engineer", "Acme",
                                                interview_on=date(2026, 12, 3)))
        second = services.interview.save_job(Job(None, "Data Lead"))
        services.interview.save_answer(Answer(None, "aspirations-career", "Career?", "aspiration",
                                              first.id, "x"))
    finally:
        services.close()
    code, out, err = run_cli(capsys, "--db", str(journal_path), "interview", "jobs")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{second.id:>4}  Data Lead (0 answers)",
                                f"{first.id:>4}  Staff Engineer at Acme, interview 2026-12-03 (1 answer)"]
    code, out, _err = run_cli(capsys, "--db", str(journal_path), "interview", "jobs", "--json")
    assert json.loads(out)[1] == {"id": first.id, "role": "Staff Engineer", "company": "Acme",
                                  "interview_on": "2026-12-03", "answers": 1}


def test_no_jobs_says_where_to_add_one(capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    code, out, err = run_cli(capsys, "--db", str(journal_path), "interview", "jobs")
    assert (code, out, err) == (0, "No target jobs yet: add one in the Interview tab (New job…).\n", "")


def test_a_missing_journal_is_not_created(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "none.fikadesk"
    code, out, err = run_cli(capsys, "--db", str(path), "interview", "jobs")
    assert code == 1 and out == "" and "There is no journal" in one_line(err)
    assert not path.exists()
