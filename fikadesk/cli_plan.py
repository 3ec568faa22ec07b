"""The plan and check-in commands: the promotion plan at a glance, and recording a 1:1; no Qt."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from fikadesk.domain.journal import parse_date
from fikadesk.domain.plan import (
    MAX_TEXT,
    OWNERS,
    CheckIn,
    FollowUp,
    Plan,
    PlanState,
    classify,
    clean_text,
    open_followups,
    parse_due,
    parse_followup_line,
    validate_checkin,
    validate_plan,
)
from fikadesk.domain.plan_status import checklist_progress
from fikadesk.services.container import Services
from fikadesk.services.plan import PlanError


def add_plan_parsers(commands: Any) -> None:
    """Add the ``plan`` and ``checkin`` commands to the subparsers ``commands``."""
    plan = commands.add_parser("plan", help="show or start the promotion plan")
    steps = plan.add_subparsers(dest="plan_command", metavar="STEP", required=True)
    show = steps.add_parser("show", help="checklist, commitments, checkpoints and open follow-ups")
    show.add_argument("--json", action="store_true", help="print JSON")
    start = steps.add_parser("start", help="start a plan (an earlier one is kept as history)")
    start.add_argument("--target", required=True, metavar="LEVEL", help="the level the plan aims at")
    start.add_argument("--date", help="YYYY-MM-DD: the review the plan aims at")
    start.add_argument("--manager", default="", help="your manager's name")
    checkin = commands.add_parser("checkin", help="record a 1:1 check-in")
    checkin_steps = checkin.add_subparsers(dest="checkin_command", metavar="STEP", required=True)
    add = checkin_steps.add_parser("add", help="add a check-in with notes and follow-ups")
    add.add_argument("--date", required=True, help="YYYY-MM-DD: the day of the 1:1")
    add.add_argument("--notes", default="", help="what was said")
    add.add_argument("--followup", action="append", default=[], metavar="TEXT",
                     help="an action agreed (repeatable); it carries forward until done. Start it "
                     "with 'manager:' when it is your manager's; end it with 'by YYYY-MM-DD' to "
                     "give it a due date")
    add.add_argument("--point", action="append", default=[], metavar="TEXT",
                     help="a talking point, in priority order (repeatable)")
    followup = checkin_steps.add_parser("followup", help="correct or delete a follow-up (its id is in "
                                        "plan show)")
    followup_steps = followup.add_subparsers(dest="followup_command", metavar="STEP", required=True)
    edit = followup_steps.add_parser("edit", help="change a follow-up's text, owner or due date")
    edit.add_argument("id", type=int, metavar="ID", help="the follow-up's id")
    edit.add_argument("--text", help="what is to be done")
    edit.add_argument("--owner", choices=OWNERS, help="whose it is")
    due = edit.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="D", help="YYYY-MM-DD: the new due date")
    due.add_argument("--no-due", action="store_true", help="take the due date away")
    delete = followup_steps.add_parser("delete", help="delete a follow-up for good")
    delete.add_argument("id", type=int, metavar="ID", help="the follow-up's id")


@dataclass(frozen=True)
class PlanRequest:
    """Checked ``plan``/``checkin`` arguments."""

    plan: Plan | None = None
    checkin: CheckIn | None = None
    followups: tuple[FollowUp, ...] = ()
    #: ``checkin followup``: the follow-up's id, and for edit its new text, owner and due ("keep" keeps it)
    followup_id: int | None = None
    followup_change: tuple[str | None, str | None, date | None | str] | None = None


def prepare_plan(args: argparse.Namespace, _today: date) -> PlanRequest:
    """Check the arguments before the journal is opened."""
    if args.command == "plan" and args.plan_command == "start":
        when = parse_date(args.date, "--date") if args.date else None
        return PlanRequest(plan=validate_plan(Plan(args.target, when, args.manager)))
    if args.command == "checkin" and args.checkin_command == "followup":
        if args.followup_command == "delete":
            return PlanRequest(followup_id=args.id)
        if args.text is None and args.owner is None and args.due is None and not args.no_due:
            raise PlanError("say what to change: --text, --owner, --due or --no-due")
        text = None if args.text is None else clean_text(args.text, "text", "The follow-up", MAX_TEXT,
                                                         required=True)
        due = None if args.no_due else parse_due(args.due) if args.due is not None else "keep"
        return PlanRequest(followup_id=args.id, followup_change=(text, args.owner, due))
    if args.command == "checkin":
        checkin = validate_checkin(CheckIn(None, parse_date(args.date, "--date"), tuple(args.point),
                                           args.notes))
        followups = tuple(parse_followup_line(text, checkin) for text in args.followup)
        return PlanRequest(checkin=checkin, followups=followups)
    return PlanRequest()


def plan_json(state: PlanState, today: date) -> dict[str, Any]:
    """The active plan as ``plan show --json`` prints it."""
    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return {
        "target_level": state.plan.target_level,
        "target_date": iso(state.plan.target_date),
        "manager": state.plan.manager_name,
        "checklist": [{"id": i.id, "title": i.title, "how_we_know": i.how_we_know, "status": i.status,
                       "expectation_ids": list(i.expectation_ids), "entry_ids": list(i.entry_ids),
                       "checkpoint_id": i.checkpoint_id} for i in state.checklist],
        "commitments": [{"id": c.id, "text": c.text, "status": c.status, "due": iso(c.due)}
                        for c in state.commitments],
        "checkpoints": [{"id": c.id, "date": c.day.isoformat(), "title": c.title, "reviewed": c.reviewed,
                         "urgency": None if c.reviewed else classify(c.day, None, today)}
                        for c in state.checkpoints],
        "open_followups": [{"id": v.followup.id, "text": v.followup.text, "owner": v.followup.owner,
                            "from": v.origin_day.isoformat(), "open_days": v.open_days, "overdue": v.overdue,
                            "due": iso(v.followup.due)} for v in open_followups(state, today)],
    }


def run_plan(request: PlanRequest, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Show or start the plan, or add a check-in."""
    if request.plan is not None:
        stored = services.plan.start(request.plan)
        print(f"Plan {stored.id} started toward {stored.plan.target_level}.", file=out)
        return 0
    if request.followup_id is not None:
        return _change_followup(request, services, out)
    if request.checkin is not None:
        checkin_id = services.plan.save_checkin(request.checkin, request.followups)
        count = len(request.followups)
        said = f" with {count} follow-up{'s' if count != 1 else ''}" if count else ""
        print(f"Check-in {checkin_id} on {request.checkin.day.isoformat()} recorded{said}.", file=out)
        return 0
    state = services.plan.state()
    if state is None:
        raise PlanError("there is no plan yet: start one in the Plan tab or with fikadesk plan start")
    today = services.today()
    data = plan_json(state, today)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    progress = checklist_progress(state.checklist)
    by = f", by {data['target_date']}" if data["target_date"] else ""
    print(f"Plan toward {state.plan.target_level}{by}: {progress.done} of {progress.total} checklist "
          "items done.", file=out)
    sections = (
        ("Checklist", [f"[{i['status']}] {i['title']}" + _links(i) for i in data["checklist"]]),
        ("Manager commitments", [f"[{c['status']}] {c['text']}" + (f" (by {c['due']})" if c["due"] else "")
                                 for c in data["commitments"]]),
        ("Checkpoints", [f"{c['date']} {c['title']}" + (" (reviewed)" if c["reviewed"] else
                         f" ({c['urgency'].replace('_', ' ')})") for c in data["checkpoints"]]),
        ("Open follow-ups", [f"{f['text']} ({f['owner']}, open {f['open_days']} days"
                             + (f", due {f['due']}" if f["due"] else "")
                             + (", overdue" if f["overdue"] else "") + f", id {f['id']})"
                             for f in data["open_followups"]]),
    )
    for title, lines in sections:
        print(f"\n{title}:", file=out)
        print("\n".join(f"  {line}" for line in lines) if lines else "  (none)", file=out)
    return 0


