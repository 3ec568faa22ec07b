"""The leveling area's SQL: ladders with levels and expectations, the target, readiness counts.

Each function runs inside the caller's transaction; a few raise LevelingError (a domain error)
where a missing row or a protected link must stop the change whatever the caller does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.leveling.ladder import Expectation, ExpectationEvidence, Level
from fikadesk.domain.leveling.snapshot import LadderUsage
from fikadesk.domain.leveling.stored import (
    LadderSummary,
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


# -- ladders -------------------------------------------------------------------------------------
def ladder_names(conn: Connection, except_id: int | None = None) -> list[str]:
    """The names of the stored ladders (but ``except_id``'s)."""
    return [str(n) for n in conn.execute(text("SELECT name FROM ladder WHERE id IS NOT :l"),
                                         {"l": except_id}).scalars()]


def insert_ladder(conn: Connection, name: str, source: str, now: datetime, levels: Sequence[Level]) -> int:
    """Add a ladder with its levels and expectations in their order; return its id."""
    ladder_id = int(conn.execute(text("INSERT INTO ladder (name, source, created_at) VALUES (:n, :s, :at)"),
                                 {"n": name, "s": source, "at": now}).lastrowid)
    rows: list[dict[str, Any]] = []
    for position, level in enumerate(levels):
        level_id = insert_level(conn, ladder_id, position, level.name, level.description)
        rows.extend({"lv": level_id, "p": index, "dim": e.dimension, "t": e.text}
                    for index, e in enumerate(level.expectations))
    if rows:
        conn.execute(text("INSERT INTO expectation (level_id, position, dimension, text) "
                          "VALUES (:lv, :p, :dim, :t)"), rows)
    return ladder_id


def ladder_summaries(conn: Connection) -> list[LadderSummary]:
    """Every stored ladder with its number of levels and expectations, oldest first."""
    rows = conn.exec_driver_sql(
        "SELECT l.id, l.name, l.source, l.created_at, "
        "(SELECT count(*) FROM ladder_level v WHERE v.ladder_id = l.id), "
        "(SELECT count(*) FROM expectation e JOIN ladder_level v ON v.id = e.level_id "
        " WHERE v.ladder_id = l.id) "
        "FROM ladder l ORDER BY l.id").all()
    return [LadderSummary(int(r[0]), str(r[1]), str(r[2]), as_datetime(r[3]), int(r[4]), int(r[5]))
            for r in rows]


def ladder_usage(conn: Connection, ladder_id: int) -> LadderUsage:
    """What deleting a ladder would touch: links, linked entries and whether it holds the target."""
    links, entries = link_count(conn, "v.ladder_id = :l", {"l": ladder_id})
    is_target = conn.execute(text("SELECT 1 FROM target WHERE ladder_id = :l"),
                             {"l": ladder_id}).first() is not None
    return LadderUsage(ladder_id, links, entries, is_target)


def delete_ladder(conn: Connection, ladder_id: int) -> None:
    """Delete a ladder with the target set on it and the evidence links to its expectations."""
    conn.execute(text("DELETE FROM target WHERE ladder_id = :l"), {"l": ladder_id})
    conn.execute(text("DELETE FROM entry_expectation WHERE expectation_id IN ("
                      "SELECT e.id FROM expectation e JOIN ladder_level v ON v.id = e.level_id "
                      "WHERE v.ladder_id = :l)"), {"l": ladder_id})
    conn.execute(text("DELETE FROM ladder WHERE id = :l"), {"l": ladder_id})


def rename_ladder(conn: Connection, ladder_id: int, name: str) -> None:
    """Give a ladder a new name."""
    conn.execute(text("UPDATE ladder SET name = :n WHERE id = :l"), {"n": name, "l": ladder_id})


def insert_level(conn: Connection, ladder_id: int, position: int, name: str, description: str) -> int:
    """Add an empty level at ``position``; return its id."""
    return int(conn.execute(text("INSERT INTO ladder_level (ladder_id, position, name, description) "
                                 "VALUES (:l, :p, :n, :d)"),
                            {"l": ladder_id, "p": position, "n": name, "d": description}).lastrowid)


def rename_level(conn: Connection, level_id: int, name: str) -> None:
    """Give a level a new name."""
    conn.execute(text("UPDATE ladder_level SET name = :n WHERE id = :v"), {"n": name, "v": level_id})


def delete_level(conn: Connection, level_id: int) -> None:
    """Delete a level with its expectations."""
    conn.execute(text("DELETE FROM ladder_level WHERE id = :v"), {"v": level_id})


def level_positions(conn: Connection, level_ids: Sequence[int]) -> dict[int, int]:
    """The position of each of ``level_ids`` on its ladder."""
    marks = ",".join(str(int(i)) for i in level_ids)
    return {int(i): int(p) for i, p in conn.exec_driver_sql(
        f"SELECT id, position FROM ladder_level WHERE id IN ({marks})").all()}


def insert_expectation(conn: Connection, level_id: int, position: int, dimension: str, body: str) -> None:
    """Add an expectation to a level at ``position``."""
    conn.execute(text("INSERT INTO expectation (level_id, position, dimension, text) "
                      "VALUES (:v, :p, :d, :t)"), {"v": level_id, "p": position, "d": dimension, "t": body})


def update_expectation(conn: Connection, expectation_id: int, dimension: str, body: str | None) -> None:
    """Write an expectation's dimension and (unless None) its wording."""
    if body is None:
        conn.execute(text("UPDATE expectation SET dimension = :d WHERE id = :x"),
                     {"d": dimension, "x": expectation_id})
    else:
        conn.execute(text("UPDATE expectation SET dimension = :d, text = :t WHERE id = :x"),
                     {"d": dimension, "t": body, "x": expectation_id})


def delete_expectation(conn: Connection, expectation_id: int) -> None:
    """Delete an expectation."""
    conn.execute(text("DELETE FROM expectation WHERE id = :x"), {"x": expectation_id})


# -- the target and readiness ----------------------------------------------------------------------
def save_target(conn: Connection, ladder_id: int, current_level_id: int, target_level_id: int,
                target_date: date | None, summary: str) -> None:
    """Set the one target (replacing any earlier one)."""
    conn.execute(
        text("INSERT INTO target (id, ladder_id, current_level_id, target_level_id, "
             "target_date, summary) VALUES (1, :l, :c, :t, :d, :s) "
             "ON CONFLICT(id) DO UPDATE SET ladder_id = excluded.ladder_id, "
             "current_level_id = excluded.current_level_id, "
             "target_level_id = excluded.target_level_id, "
             "target_date = excluded.target_date, summary = excluded.summary"),
        {"l": ladder_id, "c": current_level_id, "t": target_level_id,
         "d": target_date.isoformat() if target_date else None, "s": summary})


def target_summary(conn: Connection) -> str:
    """The summary written for the target, or "" when no target is set."""
    row = conn.execute(text("SELECT summary FROM target WHERE id = 1")).first()
    return str(row[0]) if row else ""


def readiness_counts(conn: Connection, level_id: int) -> list[tuple[int, ExpectationEvidence]]:
    """(expectation id, its evidence from live entries) for each expectation of a level, in order."""
    rows = conn.execute(
        text("SELECT x.id, x.dimension, x.text, count(e.id), "
             "coalesce(sum(e.starred), 0), max(e.day), "
             "count(DISTINCT substr(e.day, 1, 7)) "
             "FROM expectation x "
             "LEFT JOIN entry_expectation l ON l.expectation_id = x.id "
             "LEFT JOIN entry e ON e.id = l.entry_id AND e.deleted_at IS NULL "
             "WHERE x.level_id = :lv GROUP BY x.id ORDER BY x.position, x.id"),
        {"lv": level_id}).all()
    return [(int(r[0]), ExpectationEvidence(Expectation(str(r[1]), str(r[2])), int(r[3]), int(r[4]),
                                            as_date(r[5]) if r[5] else None, int(r[6])))
            for r in rows]
