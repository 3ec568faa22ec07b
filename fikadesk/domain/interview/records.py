"""What the Interview tab keeps: target jobs, own questions, answers, their versions and takes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from fikadesk.domain.interview.questions import QUESTION_KINDS, Question, QuestionKind
from fikadesk.domain.interview.rehearsal import RehearsalState
from fikadesk.errors import InputError

MAX_SHORT = 200
MAX_LONG = 50_000
OWN_PREFIX = "own-"
TAKE_MODES = ("recall", "teleprompter")


class InterviewError(InputError, ValueError):
    """Interview data is not acceptable (or not found); the message says what and why."""


def _clean(value: str, label: str, limit: int, *, required: bool = False) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise InterviewError(f"{label} cannot be empty.")
    if len(cleaned) > limit:
        raise InterviewError(f"{label} is too long ({len(cleaned):,} characters; at most {limit:,}).")
    return cleaned


@dataclass(frozen=True)
class Job:
    """A job the person is interviewing for."""

    id: int | None
    role: str
    company: str = ""
    description: str = ""
    research: str = ""
    interview_on: date | None = None

    @property
    def label(self) -> str:
        """Role at company, as a person would say it."""
        return f"{self.role} at {self.company}" if self.company else self.role


def validate_job(job: Job) -> Job:
    """Return the job with trimmed texts, or raise InterviewError."""
    return replace(job, role=_clean(job.role, "The role", MAX_SHORT, required=True),
                   company=_clean(job.company, "The company", MAX_SHORT),
                   description=_clean(job.description, "The job description", MAX_LONG),
                   research=_clean(job.research, "The research notes", MAX_LONG))


def own_question_key(question_id: int) -> str:
    """The key of a question the person added (bank questions keep their own ids)."""
    return f"{OWN_PREFIX}{question_id}"


def validate_question(question: Question) -> Question:
    """Return an own question with trimmed texts, or raise InterviewError."""
    if question.kind not in QUESTION_KINDS:
        raise InterviewError(f"The kind of question must be one of {', '.join(QUESTION_KINDS)}.")
    return replace(question, text=_clean(question.text, "The question", 1_000, required=True),
                   listening_for=_clean(question.listening_for, "What the interviewer listens for", 2_000))


@dataclass(frozen=True)
class Answer:
    """The current answer to one question, for one job (or any job when job_id is None).

    ``parts`` are the builder's pieces: (now, next, future) for an aspiration, (situation, task,
    action, result) for a story; ``text`` is what will be said."""

    id: int | None
    question_key: str
    question_text: str
    kind: QuestionKind
    job_id: int | None = None
    text: str = ""
    aspiration_kind: str = ""
    parts: tuple[str, ...] = ()
    entry_ids: tuple[int, ...] = ()
    updated_at: datetime | None = None
    rehearsal: RehearsalState | None = field(default=None, compare=False)


def validate_answer(answer: Answer) -> Answer:
    """Return the answer with trimmed texts and four parts, or raise InterviewError."""
    if answer.kind not in QUESTION_KINDS:
        raise InterviewError(f"The kind of answer must be one of {', '.join(QUESTION_KINDS)}.")
    if len(answer.parts) > 4:
        raise InterviewError("An answer has at most four parts.")
    parts = tuple(_clean(p, "A part of the answer", MAX_LONG) for p in answer.parts)
    return replace(answer, question_key=_clean(answer.question_key, "The question", MAX_SHORT, required=True),
                   question_text=_clean(answer.question_text, "The question", 1_000, required=True),
                   text=_clean(answer.text, "The answer", MAX_LONG),
                   parts=parts + ("",) * (4 - len(parts)),
                   entry_ids=tuple(dict.fromkeys(answer.entry_ids)))


@dataclass(frozen=True)
class AnswerVersion:
    """An earlier wording of an answer."""

    text: str
    saved_at: datetime


@dataclass(frozen=True)
class Take:
    """One rehearsal take: how long it took, how it felt (1-5) and a note."""

    id: int | None
    answer_id: int
    taken_at: datetime
    seconds: int
    rating: int
    note: str = ""
    mode: str = "recall"


def validate_take(take: Take) -> Take:
    """Return the take with a trimmed note, or raise InterviewError."""
    if not 1 <= take.rating <= 5:
        raise InterviewError("Rate the take from 1 (shaky) to 5 (nailed it).")
    if not 0 <= take.seconds <= 3600:
        raise InterviewError("A take lasts between 0 seconds and an hour.")
    if take.mode not in TAKE_MODES:
        raise InterviewError(f"The rehearsal mode must be one of {', '.join(TAKE_MODES)}.")
    return replace(take, note=_clean(take.note, "The note", 5_000))


@dataclass(frozen=True)
class Progress:
    """How rehearsing one answer has gone: takes, the latest and the trend of the ratings."""

    takes: int
    last_rating: int | None
    best_rating: int | None
    average_seconds: float | None
    trend: str


def progress(takes: Sequence[Take]) -> Progress:
    """Summarise takes (oldest first): count, last and best rating, average length, and the trend."""
    if not takes:
        return Progress(0, None, None, None, "not rehearsed yet")
    ratings = [t.rating for t in takes]
    average = sum(t.seconds for t in takes) / len(takes)
    if len(takes) < 2:
        trend = "one take so far"
    else:
        half = len(ratings) // 2
        early, late = ratings[:half], ratings[half:]
        change = sum(late) / len(late) - sum(early) / len(early)
        trend = "improving" if change >= 0.5 else "slipping" if change <= -0.5 else "steady"
    return Progress(len(takes), ratings[-1], max(ratings), average, trend)


@dataclass(frozen=True)
class GridRow:
    """One question in the story grid: whether it has a story, and which expectations that covers."""

    question: Question
    answer_id: int | None
    has_story: bool
    expectation_ids: tuple[int, ...] = ()


def story_grid(questions: Iterable[Question], answers: Iterable[Answer],
               expectations_of_entry: dict[int, tuple[int, ...]]) -> list[GridRow]:
    """For each story question: is there a story (text or evidence), and the expectations its
    evidence covers (through the entries' links)."""
    by_key: dict[str, Answer] = {}
    for answer in answers:
        by_key.setdefault(answer.question_key, answer)
    rows = []
    for question in questions:
        if question.kind != "story":
            continue
        found = by_key.get(question.id)
        has = found is not None and bool(found.text.strip() or found.entry_ids)
        covered: dict[int, None] = {}
        for entry_id in (found.entry_ids if found else ()):
            covered.update(dict.fromkeys(expectations_of_entry.get(entry_id, ())))
        rows.append(GridRow(question, found.id if found else None, has, tuple(covered)))
    return rows
