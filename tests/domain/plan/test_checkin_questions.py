"""Tests for the check-in question bank: the bundled file, parsing and its errors."""

from pathlib import Path

import pytest

from fikadesk.domain.plan.checkin_questions import (
    PREP_STATES,
    CheckInQuestion,
    QuestionBankError,
    load_checkin_questions,
    parse_checkin_questions,
)

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


def test_bundled_bank_loads_and_covers_every_state() -> None:
    bank = load_checkin_questions(RESOURCES)
    assert len(bank) >= 20
    covered = {state for question in bank for state in question.states}
    assert covered == set(PREP_STATES)
    assert sum(1 for q in bank if "general" in q.states) >= 3


BANK_OK = """
version: 1
questions:
  - id: a-question
    text: "  What is next?  "
    states: [general]
"""


def test_parse_question_bank_trims() -> None:
    assert parse_checkin_questions(BANK_OK) == (CheckInQuestion("a-question", "What is next?",
                                                     ("general",)),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: [1", "not valid YAML"),
        ("questions: []", "must be a mapping with 'version: 1'"),
        ("version: 1\nquestions: []", "needs a non-empty 'questions' list"),
        ("version: 1\nquestions:\n  - id: a\n    text: t\n", "exactly the keys id, text and "
         "states"),
        ("version: 1\nquestions:\n  - {id: A b, text: t, states: [general]}", "lowercase words"),
        ("version: 1\nquestions:\n  - {id: a, text: t, states: [general]}\n"
         "  - {id: a, text: u, states: [general]}", "Question 2: the id 'a' is used twice"),
        ("version: 1\nquestions:\n  - {id: a, text: ' ', states: [general]}", "text is empty"),
        ("version: 1\nquestions:\n  - {id: a, text: t, states: []}", "at least one state"),
        ("version: 1\nquestions:\n  - {id: a, text: t, states: [sunny]}",
         "unknown state 'sunny'"),
        ("version: 1\nquestions:\n  - {id: a, text: t, states: [general, general]}",
         "listed twice"),
        ("version: 1\nquestions:\n  - {id: a, text: " + "x" * 301 + ", states: [general]}",
         "longer than 300 characters"),
    ],
)
def test_parse_question_bank_errors(text: str, message: str) -> None:
    with pytest.raises(QuestionBankError, match=message):
        parse_checkin_questions(text)


def test_load_question_bank_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuestionBankError, match="Cannot read the question bank"):
        load_checkin_questions(tmp_path)
