"""Tests for the Leitner rehearsal schedule."""

from datetime import date

import pytest

from fikadesk.domain.interview_rehearsal import (
    RehearsalState,
    box_after_rating,
    due_answers,
    next_due,
    record_take,
)

DAY = date(2026, 5, 4)


@pytest.mark.parametrize(
    ("box", "rating", "expected"),
    [(1, 5, 3), (1, 4, 2), (3, 3, 3), (3, 2, 2), (4, 1, 1), (5, 5, 5), (4, 5, 5), (1, 2, 1)],
)
def test_box_after_rating(box: int, rating: int, expected: int) -> None:
    assert box_after_rating(box, rating) == expected


def test_box_after_rating_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        box_after_rating(1, 0)
    with pytest.raises(ValueError):
        box_after_rating(6, 3)


def test_next_due_uses_box_interval() -> None:
    assert [next_due(b, DAY) for b in range(1, 6)] == [
        date(2026, 5, 5),
        date(2026, 5, 6),
        date(2026, 5, 8),
        date(2026, 5, 12),
        date(2026, 5, 20),
    ]
    assert next_due(2, DAY, intervals=(1, 3)) == date(2026, 5, 7)
    with pytest.raises(ValueError):
        next_due(0, DAY)


def test_record_take_moves_box_and_sets_dates() -> None:
    state = record_take(RehearsalState(answer_id=7), 4, DAY)
    assert state == RehearsalState(7, box=2, last_rehearsed=DAY, due=date(2026, 5, 6))
    state = record_take(state, 1, date(2026, 5, 6))
    assert state == RehearsalState(7, 1, date(2026, 5, 6), date(2026, 5, 7))


def test_due_answers_orders_most_overdue_first() -> None:
    states = [
        RehearsalState(1, 3, DAY, date(2026, 5, 8)),
        RehearsalState(2, 2, DAY, date(2026, 5, 3)),
        RehearsalState(3, 1, DAY, date(2026, 5, 3)),
        RehearsalState(4),
        RehearsalState(5, 1, DAY, date(2026, 5, 4)),
    ]
    assert [s.answer_id for s in due_answers(states, DAY)] == [4, 3, 2, 5]
    assert due_answers([], DAY) == ()
