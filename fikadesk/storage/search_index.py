"""The layout of the search index (entry_fts) since 0009: rows keyed in list order, with filter keys.

Each entry's row id in entry_fts is ``(julian day of entry.day) << 32 | entry.id``, so FTS5's own
``ORDER BY rowid DESC`` is the journal's order (newest day first, then id) and a period is a
row id range. The ``keys`` column holds filter words no typed search can reach: ``trashed``,
``starred`` and ``t<tag id>`` per tag, each after U+E000, a private-use character that the
tokenizer keeps inside a token but that a typed search word (letters and digits) never holds:
no prefix a person types matches a key, so their words need no column filter (which made FTS5
read positions and doubled the cost of a 2-letter prefix). A search
with its filters is then one FTS5 query, with no join to the entry table. Triggers from
migration 0009 keep ``keys``, ``tags`` and the row id right when an entry is starred, trashed,
restored, re-dated, re-tagged or deleted; new entries are indexed by their writer with
:data:`INDEX_ENTRIES_SQL`.
"""

from __future__ import annotations

from datetime import date

ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1
JULIAN_OFFSET = 1721424  # julianday('0001-01-01') is 1721425.5; date(1, 1, 1).toordinal() is 1
KEY_MARK = "\ue000"

# SQL expressions over an entry row named ``e`` (the migration keeps its own copy of these).
ROW_KEY_SQL = "((CAST(julianday(e.day) AS INTEGER) << 32) | e.id)"
TAG_NAMES_SQL = ("COALESCE((SELECT group_concat(t.name, ' ') FROM entry_tag et "
                 "JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = e.id), '')")
KEYS_SQL = ("trim(CASE WHEN e.deleted_at IS NOT NULL THEN char(57344) || 'trashed ' ELSE '' END "
            "|| CASE WHEN e.starred THEN char(57344) || 'starred ' ELSE '' END "
            "|| COALESCE((SELECT group_concat(char(57344) || 't' || et.tag_id, ' ') "
            "FROM entry_tag et WHERE et.entry_id = e.id), ''))")

INDEX_ENTRIES_SQL = (
    "INSERT INTO entry_fts (rowid, title, body, impact, tags, keys) "
    f"SELECT {ROW_KEY_SQL}, e.title, e.body, e.impact, {TAG_NAMES_SQL}, {KEYS_SQL} "
    "FROM entry e WHERE e.id IN (SELECT value FROM json_each(:ids))"
)
UNINDEX_ENTRY_SQL = (
    f"DELETE FROM entry_fts WHERE rowid = (SELECT {ROW_KEY_SQL} FROM entry e WHERE e.id = :id)"
)


def row_key(day: date, entry_id: int) -> int:
    """Return the search-index row id of an entry (see the module docstring)."""
    return ((day.toordinal() + JULIAN_OFFSET) << ID_BITS) | entry_id


def day_range(since: date | None, until: date | None) -> tuple[int, int]:
    """Return the inclusive row id range of entries whose day lies in ``since..until``."""
    low = row_key(since, 0) if since else 0
    high = row_key(until, ID_MASK) if until else (1 << 62)
    return low, high


def key_phrase(word: str) -> str:
    """Return the FTS5 query term of one filter key, such as ``starred`` or ``t12``."""
    return f'keys : "{KEY_MARK}{word}"'
