"""Frozen target snapshots, ladder usage and picker choices: plain records of the Target area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SnapshotItem:
    """One expectation as it read when the snapshot was taken."""

    position: int
    expectation_id: int | None
    dimension: str
    text: str


@dataclass(frozen=True, slots=True)
class SnapshotSummary:
    """One line of the snapshot list."""

    id: int
    taken_on: date
    created_at: datetime
    ladder_name: str
    current_level: str
    target_level: str
    item_count: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class TargetSnapshot:
    """The target as agreed on a day: levels, summary and the target level's expectations."""

    id: int
    taken_on: date
    created_at: datetime
    ladder_name: str
    current_level: str
    target_level: str
    target_date: date | None
    summary: str
    note: str
    items: tuple[SnapshotItem, ...]


@dataclass(frozen=True, slots=True)
class LadderUsage:
    """What deleting a ladder would touch: evidence links, linked entries and the target."""

    ladder_id: int
    link_count: int
    entry_count: int
    is_target: bool

    def describe(self) -> str:
        """A plain sentence on what a delete does to links and the target."""
        parts: list[str] = []
        if self.link_count:
            entries = "entry" if self.entry_count == 1 else "entries"
            links = "link" if self.link_count == 1 else "links"
            parts.append(
                f"{self.link_count} evidence {links} from {self.entry_count} journal {entries} "
                "will be removed (the entries themselves stay in your journal)")
        else:
            parts.append("no journal entry is linked to it, so no evidence link is lost")
        if self.is_target:
            parts.append("your target, which is set on this ladder, will be cleared")
        return "; ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class ExpectationChoice:
    """An expectation offered in the evidence picker, with the level it belongs to."""

    id: int
    level: str
    dimension: str
    text: str

    @property
    def label(self) -> str:
        """How the picker shows it: "Dimension: text"."""
        return f"{self.dimension}: {self.text}"
