"""The journal area's SQL: writing entries with their tags, links and search rows, and reading lists.

Every function runs inside the caller's transaction; an entry that is not there comes back as
None or False, and the journal service says what that means.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.journal.entries import (
    Entry,
    EntryDraft,
    EntryQuery,
    EntrySummary,
    JournalStats,
    make_snippet,
    search_words,
)
from fikadesk.domain.journal.search import split_search
from fikadesk.storage.repositories.driver import fetch_rows
from fikadesk.storage.repositories.journal_fts import fts_filter, fts_page
from fikadesk.storage.repositories.journal_queries import list_page_sql, where_clause
from fikadesk.storage.search_index import (
    INDEX_ENTRIES_SQL,
    UNINDEX_ENTRY_SQL,
    row_key,
)
from fikadesk.storage.values import as_date, as_datetime


# -- writing ------------------------------------------------------------------------------------
def _entry_params(draft: EntryDraft) -> dict[str, Any]:
    return {
        "day": draft.day.isoformat(),
        "title": draft.title,
        "body": draft.body,
        "impact": draft.impact,
        "starred": draft.starred,
        "private": draft.private,
        "revisit": draft.revisit_on.isoformat() if draft.revisit_on else None,
    }


def insert_entry(conn: Connection, draft: EntryDraft, now: datetime) -> int:
    """Add an entry with its tags, links and search row; return its id."""
    result = conn.execute(
        text(
            "INSERT INTO entry (day, title, body, impact, starred, private, revisit_on, "
            "created_at, updated_at) VALUES (:day, :title, :body, :impact, :starred, :private, "
            ":revisit, :now, :now)"
        ),
        _entry_params(draft) | {"now": now},
    )
    entry_id = int(result.lastrowid)
    write_children(conn, entry_id, draft)
    return entry_id


def update_entry(conn: Connection, entry_id: int, draft: EntryDraft, now: datetime) -> bool:
    """Write new contents (tags, links and search row too) for an entry; False when there is none."""
    # out of the index first, so the index triggers have no row to move on the way
    conn.execute(text(UNINDEX_ENTRY_SQL), {"id": entry_id})
    result = conn.execute(
        text(
            "UPDATE entry SET day=:day, title=:title, body=:body, impact=:impact, "
            "starred=:starred, private=:private, revisit_on=:revisit, updated_at=:now "
            "WHERE id=:id"
        ),
        _entry_params(draft) | {"id": entry_id, "now": now},
    )
    if result.rowcount == 0:
        return False
    conn.execute(text("DELETE FROM entry_tag WHERE entry_id=:id"), {"id": entry_id})
    conn.execute(text("DELETE FROM entry_link WHERE entry_id=:id"), {"id": entry_id})
    write_children(conn, entry_id, draft)
    return True


def write_children(conn: Connection, entry_id: int, draft: EntryDraft) -> None:
    """Write an entry's tags and links and put it in the search index."""
    for tag in draft.tags:
        conn.execute(text("INSERT OR IGNORE INTO tag (name) VALUES (:name)"), {"name": tag})
        conn.execute(
            text(
                "INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) "
                "SELECT :id, id FROM tag WHERE name = :name"
            ),
            {"id": entry_id, "name": tag},
        )
    for position, url in enumerate(draft.links):
        conn.execute(
            text("INSERT INTO entry_link (entry_id, position, url) VALUES (:id, :pos, :url)"),
            {"id": entry_id, "pos": position, "url": url},
        )
    conn.execute(text(INDEX_ENTRIES_SQL), {"ids": f"[{int(entry_id)}]"})


def set_starred(conn: Connection, entry_id: int, starred: bool, now: datetime) -> bool:
    """Star or unstar an entry; False when there is none."""
    return bool(conn.execute(text("UPDATE entry SET starred=:s, updated_at=:now WHERE id=:id"),
                             {"s": starred, "now": now, "id": entry_id}).rowcount)


