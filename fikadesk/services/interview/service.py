"""The Interview tab's use cases: jobs, the question bank, answers with versions, takes, reflection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from fikadesk.domain.interview import EvidenceInput
from fikadesk.domain.interview_questions import Question, load_question_bank
from fikadesk.domain.interview_records import (
    OWN_PREFIX,
    Answer,
    AnswerVersion,
    InterviewError,
    Job,
    Take,
    own_question_key,
    validate_answer,
    validate_job,
    validate_question,
    validate_take,
)
from fikadesk.domain.interview_reflection import Worksheet
from fikadesk.domain.interview_rehearsal import RehearsalState, due_answers, record_take
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database
from fikadesk.storage.tables import EntryExpectationRow, EntryRow
from fikadesk.storage.tables_interview import (
    InterviewAnswerEntryRow,
    InterviewAnswerRow,
    InterviewAnswerVersionRow,
    InterviewJobRow,
    InterviewQuestionRow,
    InterviewReflectionRow,
    InterviewTakeRow,
)


def _job(row: InterviewJobRow) -> Job:
    return Job(row.id, row.role, row.company, row.description, row.research, row.interview_on)


def _answer(session: Session, row: InterviewAnswerRow) -> Answer:
    entries = session.exec(select(InterviewAnswerEntryRow.entry_id)
                           .where(InterviewAnswerEntryRow.answer_id == row.id)
                           .order_by(col(InterviewAnswerEntryRow.entry_id))).all()
    assert row.id is not None
    parts = (row.part_1, row.part_2, row.part_3, row.part_4)
    state = RehearsalState(row.id, row.box, row.last_rehearsed, row.due)
    return Answer(row.id, row.question_key, row.question_text, row.kind,  # type: ignore[arg-type]
                  row.job_id, row.text, row.aspiration_kind, parts, tuple(entries), row.updated_at, state)


class InterviewService:
    """Everything the Interview tab stores; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now, bank_path: Path | None = None) -> None:
        self._db, self._clock, self._bank_path = db, clock, bank_path
        self._bank: tuple[Question, ...] | None = None
        self.on_takes_removed: Callable[[], object] | None = None  # e.g. drop their recordings

    # -- jobs --------------------------------------------------------------------------------
    def jobs(self) -> list[Job]:
        """Every target job, the newest first."""
        with self._db.read() as session:
            rows = session.exec(select(InterviewJobRow).order_by(col(InterviewJobRow.id).desc())).all()
            return [_job(row) for row in rows]

    def job(self, job_id: int) -> Job:
        """One job, or InterviewError when there is none with that id."""
        with self._db.read() as session:
            row = session.get(InterviewJobRow, job_id)
            if row is None:
                raise InterviewError(f"There is no job {job_id}; `fikadesk interview jobs` lists them.")
            return _job(row)

    def save_job(self, job: Job) -> Job:
        """Add a job (id None) or change one."""
        clean = validate_job(job)
        with self._db.write() as session:
            row = InterviewJobRow(created_at=self._clock(), role=clean.role) if clean.id is None \
                else session.get(InterviewJobRow, clean.id)
            if row is None:
                raise InterviewError(f"There is no job {clean.id} to change.")
            row.role, row.company, row.description = clean.role, clean.company, clean.description
            row.research, row.interview_on = clean.research, clean.interview_on
            session.add(row)
            session.flush()
            return replace(clean, id=row.id)

    def delete_job(self, job_id: int) -> None:
        """Delete a job with the answers written for it (answers for any job stay), after a backup."""
        from fikadesk.storage.backup import make_backup

        make_backup(self._db.path, "before-delete", folder=self._db.backup_dir)
        with self._db.write() as session:
            row = session.get(InterviewJobRow, job_id)
            if row is not None:
                session.delete(row)
        if self.on_takes_removed is not None:
            self.on_takes_removed()

    # -- questions ---------------------------------------------------------------------------
    def questions(self) -> tuple[Question, ...]:
        """The bundled question bank followed by the person's own questions."""
        if self._bank is None:
            self._bank = load_question_bank(self._bank_path) if self._bank_path else ()
        with self._db.read() as session:
            own = session.exec(select(InterviewQuestionRow).order_by(col(InterviewQuestionRow.id))).all()
            mine = tuple(Question(own_question_key(int(r.id or 0)), r.text, r.kind,  # type: ignore[arg-type]
                                  r.listening_for) for r in own)
        return self._bank + mine

    def add_question(self, question: Question) -> Question:
        """Add an own question to the bank; its id becomes ``own-N``."""
        clean = validate_question(question)
        with self._db.write() as session:
            row = InterviewQuestionRow(text=clean.text, kind=clean.kind, listening_for=clean.listening_for)
            session.add(row)
            session.flush()
            return replace(clean, id=own_question_key(int(row.id or 0)))

    def delete_question(self, key: str) -> None:
        """Remove an own question; answers written to it are kept (they carry the question's text)."""
        if not key.startswith(OWN_PREFIX) or not key[len(OWN_PREFIX):].isdigit():
            raise InterviewError("Only questions you added can be removed from the bank.")
        with self._db.write() as session:
            row = session.get(InterviewQuestionRow, int(key[len(OWN_PREFIX):]))
            if row is not None:
                session.delete(row)

    # -- answers -----------------------------------------------------------------------------
    def answers(self, job_id: int | None = None, *, every_job: bool = False) -> list[Answer]:
        """Answers for ``job_id`` and the ones for any job (or, with every_job, all of them)."""
        with self._db.read() as session:
            query = select(InterviewAnswerRow).order_by(col(InterviewAnswerRow.id))
            if not every_job:
                query = query.where(col(InterviewAnswerRow.job_id).is_(None) if job_id is None else
                                    (col(InterviewAnswerRow.job_id) == job_id)
                                    | col(InterviewAnswerRow.job_id).is_(None))
            return [_answer(session, row) for row in session.exec(query).all()]

    def find_answer(self, question_key: str, job_id: int | None) -> Answer | None:
        """The answer to one question for one job (or for any job when job_id is None)."""
        with self._db.read() as session:
            query = select(InterviewAnswerRow).where(InterviewAnswerRow.question_key == question_key)
            query = query.where(col(InterviewAnswerRow.job_id).is_(None) if job_id is None
                                else InterviewAnswerRow.job_id == job_id)
            row = session.exec(query).first()
            return _answer(session, row) if row is not None else None

    def answer(self, answer_id: int) -> Answer:
        """One answer by id, or InterviewError."""
        with self._db.read() as session:
            row = session.get(InterviewAnswerRow, answer_id)
            if row is None:
                raise InterviewError(f"There is no answer {answer_id}.")
            return _answer(session, row)

    def save_answer(self, answer: Answer) -> Answer:
        """Add or change an answer; a changed text keeps the earlier wording as a version."""
        clean = validate_answer(answer)
        stamp = self._clock()
        with self._db.write() as session:
            if clean.job_id is not None and session.get(InterviewJobRow, clean.job_id) is None:
                raise InterviewError(f"There is no job {clean.job_id} for this answer.")
            for entry_id in clean.entry_ids:
                if session.get(EntryRow, entry_id) is None:
                    raise InterviewError(f"There is no journal entry {entry_id} to build the story on.")
            row = self._answer_row(session, clean)
            if row.id is not None and row.text and row.text != clean.text:
                session.add(InterviewAnswerVersionRow(answer_id=row.id, text=row.text,
                                                      saved_at=row.updated_at))
            row.text, row.aspiration_kind, row.updated_at = clean.text, clean.aspiration_kind, stamp
            row.part_1, row.part_2, row.part_3, row.part_4 = clean.parts
            session.add(row)
            session.flush()
            for link in session.exec(select(InterviewAnswerEntryRow)
                                     .where(InterviewAnswerEntryRow.answer_id == row.id)).all():
                session.delete(link)
            session.flush()
            for entry_id in clean.entry_ids:
                session.add(InterviewAnswerEntryRow(answer_id=int(row.id or 0), entry_id=entry_id))
            session.flush()
            return _answer(session, row)

    def _answer_row(self, session: Session, clean: Answer) -> InterviewAnswerRow:
        if clean.id is not None:
            row = session.get(InterviewAnswerRow, clean.id)
            if row is None:
                raise InterviewError(f"There is no answer {clean.id} to change.")
            return row
        query = select(InterviewAnswerRow).where(InterviewAnswerRow.question_key == clean.question_key)
        query = query.where(col(InterviewAnswerRow.job_id).is_(None) if clean.job_id is None
                            else InterviewAnswerRow.job_id == clean.job_id)
        existing = session.exec(query).first()  # one answer per question and job
        return existing or InterviewAnswerRow(
            question_key=clean.question_key, question_text=clean.question_text, kind=clean.kind,
            job_id=clean.job_id, updated_at=self._clock())

    def delete_answer(self, answer_id: int) -> None:
        """Delete an answer with its versions and takes."""
        with self._db.write() as session:
            row = session.get(InterviewAnswerRow, answer_id)
            if row is not None:
                session.delete(row)
        if self.on_takes_removed is not None:
            self.on_takes_removed()

    def versions(self, answer_id: int) -> list[AnswerVersion]:
        """Earlier wordings of an answer, the newest first."""
        with self._db.read() as session:
            rows = session.exec(select(InterviewAnswerVersionRow)
                                .where(InterviewAnswerVersionRow.answer_id == answer_id)
                                .order_by(col(InterviewAnswerVersionRow.id).desc())).all()
            return [AnswerVersion(r.text, r.saved_at) for r in rows]

    # -- rehearsal ---------------------------------------------------------------------------
    def record_take(self, take: Take) -> Answer:
        """Keep a take and move its answer between the Leitner boxes by the rating."""
        clean = validate_take(take)
        with self._db.write() as session:
            row = session.get(InterviewAnswerRow, clean.answer_id)
            if row is None:
                raise InterviewError(f"There is no answer {clean.answer_id} to rehearse.")
            state = record_take(RehearsalState(int(row.id or 0), row.box, row.last_rehearsed, row.due),
                                clean.rating, clean.taken_at.date())
            row.box, row.last_rehearsed, row.due = state.box, state.last_rehearsed, state.due
            session.add(row)
            session.add(InterviewTakeRow(answer_id=clean.answer_id, taken_at=clean.taken_at,
                                         seconds=clean.seconds, rating=clean.rating, note=clean.note,
                                         mode=clean.mode))
            session.flush()
            return _answer(session, row)

    def takes(self, answer_id: int) -> list[Take]:
        """The takes of an answer, the oldest first."""
        with self._db.read() as session:
            rows = session.exec(select(InterviewTakeRow).where(InterviewTakeRow.answer_id == answer_id)
                                .order_by(col(InterviewTakeRow.id))).all()
            return [Take(r.id, r.answer_id, r.taken_at, r.seconds, r.rating, r.note, r.mode) for r in rows]

    def due(self, today: date) -> list[Answer]:
        """Answers with words in them that are due for rehearsal, the most overdue first."""
        every = {a.id: a for a in self.answers(every_job=True) if a.text.strip()}
        states = [a.rehearsal for a in every.values() if a.rehearsal is not None]
        return [every[s.answer_id] for s in due_answers(states, today)]

    # -- evidence ----------------------------------------------------------------------------
    def evidence(self, entry_id: int) -> EvidenceInput:
        """What the STAR pre-fill needs from one journal entry."""
        with self._db.read() as session:
            row = session.get(EntryRow, entry_id)
            if row is None:
                raise InterviewError(f"There is no journal entry {entry_id}.")
            return EvidenceInput(row.day, row.title, row.body, row.impact)

    def expectations_of_entries(self, entry_ids: list[int]) -> dict[int, tuple[int, ...]]:
        """For each entry, the target expectations it is evidence for."""
        found: dict[int, list[int]] = {}
        with self._db.read() as session:
            rows = session.exec(select(EntryExpectationRow)
                                .where(col(EntryExpectationRow.entry_id).in_(entry_ids))).all()
            for link in rows:
                found.setdefault(link.entry_id, []).append(link.expectation_id)
        return {entry: tuple(sorted(ids)) for entry, ids in found.items()}

    # -- reflection --------------------------------------------------------------------------
    def reflection(self) -> Worksheet:
        """The reflection worksheet as last saved (empty at first)."""
        with self._db.read() as session:
            row = session.get(InterviewReflectionRow, 1)
            if row is None:
                return Worksheet()
            return Worksheet(row.strengths, row.tasks_enjoyed, row.tasks_dreaded,
                             row.manage_people, row.work_style, row.success_measure,  # type: ignore[arg-type]
                             frozenset(x for x in row.fulfilment.split(",") if x))  # type: ignore[misc]

    def save_reflection(self, sheet: Worksheet) -> None:
        """Keep the reflection worksheet."""
        with self._db.write() as session:
            row = session.get(InterviewReflectionRow, 1) or InterviewReflectionRow(id=1)
            row.strengths = sheet.strengths.strip()
            row.tasks_enjoyed, row.tasks_dreaded = sheet.tasks_enjoyed.strip(), sheet.tasks_dreaded.strip()
            row.manage_people, row.work_style = sheet.manage_people, sheet.work_style
            row.success_measure = sheet.success_measure.strip()
            row.fulfilment = ",".join(sorted(sheet.fulfilment))
            session.add(row)


def stamp_of(value: datetime | None) -> str:
    """A saved-at time as a person reads it."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""
