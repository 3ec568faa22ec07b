"""Where a plan stands today: banner reminders, checklist progress, summary and timing advice."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    PlanState,
    classify,
    open_followups,
)

Severity = Literal["alert", "warning", "info"]
ReminderKind = Literal["checkpoint", "followup", "checkin_prep"]
TimingState = Literal[
    "no_target_date", "review_passed", "raise_now", "review_near", "raise_early", "on_track"
]

REVIEW_WARNING_DAYS = 90
PREP_WINDOW_DAYS = 2
CONVERSATION_LOOKBACK_DAYS = 365


# --- reminders ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    """One line for the banner shown when the app opens."""

    kind: ReminderKind
    text: str
    due: date
    severity: Severity


_SEVERITY_RANK = {"alert": 0, "warning": 1, "info": 2}


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def reminders(state: PlanState, today: date) -> list[Reminder]:
    """List checkpoints and follow-ups due today or overdue, and unprepared check-ins soon."""
    found: list[Reminder] = []
    for checkpoint in state.checkpoints:
        if checkpoint.reviewed:
            continue
        urgency = classify(checkpoint.day, None, today)
        late = (today - checkpoint.day).days
        if urgency == "overdue":
            found.append(Reminder("checkpoint", f"Checkpoint '{checkpoint.title}' was due "
                                  f"{_days(late)} ago: time to review it.", checkpoint.day,
                                  "alert"))
        elif urgency == "due_today":
            found.append(Reminder("checkpoint", f"Checkpoint '{checkpoint.title}' is today.",
                                  checkpoint.day, "warning"))
    manager = (state.plan.manager_name if state.plan else "") or "your manager"
    for view in open_followups(state, today):
        due = view.followup.due
        if due is None:
            continue
        who = "Your follow-up" if view.followup.owner == "me" else f"Waiting on {manager}"
        urgency = classify(view.origin_day, due, today)
        if urgency == "overdue":
            found.append(Reminder("followup", f"{who}: '{view.followup.text}' is "
                                  f"{_days((today - due).days)} overdue.", due, "alert"))
        elif urgency == "due_today":
            found.append(Reminder("followup", f"{who}: '{view.followup.text}' is due today.",
                                  due, "warning"))
    for checkin in state.checkins:
        ahead = (checkin.day - today).days
        if checkin.prepared or not 0 <= ahead <= PREP_WINDOW_DAYS:
            continue
        when = "today" if ahead == 0 else "tomorrow" if ahead == 1 else f"in {_days(ahead)}"
        found.append(Reminder("checkin_prep", f"Check-in {when} has no prep yet.", checkin.day,
                              "warning" if ahead == 0 else "info"))
    found.sort(key=lambda r: (_SEVERITY_RANK[r.severity], r.due, r.kind, r.text))
    return found


# --- progress and the summary -----------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistProgress:
    """Counts of checklist items by status; dropped items do not count toward the total."""

    done: int
    in_progress: int
    open: int
    dropped: int

    @property
    def total(self) -> int:
        """Items still in play: done, in progress or open."""
        return self.done + self.in_progress + self.open

    @property
    def fraction(self) -> float:
        """Share of items done, 0.0 when there are none."""
        return self.done / self.total if self.total else 0.0

    @property
    def label(self) -> str:
        """A short phrase such as '2 of 5 done'."""
        if not self.total:
            return "No checklist items yet"
        extra = f", {self.in_progress} in progress" if self.in_progress else ""
        return f"{self.done} of {self.total} done{extra}"


def checklist_progress(items: Iterable[ChecklistItem]) -> ChecklistProgress:
    """Count checklist items by status."""
    statuses = [item.status for item in items]
    return ChecklistProgress(statuses.count("done"), statuses.count("in_progress"),
                             statuses.count("open"), statuses.count("dropped"))


@dataclass(frozen=True)
class PlanGlance:
    """The plan 'at a glance': the handful of facts worth seeing first."""

    target_level: str
    target_date: date | None
    days_to_target: int | None
    progress: ChecklistProgress
    last_checkin: date | None
    next_checkin: date | None
    next_checkpoint: Checkpoint | None
    open_followups: int
    overdue_followups: int
    overdue_commitments: int

    def lines(self) -> list[str]:
        """Render the summary as short plain-text lines."""
        if not self.target_level:
            target = "No written plan yet: the 1:1 thread is kept all the same"
        elif self.target_date is None or self.days_to_target is None:
            target = f"Target: {self.target_level} (no date set)"
        elif self.days_to_target >= 0:
            target = (f"Target: {self.target_level} by {self.target_date.isoformat()} "
                      f"({_days(self.days_to_target)} left)")
        else:
            target = (f"Target: {self.target_level}, date {self.target_date.isoformat()} "
                      f"passed {_days(-self.days_to_target)} ago")
        lines = [target, f"Checklist: {self.progress.label}"] if self.target_level else [target]
        if self.last_checkin is None and self.next_checkin is None:
            lines.append("No check-ins yet")
        else:
            last = self.last_checkin.isoformat() if self.last_checkin else "none"
            following = self.next_checkin.isoformat() if self.next_checkin else "not planned"
            lines.append(f"Last check-in: {last}; next: {following}")
        if self.next_checkpoint is not None:
            lines.append(f"Next checkpoint: {self.next_checkpoint.day.isoformat()}, "
                         f"{self.next_checkpoint.title}")
        if self.open_followups:
            late = f" ({self.overdue_followups} overdue)" if self.overdue_followups else ""
            lines.append(f"Follow-ups open: {self.open_followups}{late}")
        if self.overdue_commitments:
            lines.append(f"Manager commitments overdue: {self.overdue_commitments}")
        return lines


def at_a_glance(state: PlanState, today: date) -> PlanGlance:
    """Summarise the plan (or, before one, the 1:1 thread) as of today."""
    target = state.plan.target_date if state.plan else None
    past = [c.day for c in state.checkins if c.held and c.day <= today]
    ahead = [c.day for c in state.checkins if c.planned or c.day > today]
    pending = sorted((c for c in state.checkpoints if not c.reviewed),
                     key=lambda c: (c.day, c.id if c.id is not None else math.inf))
    views = open_followups(state, today)
    late_commitments = [c for c in state.commitments
                        if c.status == "open" and c.due is not None and c.due < today]
    return PlanGlance(
        target_level=state.plan.target_level if state.plan else "",
        target_date=target,
        days_to_target=(target - today).days if target is not None else None,
        progress=checklist_progress(state.checklist),
        last_checkin=max(past, default=None),
        next_checkin=min(ahead, default=None),
        next_checkpoint=pending[0] if pending else None,
        open_followups=len(views),
        overdue_followups=sum(1 for v in views if v.overdue),
        overdue_commitments=len(late_commitments),
    )


# --- timing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimingAdvice:
    """Advice on when to raise the promotion, with the days left to the review if known."""

    state: TimingState
    message: str
    days_left: int | None


def is_development_conversation(checkin: CheckIn) -> bool:
    """A check-in counts as a growth conversation if flagged so or if it holds manager feedback."""
    return checkin.growth_talk or bool(checkin.manager_feedback.strip())


def timing_advice(
    target_date: date | None,
    checkins: Sequence[CheckIn],
    today: date,
    lookback_days: int = CONVERSATION_LOOKBACK_DAYS,
) -> TimingAdvice:
    """Say whether now is the moment to raise the promotion, given the review date.

    A growth conversation counts when it happened on or before today and within
    `lookback_days` of it (see is_development_conversation).
    """
    if target_date is None:
        return TimingAdvice("no_target_date", "No review date is set. Ask your manager when "
                            "promotion decisions are made and add that date to the plan.", None)
    left = (target_date - today).days
    if left < 0:
        return TimingAdvice("review_passed", f"The review date passed {_days(-left)} ago. Note "
                            "the outcome, then set the next date to aim for.", left)
    earliest = today - timedelta(days=lookback_days)
    talked = any(earliest <= c.day <= today and c.held and is_development_conversation(c)
                 for c in checkins)
    if left < REVIEW_WARNING_DAYS:
        if not talked:
            return TimingAdvice("raise_now", f"The review is {_days(left)} away and no growth "
                                "conversation is on record. Raise it at your very next check-in: "
                                "decisions and budgets are often settled well before the review.",
                                left)
        return TimingAdvice("review_near", f"The review is {_days(left)} away. Bring fresh "
                            "evidence and confirm what the decision-makers still need to see.",
                            left)
    if not talked:
        return TimingAdvice("raise_early", f"The review is {_days(left)} away: a good time to "
                            "open the growth conversation, while nothing is decided yet.", left)
    return TimingAdvice("on_track", f"The review is {_days(left)} away and the conversation has "
                        "started. Keep bringing evidence to each check-in.", left)
