"""The journal file as a whole, for the window: moving it while it is closed (storage copies it)."""

from __future__ import annotations

from pathlib import Path

from fikadesk.storage import journal_move


def move_journal(old: Path, new: Path) -> Path:
    """Move the closed journal ``old`` to ``new`` (copied, verified and recorded before ``old`` is
    removed); return ``new``. A ``StorageError`` says why it was not moved, ``old`` untouched."""
    return journal_move.move_journal(old, new)
