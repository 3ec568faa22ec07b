"""The ``brief`` command: markdown to stdout or a file, PDF headless, clear one-line errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from fikadesk.app import run_command as run
from fikadesk.cli import build_parser
from fikadesk.services.container import Services
from tests.briefs.golden import GOLDEN
from tests.briefs.sample import TODAY, fill_interview, fill_journal
from tests.cli.helpers import one_line, run_cli

ROOT = Path(__file__).resolve().parents[2]


def _run_on(db: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(["--db", str(db), *argv]), out, err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def test_promotion_to_stdout_matches_the_golden_file(services: Services, journal_path: Path) -> None:
    fill_journal(services)
    code, out, err = _run_on(journal_path, "brief", "promotion", "--starred-only")
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "promotion_starred.md").read_text(encoding="utf-8")


def test_period_options_choose_the_evidence(services: Services, journal_path: Path) -> None:
    fill_journal(services)
    code, out, _ = _run_on(journal_path, "brief", "promotion", "--since", "2026-10-01",
                           "--until", "2026-10-31")
    assert code == 0
    assert "dated 1 October 2026 to 31 October 2026." in out
    assert "Caught a data-loss bug in design review" in out
    assert "Led the billing migration cut-over" not in out


def test_output_file_replaces_the_old_one_whole(services: Services, journal_path: Path,
                                                tmp_path: Path) -> None:
    fill_journal(services)
    target = tmp_path / "out" / "case.md"
    target.parent.mkdir()
    target.write_text("old text that is much longer than nothing " * 500, encoding="utf-8")
    code, out, err = _run_on(journal_path, "brief", "promotion", "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"Wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith("# Promotion case: Senior Engineer\n")
    # The evidence chart's picture sits beside the brief, which names it.
    assert sorted(p.name for p in target.parent.iterdir()) == ["case-evidence.png", "case.md"]
    assert "![Evidence per dimension and month](case-evidence.png)" in target.read_text("utf-8")
    assert target.stat().st_mode & 0o777 == 0o600


def test_interview_for_one_job_matches_the_golden_file(services: Services, journal_path: Path,
                                                       tmp_path: Path) -> None:
    job_id = fill_interview(services, fill_journal(services))
    code, out, err = _run_on(journal_path, "brief", "interview", "--job", str(job_id))
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "interview_journal.md").read_text(encoding="utf-8")
    target = tmp_path / "prep.md"
    assert _run_on(journal_path, "brief", "interview", "--job", str(job_id), "-o",
                   str(target))[:2] == (0, f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8") == out


def test_interview_uses_the_speaking_pace_and_asks_which_job(services: Services,
                                                             journal_path: Path, capsys) -> None:
    job_id = fill_interview(services, fill_journal(services))
    services.preferences.save(services.preferences.get().with_changes(words_per_minute=100))
    code, out, _ = _run_on(journal_path, "brief", "interview", "--job", str(job_id))
    assert code == 0 and "Speaking times assume 100 words a minute" in out
    code, out, err = run_cli(capsys, "--db", str(journal_path), "brief", "interview")
    assert (code, out) == (2, "")
    assert one_line(err) == ("fikadesk: there are several target jobs: choose one with --job ID "
                             "(2 Staff Engineer at Elsewhere Ltd, 1 Senior Backend Engineer at "
                             "Northwind Payments)")


def test_interview_with_a_single_job_needs_no_job_option(services: Services,
                                                        journal_path: Path) -> None:
    job_id = fill_interview(services, fill_journal(services))
    services.interview.delete_job(job_id + 1)
    code, out, _ = _run_on(journal_path, "brief", "interview")
    assert code == 0
    assert out == (GOLDEN / "interview_journal.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("argv", "message"), [
    (["brief", "interview", "--job", "3"],
     "fikadesk: There is no job 3; `fikadesk interview jobs` lists them."),
    (["brief", "interview"], "fikadesk: No target job yet: add the job you are interviewing for"),
    (["brief", "promotion", "--since", "2026-02-30"], "fikadesk: '2026-02-30' is not a valid date"),
    (["brief", "promotion", "--since", "2026-05-02", "--until", "2026-05-01"],
     "fikadesk: --since 2026-05-02 is after --until 2026-05-01"),
    (["brief", "promotion", "--job", "1"], "fikadesk: --job belongs to the interview brief"),
    (["brief", "promotion", "-o", "/nonexistent/folder/x.md"],
     "fikadesk: -o /nonexistent/folder/x.md: the folder /nonexistent/folder does not exist"),
])
def test_bad_requests_exit_2_with_one_line(journal_path: Path, capsys, argv, message) -> None:
    code, out, err = run_cli(capsys, "--db", str(journal_path), *argv)
    assert (code, out) == (2, "")
    assert one_line(err).startswith(message)


def test_no_target_still_writes_the_wins(journal_path: Path, capsys) -> None:
    db = str(journal_path)
    for title in ("Led the billing cut-over", "Mentored Priya", "Shaped the search ask"):
        assert run_cli(capsys, "--db", db, "add", title, "--star")[0] == 0
    code, out, err = run_cli(capsys, "--db", db, "brief", "promotion")
    assert (code, err) == (0, "")
    assert out.startswith("# Promotion case: my wins\n")
    assert "No target level is set yet, so these wins are grouped by month." in out
    for title in ("Led the billing cut-over", "Mentored Priya", "Shaped the search ask"):
        assert f"**{title}**" in out


def test_missing_journal_is_not_created(tmp_path: Path, capsys) -> None:
    db = tmp_path / "none.fikadesk"
    code, _, err = run_cli(capsys, "--db", str(db), "brief", "promotion")
    assert code == 1 and one_line(err)
    assert not db.exists()


def test_pdf_works_headless_in_a_fresh_process(services: Services, journal_path: Path,
                                               tmp_path: Path) -> None:
    fill_journal(services)
    pdf = tmp_path / "case.pdf"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "fikadesk", "--db", str(journal_path), "brief",
                           "promotion", "--pdf", str(pdf)], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"Wrote {pdf} (") and done.stdout.endswith(" pages)\n")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Promotion case: Senior Engineer" in text and "Page 1 of" in text


def test_interview_pdf_works_headless(services: Services, journal_path: Path,
                                      tmp_path: Path) -> None:
    job_id = fill_interview(services, fill_journal(services))
    pdf = tmp_path / "prep.pdf"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "fikadesk", "--db", str(journal_path), "brief",
                           "interview", "--job", str(job_id), "--pdf", str(pdf)],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Interview prep: Senior Backend Engineer at Northwind Payments" in text
    assert "How does the team share on-call?" in text and "Page 1 of" in text


def test_the_pdf_shows_the_evidence_chart_and_stdout_names_no_picture(
        services: Services, journal_path: Path, tmp_path: Path) -> None:
    fill_journal(services)
    pdf = tmp_path / "case.pdf"
    code, out, err = _run_on(journal_path, "brief", "promotion", "--pdf", str(pdf))
    assert (code, err) == (0, "")
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(images) == 1
    # no picture is left beside a PDF (the journal's own files aside)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("journal.")] == ["case.pdf"]
    code, out, _ = _run_on(journal_path, "brief", "promotion")
    assert code == 0 and "At a glance" not in out and "![" not in out


def test_the_case_shows_the_1on1_thread_before_any_plan(journal_path: Path) -> None:
    assert _run_on(journal_path, "checkin", "add", "--date", "2026-10-01", "--growth",
                   "--notes", "Raised the promotion; asked how it works here",
                   "--followup", "manager: send me the ladder")[0] == 0
    code, out, err = _run_on(journal_path, "brief", "promotion", "--since", "2026-01-01")
    assert (code, err) == (0, "")
    assert "## Check-ins in short" in out
    assert "Raised the promotion; asked how it works here" in out
    assert "send me the ladder (my manager" in out


def test_a_journal_with_no_check_in_has_no_check_in_section(services: Services,
                                                            journal_path: Path) -> None:
    fill_journal(services)
    code, out, _ = _run_on(journal_path, "brief", "promotion")
    assert code == 0 and "Check-ins in short" not in out
