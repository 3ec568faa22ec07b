"""Search that keeps up at 100,000 entries: the search index keyed in list order, with filter keys.

entry_fts is rebuilt so that its row id is ``(julian day << 32) | entry id`` (FTS5 then returns
matches newest day first by itself, and a period is a row id range) and a ``keys`` column holds
``trashed``, ``starred`` and ``t<tag id>`` (each after U+E000, which no typed search word
holds), so a search with its filters needs no join to the
entry table. Triggers keep the index right in the same transaction as every write that moves an
entry in the list or changes its filters. See fikadesk/storage/search_index.py.

Revision ID: 0009_search_speed
Revises: 0008_journal_counts
"""

from alembic import op

revision = "0009_search_speed"
down_revision = "0008_journal_counts"
branch_labels = None
depends_on = None

FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"


def _key(row: str) -> str:
    return f"((CAST(julianday({row}.day) AS INTEGER) << 32) | {row}.id)"


def _names(entry_id: str) -> str:
    return ("COALESCE((SELECT group_concat(t.name, ' ') FROM entry_tag et JOIN tag t "
            f"ON t.id = et.tag_id WHERE et.entry_id = {entry_id}), '')")


def _keys(row: str) -> str:
    return (f"trim(CASE WHEN {row}.deleted_at IS NOT NULL THEN char(57344) || 'trashed ' ELSE '' END "
            f"|| CASE WHEN {row}.starred THEN char(57344) || 'starred ' ELSE '' END "
            "|| COALESCE((SELECT group_concat(char(57344) || 't' || et.tag_id, ' ') FROM entry_tag et "
            f"WHERE et.entry_id = {row}.id), ''))")


def _retag(entry_id: str) -> str:
    """Rewrite the tags and keys of one entry's index row (a no-op before it is indexed)."""
    return (f"UPDATE entry_fts SET tags = {_names(entry_id)}, keys = (SELECT {_keys('e')} FROM "
            f"entry e WHERE e.id = {entry_id}) WHERE rowid = (SELECT {_key('e')} FROM entry e "
            f"WHERE e.id = {entry_id});")


TRIGGERS = {
    # a new day, star or trash state moves the row and rewrites its keys
    "entry_fts_move": (
        "AFTER UPDATE OF day, starred, deleted_at ON entry "
        "WHEN OLD.day IS NOT NEW.day OR OLD.starred IS NOT NEW.starred "
        "OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) "
        f"BEGIN UPDATE entry_fts SET rowid = {_key('NEW')}, keys = {_keys('NEW')} "
        f"WHERE rowid = {_key('OLD')}; END"),
    "entry_fts_drop": f"BEFORE DELETE ON entry BEGIN DELETE FROM entry_fts WHERE rowid = {_key('OLD')}; END",
    "entry_fts_tag_link": f"AFTER INSERT ON entry_tag BEGIN {_retag('NEW.entry_id')} END",
    "entry_fts_tag_unlink": f"AFTER DELETE ON entry_tag BEGIN {_retag('OLD.entry_id')} END",
}


def upgrade() -> None:
    op.execute("DROP TABLE entry_fts")
    op.execute(f"CREATE VIRTUAL TABLE entry_fts USING fts5(title, body, impact, tags, keys, {FTS_OPTIONS})")
    op.execute(
        "INSERT INTO entry_fts (rowid, title, body, impact, tags, keys) "
        f"SELECT {_key('e')}, e.title, e.body, e.impact, {_names('e.id')}, {_keys('e')} FROM entry e")
    op.execute("INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE entry_fts")
    op.execute(f"CREATE VIRTUAL TABLE entry_fts USING fts5(title, body, impact, tags, {FTS_OPTIONS})")
    op.execute(
        "INSERT INTO entry_fts (rowid, title, body, impact, tags) "
        f"SELECT e.id, e.title, e.body, e.impact, {_names('e.id')} FROM entry e")
