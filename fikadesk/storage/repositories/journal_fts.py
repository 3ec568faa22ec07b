"""Live text searches answered by the search index alone: count, page and order (migration 0009)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.storage.search_index import ID_MASK, day_range, key_phrase


def fts_filter(conn: Connection, query: EntryQuery,
               params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Return the FTS5-only WHERE clause of a live text search, or None for any other query.

    Reads the text match (``q``) and the period (``since``, ``until``) from the parameters the
    journal repository's ``where_clause`` made of the query, and the star and tag filters from the query,
    as filter keys of the index row (see fikadesk/storage/search_index.py): the list order and
    the count then come from FTS5 alone. A tag nobody uses gives a clause that matches nothing.
    """
    if query.in_trash or "q" not in params:
        return None
    parts = [f"({params['q']})"]
    if query.starred_only:
        parts.append(key_phrase("starred"))
    for tag in query.tags:
        found = conn.execute(text("SELECT id FROM tag WHERE name = :name"), {"name": tag}).first()
        if found is None:
            return "0", {}
        parts.append(key_phrase(f"t{int(found[0])}"))
    since, until = params.get("since"), params.get("until")
    low, high = day_range(date.fromisoformat(since) if since else None,
                          date.fromisoformat(until) if until else None)
    return ("entry_fts MATCH :fts AND rowid BETWEEN :low AND :high",
            {"fts": f"({' AND '.join(parts)}) NOT {key_phrase('trashed')}", "low": low, "high": high})


def fts_page(conn: Connection, fast: tuple[str, dict[str, Any]], offset: int,
             limit: int) -> Sequence[Any]:
    """Return the rows (id, day, title, starred) of one page of a live text search, in list order."""
    ids = conn.execute(
        text(f"SELECT rowid & {ID_MASK} FROM entry_fts WHERE {fast[0]} "
             "ORDER BY rowid DESC LIMIT :limit OFFSET :offset"),
        fast[1] | {"limit": limit, "offset": offset},
    ).scalars().all()
    if not ids:
        return []
    marks = ",".join(str(int(i)) for i in ids)
    found = {int(r[0]): r for r in conn.exec_driver_sql(
        f"SELECT id, day, title, starred FROM entry WHERE id IN ({marks})").all()}
    return [found[int(i)] for i in ids if int(i) in found]
