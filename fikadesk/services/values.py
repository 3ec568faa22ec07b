"""Small conversions shared by the services: the clock and SQLite's date and time values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

Clock = Callable[[], datetime]


def now() -> datetime:
    """Return the local time to the second (the default clock)."""
    return datetime.now().replace(microsecond=0)


def as_date(value: Any) -> date:
    """Return a date from a stored value (a date or an ISO string)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime:
    """Return a datetime from a stored value (a datetime or an ISO string)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
