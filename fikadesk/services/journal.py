"""Journal use cases: add, edit, trash, restore, list and search evidence entries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.journal import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Entry,
    EntryDraft,
    EntryQuery,
    EntrySummary,
    JournalStats,
    make_snippet,
    search_words,
    validate_draft,
)
from fikadesk.services.journal_fts import fts_filter, fts_page
from fikadesk.storage.journal_queries import list_page_sql
from fikadesk.storage.journal_queries import where_clause as _where
from fikadesk.storage.search_index import (
    INDEX_ENTRIES_SQL,
    UNINDEX_ENTRY_SQL,
    row_key,
)

__all__ = ["SNIPPET_CLOSE", "SNIPPET_OPEN", "EntryNotFoundError", "JournalService"]
from fikadesk.domain.journal_search import split_search
from fikadesk.services.values import Clock, as_date, as_datetime, now
from fikadesk.storage.engine import Database
from fikadesk.storage.errors import JournalError


class EntryNotFoundError(JournalError):
    """The entry asked for does not exist (any more)."""

    def __init__(self, entry_id: int) -> None:
        super().__init__(f"Entry {entry_id} does not exist.")
        self.entry_id = entry_id





class JournalService:
    """The journal's use cases; each public method is one short transaction."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._clock = clock

    # -- writing ---------------------------------------------------------------------------
    def add(self, draft: EntryDraft) -> Entry:
        """Validate and save a new entry; return it as saved."""
        clean = validate_draft(draft)
        now = self._clock()
        with self._db.write() as session:
            conn = session.connection()
            entry_id = _insert_entry(conn, clean, now)
            _write_children(conn, entry_id, clean)
            return _load(conn, entry_id)

    def add_many(self, drafts: Iterable[EntryDraft]) -> int:
        """Validate and save many entries in one transaction (imports, demo data)."""
        cleaned = [validate_draft(d) for d in drafts]
        now = self._clock()
        with self._db.write() as session:
            conn = session.connection()
            for clean in cleaned:
                entry_id = _insert_entry(conn, clean, now)
                _write_children(conn, entry_id, clean)
        return len(cleaned)

    def update(self, entry_id: int, draft: EntryDraft) -> Entry:
        """Validate and save new contents for an existing entry."""
        clean = validate_draft(draft)
        with self._db.write() as session:
            conn = session.connection()
            # out of the index first, so the index triggers have no row to move on the way
            conn.execute(text(UNINDEX_ENTRY_SQL), {"id": entry_id})
            result = conn.execute(
                text(
                    "UPDATE entry SET day=:day, title=:title, body=:body, impact=:impact, "
                    "starred=:starred, private=:private, revisit_on=:revisit, updated_at=:now "
                    "WHERE id=:id"
                ),
                _entry_params(clean) | {"id": entry_id, "now": self._clock()},
            )
            if result.rowcount == 0:
                raise EntryNotFoundError(entry_id)
            conn.execute(text("DELETE FROM entry_tag WHERE entry_id=:id"), {"id": entry_id})
            conn.execute(text("DELETE FROM entry_link WHERE entry_id=:id"), {"id": entry_id})
            _write_children(conn, entry_id, clean)
            return _load(conn, entry_id)

    def set_starred(self, entry_id: int, starred: bool) -> Entry:
        """Star or unstar an entry."""
        with self._db.write() as session:
            conn = session.connection()
            result = conn.execute(
                text("UPDATE entry SET starred=:s, updated_at=:now WHERE id=:id"),
                {"s": starred, "now": self._clock(), "id": entry_id},
            )
            if result.rowcount == 0:
                raise EntryNotFoundError(entry_id)
            return _load(conn, entry_id)

    def delete(self, entry_id: int) -> None:
        """Move an entry to the trash (it can be restored)."""
        self._set_deleted(entry_id, self._clock())

    def restore(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        self._set_deleted(entry_id, None)

    def _set_deleted(self, entry_id: int, when: datetime | None) -> None:
        with self._db.write() as session:
            result = session.connection().execute(
                text("UPDATE entry SET deleted_at=:when WHERE id=:id"), {"when": when, "id": entry_id}
            )
            if result.rowcount == 0:
                raise EntryNotFoundError(entry_id)

    def purge(self, entry_ids: Sequence[int]) -> int:
        """Delete entries in the trash for good (after a verified backup); return how many went."""
        if not entry_ids:
            return 0
        from fikadesk.storage.backup import make_backup

        make_backup(self._db.path, "before-purge", folder=self._db.backup_dir)
        removed = 0
        with self._db.write() as session:
            conn = session.connection()
            for entry_id in entry_ids:
                result = conn.execute(
                    text("DELETE FROM entry WHERE id=:id AND deleted_at IS NOT NULL"), {"id": entry_id}
                )
                if result.rowcount:  # its search row went with it (trigger entry_fts_drop)
                    removed += 1
        return removed

    # -- reading ---------------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry:
        """Return one entry (also from the trash)."""
        with self._db.read() as session:
            return _load(session.connection(), entry_id)

    def count(self, query: EntryQuery | None = None) -> int:
        """Return how many entries match ``query`` (all live entries without one)."""
        where, params = _where(query or EntryQuery())
        if where is None:
            return 0
        with self._db.read() as session:
            conn = session.connection()
            fast = fts_filter(conn, query or EntryQuery(), params)
            if fast is not None:  # a live text search: one FTS5 count, no join (0009)
                return int(conn.execute(
                    text(f"SELECT count(*) FROM entry_fts WHERE {fast[0]}"), fast[1]).one()[0])
            row = conn.execute(
                text(f"SELECT count(*) FROM entry e WHERE {where}"), params
            ).one()
        return int(row[0])

    def page(self, query: EntryQuery, offset: int, limit: int) -> list[EntrySummary]:
        """Return ``limit`` matching entries from ``offset``, newest first."""
        where, params = _where(query)
        if where is None:
            return []
        with self._db.read() as session:
            conn = session.connection()
            fast = fts_filter(conn, query, params)
            if fast is not None:  # a live text search: FTS5 keeps the list order itself (0009)
                rows = fts_page(conn, fast, offset, limit)
            else:
                rows = conn.execute(text(list_page_sql(where, query.in_trash)),
                                    params | {"limit": limit, "offset": offset}).all()
            ids = [int(r[0]) for r in rows]
            tags = _tags_for(conn, ids)
            words = search_words(split_search(query.text).words)
            snippets = _snippets_for(conn, ids, words) if "q" in params else {}
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

    def index_of(self, query: EntryQuery, entry_id: int) -> int | None:
        """Return the row of ``entry_id`` in the list of ``query``, or None if it is not there."""
        where, params = _where(query)
        if where is None or query.in_trash:
            return None
        with self._db.read() as session:
            conn = session.connection()
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

    def tags(self) -> list[tuple[str, int]]:
        """Return every tag in use with its number of live entries, most used first."""
        with self._db.read() as session:
            rows = session.connection().exec_driver_sql(  # counts kept by triggers (0008)
                "SELECT name, live_count FROM tag WHERE live_count > 0 ORDER BY live_count DESC, name"
            ).all()
        return [(str(r[0]), int(r[1])) for r in rows]

    def stats(self) -> JournalStats:
        """Return counts of the live journal."""
        with self._db.read() as session:
            # each part reads a small partial index (live, live starred), not the entry table
            row = session.connection().exec_driver_sql(
                "SELECT (SELECT count(*) FROM entry WHERE deleted_at IS NULL), "
                "(SELECT count(*) FROM entry WHERE deleted_at IS NULL AND starred = 1), "
                "(SELECT max(day) FROM entry WHERE deleted_at IS NULL)"
            ).one()
        return JournalStats(
            total=int(row[0]),
            starred=int(row[1]),
            last_day=as_date(row[2]) if row[2] else None,
        )

    def due_revisits(self, today: date) -> list[EntrySummary]:
        """Return live entries whose "revisit on" date has come, oldest date first."""
        with self._db.read() as session:
            conn = session.connection()
            rows = conn.execute(
                text(
                    "SELECT id, day, title, starred FROM entry WHERE deleted_at IS NULL "
                    "AND revisit_on IS NOT NULL AND revisit_on <= :today "
                    "ORDER BY revisit_on, id LIMIT 50"
                ),
                {"today": today.isoformat()},
            ).all()
            tags = _tags_for(conn, [int(r[0]) for r in rows])
        return [
            EntrySummary(int(r[0]), as_date(r[1]), str(r[2]), bool(r[3]), tags.get(int(r[0]), ()))
            for r in rows
        ]

    def revision(self) -> int:
        """Return the journal's change counter."""
        return self._db.revision()


# -- helpers: all run inside a transaction the caller opened -------------------------------
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


def _insert_entry(conn: Connection, draft: EntryDraft, now: datetime) -> int:
    result = conn.execute(
        text(
            "INSERT INTO entry (day, title, body, impact, starred, private, revisit_on, "
            "created_at, updated_at) VALUES (:day, :title, :body, :impact, :starred, :private, "
            ":revisit, :now, :now)"
        ),
        _entry_params(draft) | {"now": now},
    )
    return int(result.lastrowid)


def _write_children(conn: Connection, entry_id: int, draft: EntryDraft) -> None:
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


def _load(conn: Connection, entry_id: int) -> Entry:
    row = conn.execute(
        text(
            "SELECT id, day, title, body, impact, starred, revisit_on, private, created_at, "
            "updated_at, deleted_at FROM entry WHERE id = :id"
        ),
        {"id": entry_id},
    ).first()
    if row is None:
        raise EntryNotFoundError(entry_id)
    links = conn.execute(
        text("SELECT url FROM entry_link WHERE entry_id = :id ORDER BY position, id"), {"id": entry_id}
    ).scalars()
    return Entry(
        id=int(row[0]),
        day=as_date(row[1]),
        title=str(row[2]),
        body=str(row[3]),
        impact=str(row[4]),
        tags=_tags_for(conn, [entry_id]).get(entry_id, ()),
        starred=bool(row[5]),
        revisit_on=as_date(row[6]) if row[6] else None,
        links=tuple(str(u) for u in links),
        private=bool(row[7]),
        created_at=as_datetime(row[8]),
        updated_at=as_datetime(row[9]),
        deleted_at=as_datetime(row[10]) if row[10] else None,
    )


def _tags_for(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    marks = ",".join(str(int(i)) for i in ids)
    rows = conn.exec_driver_sql(
        "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
        f"WHERE et.entry_id IN ({marks}) ORDER BY t.name"
    ).all()
    found: dict[int, list[str]] = {}
    for entry_id, name in rows:
        found.setdefault(int(entry_id), []).append(str(name))
    return {k: tuple(v) for k, v in found.items()}


def _snippets_for(conn: Connection, ids: Sequence[int], words: tuple[str, ...]) -> dict[int, str]:
    """Excerpts around the hits, made in Python from the page's own rows.

    FTS5's snippet() re-reads and re-tokenizes each row and cost ~4 ms a row for a word found
    in almost every entry; the page's rows are fetched by primary key instead.
    """
    if not ids:
        return {}
    marks = ",".join(str(int(i)) for i in ids)
    rows = conn.exec_driver_sql(f"SELECT id, body, impact, title FROM entry WHERE id IN ({marks})").all()
    return {int(r[0]): make_snippet((str(r[1]), str(r[2]), str(r[3])), words) for r in rows}
