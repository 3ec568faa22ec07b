"""The interview question bank: typed questions with what the interviewer listens for."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from fikadesk.domain.interview.answers import InterviewDataError

QuestionKind = Literal["aspiration", "story", "motivation"]
QUESTION_KINDS: tuple[QuestionKind, ...] = ("aspiration", "story", "motivation")
_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class Question:
    """One interview question with a stable id, its answer kind and a listening note."""

    id: str
    text: str
    kind: QuestionKind
    listening_for: str


def parse_question_bank(data: object, source: str = "question bank") -> tuple[Question, ...]:
    """Validate already-parsed data ({"questions": [...]}) and build the questions."""
    items = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise InterviewDataError(f"{source}: expected a non-empty 'questions' list")
    seen: set[str] = set()
    out: list[Question] = []
    for n, item in enumerate(items, start=1):
        where = f"{source}: question {n}"
        if not isinstance(item, dict):
            raise InterviewDataError(f"{where}: not an object")
        values = {k: item.get(k) for k in ("id", "text", "kind", "listening_for")}
        for key, value in values.items():
            if not isinstance(value, str) or not value.strip():
                raise InterviewDataError(f"{where}: '{key}' must be a non-empty string")
        qid, kind = str(values["id"]), str(values["kind"])
        if not _ID.match(qid):
            raise InterviewDataError(f"{where}: id {qid!r} must be lower-case words joined by - or _")
        if qid in seen:
            raise InterviewDataError(f"{where}: duplicate id {qid!r}")
        if kind not in QUESTION_KINDS:
            raise InterviewDataError(f"{where}: kind {kind!r} not one of {QUESTION_KINDS}")
        seen.add(qid)
        out.append(Question(qid, str(values["text"]).strip(), cast(QuestionKind, kind),
                            str(values["listening_for"]).strip()))
    return tuple(out)


def load_question_bank(path: Path) -> tuple[Question, ...]:
    """Read and validate a JSON question bank file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InterviewDataError(f"{path}: cannot read question bank: {exc}") from exc
    return parse_question_bank(data, str(path))
