"""Check-in preparation: finishing a "not yet", the question bank, and the prep view."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import yaml

from fikadesk.domain.plan import (
    MAX_TEXT,
    MAX_TITLE,
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUpView,
    PlanState,
    PlanValidationError,
    Urgency,
    check_choice,
    checkin_order_key,
    classify,
    clean_text,
    followups_for_checkin,
    open_followups,
)
from fikadesk.domain.plan_status import REVIEW_WARNING_DAYS
from fikadesk.errors import InputError

NotYetReason = Literal["work", "timing", "headcount", "unclear"]
NOT_YET_REASONS: tuple[str, ...] = ("work", "timing", "headcount", "unclear")
CHECKPOINT_AFTER_DAYS = {"work": 42, "unclear": 28, "timing": 90, "headcount": 90}
STALL_DAYS = 28
RECENT_NOT_YET_DAYS = 45
MIN_QUESTIONS = 3
MAX_QUESTIONS = 5
MAX_QUESTION_TEXT = 300
QUESTION_BANK_PATH = Path("plan") / "questions.yaml"

# Plan states a question can be tagged with, most pressing first; "general" always applies.
PREP_STATES: tuple[str, ...] = (
    "no_plan", "no_target_date", "review_passed", "review_near", "no_checkins", "no_checklist",
    "recent_not_yet", "commitments_overdue", "followups_overdue", "items_stalled",
    "process_unknown", "evidence_thin", "general",
)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- "not yet" ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NotYetAnswer:
    """The manager's answer to "not yet", finished: compared to what, what must change, how seen."""

    compared_to: str
    what_must_change: tuple[str, ...]
    how_manager_will_know: str
    reason: NotYetReason = "work"
    checkpoint_day: date | None = None
    #: how the manager will know each change, in the order of what_must_change ("" falls back to
    #: how_manager_will_know, which then serves every change without its own)
    how_each: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotYetConversion:
    """Drafts made from a "not yet": checklist items, a checkpoint, a note, maybe a commitment."""

    items: tuple[ChecklistItem, ...]
    checkpoint: Checkpoint
    note: str
    commitment: Commitment | None


_CHECKPOINT_TITLES = {
    "work": "Review the 'not yet' list with my manager",
    "unclear": "Ask again what 'not yet' means in concrete terms",
    "timing": "Check whether the timing has changed",
    "headcount": "Check whether a position at the target level has opened",
}
_COMMITMENT_TEXTS = {
    "timing": "Tell me when the next promotion window opens and what my case needs by then.",
    "headcount": "Tell me when a position at the target level can open, and keep my case "
    "on record until then.",
}
_NEXT_STEPS = {
    "work": "Each change is now a checklist item: bring evidence for them to every check-in.",
    "unclear": "The answer is not concrete yet. Ask what would have to change and how it "
    "would be noticed.",
    "timing": "This is about timing, not about the work. Keep collecting evidence and check "
    "back at the checkpoint.",
    "headcount": "This is about headcount, not about the work. Ask to keep the case on record "
    "for when a position opens.",
}
_REASON_WORDS = {"work": "the work", "timing": "timing", "headcount": "headcount",
                 "unclear": "not clear yet"}
_ASK_HOW = "Not agreed yet: ask how your manager will recognise this."


