"""Tests for the interview question bank loader and the bundled bank."""

import json
from pathlib import Path

import pytest

from fikadesk.domain.interview.answers import InterviewDataError
from fikadesk.domain.interview.questions import Question, load_question_bank, parse_question_bank

BANK = Path(__file__).resolve().parents[3] / "resources" / "interview" / "questions.json"


def test_bundled_bank_has_required_questions() -> None:
    bank = load_question_bank(BANK)
    kinds = [q.kind for q in bank]
    ids = {q.id for q in bank}
    assert kinds.count("story") == 17
    assert kinds.count("aspiration") == 5
    assert kinds.count("motivation") == 5
    assert {"motivation-hope-to-get", "motivation-why-company", "motivation-fit-goals"} <= ids
    assert bank[0] == Question(
        "aspirations-career",
        "What are your career aspirations?",
        "aspiration",
        "Whether you have a direction, how it links to this job, and whether you will grow "
        "here rather than leave soon.",
    )


def _one(**over: str) -> dict[str, list[dict[str, str]]]:
    q = {"id": "q-1", "text": "Why?", "kind": "motivation", "listening_for": "fit"}
    q.update(over)
    return {"questions": [q]}


def test_parse_accepts_minimal_bank() -> None:
    assert parse_question_bank(_one()) == (Question("q-1", "Why?", "motivation", "fit"),)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"questions": []},
        {"questions": ["x"]},
        _one(id="Bad Id"),
        _one(kind="riddle"),
        _one(text=" "),
        {"questions": _one()["questions"] * 2},
    ],
)
def test_parse_rejects_invalid_banks(data: object) -> None:
    with pytest.raises(InterviewDataError):
        parse_question_bank(data)


def test_load_reports_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InterviewDataError, match="cannot read"):
        load_question_bank(path)
    path.write_text(json.dumps(_one()), encoding="utf-8")
    assert load_question_bank(path)[0].id == "q-1"
