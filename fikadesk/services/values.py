"""The services' clock (stored dates and times are read back in storage.values)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def now() -> datetime:
    """Return the local time to the second (the default clock)."""
    return datetime.now().replace(microsecond=0)
