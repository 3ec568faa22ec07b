"""The SQL of export and import: whole tables read and written row by row, over any carried table.

Export and import are generic over the SQLModel tables (their columns come from the metadata),
so these statements are built with SQLAlchemy Core on the tables the caller passes; the rest of
the repositories write SQL text. Each function runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.engine import Connection, Row

from fikadesk.storage.search_index import INDEX_ENTRIES_SQL


def table_rows(conn: Connection, table: sa.Table, columns: Sequence[str]) -> list[dict[str, Any]]:
    """Every row of ``table`` (the given columns), in primary key order."""
    return [dict(row._mapping) for row in conn.execute(
        sa.select(*(table.c[name] for name in columns)).order_by(*table.primary_key))]


def csv_entries(conn: Connection) -> tuple[Sequence[Row[Any]], dict[int, list[str]], dict[int, list[str]],
                                           dict[int, list[str]]]:
    """Live entries (day order) with, by entry id, their tags, links and "id<US>dimension: text"
    of each linked expectation."""
    rows = conn.execute(text(
        "SELECT id, day, title, body, impact, starred, private, revisit_on FROM entry "
        "WHERE deleted_at IS NULL ORDER BY day, id")).all()
    tags = _grouped(conn, "SELECT et.entry_id, t.name FROM entry_tag et "
                          "JOIN tag t ON t.id = et.tag_id ORDER BY t.name")
    links = _grouped(conn, "SELECT entry_id, url FROM entry_link ORDER BY position, id")
    expectations = _grouped(
        conn, "SELECT ee.entry_id, x.id || char(31) || x.dimension || ': ' || x.text "
        "FROM entry_expectation ee JOIN expectation x ON x.id = ee.expectation_id ORDER BY x.id")
    return rows, tags, links, expectations


def _grouped(conn: Connection, sql: str) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for key, value in conn.execute(text(sql)):
        grouped.setdefault(int(key), []).append(str(value))
    return grouped


def is_empty(conn: Connection, tables: Sequence[sa.Table]) -> bool:
    """True when none of ``tables`` holds a row."""
    return all(conn.execute(sa.select(sa.literal(1)).select_from(t).limit(1)).first() is None
               for t in tables)


def has_target(conn: Connection) -> bool:
    """True when a target is set."""
    return conn.execute(text("SELECT 1 FROM target")).first() is not None


def has_open_plan(conn: Connection) -> bool:
    """True when a plan is being worked on."""
    return conn.execute(text("SELECT 1 FROM plan WHERE closed_on IS NULL")).first() is not None


def find_by(conn: Connection, table: sa.Table, column: str, value: Any) -> int | None:
    """The id of the row of ``table`` whose ``column`` is ``value``, or None."""
    found = conn.execute(sa.select(table.c.id).where(table.c[column] == value)).first()
    return None if found is None else int(found[0])


def insert_row(conn: Connection, table: sa.Table, values: dict[str, Any]) -> tuple[int | None, bool]:
    """Insert one row: its id (None for a table without one, or when unknown), and whether a
    row was added (a link row already there is left alone)."""
    if "id" not in table.columns:
        result = conn.execute(sa.insert(table).prefix_with("OR IGNORE"), values)
        return None, bool(result.rowcount)
    result = conn.execute(sa.insert(table), values)
    if "id" in values:
        return int(values["id"]), True
    primary = result.inserted_primary_key
    return (int(primary[0]) if primary is not None else None), True


def index_entries(conn: Connection, entry_ids: Sequence[int]) -> None:
    """Add entries to the search index, as the journal repository does for new ones."""
    for start in range(0, len(entry_ids), 500):
        conn.execute(text(INDEX_ENTRIES_SQL), {"ids": json.dumps(list(entry_ids[start:start + 500]))})


def entry_keys(conn: Connection) -> list[tuple[Any, str, str]]:
    """(day, title, body) of every entry, to tell an entry already present."""
    return [(d, str(t), str(b)) for d, t, b in conn.execute(text("SELECT day, title, body FROM entry"))]
