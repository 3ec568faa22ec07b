"""The plan and check-in commands: the promotion plan at a glance, and recording a 1:1; no Qt."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.domain.journal.entries import parse_date
from fikadesk.domain.plan.records import (
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
from fikadesk.domain.plan.status import checklist_progress
from fikadesk.services.errors import PlanError

if TYPE_CHECKING:
    from fikadesk.services.container import Services


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
    start.add_argument("--from-checkin", type=int, metavar="ID", dest="from_checkin",
                       help="start it from the check-in where the promotion was discussed (its id is in "
                       "plan show): the plan starts on that day")
    checkin = commands.add_parser("checkin", help="record a 1:1 check-in (no plan needed)")
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
    add.add_argument("--growth", action="store_true", help="the promotion or growth was discussed")
    nxt = checkin_steps.add_parser("next", help="plan the next check-in on a date (an agenda, not a "
                                   "meeting held)")
    nxt.add_argument("--date", required=True, help="YYYY-MM-DD: the day of the next 1:1")
    point = checkin_steps.add_parser("point", help="add a talking point to the next check-in's agenda")
    point.add_argument("text", metavar="TEXT", help="the talking point")
    point.add_argument("--date", help="YYYY-MM-DD: plans the next check-in when none is planned yet")
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
    #: ``plan start --from-checkin``
    from_checkin: int | None = None
    #: ``checkin next``/``checkin point``: the day, and the talking point
    next_day: date | None = None
    point: str | None = None


def prepare_plan(args: argparse.Namespace, _today: date) -> PlanRequest:
    """Check the arguments before the journal is opened."""
    if args.command == "plan" and args.plan_command == "start":
        when = parse_date(args.date, "--date") if args.date else None
        return PlanRequest(plan=validate_plan(Plan(args.target, when, args.manager)),
                           from_checkin=args.from_checkin)
    if args.command == "checkin" and args.checkin_command == "next":
        return PlanRequest(next_day=parse_date(args.date, "--date"))
    if args.command == "checkin" and args.checkin_command == "point":
        day = parse_date(args.date, "--date") if args.date else None
        point = clean_text(args.text, "talking_points", "The talking point", MAX_TEXT, required=True)
        return PlanRequest(next_day=day, point=point)
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
                                           args.notes, growth_talk=args.growth))
        followups = tuple(parse_followup_line(text, checkin) for text in args.followup)
        return PlanRequest(checkin=checkin, followups=followups)
    return PlanRequest()


def plan_json(state: PlanState, today: date) -> dict[str, Any]:
    """The active plan (its fields null before one is started) and the 1:1 thread, as ``plan show
    --json`` prints them."""
    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    plan = state.plan
    return {
        "target_level": plan.target_level if plan else None,
        "target_date": iso(plan.target_date) if plan else None,
        "manager": plan.manager_name if plan else None,
        "started_on": iso(state.started_on),
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
        "thread": [{"id": c.id, "date": c.day.isoformat(), "planned": c.planned, "growth_talk": c.growth_talk,
                    "talking_points": list(c.talking_points), "notes": c.notes,
                    "manager_feedback": c.manager_feedback,
                    "followup_ids": [f.id for f in state.followups if f.checkin_id == c.id],
                    "before_plan": state.started_on is not None and c.day < state.started_on}
                   for c in state.checkins],
    }


def run_plan(request: PlanRequest, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Show or start the plan, or add a check-in."""
    if request.plan is not None:
        stored = services.plan.start(request.plan, request.from_checkin)
        carried = len(open_followups(services.plan.thread(), services.today()))
        said = f"; {carried} open follow-up{'s' if carried != 1 else ''} carried into it" if carried else ""
        print(f"Plan {stored.id} started toward {stored.plan.target_level} on "
              f"{stored.created_on.isoformat()}{said}.", file=out)
        return 0
    if args.command == "checkin" and args.checkin_command in ("next", "point"):
        return _plan_next(request, services, out)
    if request.followup_id is not None:
        return _change_followup(request, services, out)
    if request.checkin is not None:
        checkin_id = services.plan.save_checkin(request.checkin, request.followups)
        count = len(request.followups)
        said = f" with {count} follow-up{'s' if count != 1 else ''}" if count else ""
        print(f"Check-in {checkin_id} on {request.checkin.day.isoformat()} recorded{said}.", file=out)
        return 0
    state = services.plan.thread()
    today = services.today()
    data = plan_json(state, today)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if state.plan is None:
        print("No plan yet: the 1:1 thread is kept all the same. Start a plan with fikadesk plan start "
              "(--from-checkin ID to start it from a check-in).", file=out)
    else:
        progress = checklist_progress(state.checklist)
        by = f", by {data['target_date']}" if data["target_date"] else ""
        print(f"Plan toward {state.plan.target_level}{by}, started {data['started_on']}: {progress.done} "
              f"of {progress.total} checklist items done.", file=out)
    thread = [f"{c['date']}" + (" (planned)" if c["planned"] else "") + (" growth talk" if c["growth_talk"]
              else "") + f", id {c['id']}" + (" — before this plan" if c["before_plan"] else "")
              for c in data["thread"]]
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
        ("1:1 thread", thread),
    ) if state.plan is not None else (
        ("1:1 thread", thread),
        ("Open follow-ups", [f"{f['text']} ({f['owner']}, open {f['open_days']} days, id {f['id']})"
                             for f in data["open_followups"]]),
    )
    for title, lines in sections:
        print(f"\n{title}:", file=out)
        print("\n".join(f"  {line}" for line in lines) if lines else "  (none)", file=out)
    return 0


def _plan_next(request: PlanRequest, services: Services, out: TextIO) -> int:
    """Plan the next check-in on a day, or put a talking point on its agenda."""
    if request.point is None:
        checkin_id = services.plan.plan_next(request.next_day or services.today())
        print(f"Next check-in planned on {(request.next_day or services.today()).isoformat()} "
              f"(id {checkin_id}).", file=out)
        return 0
    checkin = services.plan.add_talking_point(request.point, request.next_day)
    print(f"On the agenda of the check-in planned on {checkin.day.isoformat()} "
          f"({len(checkin.talking_points)} talking point{'s' if len(checkin.talking_points) != 1 else ''}).",
          file=out)
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
    """Tell whether the command records something in the plan or the 1:1 thread (starting a plan,
    recording or planning a check-in), and so creates a new journal the way ``add`` does."""
    if args.command == "plan":
        return bool(args.plan_command == "start")
    return args.command == "checkin" and args.checkin_command in ("add", "next", "point")


PLAN_COMMANDS: dict[str, tuple[Any, Any]] = {
    "plan": (prepare_plan, run_plan),
    "checkin": (prepare_plan, run_plan),
}