def set_deleted(conn: Connection, entry_id: int, when: datetime | None) -> bool:
    """Move an entry to the trash (``when``) or back (None); False when there is none."""
    return bool(conn.execute(text("UPDATE entry SET deleted_at=:when WHERE id=:id"),
                             {"when": when, "id": entry_id}).rowcount)


def purge_trashed(conn: Connection, entry_ids: Sequence[int]) -> int:
    """Delete the entries of ``entry_ids`` that are in the trash for good; how many went."""
    removed = 0
    for entry_id in entry_ids:
        result = conn.execute(text("DELETE FROM entry WHERE id=:id AND deleted_at IS NOT NULL"),
                              {"id": entry_id})
        if result.rowcount:  # its search row went with it (trigger entry_fts_drop)
            removed += 1
    return removed


def entry_exists(conn: Connection, entry_id: int) -> bool:
    """True when there is an entry with this id (live or in the trash)."""
    return conn.execute(text("SELECT 1 FROM entry WHERE id = :e"), {"e": entry_id}).first() is not None


# -- reading ------------------------------------------------------------------------------------
def load_entry(conn: Connection, entry_id: int) -> Entry | None:
    """One entry with its tags and links (also from the trash), or None."""
    row = conn.execute(
        text(
            "SELECT id, day, title, body, impact, starred, revisit_on, private, created_at, "
            "updated_at, deleted_at FROM entry WHERE id = :id"
        ),
        {"id": entry_id},
    ).first()
    if row is None:
        return None
    links = conn.execute(
        text("SELECT url FROM entry_link WHERE entry_id = :id ORDER BY position, id"), {"id": entry_id}
    ).scalars()
    return Entry(
        id=int(row[0]),
        day=as_date(row[1]),
        title=str(row[2]),
        body=str(row[3]),
        impact=str(row[4]),
        tags=tags_for(conn, [entry_id]).get(entry_id, ()),
        starred=bool(row[5]),
        revisit_on=as_date(row[6]) if row[6] else None,
        links=tuple(str(u) for u in links),
        private=bool(row[7]),
        created_at=as_datetime(row[8]),
        updated_at=as_datetime(row[9]),
        deleted_at=as_datetime(row[10]) if row[10] else None,
    )


def count_entries(conn: Connection, query: EntryQuery) -> int:
    """How many entries match ``query``."""
    where, params = where_clause(query)
    if where is None:
        return 0
    fast = fts_filter(conn, query, params)
    if fast is not None:  # a live text search: one FTS5 count, no join (0009)
        return int(fetch_rows(conn, f"SELECT count(*) FROM entry_fts WHERE {fast[0]}", fast[1])[0][0])
    return int(fetch_rows(conn, f"SELECT count(*) FROM entry e WHERE {where}", params)[0][0])


def entry_page(conn: Connection, query: EntryQuery, offset: int, limit: int) -> list[EntrySummary]:
    """``limit`` matching entries from ``offset``, newest first, with tags and search snippets."""
    where, params = where_clause(query)
    if where is None:
        return []
    fast = fts_filter(conn, query, params)
    if fast is not None:  # a live text search: FTS5 keeps the list order itself (0009)
        rows = fts_page(conn, fast, offset, limit)
    else:
        rows = fetch_rows(conn, list_page_sql(where, query.in_trash),
                          params | {"limit": limit, "offset": offset})
    ids = [int(r[0]) for r in rows]
    tags = tags_for(conn, ids)
    words = search_words(split_search(query.text).words)
    snippets = snippets_for(conn, ids, words) if "q" in params else {}
    return [
        EntrySummary(
            id=int(r[0]),
            day=as_date(r[1]),
            title=str(r[2]),
            starred=bool(r[3]),
            tags=tags.get(int(r[0]), ()),
            snippet=snippets.get(int(r[0]), ""),
        )
        for r in rows
    ]


