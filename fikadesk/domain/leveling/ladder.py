"""Ladders, levels and expectations, with the readiness and level-comparison rules."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

Status = Literal["none", "emerging", "consistent"]

STATUS_NONE: Status = "none"
STATUS_EMERGING: Status = "emerging"
STATUS_CONSISTENT: Status = "consistent"

#: Linked entries needed before an expectation counts as consistently shown.
CONSISTENT_MIN_ENTRIES = 3
#: Of those, how many must be starred (marked as next-level work).
CONSISTENT_MIN_STARRED = 1
#: Distinct calendar months the entries must span (a pattern, not one busy week).
CONSISTENT_MIN_MONTHS = 2
#: The newest entry must be at most this old; older proof no longer shows current work.
CONSISTENT_MAX_AGE_DAYS = 365

STATUS_RULE_TEXT = (
    "No evidence: nothing in your journal is linked to this expectation yet.\n"
    "Emerging: at least one linked entry, but not yet a pattern.\n"
    f"Consistent: at least {CONSISTENT_MIN_ENTRIES} linked entries, at least "
    f"{CONSISTENT_MIN_STARRED} of them starred, spread over {CONSISTENT_MIN_MONTHS} or more "
    f"different months, the newest from the last {CONSISTENT_MAX_AGE_DAYS // 30} months. "
    "One good week can be luck; the same thing done again across months shows you already "
    "work at that level."
)

READINESS_RULE_TEXT = (
    "Readiness counts a consistent expectation in full and an emerging one as half. "
    "Each dimension weighs the same, whatever the number of expectations it lists."
)

_STATUS_WEIGHT: dict[Status, float] = {"none": 0.0, "emerging": 0.5, "consistent": 1.0}
_STATUS_RANK: dict[Status, int] = {"none": 0, "emerging": 1, "consistent": 2}


def _require_text(value: str, what: str) -> str:
    """Return value stripped, or raise ValueError when it is blank."""
    cleaned = value.strip()
    if not cleaned:
        raise ValueError(f"{what} must not be empty")
    return cleaned


@dataclass(frozen=True, slots=True)
class Expectation:
    """One statement of what a level asks for, under one dimension."""

    dimension: str
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "dimension", _require_text(self.dimension, "dimension"))
        object.__setattr__(self, "text", _require_text(self.text, "expectation text"))


@dataclass(frozen=True, slots=True)
class Level:
    """One rung of a ladder: a name, an optional description and its expectations."""

    name: str
    description: str = ""
    expectations: tuple[Expectation, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _require_text(self.name, "level name"))
        object.__setattr__(self, "description", self.description.strip())
        object.__setattr__(self, "expectations", tuple(self.expectations))

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Dimensions of this level, in order of first appearance."""
        return _ordered_dimensions(self.expectations)

    def expectations_for(self, dimension: str) -> tuple[Expectation, ...]:
        """Expectations under one dimension (matched case-insensitively)."""
        key = dimension.strip().casefold()
        return tuple(e for e in self.expectations if e.dimension.casefold() == key)


@dataclass(frozen=True, slots=True)
class Ladder:
    """A leveling guide: ordered levels, lowest first; level names are unique."""

    name: str
    levels: tuple[Level, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _require_text(self.name, "ladder name"))
        object.__setattr__(self, "levels", tuple(self.levels))
        seen: set[str] = set()
        for level in self.levels:
            key = level.name.casefold()
            if key in seen:
                raise ValueError(f"two levels are called {level.name!r}")
            seen.add(key)

    @property
    def level_names(self) -> tuple[str, ...]:
        """Level names, lowest first."""
        return tuple(level.name for level in self.levels)

    @property
    def dimensions(self) -> tuple[str, ...]:
        """All dimensions across levels, in order of first appearance."""
        return _ordered_dimensions(e for level in self.levels for e in level.expectations)

    def find_level(self, name: str) -> Level | None:
        """The level with this name (case-insensitive, surrounding spaces ignored), or None."""
        key = name.strip().casefold()
        for level in self.levels:
            if level.name.casefold() == key:
                return level
        return None

    def level(self, name: str) -> Level:
        """The level with this name (case-insensitive); KeyError when there is none."""
        found = self.find_level(name)
        if found is None:
            raise KeyError(f"ladder {self.name!r} has no level called {name!r}")
        return found

    def index_of(self, name: str) -> int:
        """Position of a level, 0 for the lowest; KeyError when there is none."""
        target = self.level(name)
        return self.levels.index(target)

    def next_level(self, name: str) -> Level | None:
        """The level one rung above `name`, or None at the top."""
        index = self.index_of(name)
        return self.levels[index + 1] if index + 1 < len(self.levels) else None


