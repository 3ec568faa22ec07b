"""A level as a ladder parser found it, before limits, clean-up and freezing, and its default dimension."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Dimension given to an expectation that names none.
DEFAULT_DIMENSION = "General"


@dataclass
class RawLevel:
    """A level as a parser found it, before limits, clean-up and freezing."""

    name: str
    filename: str
    line: int | None
    description: str = ""
    #: (dimension, text, line) triples in file order
    expectations: list[tuple[str, str, int | None]] = field(default_factory=list)
