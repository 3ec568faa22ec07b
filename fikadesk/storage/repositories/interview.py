"""The interview area's SQL: jobs, own questions, answers with versions and takes, the reflection.

Every function runs inside the caller's transaction and returns domain objects; a row that is
not there comes back as None, and the interview service says what that means. Times are stored
as SQLAlchemy's DateTime type stored them before (``YYYY-MM-DD HH:MM:SS.ffffff``, local time).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from fikadesk.domain.interview.answers import EvidenceInput
from fikadesk.domain.interview.questions import Question
from fikadesk.domain.interview.records import Answer, AnswerVersion, Job, Take, own_question_key
from fikadesk.domain.interview.reflection import Worksheet
from fikadesk.domain.interview.rehearsal import RehearsalState
from fikadesk.storage.values import as_date, as_datetime

_ANSWER_SELECT = ("SELECT id, question_key, question_text, kind, job_id, text, aspiration_kind, part_1, "
                  "part_2, part_3, part_4, updated_at, box, last_rehearsed, due FROM interview_answer")


def _stamp(value: datetime) -> str:
    return value.isoformat(" ", "microseconds")


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(value: Any) -> date | None:
    return None if value is None else as_date(value)


# -- jobs -----------------------------------------------------------------------------------------
def _job(row: Any) -> Job:
    return Job(int(row.id), row.role, row.company, row.description, row.research, _day(row.interview_on))


def jobs(conn: Connection) -> list[Job]:
    """Every target job, the newest first."""
    return [_job(r) for r in conn.execute(text(
        "SELECT id, role, company, description, research, interview_on FROM interview_job ORDER BY id DESC"))]


def load_job(conn: Connection, job_id: int) -> Job | None:
    """One job, or None."""
    row = conn.execute(text("SELECT id, role, company, description, research, interview_on "
                            "FROM interview_job WHERE id = :id"), {"id": job_id}).first()
    return None if row is None else _job(row)


def insert_job(conn: Connection, job: Job, now: datetime) -> int:
    """Add a job; return its id."""
    return int(conn.execute(text(
        "INSERT INTO interview_job (company, role, description, research, interview_on, created_at) "
        "VALUES (:company, :role, :description, :research, :on, :at)"),
        _job_params(job) | {"at": _stamp(now)}).lastrowid)


def update_job(conn: Connection, job: Job) -> bool:
    """Write a job's fields; False when there is no such job."""
    return conn.execute(text(
        "UPDATE interview_job SET company = :company, role = :role, description = :description, "
        "research = :research, interview_on = :on WHERE id = :id"),
        _job_params(job) | {"id": job.id}).rowcount == 1


def _job_params(job: Job) -> dict[str, Any]:
    return {"company": job.company, "role": job.role, "description": job.description,
            "research": job.research, "on": _iso(job.interview_on)}


def delete_job(conn: Connection, job_id: int) -> None:
    """Delete a job (its own answers, their versions and takes go with it)."""
    conn.execute(text("DELETE FROM interview_job WHERE id = :id"), {"id": job_id})


# -- own questions ------------------------------------------------------------------------------------
def own_questions(conn: Connection) -> tuple[Question, ...]:
    """The questions the person added, oldest first, keyed ``own-N``."""
    return tuple(Question(own_question_key(int(r.id)), r.text, r.kind, r.listening_for)
                 for r in conn.execute(text("SELECT id, text, kind, listening_for FROM interview_question "
                                            "ORDER BY id")))


def insert_question(conn: Connection, question: Question) -> int:
    """Add an own question; return its number."""
    return int(conn.execute(text(
        "INSERT INTO interview_question (text, kind, listening_for) VALUES (:t, :k, :l)"),
        {"t": question.text, "k": question.kind, "l": question.listening_for}).lastrowid)


def delete_question(conn: Connection, number: int) -> None:
    """Remove own question ``number`` (answers to it keep the question's text)."""
    conn.execute(text("DELETE FROM interview_question WHERE id = :id"), {"id": number})


# -- answers ------------------------------------------------------------------------------------------
def _answers(conn: Connection, where: str, params: dict[str, Any]) -> list[Answer]:
    rows = conn.execute(text(f"{_ANSWER_SELECT} WHERE {where} ORDER BY id"), params).all()
    if not rows:
        return []
    entries: dict[int, list[int]] = {}
    for answer_id, entry_id in conn.execute(text(
            "SELECT answer_id, entry_id FROM interview_answer_entry WHERE answer_id IN :ids "
            "ORDER BY entry_id").bindparams(bindparam("ids", expanding=True)),
            {"ids": [int(r.id) for r in rows]}):
        entries.setdefault(int(answer_id), []).append(int(entry_id))
    return [Answer(int(r.id), r.question_key, r.question_text, r.kind, r.job_id, r.text, r.aspiration_kind,
                   (r.part_1, r.part_2, r.part_3, r.part_4), tuple(entries.get(int(r.id), ())),
                   as_datetime(r.updated_at),
                   RehearsalState(int(r.id), int(r.box), _day(r.last_rehearsed), _day(r.due)))
            for r in rows]


