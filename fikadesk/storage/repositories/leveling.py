"""SQL helpers shared by the leveling services; each runs inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.leveling_stored import (
    LevelingError,
    StoredExpectation,
    StoredLadder,
    StoredLevel,
    Target,
)
from fikadesk.storage.values import as_date, as_datetime


def load_ladder(conn: Connection, ladder_id: int) -> StoredLadder:
    """One ladder with its levels and expectations; LevelingError when there is none."""
    head = conn.execute(text("SELECT id, name, source, created_at FROM ladder WHERE id = :l"),
                        {"l": ladder_id}).first()
    if head is None:
        raise LevelingError(f"there is no ladder {ladder_id} (see fikadesk ladder list)")
    levels = conn.execute(
        text("SELECT id, name, description FROM ladder_level WHERE ladder_id = :l "
             "ORDER BY position, id"), {"l": ladder_id}).all()
    expectations = conn.execute(
        text("SELECT e.level_id, e.id, e.dimension, e.text FROM expectation e "
             "JOIN ladder_level v ON v.id = e.level_id WHERE v.ladder_id = :l "
             "ORDER BY e.position, e.id"), {"l": ladder_id}).all()
    by_level: dict[int, list[StoredExpectation]] = {}
    for level_id, exp_id, dimension, body in expectations:
        by_level.setdefault(int(level_id), []).append(
            StoredExpectation(int(exp_id), str(dimension), str(body)))
    return StoredLadder(
        int(head[0]), str(head[1]), str(head[2]), as_datetime(head[3]),
        tuple(StoredLevel(int(v[0]), str(v[1]), str(v[2]), tuple(by_level.get(int(v[0]), [])))
              for v in levels),
    )


def level_named(ladder: StoredLadder, name: str) -> StoredLevel:
    """The level called ``name`` (case-insensitive); LevelingError listing the levels if none."""
    level = ladder.find_level(name)
    if level is None:
        names = ", ".join(lv.name for lv in ladder.levels)
        raise LevelingError(f"ladder {ladder.name!r} has no level called {name.strip()!r} "
                            f"(levels: {names})")
    return level


def load_target(conn: Connection) -> Target | None:
    """The one target, or None when none is set."""
    row = conn.exec_driver_sql(
        "SELECT t.ladder_id, l.name, t.current_level_id, c.name, t.target_level_id, g.name, "
        "t.target_date, t.summary FROM target t JOIN ladder l ON l.id = t.ladder_id "
        "JOIN ladder_level c ON c.id = t.current_level_id "
        "JOIN ladder_level g ON g.id = t.target_level_id WHERE t.id = 1"
    ).first()
    if row is None:
        return None
    return Target(int(row[0]), str(row[1]), int(row[2]), str(row[3]), int(row[4]), str(row[5]),
                  as_date(row[6]) if row[6] else None, str(row[7]))


def require_expectations(conn: Connection, expectation_ids: Iterable[int]) -> None:
    """Raise LevelingError naming any of ``expectation_ids`` that does not exist."""
    ids = sorted({int(x) for x in expectation_ids})
    if not ids:
        return
    marks = ",".join(str(x) for x in ids)
    found = {int(x) for x in conn.exec_driver_sql(
        f"SELECT id FROM expectation WHERE id IN ({marks})").scalars()}
    missing = [x for x in ids if x not in found]
    if missing:
        listed = ", ".join(str(x) for x in missing)
        raise LevelingError(f"there is no expectation {listed} (see fikadesk ladder show)")


def ladder_of_level(conn: Connection, level_id: int) -> int:
    """The id of the ladder a level belongs to; LevelingError when the level does not exist."""
    row = conn.execute(text("SELECT ladder_id FROM ladder_level WHERE id = :v"),
                       {"v": level_id}).first()
    if row is None:
        raise LevelingError(f"there is no level {level_id}; the ladder may have changed")
    return int(row[0])


def expectation_home(conn: Connection, expectation_id: int) -> tuple[int, int]:
    """(ladder id, level id) of an expectation; LevelingError when it does not exist."""
    row = conn.execute(
        text("SELECT v.ladder_id, e.level_id FROM expectation e "
             "JOIN ladder_level v ON v.id = e.level_id WHERE e.id = :x"),
        {"x": expectation_id}).first()
    if row is None:
        raise LevelingError(f"there is no expectation {expectation_id}; "
                            "the ladder may have changed")
    return int(row[0]), int(row[1])


def link_count(conn: Connection, where: str, params: dict[str, int]) -> tuple[int, int]:
    """(links, distinct entries) of evidence links to expectations chosen by ``where``.

    ``where`` is a fixed SQL condition on ``e`` (expectation) and ``v`` (its level).
    """
    row = conn.execute(
        text("SELECT count(*), count(DISTINCT x.entry_id) FROM entry_expectation x "
             "JOIN expectation e ON e.id = x.expectation_id "
             f"JOIN ladder_level v ON v.id = e.level_id WHERE {where}"), params).one()
    return int(row[0]), int(row[1])


def refuse_if_plan_links(conn: Connection, where: str, params: dict[str, int], what: str) -> None:
    """Refuse (LevelingError) when checklist items of a plan point at the expectations chosen by
    ``where`` (as in :func:`link_count`): removing them would break the plan silently."""
    row = conn.execute(
        text("SELECT count(DISTINCT x.item_id) FROM plan_item_expectation x "
             "JOIN expectation e ON e.id = x.expectation_id "
             f"JOIN ladder_level v ON v.id = e.level_id WHERE {where}"), params).one()
    if row[0]:
        items = int(row[0])
        raise LevelingError(f"{items} checklist item{'s' if items != 1 else ''} of your promotion plan "
                            f"point{'' if items != 1 else 's'} at {what}; unlink them in the Plan first, "
                            "so the plan keeps its meaning")


def renumber(conn: Connection, table: str, parent_column: str, parent_id: int,
             ordered_ids: list[int]) -> None:
    """Write positions 0, 1, 2... in the given order for the rows of one parent."""
    if table not in ("ladder_level", "expectation") or parent_column not in ("ladder_id",
                                                                             "level_id"):
        raise ValueError(f"cannot renumber {table}.{parent_column}")
    conn.execute(
        text(f"UPDATE {table} SET position = :p WHERE id = :i AND {parent_column} = :parent"),
        [{"p": position, "i": row_id, "parent": parent_id}
         for position, row_id in enumerate(ordered_ids)])


def ordered_ids(conn: Connection, table: str, parent_column: str, parent_id: int) -> list[int]:
    """Ids of the rows of one parent in their current order."""
    if table not in ("ladder_level", "expectation") or parent_column not in ("ladder_id",
                                                                             "level_id"):
        raise ValueError(f"cannot order {table}.{parent_column}")
    return [int(x) for x in conn.execute(
        text(f"SELECT id FROM {table} WHERE {parent_column} = :parent ORDER BY position, id"),
        {"parent": parent_id}).scalars()]


def clean_name(value: str, what: str, limit: int = 200) -> str:
    """Spaces collapsed; LevelingError when blank or longer than ``limit``."""
    cleaned = " ".join(value.split())
    if not cleaned:
        raise LevelingError(f"the {what} must not be empty")
    if len(cleaned) > limit:
        raise LevelingError(f"the {what} is {len(cleaned)} characters; at most {limit} fit")
    return cleaned
