"""The journal's read SQL, one text for the journal service and for the light reader.

Which entries a query lists and in which order (the WHERE clause, the search-index clause, the
page SELECTs), and whole entries by id, with their tags and links. The journal service runs
these through SQLAlchemy, ``storage.reader`` through the standard library's ``sqlite3``: the
parameters are named (``:name``) so the same text works for both. Only the standard library
and the domain are imported here, so the command line's read-only path loads no SQLAlchemy.
The tables themselves are defined once, by the SQLModel tables and the migrations; a test
(tests/storage/test_reader.py) checks every table and column named here against both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from fikadesk.domain.journal.entries import Entry, EntryQuery, fts_query
from fikadesk.domain.journal.search import split_search
from fikadesk.storage.search_index import ID_MASK, day_range, key_phrase

Params = dict[str, Any]
TagLookup = Callable[[str], "int | None"]

TAG_ID_SQL = "SELECT id FROM tag WHERE name = :name"
ENTRY_FIELDS = ("id, day, title, body, impact, starred, revisit_on, private, created_at, "
                "updated_at, deleted_at")


def where_clause(query: EntryQuery) -> tuple[str | None, Params]:
    """Build the WHERE clause (over ``entry e``) of a query; None means nothing can match."""
    conds = ["e.deleted_at IS NOT NULL" if query.in_trash else "e.deleted_at IS NULL"]
    params: Params = {}
    if query.starred_only:
        conds.append("e.starred = 1")
    # Dates typed into the search ("2026", "2026-03", "2026-03-14") narrow the period on the
    # indexed day column; the remaining words go to full-text search.
    terms = split_search(query.text)
    since = max(d for d in (query.since, terms.since) if d) if query.since or terms.since else None
    until = min(d for d in (query.until, terms.until) if d) if query.until or terms.until else None
    if since:
        conds.append("e.day >= :since")
        params["since"] = since.isoformat()
    if until:
        conds.append("e.day <= :until")
        params["until"] = until.isoformat()
    for index, tag in enumerate(query.tags):
        key = f"tag{index}"
        conds.append(
            "EXISTS (SELECT 1 FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
            f"WHERE et.entry_id = e.id AND t.name = :{key})"
        )
        params[key] = tag
    if terms.words.strip():
        match = fts_query(terms.words)
        if not match:
            return None, params
        conds.append(f"e.id IN (SELECT rowid & {ID_MASK} FROM entry_fts WHERE entry_fts MATCH :q)")
        params["q"] = f"({match}) AND {key_phrase('trashed')}" if query.in_trash else match
    return " AND ".join(conds), params


def fts_clause(query: EntryQuery, params: Params, tag_id: TagLookup) -> tuple[str, Params] | None:
    """Return the FTS5-only WHERE clause of a live text search, or None for any other query.

    Reads the text match (``q``) and the period (``since``, ``until``) from the parameters
    :func:`where_clause` made of the query, and the star and tag filters from the query, as
    filter keys of the index row (see fikadesk/storage/search_index.py): the list order and the
    count then come from FTS5 alone. ``tag_id`` gives the id of a tag name (running
    :data:`TAG_ID_SQL`), None when no such tag exists: the clause then matches nothing.
    """
    if query.in_trash or "q" not in params:
        return None
    parts = [f"({params['q']})"]
    if query.starred_only:
        parts.append(key_phrase("starred"))
    for tag in query.tags:
        found = tag_id(tag)
        if found is None:
            return "0", {}
        parts.append(key_phrase(f"t{int(found)}"))
    since, until = params.get("since"), params.get("until")
    low, high = day_range(date.fromisoformat(since) if since else None,
                          date.fromisoformat(until) if until else None)
    return ("entry_fts MATCH :fts AND rowid BETWEEN :low AND :high",
            {"fts": f"({' AND '.join(parts)}) NOT {key_phrase('trashed')}", "low": low, "high": high})


def fts_ids_sql(clause: str) -> str:
    """The SELECT of one page of entry ids of a live text search, in list order (``:limit``,
    ``:offset``); ``clause`` comes from :func:`fts_clause`."""
    return (f"SELECT rowid & {ID_MASK} FROM entry_fts WHERE {clause} "
            "ORDER BY rowid DESC LIMIT :limit OFFSET :offset")


def list_page_sql(where: str, in_trash: bool) -> str:
    """The SELECT of one page (id, day, title, starred) of any other list, in list order:
    newest day first, or most recently trashed first in the trash."""
    order = "e.deleted_at DESC, e.id DESC" if in_trash else "e.day DESC, e.id DESC"
    return (f"SELECT e.id, e.day, e.title, e.starred FROM entry e WHERE {where} "
            f"ORDER BY {order} LIMIT :limit OFFSET :offset")


def entry_sql(chosen: str) -> tuple[str, str, str]:
    """The three SELECTs of whole entries whose ids ``chosen`` gives (a SELECT or a list of ids):
    the entry rows, their tags (by name) and their links (in order)."""
    return (f"SELECT {ENTRY_FIELDS} FROM entry WHERE id IN ({chosen})",
            "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
            f"WHERE et.entry_id IN ({chosen}) ORDER BY t.name",
            f"SELECT entry_id, url FROM entry_link WHERE entry_id IN ({chosen}) ORDER BY position, id")


def id_list(ids: Iterable[int]) -> str:
    """The ids as an SQL list for ``IN (...)`` (whole numbers only, so nothing can be injected)."""
    return ",".join(str(int(i)) for i in ids)


def entries_from_rows(heads: Iterable[Sequence[Any]], tags: Iterable[Sequence[Any]],
                      urls: Iterable[Sequence[Any]]) -> dict[int, Entry]:
    """Whole entries by id from the rows of the three SELECTs of :func:`entry_sql`."""
    tags_of: dict[int, list[str]] = {}
    for entry_id, name in tags:
        tags_of.setdefault(int(entry_id), []).append(str(name))
    urls_of: dict[int, list[str]] = {}
    for entry_id, url in urls:
        urls_of.setdefault(int(entry_id), []).append(str(url))
    return {int(r[0]): Entry(
        id=int(r[0]), day=_day(r[1]), title=str(r[2]), body=str(r[3]), impact=str(r[4]),
        tags=tuple(tags_of.get(int(r[0]), ())), starred=bool(r[5]),
        revisit_on=_day(r[6]) if r[6] else None,
        links=tuple(urls_of.get(int(r[0]), ())), private=bool(r[7]),
        created_at=_moment(r[8]), updated_at=_moment(r[9]),
        deleted_at=_moment(r[10]) if r[10] else None) for r in heads}


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
