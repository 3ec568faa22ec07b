"""The command line's two kinds of error: what was asked is wrong (exit 2), the journal failed (exit 1)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import Any

import pytest

from fikadesk import cli
from fikadesk.domain.interview.records import InterviewError
from fikadesk.errors import InputError, StorageError
from fikadesk.services.container import Services
from tests.briefs.sample import TODAY, fill_journal
from tests.cli.helpers import one_line, run_cli


class _Refused(InputError):
    """An input error no command raises today: the CLI knows the kind, not the class."""


class _DiskGone(StorageError):
    """A storage error no command raises today."""


def _run(db: Path, *argv: str, **kwargs: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.build_parser().parse_args(["--db", str(db), *argv]), out, err, **kwargs)
    return code, out.getvalue(), err.getvalue()


def _raising(error: Exception) -> Any:
    def command(*_args: object) -> Any:
        raise error
    return command


def _fine(*_args: object) -> int:
    return 0


@pytest.mark.parametrize(("error", "code"), [
    (_Refused("--limit is odd"), 2),
    (InterviewError("there is no job 7"), 2),  # an input error the CLI never listed
    (_DiskGone("the disk went away"), 1),
])
def test_a_check_that_fails_is_one_line_by_its_kind_and_opens_nothing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: Exception, code: int) -> None:
    monkeypatch.setitem(cli.COMMANDS, "search", (_raising(error), _fine))
    missing = tmp_path / "none.fikadesk"
    assert _run(missing, "search") == (code, "", f"fikadesk: {error}\n")
    assert not missing.exists()


@pytest.mark.parametrize(("error", "code"), [
    (_Refused("no such plan item"), 2),
    (_DiskGone("The disk is full."), 1),
])
def test_a_command_that_fails_is_one_line_by_its_kind_and_closes_the_journal(
        monkeypatch: pytest.MonkeyPatch, journal_path: Path, error: Exception, code: int) -> None:
    closed: list[Services] = []
    opened = cli._open_journal

    def tracked(args: argparse.Namespace, creating: bool) -> Services:
        services = opened(args, creating)
        close = services.close
        monkeypatch.setattr(services, "close", lambda: (closed.append(services), close()))
        return services

    monkeypatch.setattr(cli, "_open_journal", tracked)
    monkeypatch.setitem(cli.COMMANDS, "search", (lambda _a, _t: None, _raising(error)))
    assert _run(journal_path, "search") == (code, "", f"fikadesk: {error}\n")
    assert len(closed) == 1


def test_a_journal_error_in_the_coach_is_a_journal_error(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    not_a_journal = tmp_path / "notes.fikadesk"
    not_a_journal.write_text("my notes", encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(not_a_journal), "coach", "--text",
                             "I led the migration.", "--job", "1")
    assert (code, out) == (1, "")
    assert one_line(err).startswith(f"fikadesk: {not_a_journal} is not a fikadesk journal")
    assert not_a_journal.read_text(encoding="utf-8") == "my notes"


def test_without_the_drawing_a_pdf_is_refused_before_anything_is_written(
        services: Services, journal_path: Path, tmp_path: Path) -> None:
    fill_journal(services)
    pdf = tmp_path / "case.pdf"
    code, out, err = _run(journal_path, "brief", "promotion", "--pdf", str(pdf), today=TODAY)
    assert (code, out) == (2, "")
    assert one_line(err) == ("fikadesk: a PDF is drawn by the fikadesk program; run the fikadesk "
                             "command for it")
    assert not pdf.exists()


def test_without_the_drawing_a_saved_brief_has_no_chart(
        services: Services, journal_path: Path, tmp_path: Path) -> None:
    fill_journal(services)
    target = tmp_path / "out" / "case.md"
    target.parent.mkdir()
    assert _run(journal_path, "brief", "promotion", "-o", str(target), today=TODAY) \
        == (0, f"Wrote {target}\n", "")
    assert [p.name for p in target.parent.iterdir()] == ["case.md"]
    assert "![" not in target.read_text(encoding="utf-8")


class _Drawing:
    """A stand-in for Qt's drawing that records what it was asked to draw."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def chart_file_name(self, brief_path: Path) -> str:
        return brief_path.stem + "-chart.png"

    def chart_image(self, chart: object) -> object:
        self.asked.append("image")
        return "IMAGE"

    def write_chart(self, chart: object, path: Path) -> Path:
        self.asked.append(f"chart {path.name}")
        path.write_bytes(b"png")
        return path

    def export_pdf(self, markdown_text: str, title: str, path: Path, images: Any) -> int:
        self.asked.append(f"pdf {path.name} {title} {sorted(images.items())}")
        path.write_bytes(b"%PDF")
        return 3


def test_the_drawing_given_draws_the_chart_and_the_pdf(
        services: Services, journal_path: Path, tmp_path: Path) -> None:
    fill_journal(services)
    drawing = _Drawing()
    target, pdf = tmp_path / "case.md", tmp_path / "case.pdf"
    code, out, err = _run(journal_path, "brief", "promotion", "-o", str(target), "--pdf", str(pdf),
                          today=TODAY, drawing=drawing)
    assert (code, err) == (0, "")
    assert out == f"Wrote {pdf} (3 pages)\nWrote {target}\n"
    assert drawing.asked == ["image", "chart case-chart.png",
                             "pdf case.pdf Promotion case: Senior Engineer [('case-chart.png', 'IMAGE')]"]
    assert "](case-chart.png)" in target.read_text(encoding="utf-8")