def convert_not_yet(answer: NotYetAnswer, checkin_id: int | None, today: date) -> NotYetConversion:
    """Turn a finished "not yet" into drafts linked to the check-in where it was heard.

    Work (and unclear) answers give one checklist item per line of what must change; timing
    and headcount answers give a commitment to ask of the manager instead, since the work is
    not what is missing. Every answer gives one checkpoint draft and a note.
    """
    check_choice(answer.reason, NOT_YET_REASONS, "reason", "The reason")
    compared = clean_text(answer.compared_to, "compared_to", "'Compared to'", MAX_TEXT,
                          required=False)
    how = clean_text(answer.how_manager_will_know, "how_manager_will_know",
                     "'How your manager will know'", MAX_TEXT, required=False)
    if len(answer.how_each) > len(answer.what_must_change):
        raise PlanValidationError("how_each", "There are more 'how they'll know' answers than changes.")
    hows = tuple(
        clean_text(own, "how_each", f"How they'll know change {number}", MAX_TEXT, required=False)
        for number, own in enumerate(answer.how_each, start=1)
    )
    pairs = tuple(
        (clean_text(line, "what_must_change", f"Change {number}", MAX_TITLE, required=False),
         hows[number - 1] if number <= len(hows) else "")
        for number, line in enumerate(answer.what_must_change, start=1)
    )
    pairs = tuple(pair for pair in pairs if pair[0])
    lines = tuple(line for line, _own in pairs)
    if answer.reason == "work" and not lines:
        raise PlanValidationError("what_must_change", "List at least one thing that must "
                                  "change, or mark the reason as unclear.")
    if answer.checkpoint_day is not None and answer.checkpoint_day <= today:
        raise PlanValidationError("checkpoint_day", "The checkpoint must be after today.")
    day = answer.checkpoint_day or today + timedelta(days=CHECKPOINT_AFTER_DAYS[answer.reason])
    about_work = answer.reason in ("work", "unclear")
    items = tuple(
        ChecklistItem(id=None, title=line, how_we_know=own or how or _ASK_HOW,
                      source_checkin_id=checkin_id)
        for line, own in pairs
    ) if about_work else ()
    commitment = None if about_work else Commitment(
        id=None, text=_COMMITMENT_TEXTS[answer.reason], due=day)
    note = [f"'Not yet' recorded on {today.isoformat()}.",
            f"Compared to: {compared or 'not said'}",
            f"Reason given: {_REASON_WORDS[answer.reason]}"]
    if lines:
        note.append("What must change:")
        note.extend(f"- {line}" + (f" (they'll know: {own})" if own else "") for line, own in pairs)
    if how or not any(own for _line, own in pairs):
        note.append(f"How my manager will know: {how or 'not said yet'}")
    note.append(f"Next: {_NEXT_STEPS[answer.reason]}")
    checkpoint = Checkpoint(id=None, day=day, title=_CHECKPOINT_TITLES[answer.reason])
    return NotYetConversion(items, checkpoint, "\n".join(note), commitment)


# --- question bank --------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A question worth asking a manager, tagged with the plan states it fits."""

    id: str
    text: str
    states: tuple[str, ...]


class QuestionBankError(InputError, ValueError):
    """The question bank file is malformed; the message says where."""


def parse_question_bank(text: str) -> tuple[Question, ...]:
    """Parse and check the YAML text of a question bank."""
    try:
        # the C loader when PyYAML has it: the bank is read on every start (43 ms -> 4 ms)
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as error:
        raise QuestionBankError(f"The question bank is not valid YAML: {error}") from error
    if not isinstance(data, dict) or data.get("version") != 1:
        raise QuestionBankError("The question bank must be a mapping with 'version: 1'.")
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise QuestionBankError("The question bank needs a non-empty 'questions' list.")
    questions: list[Question] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        where = f"Question {number}"
        if not isinstance(item, dict) or set(item) != {"id", "text", "states"}:
            raise QuestionBankError(f"{where} must have exactly the keys id, text and states.")
        qid, qtext, states = item["id"], item["text"], item["states"]
        if not isinstance(qid, str) or not _ID.match(qid):
            raise QuestionBankError(f"{where}: the id must be lowercase words joined by '-'.")
        if qid in seen:
            raise QuestionBankError(f"{where}: the id '{qid}' is used twice.")
        seen.add(qid)
        if not isinstance(qtext, str) or not qtext.strip():
            raise QuestionBankError(f"{where} ('{qid}'): the text is empty.")
        if len(qtext.strip()) > MAX_QUESTION_TEXT:
            raise QuestionBankError(f"{where} ('{qid}'): the text is longer than "
                                    f"{MAX_QUESTION_TEXT} characters.")
        if not isinstance(states, list) or not states:
            raise QuestionBankError(f"{where} ('{qid}'): list at least one state.")
        for state in states:
            if state not in PREP_STATES:
                raise QuestionBankError(f"{where} ('{qid}'): unknown state {state!r}; known "
                                        f"states are {', '.join(PREP_STATES)}.")
        if len(set(states)) != len(states):
            raise QuestionBankError(f"{where} ('{qid}'): a state is listed twice.")
        questions.append(Question(qid, qtext.strip(), tuple(states)))
    return tuple(questions)


