"""The plan part of the promotion case: process, ready checklist, commitments, checkpoints, check-ins."""

from __future__ import annotations

from datetime import date

from fikadesk.briefs.markdown import (
    bullets,
    document,
    heading,
    inline,
    long_date,
    plural,
    short_date,
    table,
)
from fikadesk.domain.plan.records import (
    CheckIn,
    Checkpoint,
    Commitment,
    FollowUpView,
    Plan,
    PlanState,
    checkin_order_key,
    open_followups,
)
from fikadesk.domain.plan.status import checklist_progress

#: Check-ins listed in the history; older ones are counted, not shown.
MAX_CHECKINS = 8
#: Characters of a check-in's notes shown in the history (cut at a word, marked with …).
NOTE_CHARS = 160

ITEM_WORDS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
_ITEM_ORDER = {"done": 0, "in_progress": 1, "open": 2, "dropped": 3}


def shorten(text: str, limit: int = NOTE_CHARS) -> str:
    """Return the first ``limit`` characters of text on one line, cut at a word, with …."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.") + " …"


def _process(plan: Plan) -> str:
    notes = plan.process_notes
    rows = [("Who decides", notes.who_decides), ("Who else weighs in", notes.who_weighs_in),
            ("Evidence they want", notes.evidence_wanted), ("When budgets lock", notes.budget_lock)]
    known = [f"**{label}:** {inline(value)}" for label, value in rows if value.strip()]
    if not known:
        return ""
    return document(heading(3, "How the decision is made"), bullets(known))


def _checklist(state: PlanState) -> str:
    if not state.checklist:
        return document(heading(3, "Ready checklist"),
                        "*Nothing on the checklist yet: each “not yet” from a check-in belongs "
                        "here, with how my manager will recognise it is done.*")
    progress = checklist_progress(state.checklist)
    title = f"Ready checklist: {progress.label}"
    if progress.dropped:
        title += f" ({progress.dropped} dropped)"
    ordered = sorted(state.checklist, key=lambda i: _ITEM_ORDER[i.status])
    rows = [[inline(i.title), ITEM_WORDS[i.status], inline(i.how_we_know)] for i in ordered]
    return document(heading(3, inline(title)),
                    table(["What I will show", "Status", "How we will know"], rows))


def _commitment_line(commitment: Commitment, today: date) -> str:
    text = inline(commitment.text)
    if commitment.status == "done":
        return f"Done — {text}"
    if commitment.status == "dropped":
        return f"Dropped — {text}"
    if commitment.due is None:
        return f"Open — {text}"
    late = " (overdue)" if commitment.due < today else ""
    return f"Open, due {short_date(commitment.due)}{late} — {text}"


def _commitments(state: PlanState, today: date, manager: str) -> str:
    if not state.commitments:
        return ""
    return document(heading(3, f"What {manager} committed to"),
                    bullets(_commitment_line(c, today) for c in state.commitments))


def _checkpoint_state(checkpoint: Checkpoint, today: date) -> str:
    if checkpoint.reviewed:
        return "Reviewed"
    if checkpoint.day < today:
        return "Overdue: not reviewed yet"
    return "Today" if checkpoint.day == today else "Coming"


def _checkpoints(state: PlanState, today: date) -> str:
    if not state.checkpoints:
        return ""
    ordered = sorted(state.checkpoints, key=lambda c: (c.day, c.id or 0))
    rows = [[short_date(c.day), inline(c.title), _checkpoint_state(c, today)] for c in ordered]
    return document(heading(3, "Checkpoints"), table(["Date", "Checkpoint", "State"], rows))


def _followup_line(view: FollowUpView, manager: str) -> str:
    who = "me" if view.followup.owner == "me" else manager
    due = f", due {short_date(view.followup.due)}" if view.followup.due else ""
    late = " — overdue" if view.overdue else ""
    return (f"{inline(view.followup.text)} ({who}{due}; open "
            f"{plural(view.open_days, 'day')} since {short_date(view.origin_day)}){late}")


def _checkin_row(checkin: CheckIn) -> list[str]:
    said = checkin.notes or checkin.manager_feedback or "; ".join(checkin.talking_points)
    return [short_date(checkin.day), "Growth talk" if checkin.growth_talk else "1:1",
            inline(shorten(said)) if said.strip() else "*No notes.*"]


def _checkins(state: PlanState, since: date, until: date, today: date, manager: str) -> str:
    held = sorted((c for c in state.checkins if c.held and since <= c.day <= min(until, today)),
                  key=checkin_order_key, reverse=True)
    parts = [heading(2, "Check-ins in short")]
    if not held:
        parts.append("*No check-ins recorded in this period.*")
    else:
        growth = sum(1 for c in held if c.growth_talk)
        summary = (f"{plural(len(held), 'check-in')} in this period, the latest on "
                   f"{long_date(held[0].day)}; {growth} of them about growth.")
        if len(held) > MAX_CHECKINS:
            summary += f" The {MAX_CHECKINS} most recent:"
        parts += [summary, table(["Date", "Kind", "What was said"],
                                 [_checkin_row(c) for c in held[:MAX_CHECKINS]])]
    views = open_followups(state, today) if state.checkins else []
    if views:
        parts += [heading(3, "Follow-ups still open"),
                  bullets(_followup_line(v, manager) for v in views)]
    return document(*parts)


def plan_sections(state: PlanState, since: date, until: date, today: date) -> str:
    """Return the plan and check-in sections of the promotion case as markdown (before any plan
    is started, the check-ins of the 1:1 thread alone)."""
    plan = state.plan
    if plan is None:
        return _checkins(state, since, until, today, "my manager")
    manager = inline(plan.manager_name) if plan.manager_name.strip() else "my manager"
    facts = [f"Target level **{inline(plan.target_level)}**"]
    facts.append(f"by {long_date(plan.target_date)}" if plan.target_date else "with no date set yet")
    intro = " ".join(facts) + (f", agreed with {manager}." if plan.manager_name.strip() else ".")
    return document(
        heading(2, "The plan"),
        intro,
        _process(plan),
        _checklist(state),
        _commitments(state, today, manager),
        _checkpoints(state, today),
        _checkins(state, since, until, today, manager),
    )