def _ordered_dimensions(expectations: Iterable[Expectation]) -> tuple[str, ...]:
    """Distinct dimensions (case-insensitive) in order of first appearance."""
    seen: dict[str, str] = {}
    for expectation in expectations:
        seen.setdefault(expectation.dimension.casefold(), expectation.dimension)
    return tuple(seen.values())


# --- readiness ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectationEvidence:
    """What the journal holds for one expectation: counts and dates of linked entries."""

    expectation: Expectation
    evidence_count: int = 0
    starred_count: int = 0
    latest: date | None = None
    distinct_months: int = 0

    def __post_init__(self) -> None:
        if self.evidence_count < 0 or self.starred_count < 0 or self.distinct_months < 0:
            raise ValueError("evidence counts must not be negative")
        if self.starred_count > self.evidence_count:
            raise ValueError("more starred entries than linked entries")
        if self.distinct_months > self.evidence_count:
            raise ValueError("more distinct months than linked entries")
        if self.evidence_count and self.latest is None:
            raise ValueError("linked entries need the date of the latest one")


def expectation_status(evidence: ExpectationEvidence, *, today: date) -> Status:
    """Classify one expectation as "none", "emerging" or "consistent" (see STATUS_RULE_TEXT)."""
    if evidence.evidence_count == 0 or evidence.latest is None:
        return STATUS_NONE
    recent = (today - evidence.latest).days <= CONSISTENT_MAX_AGE_DAYS
    if (
        recent
        and evidence.evidence_count >= CONSISTENT_MIN_ENTRIES
        and evidence.starred_count >= CONSISTENT_MIN_STARRED
        and evidence.distinct_months >= CONSISTENT_MIN_MONTHS
    ):
        return STATUS_CONSISTENT
    return STATUS_EMERGING


def readiness_percent(items: Sequence[ExpectationEvidence], *, today: date) -> int:
    """Overall readiness 0-100: consistent = 1, emerging = 0.5, dimensions weigh equally."""
    by_dimension: dict[str, list[float]] = {}
    for item in items:
        weight = _STATUS_WEIGHT[expectation_status(item, today=today)]
        by_dimension.setdefault(item.expectation.dimension.casefold(), []).append(weight)
    if not by_dimension:
        return 0
    share = sum(sum(ws) / len(ws) for ws in by_dimension.values()) / len(by_dimension)
    return int(round(share * 100))


def order_gaps_first(
    items: Sequence[ExpectationEvidence], *, today: date
) -> list[ExpectationEvidence]:
    """Items sorted gaps first (none, then emerging, then consistent), ladder order kept."""
    return sorted(items, key=lambda item: _STATUS_RANK[expectation_status(item, today=today)])


# --- comparing levels ---------------------------------------------------------------------

#: difflib ratio (0-1) at or above which two normalized expectation texts count as the same.
SIMILARITY_THRESHOLD = 0.85

_WORD_RE = re.compile(r"[^\w]+")


def normalize_expectation_text(text: str) -> str:
    """Lower-case words only: punctuation and repeated spaces dropped."""
    return " ".join(_WORD_RE.sub(" ", text.casefold()).split())


def _has_close_match(candidate: str, others: Sequence[str]) -> bool:
    """True when another normalized text reaches SIMILARITY_THRESHOLD against candidate."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(candidate)
    for other in others:
        if other == candidate:
            return True
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD:
            continue
        if matcher.quick_ratio() < SIMILARITY_THRESHOLD:
            continue
        if matcher.ratio() >= SIMILARITY_THRESHOLD:
            return True
    return False


@dataclass(frozen=True, slots=True)
class DimensionDelta:
    """What the upper level adds under one dimension."""

    dimension: str
    added: tuple[Expectation, ...]


def compare_levels(ladder: Ladder, lower_name: str, upper_name: str) -> tuple[DimensionDelta, ...]:
    """Per dimension of the upper level, the expectations with no close match in the lower one.

    Texts are normalized (case, punctuation, spacing) and compared with difflib's ratio; a
    ratio of SIMILARITY_THRESHOLD (0.85) or more against any lower-level expectation, in any
    dimension, counts as "already expected". Dimensions with nothing new are left out.
    Raises KeyError when either level is unknown.
    """
    lower = ladder.level(lower_name)
    upper = ladder.level(upper_name)
    lower_texts = [normalize_expectation_text(e.text) for e in lower.expectations]
    deltas: list[DimensionDelta] = []
    for dimension in upper.dimensions:
        added = tuple(
            e
            for e in upper.expectations_for(dimension)
            if not _has_close_match(normalize_expectation_text(e.text), lower_texts)
        )
        if added:
            deltas.append(DimensionDelta(dimension, added))
    return tuple(deltas)
