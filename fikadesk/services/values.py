"""Small values shared by the services: the clock (stored dates are read in storage.values)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fikadesk.storage.values import as_date as as_date
from fikadesk.storage.values import as_datetime as as_datetime

Clock = Callable[[], datetime]


def now() -> datetime:
    """Return the local time to the second (the default clock)."""
    return datetime.now().replace(microsecond=0)