def load_question_bank(resources: Path) -> tuple[Question, ...]:
    """Read the question bank from the resources directory (file plan/questions.yaml)."""
    path = resources / QUESTION_BANK_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise QuestionBankError(f"Cannot read the question bank at {path}: {error}") from error
    return parse_question_bank(text)


# --- plan states and question picks ---------------------------------------------------------


@dataclass(frozen=True)
class EntryRef:
    """A starred journal entry, as much of it as the prep view needs."""

    id: int
    day: date
    title: str


@dataclass(frozen=True)
class PickedQuestion:
    """A question chosen for the prep view, with the plan state that made it fit."""

    id: str
    text: str
    state: str


def stalled_items(state: PlanState, today: date, stall_days: int = STALL_DAYS) -> list[ChecklistItem]:
    """List open or in-progress items with no evidence that look stuck.

    An item is stuck when its linked checkpoint has passed unreviewed, or when it came from a
    check-in at least `stall_days` ago. Items with neither link are never called stuck.
    """
    checkin_days = {c.id: c.day for c in state.checkins if c.id is not None}
    overdue_points = {c.id for c in state.checkpoints
                      if c.id is not None and not c.reviewed and c.day < today}
    found = []
    for item in state.checklist:
        if item.status not in ("open", "in_progress") or item.entry_ids:
            continue
        origin = (checkin_days.get(item.source_checkin_id)
                  if item.source_checkin_id is not None else None)
        old = origin is not None and (today - origin).days >= stall_days
        if old or (item.checkpoint_id is not None and item.checkpoint_id in overdue_points):
            found.append(item)
    return found


def prep_states(state: PlanState, today: date, new_starred: int,
                last_checkin: CheckIn | None) -> tuple[str, ...]:
    """List the plan states that apply today, most pressing first (see PREP_STATES)."""
    plan = state.plan
    target = plan.target_date if plan else None
    notes = plan.process_notes if plan else None
    recent = {c.id for c in state.checkins if c.id is not None
              and today - timedelta(days=RECENT_NOT_YET_DAYS) <= c.day <= today}
    live = [item for item in state.checklist if item.status != "dropped"]
    active = {
        "no_plan": plan is None,
        "no_target_date": plan is not None and target is None,
        "review_passed": target is not None and target < today,
        "review_near": target is not None and 0 <= (target - today).days < REVIEW_WARNING_DAYS,
        "no_checkins": last_checkin is None,
        "no_checklist": plan is not None and not live,
        "recent_not_yet": any(item.source_checkin_id in recent for item in live),
        "commitments_overdue": any(c.status == "open" and c.due is not None and c.due < today
                                   for c in state.commitments),
        "followups_overdue": any(v.overdue for v in open_followups(state, today)),
        "items_stalled": bool(stalled_items(state, today)),
        "process_unknown": notes is None or not (notes.who_decides.strip()
                                                 and notes.evidence_wanted.strip()),
        "evidence_thin": new_starred == 0,
        "general": True,
    }
    return tuple(name for name in PREP_STATES if active[name])


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def pick_questions(bank: Sequence[Question], states: Sequence[str], asked: Iterable[str] = (),
                   limit: int = MAX_QUESTIONS, minimum: int = MIN_QUESTIONS
                   ) -> tuple[PickedQuestion, ...]:
    """Pick up to `limit` questions: one per state in turn, most pressing state first.

    Questions whose text was already a talking point (`asked`) come after fresh ones. The
    "general" state only tops the list up to `minimum`.
    """
    used = {_normal(text) for text in asked}

    def fitting(state: str) -> list[Question]:
        tagged = [q for q in bank if state in q.states]
        return sorted(tagged, key=lambda q: _normal(q.text) in used)

    picked: list[PickedQuestion] = []
    taken: set[str] = set()
    queues = [(s, fitting(s)) for s in states if s != "general"]
    while len(picked) < limit and any(queue for _, queue in queues):
        for state, queue in queues:
            while queue and queue[0].id in taken:
                queue.pop(0)
            if queue and len(picked) < limit:
                question = queue.pop(0)
                picked.append(PickedQuestion(question.id, question.text, state))
                taken.add(question.id)
    if "general" in states:
        for question in fitting("general"):
            if len(picked) >= minimum:
                break
            if question.id not in taken:
                picked.append(PickedQuestion(question.id, question.text, "general"))
                taken.add(question.id)
    return tuple(picked)


