"""The interview prep brief for one target job: terms, aspiration, answers, STAR stories, questions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from fikadesk.briefs.markdown import (
    block,
    bullets,
    document,
    heading,
    inline,
    long_date,
    minutes_seconds,
    plural,
    table,
)
from fikadesk.domain.interview.answers import DEFAULT_WPM, speaking_seconds
from fikadesk.domain.interview.records import Answer, Job
from fikadesk.domain.interview.terms import term_coverage

_NEVER = datetime(1970, 1, 1)

#: A list marker at the start of a line of research notes (bullet or number).
_MARKER = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")


@dataclass(frozen=True)
class InterviewJob:
    """The job being interviewed for, and the key terms taken from its description."""

    title: str
    company: str = ""
    interview_on: date | None = None
    key_terms: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class PreparedAnswer:
    """A prepared answer to one interview question, in the words it will be said."""

    question: str
    text: str


@dataclass(frozen=True)
class StarStory:
    """A past-work story in Situation, Task, Action, Result form (often from a journal entry)."""

    title: str
    situation: str
    task: str
    action: str
    result: str
    day: date | None = None
    said: str = ""

    @property
    def has_parts(self) -> bool:
        """Whether any of the four parts is written."""
        return any(p.strip() for p in (self.situation, self.task, self.action, self.result))

    @property
    def spoken(self) -> str:
        """The story as it is said: the composed answer, else the four parts one after another."""
        if self.said.strip():
            return self.said.strip()
        return " ".join(p.strip() for p in (self.situation, self.task, self.action, self.result)
                        if p.strip())


@dataclass(frozen=True)
class InterviewInput:
    """Everything the interview brief is written from (gathered by the interview service)."""

    job: InterviewJob
    aspiration: PreparedAnswer | None = None
    answers: tuple[PreparedAnswer, ...] = ()
    stories: tuple[StarStory, ...] = ()
    questions_to_ask: tuple[str, ...] = ()
    wpm: int = DEFAULT_WPM


def _time(text: str, wpm: int) -> str:
    seconds = speaking_seconds(text, wpm)
    return f"about {minutes_seconds(seconds)} spoken" if seconds else "nothing to say yet"


def _header(data: InterviewInput, today: date) -> str:
    job = data.job
    title = inline(job.title) + (f" at {inline(job.company)}" if job.company.strip() else "")
    when = (f"Interview on {long_date(job.interview_on)}. " if job.interview_on else "")
    total = speaking_seconds(" ".join(
        [data.aspiration.text if data.aspiration else ""]
        + [a.text for a in data.answers] + [s.spoken for s in data.stories]), data.wpm)
    line = (f"{when}Prepared on {long_date(today)}. Speaking times assume {data.wpm} words a "
            f"minute; everything below takes {minutes_seconds(total)} to say.")
    parts = [heading(1, f"Interview prep: {title}"), line]
    if job.notes.strip():
        parts += [heading(2, "Notes on the role and company"), block(job.notes)]
    return document(*parts)


def _terms(data: InterviewInput) -> str:
    if not data.job.key_terms:
        return ""
    texts = [data.aspiration.text if data.aspiration else ""]
    texts += [a.text for a in data.answers] + [s.spoken for s in data.stories]
    coverage = term_coverage(data.job.key_terms, texts)
    touched = set(coverage.touched)
    rows = [[inline(term), "yes" if term in touched else "not yet"]
            for term in data.job.key_terms]
    note = ("Every key term comes up in at least one answer." if not coverage.missing else
            f"{plural(len(coverage.missing), 'term')} from the job description "
            f"{'is' if len(coverage.missing) == 1 else 'are'} not in any answer yet.")
    return document(heading(2, "Key terms of the job"), note,
                    table(["Term", "In my answers"], rows))


def _aspiration(data: InterviewInput) -> str:
    parts = [heading(2, "Where I am heading")]
    if data.aspiration is None or not data.aspiration.text.strip():
        parts.append("*No aspiration answer written yet: say what you want to learn now, the "
                     "role you want next, and the impact you are working toward.*")
        return document(*parts)
    answer = data.aspiration
    parts += [f"**{inline(answer.question)}** ({_time(answer.text, data.wpm)})",
              block(answer.text)]
    return document(*parts)


def _answers(data: InterviewInput) -> str:
    if not data.answers:
        return ""
    parts = [heading(2, "Prepared answers")]
    for answer in data.answers:
        parts += [heading(3, inline(answer.question)), f"*{_time(answer.text, data.wpm)}*",
                  block(answer.text) if answer.text.strip() else "*Not written yet.*"]
    return document(*parts)


def _stories(data: InterviewInput) -> str:
    if not data.stories:
        return ""
    parts = [heading(2, "Stories from my work (STAR)")]
    for story in data.stories:
        when = f"{story.day.isoformat()}, " if story.day else ""
        parts += [heading(3, inline(story.title)), f"*{when}{_time(story.spoken, data.wpm)}*"]
        if not story.has_parts:  # told as a whole, without the four parts filled in
            parts.append(block(story.said) if story.said.strip() else "*Not written yet.*")
            continue
        rows = [("Situation", story.situation), ("Task", story.task), ("Action", story.action),
                ("Result", story.result)]
        parts.append(bullets(f"**{label}:** {inline(text) if text.strip() else '—'}"
                             for label, text in rows))
    return document(*parts)


def _questions(data: InterviewInput) -> str:
    parts = [heading(2, "Questions to ask")]
    asked = [inline(q) for q in data.questions_to_ask if q.strip()]
    parts.append("\n".join(f"{n}. {q}" for n, q in enumerate(asked, start=1)) if asked else
                 "*No questions prepared yet: ask about the team's plans, how success is "
                 "measured in this role, and how people grow here.*")
    return document(*parts)


def build_interview(data: InterviewInput, today: date) -> str:
    """Return the interview prep brief as CommonMark; the same data and date give the same text."""
    return document(_header(data, today), _terms(data), _aspiration(data), _answers(data),
                    _stories(data), _questions(data))


def split_research(research: str) -> tuple[str, tuple[str, ...]]:
    """Split research notes into the notes and the questions to ask (lines ending in "?").

    A question keeps its words without the list marker in front; the other lines stay notes.
    """
    notes: list[str] = []
    questions: list[str] = []
    for line in research.replace("\r\n", "\n").split("\n"):
        bare = _MARKER.sub("", line, count=1).strip()
        if bare.endswith("?"):
            questions.append(bare)
        else:
            notes.append(line)
    return "\n".join(notes).strip(), tuple(questions)


def _wanted(answer: Answer) -> bool:
    return bool(answer.text.strip() or any(p.strip() for p in answer.parts))


def _story(answer: Answer, entry_days: Mapping[int, date]) -> StarStory:
    situation, task, action, result = (tuple(answer.parts) + ("",) * 4)[:4]
    day = next((entry_days[e] for e in answer.entry_ids if e in entry_days), None)
    return StarStory(answer.question_text, situation, task, action, result, day, answer.text)


def interview_input(job: Job, answers: Sequence[Answer], key_terms: Sequence[str],
                    entry_days: Mapping[int, date], question_order: Sequence[str],
                    wpm: int = DEFAULT_WPM) -> InterviewInput:
    """Choose what the brief for ``job`` says from the stored answers.

    ``answers`` are the job's own answers and those written for any job; where both answer one
    question, the job's own wins. The aspiration answer is the job's own one saved last (else
    the general one saved last); other aspiration and motivation answers are prepared answers,
    story answers are STAR stories dated by their first journal entry (``entry_days``). Answers
    follow the question bank's order (``question_order``); empty answers are left out.
    """
    chosen: dict[str, Answer] = {}
    for answer in answers:
        if not _wanted(answer) or answer.job_id not in (None, job.id):
            continue
        held = chosen.get(answer.question_key)
        if held is None or (held.job_id is None and answer.job_id is not None):
            chosen[answer.question_key] = answer
    place = {key: n for n, key in enumerate(question_order)}
    ordered = sorted(chosen.values(), key=lambda a: (place.get(a.question_key, len(place)),
                                                     a.id or 0))
    hopes = [a for a in ordered if a.kind == "aspiration" and a.text.strip()]
    aspiration = max(hopes, key=lambda a: (a.job_id is not None, a.updated_at or _NEVER, a.id or 0),
                     default=None)
    prepared = tuple(PreparedAnswer(a.question_text, a.text) for a in ordered
                     if a.kind != "story" and a is not aspiration)
    stories = tuple(_story(a, entry_days) for a in ordered if a.kind == "story")
    notes, questions = split_research(job.research)
    return InterviewInput(
        InterviewJob(job.role, job.company, job.interview_on, tuple(key_terms), notes),
        PreparedAnswer(aspiration.question_text, aspiration.text) if aspiration else None,
        prepared, stories, questions, wpm)
