"""A light read-only path to a journal for one-shot commands: the standard library's sqlite3 alone.

``fikadesk search`` spends most of its time importing SQLAlchemy and SQLModel (~0.35 s) for a
few SELECTs. This module answers it without them, for a journal that needs nothing done to it
first: a fikadesk journal at exactly this fikadesk's schema head, readable now. Anything else
(no file, not a journal, an older journal to migrate, a newer one, a busy, damaged or moved
file, any SQLite error) gives None, and the caller takes the full path, which opens, migrates
or refuses exactly as before. The SQL is the journal service's own (``storage.repositories.journal_queries``).

The file is claimed like any other opening (``storage.journal_lock``), so a second name for a
journal that is open elsewhere is never read. The connection is not opened with
``mode=ro``: SQLite cannot remove the ``-wal`` and ``-shm`` files of a read-only connection,
so every search would leave them beside the journal; ``PRAGMA query_only`` refuses every
write instead, and the last connection to close tidies up as the full path's does.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from fikadesk.domain.journal.entries import Entry, EntryQuery
from fikadesk.storage.errors import JournalError
from fikadesk.storage.journal_lock import claim_for_opening
from fikadesk.storage.repositories.journal_queries import (
    TAG_ID_SQL,
    entries_from_rows,
    entry_sql,
    fts_clause,
    fts_ids_sql,
    id_list,
    list_page_sql,
    where_clause,
)
from fikadesk.storage.schema import APPLICATION_ID, HEAD, SQLITE_MAGIC

HEADER_SIZE = 100


def has_journal_header(path: Path) -> bool:
    """True when the file at ``path`` has a fikadesk journal's header (read without SQLite)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:  # missing, a folder, unreadable: the full path says which
        return False
    return (len(header) == HEADER_SIZE and header.startswith(SQLITE_MAGIC)
            and int.from_bytes(header[68:72], "big") == APPLICATION_ID)


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A claimed connection to ``path`` inside one read transaction; raises sqlite3.Error or
    JournalError when the journal cannot be read this way right now."""
    # no waiting here: a journal that is busy or being moved takes the full path, which waits
    claim = claim_for_opening(path, wait=0)
    try:
        conn = _connect(path)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")  # one snapshot for every SELECT below
            version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            if version != [(HEAD,)]:
                raise JournalError("not at this fikadesk's schema head")
            yield conn
            conn.execute("COMMIT")
        finally:
            conn.close()
    finally:
        if claim is not None:
            claim.release()


def _connect(path: Path) -> sqlite3.Connection:
    """A connection that never waits (a busy journal takes the full path, which does) and never
    creates the file (``mode=rw``: one removed since its header was read is not made anew)."""
    return sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None)


def _page_ids(conn: sqlite3.Connection, query: EntryQuery, limit: int) -> list[int]:
    """The ids of the first ``limit`` entries ``query`` lists, in list order (as
    ``JournalService.page`` chooses them)."""
    where, params = where_clause(query)
    if where is None:
        return []
    page = {"limit": limit, "offset": 0}

    def tag_id(name: str) -> int | None:
        found = conn.execute(TAG_ID_SQL, {"name": name}).fetchone()
        return None if found is None else int(found[0])

    fast = fts_clause(query, params, tag_id)
    if fast is not None:
        return [int(r[0]) for r in conn.execute(fts_ids_sql(fast[0]), fast[1] | page)]
    return [int(r[0]) for r in conn.execute(list_page_sql(where, query.in_trash), params | page)]


def search_entries(path: Path, query: EntryQuery, limit: int) -> list[Entry] | None:
    """The first ``limit`` whole entries that ``query`` lists, in list order, read without the
    data layer; None when the journal at ``path`` needs the full path (see the module docstring)."""
    path = Path(path).expanduser().absolute()
    if not has_journal_header(path):
        return None
    try:
        with _reading(path) as conn:
            ids = _page_ids(conn, query, limit)
            if not ids:
                return []
            heads, tags, urls = (conn.execute(sql).fetchall() for sql in entry_sql(id_list(ids)))
    except (sqlite3.Error, JournalError, OSError):
        return None
    found = entries_from_rows(heads, tags, urls)
    return [found[i] for i in ids if i in found]
