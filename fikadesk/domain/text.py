"""Small wording helpers shared by every area: counts with the right form of the noun."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 entry", "2 entries": the count with the right form of the noun."""
    word = one if count == 1 else (many if many is not None else one + "s")
    return f"{count} {word}"
