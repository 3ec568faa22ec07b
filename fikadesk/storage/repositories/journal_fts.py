"""Live text searches answered by the search index alone: count, page and order (migration 0009)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.storage.repositories.driver import fetch_rows
from fikadesk.storage.repositories.journal_queries import TAG_ID_SQL, fts_clause, fts_ids_sql, id_list


def fts_filter(conn: Connection, query: EntryQuery,
               params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Return the FTS5-only WHERE clause of a live text search, or None for any other query.

    See ``storage.repositories.journal_queries.fts_clause`` (shared with the command line's light reader);
    the tag ids are looked up on ``conn``.
    """
    def tag_id(name: str) -> int | None:
        found = fetch_rows(conn, TAG_ID_SQL, {"name": name})
        return int(found[0][0]) if found else None

    return fts_clause(query, params, tag_id)


def fts_page(conn: Connection, fast: tuple[str, dict[str, Any]], offset: int,
             limit: int) -> Sequence[Any]:
    """Return the rows (id, day, title, starred) of one page of a live text search, in list order."""
    ids = [r[0] for r in fetch_rows(conn, fts_ids_sql(fast[0]), fast[1] | {"limit": limit, "offset": offset})]
    if not ids:
        return []
    found = {int(r[0]): r for r in fetch_rows(
        conn, f"SELECT id, day, title, starred FROM entry WHERE id IN ({id_list(ids)})")}
    return [found[int(i)] for i in ids if int(i) in found]
