"""Rehearsal scheduling: a Leitner box system driven by each take's self-rating."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

DEFAULT_INTERVALS: tuple[int, ...] = (1, 2, 4, 8, 16)
"""Days until the next rehearsal for boxes 1..5."""


@dataclass(frozen=True)
class RehearsalState:
    """Where one answer sits in the Leitner boxes (box 1 = practise most often)."""

    answer_id: int
    box: int = 1
    last_rehearsed: date | None = None
    due: date | None = None


def box_after_rating(box: int, rating: int, boxes: int = len(DEFAULT_INTERVALS)) -> int:
    """New box after a take: 5 moves up two, 4 up one, 3 stays, 2 down one, 1 back to box 1."""
    if not 1 <= rating <= 5:
        raise ValueError(f"rating must be 1-5, got {rating}")
    if not 1 <= box <= boxes:
        raise ValueError(f"box must be 1-{boxes}, got {box}")
    step = {5: 2, 4: 1, 3: 0, 2: -1}.get(rating)
    new = 1 if step is None else box + step
    return min(max(new, 1), boxes)


def next_due(
    box: int, rehearsed_on: date, intervals: Sequence[int] = DEFAULT_INTERVALS
) -> date:
    """The date an answer in box (1-based) rehearsed on rehearsed_on is due again."""
    if not 1 <= box <= len(intervals):
        raise ValueError(f"box must be 1-{len(intervals)}, got {box}")
    return rehearsed_on + timedelta(days=intervals[box - 1])


def record_take(
    state: RehearsalState,
    rating: int,
    day: date,
    intervals: Sequence[int] = DEFAULT_INTERVALS,
) -> RehearsalState:
    """Apply one rehearsal take rated 1-5 on day and return the updated state."""
    box = box_after_rating(state.box, rating, len(intervals))
    return replace(state, box=box, last_rehearsed=day, due=next_due(box, day, intervals))


def due_answers(states: Iterable[RehearsalState], today: date) -> tuple[RehearsalState, ...]:
    """States due on or before today (never rehearsed counts as due), most overdue first.

    Ties are broken by lower box first, then by answer id.
    """
    due = [s for s in states if s.due is None or s.due <= today]
    return tuple(sorted(due, key=lambda s: (s.due or date.min, s.box, s.answer_id)))


NEARING_SHARE = 0.85
"""Past this share of the longest target length, the timer warns that the end is near."""


def timer_phase(seconds: float, low: int, high: int) -> str:
    """Where a take of ``seconds`` stands against the target range ``low``..``high`` seconds.

    ``early`` before the shortest length, ``on_target`` inside the range, ``nearing_end`` from
    85% of the longest length (never before ``low``), ``over`` past the longest length.
    """
    if low < 0 or high <= low:
        raise ValueError(f"target range must be 0 <= low < high, got {low}-{high}")
    if seconds > high:
        return "over"
    if seconds < low:
        return "early"
    if seconds >= max(low, high * NEARING_SHARE):
        return "nearing_end"
    return "on_target"


def teleprompter_share(elapsed: float, speaking: float, lead: float = 2.0) -> float:
    """How far (0.0-1.0) a teleprompter should have scrolled ``elapsed`` seconds into a take.

    The text scrolls evenly over its estimated ``speaking`` time; the first ``lead`` seconds
    stand still so the first line can be read before it moves.
    """
    if speaking <= 0:
        return 1.0
    moving = elapsed - lead
    if moving <= 0:
        return 0.0
    return min(1.0, moving / speaking)


def clock_text(seconds: float) -> str:
    """A duration as m:ss (``75`` -> ``1:15``); negative durations count as zero."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