def answers(conn: Connection, job_id: int | None, every_job: bool) -> list[Answer]:
    """Answers for ``job_id`` and the ones for any job (or, with every_job, all of them)."""
    if every_job:
        return _answers(conn, "1 = 1", {})
    if job_id is None:
        return _answers(conn, "job_id IS NULL", {})
    return _answers(conn, "(job_id = :job OR job_id IS NULL)", {"job": job_id})


def find_answer(conn: Connection, question_key: str, job_id: int | None) -> Answer | None:
    """The answer to one question for one job (for any job when job_id is None), or None."""
    where = "question_key = :key AND " + ("job_id IS NULL" if job_id is None else "job_id = :job")
    found = _answers(conn, where, {"key": question_key, "job": job_id})
    return found[0] if found else None


def load_answer(conn: Connection, answer_id: int) -> Answer | None:
    """One answer by id, or None."""
    found = _answers(conn, "id = :id", {"id": answer_id})
    return found[0] if found else None


def save_answer(conn: Connection, answer: Answer, stamp: datetime) -> int | None:
    """Add or change an answer (one per question and job) with its story's entries; a changed
    text keeps the earlier wording as a version. Its id; None when ``answer.id`` names no answer."""
    found = load_answer(conn, answer.id) if answer.id is not None else \
        find_answer(conn, answer.question_key, answer.job_id)
    if answer.id is not None and found is None:
        return None
    parts = dict(zip(("p1", "p2", "p3", "p4"), answer.parts, strict=True))
    values = {"text": answer.text, "aspiration": answer.aspiration_kind, "at": _stamp(stamp)} | parts
    if found is None:
        answer_id = int(conn.execute(text(
            "INSERT INTO interview_answer (question_key, question_text, kind, job_id, text, aspiration_kind, "
            "part_1, part_2, part_3, part_4, updated_at, box) VALUES (:key, :question, :kind, :job, :text, "
            ":aspiration, :p1, :p2, :p3, :p4, :at, 1)"),
            values | {"key": answer.question_key, "question": answer.question_text, "kind": answer.kind,
                      "job": answer.job_id}).lastrowid)
    else:
        answer_id = int(found.id or 0)
        if found.text and found.text != answer.text and found.updated_at is not None:
            conn.execute(text("INSERT INTO interview_answer_version (answer_id, text, saved_at) "
                              "VALUES (:a, :t, :at)"),
                         {"a": answer_id, "t": found.text, "at": _stamp(found.updated_at)})
        conn.execute(text(
            "UPDATE interview_answer SET text = :text, aspiration_kind = :aspiration, updated_at = :at, "
            "part_1 = :p1, part_2 = :p2, part_3 = :p3, part_4 = :p4 WHERE id = :id"),
            values | {"id": answer_id})
    conn.execute(text("DELETE FROM interview_answer_entry WHERE answer_id = :a"), {"a": answer_id})
    for entry_id in answer.entry_ids:
        conn.execute(text("INSERT INTO interview_answer_entry (answer_id, entry_id) VALUES (:a, :e)"),
                     {"a": answer_id, "e": entry_id})
    return answer_id


def delete_answer(conn: Connection, answer_id: int) -> None:
    """Delete an answer (its versions and takes go with it)."""
    conn.execute(text("DELETE FROM interview_answer WHERE id = :id"), {"id": answer_id})


def versions(conn: Connection, answer_id: int) -> list[AnswerVersion]:
    """Earlier wordings of an answer, the newest first."""
    return [AnswerVersion(r.text, as_datetime(r.saved_at)) for r in conn.execute(text(
        "SELECT text, saved_at FROM interview_answer_version WHERE answer_id = :a ORDER BY id DESC"),
        {"a": answer_id})]


# -- rehearsal ---------------------------------------------------------------------------------------
def insert_take(conn: Connection, take: Take, state: RehearsalState) -> int:
    """Keep a take and the answer's new place in the Leitner boxes; the take's id."""
    conn.execute(text("UPDATE interview_answer SET box = :box, last_rehearsed = :last, due = :due "
                      "WHERE id = :id"),
                 {"box": state.box, "last": _iso(state.last_rehearsed), "due": _iso(state.due),
                  "id": take.answer_id})
    return int(conn.execute(text(
        "INSERT INTO interview_take (answer_id, taken_at, seconds, rating, note, mode) "
        "VALUES (:a, :at, :s, :r, :n, :m)"),
        {"a": take.answer_id, "at": _stamp(take.taken_at), "s": take.seconds, "r": take.rating,
         "n": take.note, "m": take.mode}).lastrowid)


