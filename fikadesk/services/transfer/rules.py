"""The rules an imported row must follow beyond its column types: choices, ranges, lengths."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, get_args

from fikadesk.domain.interview.questions import QUESTION_KINDS
from fikadesk.domain.interview.records import MAX_SHORT, TAKE_MODES
from fikadesk.domain.interview.reflection import AspirationKind, Fulfilment, WorkStyle, YesNoUnsure
from fikadesk.domain.interview.rehearsal import DEFAULT_INTERVALS
from fikadesk.domain.journal import entries as journal
from fikadesk.domain.plan import records as plan
from fikadesk.services.transfer.format import TransferError
from fikadesk.storage.search_index import ID_MASK

#: Columns that hold one of a few words, and the words they may hold.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("plan_item", "status"): plan.ITEM_STATUSES,
    ("plan_commitment", "status"): plan.COMMITMENT_STATUSES,
    ("plan_followup", "owner"): plan.OWNERS,
    ("interview_question", "kind"): QUESTION_KINDS,
    ("interview_answer", "kind"): QUESTION_KINDS,
    ("interview_answer", "aspiration_kind"): ("", *get_args(AspirationKind)),
    ("interview_take", "mode"): TAKE_MODES,
    ("interview_reflection", "manage_people"): get_args(YesNoUnsure),
    ("interview_reflection", "work_style"): get_args(WorkStyle),
}
#: Whole numbers and the range they must lie in.
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("interview_take", "rating"): (1, 5),
    ("interview_take", "seconds"): (0, 3600),
    ("interview_answer", "box"): (1, len(DEFAULT_INTERVALS)),
    ("interview_reflection", "id"): (1, 1),
    ("entry", "id"): (1, ID_MASK),  # the search index keys an entry by a 32-bit id (0009)
}
#: Short texts the app shows in one line, and their longest length.
LENGTHS: dict[tuple[str, str], int] = {
    ("entry", "title"): journal.MAX_TITLE,
    ("plan", "target_level"): plan.MAX_LEVEL,
    ("plan", "manager_name"): plan.MAX_NAME,
    ("plan_item", "title"): plan.MAX_TITLE,
    ("plan_checkpoint", "title"): plan.MAX_TITLE,
    ("interview_job", "role"): MAX_SHORT,
    ("interview_job", "company"): MAX_SHORT,
}
#: Columns a person must have written something in.
REQUIRED: frozenset[tuple[str, str]] = frozenset({
    ("entry", "title"), ("plan", "target_level"), ("plan_item", "title"),
    ("plan_checkpoint", "title"), ("plan_commitment", "text"), ("plan_followup", "text"),
    ("interview_job", "role"),
})
_FULFILMENT = frozenset(get_args(Fulfilment))


def _where(path: str, message: str) -> TransferError:
    return TransferError(f"{path}: {message}")


def check_rules(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """Raise TransferError, naming the JSON path, at the first row the app could not live with."""
    for name, table_rows in rows.items():
        for index, row in enumerate(table_rows):
            where = f"$.tables.{name}[{index}]"
            for column, value in row.items():
                _check_value(name, column, value, f"{where}.{column}")
            if name == "interview_reflection":
                unknown = sorted(set(filter(None, str(row.get("fulfilment", "")).split(",")))
                                 - _FULFILMENT)
                if unknown:
                    raise _where(f"{where}.fulfilment", f"{unknown[0]!r} is not one of "
                                 f"{', '.join(sorted(_FULFILMENT))}")
    planned = {row.get("id") for row in rows.get("plan_checkin", ()) if row.get("planned")}
    for index, row in enumerate(rows.get("plan_followup", ())):
        if row.get("checkin_id") in planned:  # the window and the commands refuse this too
            raise _where(f"$.tables.plan_followup[{index}].checkin_id",
                         f"plan_checkin {row['checkin_id']} is only planned, and a check-in that "
                         "has not been held has no follow-ups yet")
    open_plans = [n for n, row in enumerate(rows.get("plan", ())) if row.get("closed_on") is None]
    if len(open_plans) > 1:
        raise _where(f"$.tables.plan[{open_plans[1]}].closed_on",
                     "only one plan can be open (without a closing day) at a time")


def _check_value(table: str, column: str, value: Any, path: str) -> None:
    key = (table, column)
    if key in CHOICES and value not in CHOICES[key]:
        shown = ", ".join(repr(c) for c in CHOICES[key])
        raise _where(path, f"{str(value)[:40]!r} is not one of {shown}")
    if key in RANGES and value is not None:
        low, high = RANGES[key]
        if not low <= value <= high:
            raise _where(path, f"{value} is outside {low} to {high}")
    if key in LENGTHS and value is not None and len(value) > LENGTHS[key]:
        raise _where(path, f"longer than {LENGTHS[key]} characters ({len(value):,})")
    if key in REQUIRED and not str(value).strip():
        raise _where(path, "must not be empty")
