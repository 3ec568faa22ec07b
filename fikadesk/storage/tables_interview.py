"""SQLModel tables of the Interview tab: target jobs, own questions, answers, versions, takes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel


class InterviewJobRow(SQLModel, table=True):
    """A job the person is interviewing for, with its pasted description and research notes."""

    __tablename__ = "interview_job"

    id: int | None = Field(default=None, primary_key=True)
    company: str = ""
    role: str
    description: str = ""
    research: str = ""
    interview_on: date | None = None
    created_at: datetime = Field(sa_type=DateTime)  # local time, as the rest of the journal


class InterviewQuestionRow(SQLModel, table=True):
    """A question the person added to the bank themselves."""

    __tablename__ = "interview_question"

    id: int | None = Field(default=None, primary_key=True)
    text: str
    kind: str
    listening_for: str = ""


class InterviewAnswerRow(SQLModel, table=True):
    """The current answer to one question, for one job or for any job (job_id empty).

    The builder's parts (Now/Next/Future, or Situation/Task/Action/Result) are kept beside the
    composed text, and the Leitner box says when it is due for rehearsal."""

    __tablename__ = "interview_answer"

    id: int | None = Field(default=None, primary_key=True)
    question_key: str = Field(index=True)
    question_text: str
    kind: str
    job_id: int | None = Field(default=None, foreign_key="interview_job.id", index=True, ondelete="CASCADE")
    text: str = ""
    aspiration_kind: str = ""
    part_1: str = ""
    part_2: str = ""
    part_3: str = ""
    part_4: str = ""
    updated_at: datetime = Field(sa_type=DateTime)  # local time, as the rest of the journal
    box: int = 1
    last_rehearsed: date | None = None
    due: date | None = None


class InterviewAnswerVersionRow(SQLModel, table=True):
    """An earlier wording of an answer, kept whenever the text changes."""

    __tablename__ = "interview_answer_version"

    id: int | None = Field(default=None, primary_key=True)
    answer_id: int = Field(foreign_key="interview_answer.id", index=True, ondelete="CASCADE")
    text: str
    saved_at: datetime = Field(sa_type=DateTime)  # local time, as the rest of the journal


class InterviewAnswerEntryRow(SQLModel, table=True):
    """Which journal entries a story is built from."""

    __tablename__ = "interview_answer_entry"

    answer_id: int = Field(foreign_key="interview_answer.id", primary_key=True, ondelete="CASCADE")
    entry_id: int = Field(foreign_key="entry.id", primary_key=True, index=True, ondelete="CASCADE")


class InterviewTakeRow(SQLModel, table=True):
    """One rehearsal take of an answer: how long it took, how it felt, a note."""

    __tablename__ = "interview_take"

    id: int | None = Field(default=None, primary_key=True)
    answer_id: int = Field(foreign_key="interview_answer.id", index=True, ondelete="CASCADE")
    taken_at: datetime = Field(sa_type=DateTime)  # local time, as the rest of the journal
    seconds: int
    rating: int
    note: str = ""
    mode: str = "recall"


class InterviewTakeSpeechRow(SQLModel, table=True):
    """What was measured on a spoken take, as JSON (see SpeechMetrics.to_dict); never the audio."""

    __tablename__ = "interview_take_speech"

    take_id: int = Field(foreign_key="interview_take.id", primary_key=True, ondelete="CASCADE")
    metrics: str


class InterviewReflectionRow(SQLModel, table=True):
    """The reflection worksheet (one row); fulfilment is a comma-separated set of choices."""

    __tablename__ = "interview_reflection"

    id: int | None = Field(default=None, primary_key=True)
    strengths: str = ""
    tasks_enjoyed: str = ""
    tasks_dreaded: str = ""
    manage_people: str = "unsure"
    work_style: str = "both"
    success_measure: str = ""
    fulfilment: str = ""
