"""Suggested evidence links: which target expectations a win most likely shows, and unlinked wins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from fikadesk.domain.journal.entries import Entry
from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.domain.leveling.suggest import (
    LinkSuggester,
    Suggestion,
    suggester_for,
    suggestions_for,
    win_text,
)
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.leveling import load_ladder, load_target
from fikadesk.storage.repositories.leveling_evidence import unlinked_entries


@dataclass(frozen=True)
class UnlinkedEntry:
    """A live entry linked to no expectation of the target level, with its suggestions."""

    entry: Entry
    suggestions: tuple[Suggestion, ...]


class LinkSuggestions:
    """Reads only; one short read transaction a call. Without a target there is nothing to suggest."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _target_suggester(self) -> tuple[int, LinkSuggester] | None:
        with self._db.read() as conn:
            target = load_target(conn)
            if target is None:
                return None
            ladder = load_ladder(conn, target.ladder_id)
        return target.target_level_id, suggester_for(ladder, target.target_level_id)

    def target_suggester(self) -> LinkSuggester | None:
        """A suggester over the target level's expectations, to rank many drafts in memory (the
        window keeps one while a person types); None when no target is set."""
        found = self._target_suggester()
        return found[1] if found is not None else None

    def suggest(self, title: str, body: str = "", impact: str = "", tags: Iterable[str] = (),
                *, exclude: Iterable[int] = ()) -> list[Suggestion]:
        """Up to three expectations of the target level the win's words point to, best first,
        leaving out the ``exclude`` ids (links it already has); an empty list with no target
        or when nothing fits."""
        suggester = self.target_suggester()
        if suggester is None:
            return []
        return suggestions_for(suggester, win_text(title, body, impact, tags), exclude)

    def unlinked(self, since: date | None = None, *, starred_only: bool = False,
                 limit: int = 200) -> list[UnlinkedEntry]:
        """Live entries (newest first, at most ``limit``) linked to no expectation of the target
        level, each with its suggestions. Raises LevelingError when no target is set."""
        found = self._target_suggester()
        if found is None:
            raise LevelingError("no target level is set yet (fikadesk target set, or the Target tab)")
        level_id, suggester = found
        with self._db.read() as conn:
            newest = unlinked_entries(conn, level_id, since, starred_only=starred_only,
                                      limit=limit)
        return [UnlinkedEntry(e, tuple(suggester.rank(win_text(e.title, e.body, e.impact, e.tags))))
                for e in newest]
