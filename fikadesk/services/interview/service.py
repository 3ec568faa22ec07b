"""The Interview tab's use cases: jobs, the question bank, answers with versions, takes, reflection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from fikadesk.domain.interview.answers import EvidenceInput
from fikadesk.domain.interview.questions import Question, load_question_bank
from fikadesk.domain.interview.records import (
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
from fikadesk.domain.interview.reflection import Worksheet
from fikadesk.domain.interview.rehearsal import RehearsalState, due_answers, record_take
from fikadesk.services.values import Clock, now
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import interview as repo


class InterviewService:
    """Everything the Interview tab stores; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now, bank_path: Path | None = None) -> None:
        self._db, self._clock, self._bank_path = db, clock, bank_path
        self._bank: tuple[Question, ...] | None = None
        self.on_takes_removed: Callable[[], object] | None = None  # e.g. drop their recordings

    # -- jobs --------------------------------------------------------------------------------
    def jobs(self) -> list[Job]:
        """Every target job, the newest first."""
        with self._db.read() as conn:
            return repo.jobs(conn)

    def job(self, job_id: int) -> Job:
        """One job, or InterviewError when there is none with that id."""
        with self._db.read() as conn:
            found = repo.load_job(conn, job_id)
        if found is None:
            raise InterviewError(f"There is no job {job_id}; `fikadesk interview jobs` lists them.")
        return found

    def save_job(self, job: Job) -> Job:
        """Add a job (id None) or change one."""
        clean = validate_job(job)
        with self._db.write() as conn:
            if clean.id is None:
                return replace(clean, id=repo.insert_job(conn, clean, self._clock()))
            if not repo.update_job(conn, clean):
                raise InterviewError(f"There is no job {clean.id} to change.")
            return clean

    def delete_job(self, job_id: int) -> None:
        """Delete a job with the answers written for it (answers for any job stay), after a backup."""
        from fikadesk.storage.backup import make_backup

        make_backup(self._db.path, "before-delete", folder=self._db.backup_dir)
        with self._db.write() as conn:
            repo.delete_job(conn, job_id)
        if self.on_takes_removed is not None:
            self.on_takes_removed()

    # -- questions ---------------------------------------------------------------------------
    def questions(self) -> tuple[Question, ...]:
        """The bundled question bank followed by the person's own questions."""
        if self._bank is None:
            self._bank = load_question_bank(self._bank_path) if self._bank_path else ()
        with self._db.read() as conn:
            return self._bank + repo.own_questions(conn)

    def add_question(self, question: Question) -> Question:
        """Add an own question to the bank; its id becomes ``own-N``."""
        clean = validate_question(question)
        with self._db.write() as conn:
            return replace(clean, id=own_question_key(repo.insert_question(conn, clean)))

    def delete_question(self, key: str) -> None:
        """Remove an own question; answers written to it are kept (they carry the question's text)."""
        if not key.startswith(OWN_PREFIX) or not key[len(OWN_PREFIX):].isdigit():
            raise InterviewError("Only questions you added can be removed from the bank.")
        with self._db.write() as conn:
            repo.delete_question(conn, int(key[len(OWN_PREFIX):]))

    # -- answers -----------------------------------------------------------------------------
    def answers(self, job_id: int | None = None, *, every_job: bool = False) -> list[Answer]:
        """Answers for ``job_id`` and the ones for any job (or, with every_job, all of them)."""
        with self._db.read() as conn:
            return repo.answers(conn, job_id, every_job)

    def find_answer(self, question_key: str, job_id: int | None) -> Answer | None:
        """The answer to one question for one job (or for any job when job_id is None)."""
        with self._db.read() as conn:
            return repo.find_answer(conn, question_key, job_id)

    def answer(self, answer_id: int) -> Answer:
        """One answer by id, or InterviewError."""
        with self._db.read() as conn:
            found = repo.load_answer(conn, answer_id)
        if found is None:
            raise InterviewError(f"There is no answer {answer_id}.")
        return found

    def save_answer(self, answer: Answer) -> Answer:
        """Add or change an answer; a changed text keeps the earlier wording as a version."""
        clean = validate_answer(answer)
        stamp = self._clock()
        with self._db.write() as conn:
            if clean.job_id is not None and repo.load_job(conn, clean.job_id) is None:
                raise InterviewError(f"There is no job {clean.job_id} for this answer.")
            for entry_id in repo.missing_entries(conn, clean.entry_ids)[:1]:
                raise InterviewError(f"There is no journal entry {entry_id} to build the story on.")
            answer_id = repo.save_answer(conn, clean, stamp)
            if answer_id is None:
                raise InterviewError(f"There is no answer {clean.id} to change.")
            saved = repo.load_answer(conn, answer_id)
        assert saved is not None
        return saved

    def delete_answer(self, answer_id: int) -> None:
        """Delete an answer with its versions and takes."""
        with self._db.write() as conn:
            repo.delete_answer(conn, answer_id)
        if self.on_takes_removed is not None:
            self.on_takes_removed()

    def versions(self, answer_id: int) -> list[AnswerVersion]:
        """Earlier wordings of an answer, the newest first."""
        with self._db.read() as conn:
            return repo.versions(conn, answer_id)

    # -- rehearsal ---------------------------------------------------------------------------
    def record_take(self, take: Take) -> Answer:
        """Keep a take and move its answer between the Leitner boxes by the rating."""
        clean = validate_take(take)
        with self._db.write() as conn:
            found = repo.load_answer(conn, clean.answer_id)
            if found is None:
                raise InterviewError(f"There is no answer {clean.answer_id} to rehearse.")
            state = record_take(found.rehearsal or RehearsalState(clean.answer_id), clean.rating,
                                clean.taken_at.date())
            repo.insert_take(conn, clean, state)
            saved = repo.load_answer(conn, clean.answer_id)
        assert saved is not None
        return saved

    def takes(self, answer_id: int) -> list[Take]:
        """The takes of an answer, the oldest first."""
        with self._db.read() as conn:
            return repo.takes(conn, answer_id)

    def due(self, today: date) -> list[Answer]:
        """Answers with words in them that are due for rehearsal, the most overdue first."""
        every = {a.id: a for a in self.answers(every_job=True) if a.text.strip()}
        states = [a.rehearsal for a in every.values() if a.rehearsal is not None]
        return [every[s.answer_id] for s in due_answers(states, today)]

    # -- evidence ----------------------------------------------------------------------------
    def evidence(self, entry_id: int) -> EvidenceInput:
        """What the STAR pre-fill needs from one journal entry."""
        with self._db.read() as conn:
            found = repo.evidence(conn, entry_id)
        if found is None:
            raise InterviewError(f"There is no journal entry {entry_id}.")
        return found

    def expectations_of_entries(self, entry_ids: list[int]) -> dict[int, tuple[int, ...]]:
        """For each entry, the target expectations it is evidence for."""
        with self._db.read() as conn:
            return repo.expectations_of_entries(conn, entry_ids)

    def brief_material(self, job_id: int) -> tuple[Job, list[Answer], dict[int, date], tuple[Question, ...]]:
        """What the interview brief reads, in one transaction: the job, its answers, the day of
        each entry their stories build on (an entry gone for good has none) and the questions."""
        if self._bank is None:
            self._bank = load_question_bank(self._bank_path) if self._bank_path else ()
        with self._db.read() as conn:
            job = repo.load_job(conn, job_id)
            if job is None:
                raise InterviewError(f"There is no job {job_id}; `fikadesk interview jobs` lists them.")
            answers = repo.answers(conn, job_id, every_job=False)
            stories = sorted({e for a in answers if a.kind == "story" for e in a.entry_ids})
            days = {entry_id: found.day for entry_id in stories
                    if (found := repo.evidence(conn, entry_id)) is not None}
            return job, answers, days, self._bank + repo.own_questions(conn)

    # -- reflection --------------------------------------------------------------------------
    def reflection(self) -> Worksheet:
        """The reflection worksheet as last saved (empty at first)."""
        with self._db.read() as conn:
            return repo.reflection(conn) or Worksheet()

    def save_reflection(self, sheet: Worksheet) -> None:
        """Keep the reflection worksheet."""
        clean = replace(sheet, strengths=sheet.strengths.strip(), tasks_enjoyed=sheet.tasks_enjoyed.strip(),
                        tasks_dreaded=sheet.tasks_dreaded.strip(),
                        success_measure=sheet.success_measure.strip())
        with self._db.write() as conn:
            repo.save_reflection(conn, clean)
