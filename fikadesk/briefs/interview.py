"""The interview prep brief for one target job: terms, aspiration, answers, STAR stories, questions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
from fikadesk.domain.interview import DEFAULT_WPM, speaking_seconds
from fikadesk.domain.interview_terms import term_coverage


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

    @property
    def spoken(self) -> str:
        """The four parts as they are said, one after the other."""
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
        parts += [heading(2, "About the role"), block(job.notes)]
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
