"""The ``brief`` command: a brief as markdown on stdout or in a file, or as PDF (drawn by Qt, given)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from fikadesk.briefs.output import write_text_atomically
from fikadesk.domain.journal.entries import parse_date
from fikadesk.services.errors import BriefError

if TYPE_CHECKING:
    from fikadesk.briefs.promotion import PromotionOptions
    from fikadesk.domain.leveling.chart import EvidenceChart
    from fikadesk.services.container import Services

KINDS = ("promotion", "interview", "agenda")
TITLES = {"promotion": "Promotion case", "interview": "Interview prep", "agenda": "1:1 agenda"}


class BriefDrawing(Protocol):
    """Draws a brief's evidence chart and PDF. That takes Qt, which only ui/ and the composition
    root load, so ``fikadesk.app`` hands one to the command line (``fikadesk.ui.briefs.drawing``)."""

    def chart_file_name(self, brief_path: Path) -> str:
        """The chart picture's file name beside a brief saved at ``brief_path``."""

    def chart_image(self, chart: EvidenceChart) -> Any:
        """The chart drawn as an image, for a PDF."""

    def write_chart(self, chart: EvidenceChart, path: Path) -> Path:
        """Write the chart as a PNG to ``path``, whole or not at all; the path written."""

    def export_pdf(self, markdown_text: str, title: str, path: Path, images: Mapping[str, Any]) -> int:
        """Write the brief as a PDF to ``path``, whole or not at all; the number of pages."""


def add_brief_parsers(commands: Any) -> None:
    """Add the ``brief`` command to the subparsers ``commands``."""
    brief = commands.add_parser(
        "brief", help="write a brief (promotion case, interview prep, 1:1 agenda) as markdown or PDF",
        description="Write a brief from your journal. Without -o or --pdf the markdown goes to "
        "standard output. Private entries never appear in a brief.")
    brief.add_argument("kind", choices=KINDS, help="which brief to write")
    brief.add_argument("--job", type=int, metavar="ID", help="the target job of the interview "
                       "brief (fikadesk interview jobs lists them; not needed with only one job)")
    brief.add_argument("--since", help="YYYY-MM-DD: first day of evidence (default: 12 months "
                       "before --until)")
    brief.add_argument("--until", help="YYYY-MM-DD: last day of evidence (default: today)")
    brief.add_argument("--starred-only", action="store_true",
                       help="leave unstarred entries out of the promotion case")
    brief.add_argument("-o", "--output", metavar="FILE.md", help="write the markdown to this file "
                       "(replaced whole, never half-written)")
    brief.add_argument("--pdf", metavar="FILE.pdf", help="also write a printable PDF (page size "
                       "from your locale)")


@dataclass(frozen=True)
class BriefRequest:
    """A checked ``brief`` command: which brief, for which period, written where."""

    kind: str
    options: PromotionOptions
    today: date
    output: Path | None = None
    pdf: Path | None = None
    job: int | None = None


def _folder_exists(raw: str | None, option: str) -> Path | None:
    if raw is None:
        return None
    path = Path(raw)
    if path.is_dir():
        raise BriefError(f"{option} {raw} is a folder; give a file name")
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise BriefError(f"{option} {raw}: the folder {path.parent} does not exist")
    return path


def prepare_brief(args: argparse.Namespace, today: date) -> BriefRequest:
    """Check the arguments of ``brief`` before the journal is opened."""
    from fikadesk.briefs.promotion import PromotionOptions, default_period

    if args.job is not None and args.kind != "interview":
        raise BriefError("--job belongs to the interview brief")
    until = parse_date(args.until, "--until") if args.until else today
    since = parse_date(args.since, "--since") if args.since else default_period(until)[0]
    if since > until:
        raise BriefError(f"--since {since.isoformat()} is after --until {until.isoformat()}")
    return BriefRequest(args.kind, PromotionOptions(since, until, not args.starred_only), today,
                        _folder_exists(args.output, "-o"), _folder_exists(args.pdf, "--pdf"),
                        args.job)


def _job_of(request: BriefRequest, services: Services) -> int | None:
    """The --job given, or the only job there is; BriefError when it must be chosen."""
    if request.job is not None:
        return request.job
    jobs = services.interview.jobs()
    if len(jobs) > 1:
        raise BriefError("there are several target jobs: choose one with --job ID ("
                         + ", ".join(f"{j.id} {j.label}" for j in jobs) + ")")
    return jobs[0].id if jobs else None


def _chart_of(request: BriefRequest, services: Services) -> EvidenceChart | None:
    """The evidence chart a promotion case written to a file or PDF shows; None for other
    briefs, for standard output, without a target or with no linked evidence."""
    if request.kind != "promotion" or (request.output is None and request.pdf is None):
        return None
    options = request.options
    chart = services.charts.target_chart(options.since, options.until,
                                         starred_only=not options.include_unstarred)
    return None if chart is None or chart.empty else chart


def run_brief(request: BriefRequest, args: argparse.Namespace, services: Services,
              out: TextIO, *, drawing: BriefDrawing | None = None) -> int:
    """Write the brief to stdout, a markdown file and/or a PDF; without ``drawing`` (no Qt) a
    saved brief has no evidence chart and a PDF is refused."""
    from fikadesk.briefs.render import plain_title  # python-markdown loads only here

    if request.pdf is not None and drawing is None:
        raise BriefError("a PDF is drawn by the fikadesk program; run the fikadesk command for it")

    if request.kind == "agenda":
        from fikadesk.briefs.agenda import build_agenda
        from fikadesk.domain.plan.checkin_questions import load_checkin_questions
        from fikadesk.paths import resources_dir
        from fikadesk.services.briefs import gather_agenda

        bank = load_checkin_questions(resources_dir())
        text = build_agenda(gather_agenda(services.plan, request.today, bank), request.today)
    elif request.kind == "interview":
        from fikadesk.briefs.interview import build_interview
        from fikadesk.services.briefs import gather_interview

        wpm = services.preferences.get().words_per_minute
        text = build_interview(gather_interview(services.interview, _job_of(request, services),
                                                wpm), request.today)
    else:
        text = services.briefs.promotion(request.options, request.today, with_plan=True)
    title = plain_title(text, TITLES[request.kind])
    try:
        chart = _chart_of(request, services) if drawing is not None else None
        images: dict[str, Any] = {}
        if chart is not None and drawing is not None:  # a saved or printed case shows the chart too
            name = drawing.chart_file_name(request.output or request.pdf or Path("brief.md"))
            text = services.briefs.promotion(request.options, request.today, chart_image=name,
                                             with_plan=True)
            images[name] = drawing.chart_image(chart)
            if request.output is not None:
                drawing.write_chart(chart, request.output.with_name(name))
        if request.output is not None:
            write_text_atomically(request.output, text)
        if request.pdf is not None and drawing is not None:
            pages = drawing.export_pdf(text, title, request.pdf, images)
            print(f"Wrote {request.pdf} ({pages} page{'s' if pages != 1 else ''})", file=out)
    except OSError as exc:
        raise BriefError(f"could not write the brief: {exc.strerror or exc}") from None
    if request.output is None and request.pdf is None:
        out.write(text)
    elif request.output is not None:
        print(f"Wrote {request.output}", file=out)
    return 0


BRIEF_COMMANDS = {"brief": (prepare_brief, run_brief)}