def takes(conn: Connection, answer_id: int) -> list[Take]:
    """The takes of an answer, the oldest first."""
    return [Take(int(r.id), int(r.answer_id), as_datetime(r.taken_at), int(r.seconds), int(r.rating), r.note,
                 r.mode)
            for r in conn.execute(text("SELECT id, answer_id, taken_at, seconds, rating, note, mode "
                                       "FROM interview_take WHERE answer_id = :a ORDER BY id"),
                                  {"a": answer_id})]


def take_ids(conn: Connection) -> set[int]:
    """The ids of every take still kept."""
    return {int(x) for x in conn.execute(text("SELECT id FROM interview_take")).scalars()}


def insert_take_speech(conn: Connection, take_id: int, metrics: str) -> None:
    """Keep what was measured on a spoken take (as JSON)."""
    conn.execute(text("INSERT INTO interview_take_speech (take_id, metrics) VALUES (:t, :m)"),
                 {"t": take_id, "m": metrics})


def take_speech(conn: Connection, answer_id: int) -> list[tuple[int, str]]:
    """(take id, metrics JSON) of the spoken takes of an answer."""
    return [(int(r[0]), str(r[1])) for r in conn.execute(text(
        "SELECT s.take_id, s.metrics FROM interview_take_speech s JOIN interview_take t "
        "ON t.id = s.take_id WHERE t.answer_id = :a"), {"a": answer_id})]


# -- evidence and reflection -------------------------------------------------------------------------
def evidence(conn: Connection, entry_id: int) -> EvidenceInput | None:
    """What the STAR pre-fill needs from one journal entry, or None."""
    row = conn.execute(text("SELECT day, title, body, impact FROM entry WHERE id = :id"),
                       {"id": entry_id}).first()
    return None if row is None else EvidenceInput(as_date(row.day), row.title, row.body, row.impact)


def missing_entries(conn: Connection, entry_ids: Sequence[int]) -> list[int]:
    """Those of ``entry_ids`` that name no journal entry, in the order given."""
    if not entry_ids:
        return []
    found = {int(x) for x in conn.execute(text("SELECT id FROM entry WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)), {"ids": list(entry_ids)}).scalars()}
    return [x for x in entry_ids if x not in found]


def expectations_of_entries(conn: Connection, entry_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """For each entry, the expectations it is evidence for, ascending."""
    if not entry_ids:
        return {}
    found: dict[int, list[int]] = {}
    for entry_id, expectation_id in conn.execute(text(
            "SELECT entry_id, expectation_id FROM entry_expectation WHERE entry_id IN :ids "
            "ORDER BY expectation_id").bindparams(bindparam("ids", expanding=True)),
            {"ids": list(entry_ids)}):
        found.setdefault(int(entry_id), []).append(int(expectation_id))
    return {entry: tuple(ids) for entry, ids in found.items()}


def reflection(conn: Connection) -> Worksheet | None:
    """The reflection worksheet as last saved, or None before the first save."""
    row = conn.execute(text("SELECT strengths, tasks_enjoyed, tasks_dreaded, manage_people, work_style, "
                            "success_measure, fulfilment FROM interview_reflection WHERE id = 1")).first()
    if row is None:
        return None
    return Worksheet(row.strengths, row.tasks_enjoyed, row.tasks_dreaded, row.manage_people, row.work_style,
                     row.success_measure, frozenset(x for x in row.fulfilment.split(",") if x))


def save_reflection(conn: Connection, sheet: Worksheet) -> None:
    """Keep the reflection worksheet as given."""
    conn.execute(text(
        "INSERT INTO interview_reflection (id, strengths, tasks_enjoyed, tasks_dreaded, manage_people, "
        "work_style, success_measure, fulfilment) VALUES (1, :s, :e, :d, :m, :w, :x, :f) "
        "ON CONFLICT(id) DO UPDATE SET strengths = excluded.strengths, "
        "tasks_enjoyed = excluded.tasks_enjoyed, tasks_dreaded = excluded.tasks_dreaded, "
        "manage_people = excluded.manage_people, work_style = excluded.work_style, "
        "success_measure = excluded.success_measure, fulfilment = excluded.fulfilment"),
        {"s": sheet.strengths, "e": sheet.tasks_enjoyed, "d": sheet.tasks_dreaded, "m": sheet.manage_people,
         "w": sheet.work_style, "x": sheet.success_measure, "f": ",".join(sorted(sheet.fulfilment))})


def last_take_id(conn: Connection, answer_id: int) -> int | None:
    """The id of an answer's latest take, or None before the first."""
    found = conn.execute(text("SELECT max(id) FROM interview_take WHERE answer_id = :a"),
                         {"a": answer_id}).scalar()
    return None if found is None else int(found)
