"""Tests for the Leitner rehearsal schedule."""

from datetime import date

import pytest

from fikadesk.domain.interview.rehearsal import (
    RehearsalState,
    box_after_rating,
    clock_text,
    due_answers,
    next_due,
    record_take,
    teleprompter_share,
    timer_phase,
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


@pytest.mark.parametrize(
    ("seconds", "phase"),
    [(0, "early"), (14.9, "early"), (15, "on_target"), (76, "on_target"), (76.5, "nearing_end"),
     (90, "nearing_end"), (90.1, "over"), (600, "over")],
)
def test_timer_phase_over_an_aspiration_range(seconds: float, phase: str) -> None:
    assert timer_phase(seconds, 15, 90) == phase


def test_nearing_never_starts_before_the_shortest_length() -> None:
    # 85% of 50 is 42.5, below the shortest length of 45: inside the range it is already near the end.
    assert timer_phase(44, 45, 50) == "early"
    assert timer_phase(45, 45, 50) == "nearing_end"


def test_timer_phase_refuses_an_empty_range() -> None:
    with pytest.raises(ValueError, match="target range"):
        timer_phase(10, 30, 30)


def test_teleprompter_waits_then_scrolls_evenly_and_stops_at_the_end() -> None:
    assert teleprompter_share(1.5, 60) == 0.0
    assert teleprompter_share(32, 60) == pytest.approx(0.5)
    assert teleprompter_share(62, 60) == 1.0
    assert teleprompter_share(500, 60) == 1.0
    assert teleprompter_share(5, 0) == 1.0


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 9.9, 75, 600, -3)] == ["0:00", "0:09", "1:15", "10:00", "0:00"]