def _change_followup(request: PlanRequest, services: Services, out: TextIO) -> int:
    """Correct or delete one follow-up, and say what it is now."""
    followup_id = int(request.followup_id or 0)
    if request.followup_change is None:
        services.plan.delete_followup(followup_id)
        print(f"Follow-up {followup_id} deleted.", file=out)
        return 0
    current = services.plan.followup(followup_id)
    text, owner, due = request.followup_change
    saved = services.plan.edit_followup(followup_id, current.text if text is None else text,
                                        owner or current.owner, current.due if isinstance(due, str) else due)
    when = f", due {saved.due.isoformat()}" if saved.due else ", no due date"
    print(f"Follow-up {followup_id} saved: {saved.text} ({saved.owner}{when}).", file=out)
    return 0


def _links(item: dict[str, Any]) -> str:
    """How many target expectations and journal entries a checklist item links, in words."""
    parts = []
    if item["expectation_ids"]:
        ids = ", ".join(str(i) for i in item["expectation_ids"])
        parts.append(f"expectation{'s' if len(item['expectation_ids']) > 1 else ''} {ids}")
    if item["entry_ids"]:
        ids = ", ".join(str(i) for i in item["entry_ids"])
        parts.append(f"entr{'ies' if len(item['entry_ids']) > 1 else 'y'} {ids}")
    return f" ({'; '.join(parts)})" if parts else ""


def starts_plan(args: argparse.Namespace) -> bool:
    """Tell whether the command starts a plan (and so may create a new journal)."""
    return args.command == "plan" and args.plan_command == "start"


PLAN_COMMANDS: dict[str, tuple[Any, Any]] = {
    "plan": (prepare_plan, run_plan),
    "checkin": (prepare_plan, run_plan),
}