def index_of(conn: Connection, query: EntryQuery, entry_id: int) -> int | None:
    """The row of ``entry_id`` in the list of ``query``, or None if it is not there."""
    where, params = where_clause(query)
    if where is None or query.in_trash:
        return None
    row = conn.execute(
        text(f"SELECT e.day FROM entry e WHERE {where} AND e.id = :target"),
        params | {"target": entry_id},
    ).first()
    if row is None:
        return None
    fast = fts_filter(conn, query, params)
    if fast is not None:
        key = {"key": row_key(as_date(row[0]), entry_id)}
        sql = f"SELECT count(*) FROM entry_fts WHERE {fast[0]} AND rowid "
        if not conn.execute(text(sql + "= :key"), fast[1] | key).one()[0]:
            return None
        return int(conn.execute(text(sql + "> :key"), fast[1] | key).one()[0])
    before = conn.execute(
        text(
            f"SELECT count(*) FROM entry e WHERE {where} "
            "AND (e.day > :tday OR (e.day = :tday AND e.id > :target))"
        ),
        params | {"target": entry_id, "tday": str(row[0])},
    ).one()
    return int(before[0])


def tag_counts(conn: Connection) -> list[tuple[str, int]]:
    """Every tag in use with its number of live entries, most used first."""
    rows = conn.exec_driver_sql(  # counts kept by triggers (0008)
        "SELECT name, live_count FROM tag WHERE live_count > 0 ORDER BY live_count DESC, name"
    ).all()
    return [(str(r[0]), int(r[1])) for r in rows]


def journal_stats(conn: Connection) -> JournalStats:
    """Counts of the live journal."""
    # each part reads a small partial index (live, live starred), not the entry table
    row = conn.exec_driver_sql(
        "SELECT (SELECT count(*) FROM entry WHERE deleted_at IS NULL), "
        "(SELECT count(*) FROM entry WHERE deleted_at IS NULL AND starred = 1), "
        "(SELECT max(day) FROM entry WHERE deleted_at IS NULL)"
    ).one()
    return JournalStats(total=int(row[0]), starred=int(row[1]),
                        last_day=as_date(row[2]) if row[2] else None)


def due_revisits(conn: Connection, today: date) -> list[EntrySummary]:
    """Live entries whose "revisit on" date has come, oldest date first."""
    rows = conn.execute(
        text(
            "SELECT id, day, title, starred FROM entry WHERE deleted_at IS NULL "
            "AND revisit_on IS NOT NULL AND revisit_on <= :today "
            "ORDER BY revisit_on, id LIMIT 50"
        ),
        {"today": today.isoformat()},
    ).all()
    tags = tags_for(conn, [int(r[0]) for r in rows])
    return [EntrySummary(int(r[0]), as_date(r[1]), str(r[2]), bool(r[3]), tags.get(int(r[0]), ()))
            for r in rows]


def tags_for(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The tags of each of ``ids``, by entry id, in name order."""
    if not ids:
        return {}
    marks = ",".join(str(int(i)) for i in ids)
    rows = fetch_rows(
        conn,
        "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
        f"WHERE et.entry_id IN ({marks}) ORDER BY t.name",
    )
    found: dict[int, list[str]] = {}
    for entry_id, name in rows:
        found.setdefault(int(entry_id), []).append(str(name))
    return {k: tuple(v) for k, v in found.items()}


def snippets_for(conn: Connection, ids: Sequence[int], words: tuple[str, ...]) -> dict[int, str]:
    """Excerpts around the hits, made in Python from the page's own rows.

    FTS5's snippet() re-reads and re-tokenizes each row and cost ~4 ms a row for a word found
    in almost every entry; the page's rows are fetched by primary key instead.
    """
    if not ids:
        return {}
    marks = ",".join(str(int(i)) for i in ids)
    rows = fetch_rows(conn, f"SELECT id, body, impact, title FROM entry WHERE id IN ({marks})")
    return {int(r[0]): make_snippet((str(r[1]), str(r[2]), str(r[3])), words) for r in rows}
