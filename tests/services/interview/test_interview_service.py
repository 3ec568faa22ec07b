"""The interview service on a real journal: jobs, own questions, answers per question and job with
earlier versions, story evidence, rehearsal takes moving answers between Leitner boxes, reflection."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from fikadesk.domain.interview.questions import Question
from fikadesk.domain.interview.records import Answer, InterviewError, Job, Take, progress, story_grid
from fikadesk.domain.interview.reflection import Worksheet
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import Services

NOW = datetime(2026, 11, 20, 10, 0)


def _job(services: Services) -> Job:
    return services.interview.save_job(Job(None, " Staff Engineer ", "Acme", "Lead the platform team."))


def test_jobs_are_kept_changed_and_deleted_with_their_answers(services: Services) -> None:
    job = _job(services)
    assert job.role == "Staff Engineer" and services.interview.jobs() == [job]
    changed = services.interview.save_job(Job(job.id, "Staff Engineer", "Acme", research="Growing fast",
                                               interview_on=date(2026, 12, 3)))
    assert services.interview.job(job.id) == changed
    services.interview.save_answer(Answer(None, "why-company", "Why us?", "motivation", job.id, "Because."))
    services.interview.save_answer(Answer(None, "why-company", "Why us?", "motivation", None, "In general."))
    services.interview.delete_job(job.id)
    assert services.interview.jobs() == []
    assert [a.text for a in services.interview.answers(every_job=True)] == ["In general."]
    with pytest.raises(InterviewError, match="role cannot be empty"):
        services.interview.save_job(Job(None, "   "))
    with pytest.raises(InterviewError, match="no job 99"):
        services.interview.job(99)


def test_the_bank_holds_the_bundled_questions_and_own_ones(services: Services) -> None:
    bundled = services.interview.questions()
    assert len(bundled) >= 20 and {q.kind for q in bundled} == {"aspiration", "story", "motivation"}
    mine = services.interview.add_question(Question("", "Tell me about a time you changed your mind.",
                                                    "story", ""))
    assert mine.id.startswith("own-") and services.interview.questions()[-1] == mine
    services.interview.save_answer(Answer(None, mine.id, mine.text, "story", None, "Once, I…"))
    services.interview.delete_question(mine.id)
    assert mine not in services.interview.questions()
    assert services.interview.find_answer(mine.id, None) is not None  # the answer is not lost
    with pytest.raises(InterviewError, match="Only questions you added"):
        services.interview.delete_question(bundled[0].id)


def test_one_answer_per_question_and_job_with_earlier_versions(services: Services) -> None:
    job = _job(services)
    first = services.interview.save_answer(Answer(None, "aspirations-career", "Career?", "aspiration", job.id,
                                                  "First try.", "leadership", ("now", "next", "future")))
    again = services.interview.save_answer(Answer(None, "aspirations-career", "Career?", "aspiration", job.id,
                                                  "Second try."))
    assert again.id == first.id and again.parts == ("", "", "", "")
    services.interview.save_answer(replace_text(again, "Second try."))  # the same text: no new version
    assert [v.text for v in services.interview.versions(first.id)] == ["First try."]
    general = services.interview.save_answer(Answer(None, "aspirations-career", "Career?", "aspiration", None,
                                                    "For any job."))
    assert general.id != first.id
    assert {a.id for a in services.interview.answers(job.id)} == {first.id, general.id}
    assert [a.id for a in services.interview.answers(None)] == [general.id]
    assert services.interview.find_answer("aspirations-career", job.id).text == "Second try."
    services.interview.delete_answer(first.id)
    assert services.interview.versions(first.id) == []


def replace_text(answer: Answer, text: str) -> Answer:
    from dataclasses import replace
    return replace(answer, text=text)


def test_stories_link_entries_and_the_grid_shows_what_they_cover(services: Services) -> None:
    entry = services.journal.add(EntryDraft(day=date(2026, 9, 18), title="Led the billing migration",
                                            body="We had to move 40k accounts.", impact="Zero downtime"))
    evidence = services.interview.evidence(entry.id)
    assert evidence.title == "Led the billing migration" and evidence.impact == "Zero downtime"
    story = services.interview.save_answer(Answer(None, "behavioural-led-project", "Led a project?", "story",
                                                  None, "", entry_ids=(entry.id, entry.id)))
    assert story.entry_ids == (entry.id,)
    with pytest.raises(InterviewError, match="no journal entry 999"):
        services.interview.save_answer(Answer(None, "x", "X?", "story", entry_ids=(999,)))
    questions = [q for q in services.interview.questions() if q.kind == "story"]
    key = questions[0].id
    services.interview.save_answer(Answer(None, key, questions[0].text, "story", None, "",
                                          entry_ids=(entry.id,)))
    grid = story_grid(questions, services.interview.answers(every_job=True),
                      {entry.id: (3, 5)})
    row = next(r for r in grid if r.question.id == key)
    assert row.has_story and row.expectation_ids == (3, 5)
    assert not next(r for r in grid if r.question.id == questions[1].id).has_story


def test_takes_move_answers_between_boxes_and_decide_what_is_due(services: Services) -> None:
    answer = services.interview.save_answer(Answer(None, "aspirations-career", "Career?", "aspiration", None,
                                                   "I want to lead."))
    services.interview.save_answer(Answer(None, "why-company", "Why us?", "motivation", None, ""))
    today = NOW.date()
    assert [a.id for a in services.interview.due(today)] == [answer.id]  # never rehearsed: due; empty: not
    after = services.interview.record_take(Take(None, answer.id, NOW, 48, 5, "smooth"))
    assert after.rehearsal.box == 3 and after.rehearsal.due == today + timedelta(days=4)
    assert services.interview.due(today) == []
    assert [a.id for a in services.interview.due(today + timedelta(days=4))] == [answer.id]
    services.interview.record_take(Take(None, answer.id, NOW + timedelta(days=4), 61, 1, "lost the thread"))
    takes = services.interview.takes(answer.id)
    assert [(t.seconds, t.rating) for t in takes] == [(48, 5), (61, 1)]
    assert services.interview.answer(answer.id).rehearsal.box == 1
    assert progress(takes).trend == "slipping" and progress(takes).best_rating == 5
    with pytest.raises(InterviewError, match="from 1"):
        services.interview.record_take(Take(None, answer.id, NOW, 30, 6))
    assert len(services.interview.takes(answer.id)) == 2  # nothing half-saved


def test_the_reflection_worksheet_is_kept(services: Services) -> None:
    assert services.interview.reflection() == Worksheet()
    sheet = Worksheet(" systems thinking ", "mentoring", "status meetings", "yes", "team", "team growth",
                      frozenset({"helping_people", "continual_learning"}))
    services.interview.save_reflection(sheet)
    kept = services.interview.reflection()
    assert kept.strengths == "systems thinking" and kept.fulfilment == sheet.fulfilment
    assert kept.manage_people == "yes" and kept.work_style == "team"
