"""Ladders as stored in a journal (with their ids), the target and readiness results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fikadesk.domain.leveling.ladder import Expectation, Ladder, Level, Status
from fikadesk.errors import InputError


class LevelingError(InputError, ValueError):
    """A ladder, target or link request that cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class StoredExpectation:
    """One expectation with the stable id that entries are linked to."""

    id: int
    dimension: str
    text: str


@dataclass(frozen=True, slots=True)
class StoredLevel:
    """One level of a stored ladder, with its id and expectations in ladder order."""

    id: int
    name: str
    description: str
    expectations: tuple[StoredExpectation, ...]


@dataclass(frozen=True, slots=True)
class StoredLadder:
    """A ladder as saved in the journal: ids for the ladder, its levels and expectations."""

    id: int
    name: str
    source: str
    created_at: datetime
    levels: tuple[StoredLevel, ...]

    def to_ladder(self) -> Ladder:
        """The plain domain ladder (without ids), for the comparison and readiness rules."""
        return Ladder(
            self.name,
            tuple(
                Level(lv.name, lv.description,
                      tuple(Expectation(e.dimension, e.text) for e in lv.expectations))
                for lv in self.levels
            ),
        )

    def find_level(self, name: str) -> StoredLevel | None:
        """The level called ``name`` (case-insensitive, spaces around ignored), or None."""
        key = name.strip().casefold()
        return next((lv for lv in self.levels if lv.name.casefold() == key), None)


@dataclass(frozen=True, slots=True)
class LadderSummary:
    """One line of the ladder list."""

    id: int
    name: str
    source: str
    created_at: datetime
    level_count: int
    expectation_count: int


@dataclass(frozen=True, slots=True)
class Target:
    """The level aimed at: on which ladder, from which level, and by when."""

    ladder_id: int
    ladder_name: str
    current_level_id: int
    current_level: str
    target_level_id: int
    target_level: str
    target_date: date | None = None
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ExpectationReadiness:
    """The evidence for one expectation of the target level, and its status."""

    expectation_id: int
    dimension: str
    text: str
    evidence_count: int
    starred_count: int
    latest: date | None
    distinct_months: int
    status: Status


@dataclass(frozen=True, slots=True)
class Readiness:
    """How ready the journal shows you are for the target level."""

    target: Target
    items: tuple[ExpectationReadiness, ...]
    percent: int
