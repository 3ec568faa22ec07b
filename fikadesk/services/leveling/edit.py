"""Editing a stored ladder: rename, add, remove and reorder levels and expectations."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from fikadesk.domain.leveling.stored import LevelingError, StoredLadder
from fikadesk.services.values import Clock
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import leveling as repo
from fikadesk.storage.repositories.leveling import (
    clean_name,
    expectation_home,
    ladder_of_level,
    link_count,
    load_ladder,
    load_target,
    ordered_ids,
    refuse_if_plan_links,
    renumber,
)

MAX_EXPECTATION = 2000


class LadderEditing:
    """Ladder edits; each is one transaction and returns the ladder as it now stands."""

    _db: Database
    _clock: Clock

    def rename_ladder(self, ladder_id: int, name: str) -> StoredLadder:
        """Give a ladder a new name."""
        cleaned = clean_name(name, "ladder name")
        with self._db.write() as conn:
            load_ladder(conn, ladder_id)
            same = [n for n in repo.ladder_names(conn, except_id=ladder_id)
                    if n.casefold() == cleaned.casefold()]
            if same:
                raise LevelingError(f"another ladder is already called {same[0]!r}; pick a name "
                                    "that tells them apart")
            repo.rename_ladder(conn, ladder_id, cleaned)
            return load_ladder(conn, ladder_id)

    def add_level(self, ladder_id: int, name: str, *, after_level_id: int | None = None,
                  description: str = "") -> StoredLadder:
        """Add an empty level after ``after_level_id`` (at the top when None)."""
        cleaned = clean_name(name, "level name")
        with self._db.write() as conn:
            ladder = load_ladder(conn, ladder_id)
            _refuse_duplicate_level(ladder, cleaned, None)
            order = ordered_ids(conn, "ladder_level", "ladder_id", ladder_id)
            if after_level_id is not None and after_level_id not in order:
                raise LevelingError(f"level {after_level_id} is not on ladder {ladder.name!r}")
            new_id = repo.insert_level(conn, ladder_id, len(order), cleaned, description.strip())
            at = len(order) if after_level_id is None else order.index(after_level_id) + 1
            order.insert(at, new_id)
            renumber(conn, "ladder_level", "ladder_id", ladder_id, order)
            _check_target_order(conn)
            return load_ladder(conn, ladder_id)

    def rename_level(self, level_id: int, name: str) -> StoredLadder:
        """Give a level a new name (unique on its ladder, case-insensitive)."""
        cleaned = clean_name(name, "level name")
        with self._db.write() as conn:
            ladder_id = ladder_of_level(conn, level_id)
            _refuse_duplicate_level(load_ladder(conn, ladder_id), cleaned, level_id)
            repo.rename_level(conn, level_id, cleaned)
            return load_ladder(conn, ladder_id)

    def remove_level(self, level_id: int) -> StoredLadder:
        """Remove a level and its expectations; refused while it is part of the target or
        any of its expectations has evidence linked (nothing is unlinked silently)."""
        with self._db.write() as conn:
            ladder_id = ladder_of_level(conn, level_id)
            goal = load_target(conn)
            if goal is not None and level_id in (goal.current_level_id, goal.target_level_id):
                raise LevelingError("this level is part of your target; choose other levels "
                                    "for the target before removing it")
            links, entries = link_count(conn, "v.id = :v", {"v": level_id})
            if links:
                raise LevelingError(
                    f"{entries} journal entr{'y is' if entries == 1 else 'ies are'} linked to "
                    "this level's expectations; unlink them first, so no evidence is lost")
            refuse_if_plan_links(conn, "v.id = :v", {"v": level_id}, "this level's expectations")
            repo.delete_level(conn, level_id)
            renumber(conn, "ladder_level", "ladder_id", ladder_id,
                     ordered_ids(conn, "ladder_level", "ladder_id", ladder_id))
            return load_ladder(conn, ladder_id)

    def move_level(self, level_id: int, offset: int) -> StoredLadder:
        """Move a level ``offset`` places up (+) or down (-) the ladder; refused when the
        target level would no longer be above the current one."""
        with self._db.write() as conn:
            ladder_id = ladder_of_level(conn, level_id)
            order = _moved(ordered_ids(conn, "ladder_level", "ladder_id", ladder_id),
                           level_id, offset)
            renumber(conn, "ladder_level", "ladder_id", ladder_id, order)
            _check_target_order(conn)
            return load_ladder(conn, ladder_id)

    def add_expectation(self, level_id: int, dimension: str, text_: str) -> StoredLadder:
        """Add an expectation at the end of a level."""
        dim = clean_name(dimension, "dimension")
        body = clean_name(text_, "expectation text", MAX_EXPECTATION)
        with self._db.write() as conn:
            ladder_id = ladder_of_level(conn, level_id)
            count = len(ordered_ids(conn, "expectation", "level_id", level_id))
            repo.insert_expectation(conn, level_id, count, dim, body)
            return load_ladder(conn, ladder_id)

    def edit_expectation(self, expectation_id: int, dimension: str, text_: str) -> StoredLadder:
        """Change an expectation's wording and dimension (moving it to another dimension)."""
        dim = clean_name(dimension, "dimension")
        body = clean_name(text_, "expectation text", MAX_EXPECTATION)
        with self._db.write() as conn:
            ladder_id, _level = expectation_home(conn, expectation_id)
            repo.update_expectation(conn, expectation_id, dim, body)
            return load_ladder(conn, ladder_id)

    def move_expectation_to_dimension(self, expectation_id: int, dimension: str) -> StoredLadder:
        """Put an expectation under another dimension, its wording unchanged."""
        dim = clean_name(dimension, "dimension")
        with self._db.write() as conn:
            ladder_id, _level = expectation_home(conn, expectation_id)
            repo.update_expectation(conn, expectation_id, dim, None)
            return load_ladder(conn, ladder_id)

    def remove_expectation(self, expectation_id: int) -> StoredLadder:
        """Remove an expectation; refused while journal entries are linked to it."""
        with self._db.write() as conn:
            ladder_id, level_id = expectation_home(conn, expectation_id)
            links, _entries = link_count(conn, "e.id = :x", {"x": expectation_id})
            if links:
                raise LevelingError(
                    f"{links} journal entr{'y is' if links == 1 else 'ies are'} linked to this "
                    "expectation as evidence; unlink them first, so no evidence is lost")
            refuse_if_plan_links(conn, "e.id = :x", {"x": expectation_id}, "this expectation")
            repo.delete_expectation(conn, expectation_id)
            renumber(conn, "expectation", "level_id", level_id,
                     ordered_ids(conn, "expectation", "level_id", level_id))
            return load_ladder(conn, ladder_id)

    def move_expectation(self, expectation_id: int, offset: int) -> StoredLadder:
        """Move an expectation ``offset`` places later (+) or earlier (-) in its level."""
        with self._db.write() as conn:
            ladder_id, level_id = expectation_home(conn, expectation_id)
            order = _moved(ordered_ids(conn, "expectation", "level_id", level_id),
                           expectation_id, offset)
            renumber(conn, "expectation", "level_id", level_id, order)
            return load_ladder(conn, ladder_id)


def _moved(order: list[int], row_id: int, offset: int) -> list[int]:
    """The order with ``row_id`` shifted by ``offset``, clamped to the ends."""
    index = order.index(row_id)
    order.pop(index)
    order.insert(max(0, min(len(order), index + offset)), row_id)
    return order


def _refuse_duplicate_level(ladder: StoredLadder, name: str, level_id: int | None) -> None:
    """LevelingError when another level of the ladder already has this name."""
    for level in ladder.levels:
        if level.id != level_id and level.name.casefold() == name.casefold():
            raise LevelingError(f"ladder {ladder.name!r} already has a level called {name!r}")


def _check_target_order(conn: Connection) -> None:
    """LevelingError (rolling the change back) when the target is no longer above current."""
    goal = load_target(conn)
    if goal is None:
        return
    rows = repo.level_positions(conn, (goal.current_level_id, goal.target_level_id))
    if rows[goal.target_level_id] <= rows[goal.current_level_id]:
        raise LevelingError(f"your target level {goal.target_level!r} must stay above your "
                            f"current level {goal.current_level!r}")
