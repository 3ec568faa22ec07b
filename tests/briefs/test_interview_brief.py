"""The interview prep brief gathered from stored jobs and answers: what it picks, and hostile text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fikadesk.briefs.interview import build_interview, interview_input, split_research
from fikadesk.domain.interview.records import Answer, Job
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.briefs import BriefError, gather_interview
from fikadesk.services.container import Services
from tests.briefs.sample import TODAY, fill_interview, fill_journal
from tests.briefs.structure import read
from tests.briefs.test_hostile_text import HOSTILE, PLAIN, flat


def test_research_lines_ending_in_a_question_mark_are_the_questions_to_ask() -> None:
    notes, questions = split_research(
        "They doubled the team.\n- How is on-call shared?\n  2. What does success look like? \n"
        "Is this a question? No.\r\n* Why now?")
    assert questions == ("How is on-call shared?", "What does success look like?", "Why now?")
    assert notes == "They doubled the team.\nIs this a question? No."
    assert split_research("") == ("", ())


def _answer(number: int, key: str, kind: str, job: int | None, text: str,
            stamp: datetime | None = None, parts: tuple[str, ...] = ()) -> Answer:
    return Answer(number, key, f"Question {key}?", kind, job, text, "", parts, (), stamp)  # type: ignore[arg-type]


def test_the_jobs_own_answer_wins_and_other_jobs_and_empty_answers_stay_out() -> None:
    job = Job(7, "Engineer", research="Notes.\nWhy now?")
    answers = [
        _answer(1, "asp-a", "aspiration", None, "general hope", datetime(2026, 11, 1)),
        _answer(2, "asp-b", "aspiration", 7, "this job's hope", datetime(2026, 1, 1)),
        _answer(3, "asp-c", "aspiration", 7, "this job's later hope", datetime(2026, 2, 1)),
        _answer(4, "mot", "motivation", None, "general reason"),
        _answer(5, "mot", "motivation", 7, "own reason"),
        _answer(6, "other", "motivation", 8, "for another job"),
        _answer(7, "empty", "motivation", 7, "  "),
        _answer(8, "story", "story", None, "", parts=("S", "T", "A", "R")),
    ]
    data = interview_input(job, answers, ["python"], {}, ["mot", "asp-c", "asp-b", "asp-a"], 150)
    assert data.aspiration is not None and data.aspiration.text == "this job's later hope"
    assert [a.text for a in data.answers] == ["own reason", "this job's hope", "general hope"]
    assert [(s.situation, s.result, s.said) for s in data.stories] == [("S", "R", "")]
    assert data.questions_to_ask == ("Why now?",) and data.job.notes == "Notes."
    assert data.job.key_terms == ("python",) and data.wpm == 150


def test_without_a_job_of_its_own_the_latest_general_aspiration_is_taken() -> None:
    answers = [_answer(1, "a", "aspiration", None, "older", datetime(2026, 1, 1)),
               _answer(2, "b", "aspiration", None, "newer", datetime(2026, 5, 1))]
    data = interview_input(Job(1, "Engineer"), answers, [], {}, [])
    assert data.aspiration is not None and data.aspiration.text == "newer"
    assert [a.text for a in data.answers] == ["older"]


def test_gathered_brief_dates_stories_by_their_entry_and_uses_the_pace(services: Services) -> None:
    made = fill_journal(services)
    job_id = fill_interview(services, made)
    slow = build_interview(gather_interview(services.interview, job_id, 100), TODAY)
    assert "Speaking times assume 100 words a minute" in slow
    assert "*2026-09-18, about 25 s spoken*" in slow
    assert "never in this brief" not in slow and "A bigger team." not in slow
    assert "What would you like your next career step to be?" not in slow


@pytest.mark.parametrize("job_id", [None, 999])
def test_a_missing_job_is_a_clear_error(services: Services, job_id: int | None) -> None:
    with pytest.raises(BriefError, match="job"):
        gather_interview(services.interview, job_id, 140)


def _stored_brief(services: Services, text: str) -> str:
    description = "Requirements:\n- Leadership skills\n- Planning"
    short = text if len(text) <= 200 else "Role"  # roles and companies are kept short
    job = services.interview.save_job(Job(None, short, short, description, "", date(2026, 12, 3)))
    assert job.id is not None
    entry = services.journal.add(EntryDraft(day=date(2026, 10, 1), title=short))
    save = services.interview.save_answer
    save(Answer(None, "aspirations-career", text, "aspiration", job.id, text + " " + text))
    save(Answer(None, "motivation-why-role", text, "motivation", job.id, text))
    save(Answer(None, "story-challenge", text, "story", job.id, text, "", (text, text, text, text),
                (entry.id,)))
    save(Answer(None, "story-failure", text, "story", job.id, text))
    services.interview.save_job(Job(job.id, short, short, description, text + "\nAsk: " + text + " ?",
                                    date(2026, 12, 3)))
    return build_interview(gather_interview(services.interview, job.id, 140), TODAY)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_stored_jobs_and_answers(services: Services, text: str) -> None:
    plain_tags, plain_visible = read(_stored_brief(services, PLAIN))
    hostile_tags, hostile_visible = read(_stored_brief(services, text))
    assert hostile_tags == plain_tags
    expected = plain_visible.count(PLAIN) - (2 if len(text) > 200 else 0)
    assert plain_visible.count(PLAIN) >= 10
    assert hostile_visible.count(flat(text)) == expected
