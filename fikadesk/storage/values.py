"""SQLite's stored date and time values read back as Python dates and datetimes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def as_date(value: Any) -> date:
    """Return a date from a stored value (a date or an ISO string)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime:
    """Return a datetime from a stored value (a datetime or an ISO string)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
