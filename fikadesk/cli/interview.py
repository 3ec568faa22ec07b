"""The coach and interview commands: check an answer offline, list the target jobs; no Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.domain.interview.records import InterviewError
from fikadesk.domain.preferences import Preferences
from fikadesk.errors import InputError
from fikadesk.paths import resolve_journal_path

if TYPE_CHECKING:  # the coach runs without a journal: the services load only when one is opened
    from fikadesk.domain.interview.terms import KeyTerm
    from fikadesk.services.container import Services


def add_interview_parsers(commands: Any) -> None:
    """Add the ``coach`` and ``interview`` commands to the subparsers ``commands``."""
    interview = commands.add_parser("interview", help="the target jobs kept in the Interview tab")
    steps = interview.add_subparsers(dest="interview_command", metavar="STEP", required=True)
    jobs = steps.add_parser("jobs", help="list the target jobs with their ids (for --job)")
    jobs.add_argument("--json", action="store_true", help="print JSON")
    parser = commands.add_parser("coach", help="check an interview answer for the usual pitfalls")
    parser.add_argument("file", nargs="?", help="a text file holding the answer (or use --text)")
    parser.add_argument("--text", help="the answer itself")
    parser.add_argument("--kind", choices=("aspiration", "story"), default="aspiration",
                        help="aspiration (where you want to go; default) or story (something you did)")
    job = parser.add_mutually_exclusive_group()
    job.add_argument("--description", metavar="FILE",
                     help="a job description: the coach checks the answer against its key terms")
    job.add_argument("--job", type=int, metavar="ID",
                     help="a target job stored in the journal: its description gives the key terms")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of findings: code, start, end (character offsets), message")


def _read(path: str, what: str) -> str:
    try:
        return Path(path).expanduser().read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the {what} is not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"{path}: the {what} cannot be read ({exc.strerror})") from None


def _from_journal(args: argparse.Namespace) -> tuple[Preferences, tuple[KeyTerm, ...] | None]:
    """The journal's speaking pace and length targets (the defaults when there is no journal)
    and, with ``--job``, the key terms of that job's description; never creates a journal."""
    path = resolve_journal_path(args.db)
    if not path.exists():
        if args.job is not None:
            raise ValueError(f"--job {args.job} needs a journal, and there is none at {path} "
                             "(choose one with --db, or give the description with --description FILE)")
        return Preferences(), None
    from fikadesk.domain.interview.terms import extract_key_terms
    from fikadesk.services.container import build_services

    services = build_services(path, create=False)
    try:
        prefs = services.preferences.get()
        if args.job is None:
            return prefs, None
        try:
            job = services.interview.job(args.job)
        except InterviewError:
            jobs = services.interview.jobs()
            known = ("the journal has no target jobs yet; add one in the Interview tab" if not jobs
                     else "its jobs are " + ", ".join(f"{j.id} ({j.label})" for j in reversed(jobs)))
            raise ValueError(f"there is no job {args.job} in {path}; {known}") from None
        return prefs, extract_key_terms(job.description) if job.description.strip() else ()
    finally:
        services.close()


def run_coach(args: argparse.Namespace, out: TextIO) -> int:
    """Print the coach's findings for one answer; exit 0 whether or not it found anything."""
    from fikadesk.domain.interview.coach import coach
    from fikadesk.domain.interview.terms import extract_key_terms

    try:
        if (args.text is None) == (args.file is None):
            raise ValueError("give the answer either as a FILE or with --text, not both")
        answer = args.text if args.text is not None else _read(args.file, "answer")
        if not answer.strip():
            raise ValueError("the answer is empty")
        terms = extract_key_terms(_read(args.description, "job description")) if args.description else ()
        prefs, job_terms = _from_journal(args)
    except (ValueError, InputError) as exc:  # a StorageError goes up to cli.run: exit 1
        print(f"fikadesk: {exc}", file=sys.stderr)
        return 2
    if job_terms is not None:
        terms = job_terms
        if not terms:
            print(f"fikadesk: job {args.job} has no description, so the answer is not checked "
                  "against key terms", file=sys.stderr)
    ranges = {"aspiration": (float(prefs.aspiration.low), float(prefs.aspiration.high)),
              "story": (float(prefs.story.low), float(prefs.story.high))}
    findings = coach(answer, kind=args.kind, key_terms=terms, wpm=prefs.words_per_minute, ranges=ranges)
    if args.json:
        json.dump([{"code": f.code, "start": f.start, "end": f.end, "message": f.message}
                   for f in findings], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not findings:
        print("The coach found nothing to flag.", file=out)
    for f in findings:
        quoted = " ".join(answer[f.start:f.end].split())
        if len(quoted) > 60:
            quoted = quoted[:57] + "…"
        print(f"{f.code} [{f.start}-{f.end}] \"{quoted}\": {f.message} {f.suggestion}", file=out)
    return 0


def prepare_interview(_args: argparse.Namespace, _today: date) -> None:
    """``interview jobs`` takes no input that could be wrong."""


def run_interview(_prepared: None, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """List the target jobs, the newest first, with how many answers each has."""
    jobs = services.interview.jobs()
    answers = Counter(answer.job_id for answer in services.interview.answers(every_job=True))
    if args.json:
        json.dump([{"id": j.id, "role": j.role, "company": j.company,
                    "interview_on": j.interview_on.isoformat() if j.interview_on else None,
                    "answers": answers[j.id]} for j in jobs], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not jobs:
        print("No target jobs yet: add one in the Interview tab (New job…).", file=out)
    for job in jobs:
        when = f", interview {job.interview_on.isoformat()}" if job.interview_on else ""
        count = answers[job.id]
        print(f"{job.id:>4}  {job.label}{when} ({count} answer{'s' if count != 1 else ''})", file=out)
    return 0


INTERVIEW_COMMANDS: dict[str, tuple[Any, Any]] = {"interview": (prepare_interview, run_interview)}
