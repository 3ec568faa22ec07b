"""The next 1:1 agenda: the Plan tab's prep view as a one-page document to bring along."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fikadesk.briefs.markdown import (
    bullets,
    document,
    heading,
    inline,
    long_date,
    plural,
    short_date,
)
from fikadesk.domain.plan.prep import CheckpointDue, PrepView
from fikadesk.domain.plan.records import Plan

URGENCY_WORDS = {"overdue": "overdue", "due_today": "today", "due_soon": "coming up",
                 "later": "later"}
#: Talking points left over from the last check-in that are repeated on the agenda.
MAX_LAST_POINTS = 5


@dataclass(frozen=True)
class AgendaInput:
    """What the agenda is written from: the plan (None before one is started) and the prep view
    of the 1:1 thread for the coming check-in."""

    plan: Plan | None
    prep: PrepView


def _manager(data: AgendaInput) -> str:
    return data.plan.manager_name.strip() if data.plan else ""


def _header(data: AgendaInput, today: date) -> str:
    prep = data.prep
    manager = _manager(data)
    who = f" with {inline(manager)}" if manager else ""
    if prep.next_checkin is not None:
        title = f"1:1 agenda{who}: {long_date(prep.next_checkin.day)}"
    else:
        title = f"1:1 agenda{who}"
    lines = [f"Prepared on {long_date(today)}."]
    if prep.last_checkin is not None:
        lines.append(f"Last check-in: {long_date(prep.last_checkin.day)}.")
    else:
        lines.append("This is the first check-in recorded.")
    if data.plan is None:
        aim = ("No written plan yet: use this 1:1 to open the growth conversation, learn how "
               "promotion works here and what gaps my manager sees.")
    else:
        aim = f"Working toward **{inline(data.plan.target_level)}**"
        aim += f" by {long_date(data.plan.target_date)}." if data.plan.target_date else "."
    return document(heading(1, title), " ".join(lines) + " " + aim)


def _followups(data: AgendaInput) -> str:
    manager = inline(_manager(data)) if _manager(data) else "my manager"
    lines = []
    for view in data.prep.followups:
        who = "me" if view.followup.owner == "me" else manager
        due = f", due {short_date(view.followup.due)}" if view.followup.due else ""
        flag = " — **overdue**" if view.overdue else ""
        carried = f"from {short_date(view.origin_day)}, " if view.carried else ""
        lines.append(f"{inline(view.followup.text)} ({carried}{who}{due}){flag}")
    if not lines:
        return ""
    return document(heading(2, "Follow-ups to close"), bullets(lines))


def _commitments(data: AgendaInput, today: date) -> str:
    """The manager's open commitments: the other half of the conversation."""
    promised = data.prep.commitments
    if not promised:
        return ""
    lines = []
    for commitment in promised:
        due = ""
        if commitment.due is not None:
            late = " — **past its date**" if commitment.due < today else ""
            due = f" (by {short_date(commitment.due)}){late}"
        lines.append(f"{inline(commitment.text)}{due}")
    who = inline(_manager(data)) if _manager(data) else "my manager"
    return document(heading(2, f"What {who} said they would do"), bullets(lines))


def _checkpoint_line(due: CheckpointDue) -> str:
    return (f"{short_date(due.checkpoint.day)} — {inline(due.checkpoint.title)} "
            f"({URGENCY_WORDS[due.urgency]})")


def _progress(data: AgendaInput) -> str:
    prep = data.prep
    parts = []
    if prep.checkpoints:
        parts += [heading(2, "Checkpoints to review"),
                  bullets(_checkpoint_line(c) for c in prep.checkpoints)]
    if prep.in_progress:
        parts += [heading(2, "Checklist items in progress"),
                  bullets(inline(i.title) + (f" — we will know when: {inline(i.how_we_know)}"
                                             if i.how_we_know.strip() else "")
                          for i in prep.in_progress)]
    return document(*parts) if parts else ""


def _evidence(data: AgendaInput) -> str:
    starred = data.prep.starred
    since = (f"since {long_date(data.prep.last_checkin.day)}" if data.prep.last_checkin
             else "so far")
    if not starred:
        body = (f"*No starred entries {since}. Look back over the last weeks for a moment of "
                "work at the next level worth bringing up.*")
    else:
        body = (f"{plural(len(starred), 'starred entry', 'starred entries')} {since}:\n\n"
                + bullets(f"{short_date(e.day)} — {inline(e.title)}" for e in starred))
    return document(heading(2, "New evidence to share"), body)


def _questions(data: AgendaInput) -> str:
    picked = [inline(q.text) for q in data.prep.questions]
    last = data.prep.last_checkin
    leftover = [inline(p) for p in (last.talking_points if last else ())][:MAX_LAST_POINTS]
    parts = [heading(2, "Questions to ask")]
    parts.append("\n".join(f"{n}. {q}" for n, q in enumerate(picked, start=1)) if picked else
                 "*No questions picked: ask what the next step toward the target level is.*")
    if leftover:
        parts += [heading(3, "Talking points from last time"), bullets(leftover)]
    return document(*parts)


def build_agenda(data: AgendaInput, today: date) -> str:
    """Return the next 1:1 agenda as CommonMark; the same data and date give the same text."""
    return document(_header(data, today), _followups(data), _commitments(data, today),
                    _progress(data), _evidence(data),
                    _questions(data), heading(2, "Notes"),
                    "*Space for what was said and agreed: write it into the check-in "
                    "afterwards.*")