# --- the prep view --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckpointDue:
    """A checkpoint worth raising in the coming check-in, with how urgent it is."""

    checkpoint: Checkpoint
    urgency: Urgency


@dataclass(frozen=True)
class PrepView:
    """What to bring to the next check-in, the manager's open commitments included."""

    next_checkin: CheckIn | None
    last_checkin: CheckIn | None
    followups: tuple[FollowUpView, ...]
    checkpoints: tuple[CheckpointDue, ...]
    in_progress: tuple[ChecklistItem, ...]
    starred: tuple[EntryRef, ...]
    states: tuple[str, ...]
    questions: tuple[PickedQuestion, ...]
    commitments: tuple[Commitment, ...] = ()

    @property
    def candidate_points(self) -> tuple[str, ...]:
        """The picked questions, as talking points the person may add to the check-in."""
        return tuple(q.text for q in self.questions)


def prepare_checkin(state: PlanState, starred: Iterable[EntryRef], today: date,
                    question_bank: Sequence[Question], soon_days: int = 7) -> PrepView:
    """Gather what to bring to the next check-in: the first planned one, else the first dated
    today or later. Works before any plan is started (state.plan None): the thread alone.

    Starred entries count when dated after the last check-in and not after today.
    Checkpoints count when unreviewed and dated within `soon_days` or before the next check-in.
    """
    ordered = sorted(state.checkins, key=checkin_order_key)
    upcoming = [c for c in ordered if c.planned] or [c for c in ordered if c.day >= today]
    following = upcoming[0] if upcoming else None
    if following is not None:
        earlier = [c for c in ordered if c.held and checkin_order_key(c) < checkin_order_key(following)]
    else:
        earlier = [c for c in ordered if c.held and c.day <= today]
    last = earlier[-1] if earlier else None
    viewer = following or CheckIn(id=None, day=today)
    views = followups_for_checkin(viewer, state.followups, state.checkins, today)
    horizon = max(today + timedelta(days=soon_days), following.day if following else today)
    due = sorted((c for c in state.checkpoints if not c.reviewed and c.day <= horizon),
                 key=lambda c: (c.day, c.id if c.id is not None else math.inf))
    fresh = sorted((e for e in starred
                    if e.day <= today and (last is None or e.day > last.day)),
                   key=lambda e: (e.day, e.id))
    states = prep_states(state, today, len(fresh), last)
    asked = [point for c in earlier for point in c.talking_points]
    return PrepView(
        next_checkin=following,
        last_checkin=last,
        followups=tuple(v for v in views if not v.done),
        checkpoints=tuple(CheckpointDue(c, classify(c.day, None, today, soon_days)) for c in due),
        in_progress=tuple(i for i in state.checklist if i.status == "in_progress"),
        starred=tuple(fresh),
        states=states,
        questions=pick_questions(question_bank, states, asked),
        commitments=tuple(c for c in state.commitments if c.status == "open"),
    )
