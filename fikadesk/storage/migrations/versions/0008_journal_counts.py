"""Journal counts that stay fast at 100,000 entries: live uses per tag kept by triggers in the
same transaction as every write, and an index of live starred entries.

Revision ID: 0008_journal_counts
Revises: 0007_take_speech
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_journal_counts"
down_revision = "0007_take_speech"
branch_labels = None
depends_on = None

# Each trigger keeps tag.live_count equal to the number of live (not trashed) entries carrying
# the tag, whatever writes: the services, an import, a purge. A cascade from a deleted entry
# finds the entry already gone, so the entry's own BEFORE DELETE trigger does the counting.
TRIGGERS = {
    "tag_count_link": (
        "AFTER INSERT ON entry_tag "
        "WHEN (SELECT deleted_at IS NULL FROM entry WHERE id = NEW.entry_id) "
        "BEGIN UPDATE tag SET live_count = live_count + 1 WHERE id = NEW.tag_id; END"),
    "tag_count_unlink": (
        "AFTER DELETE ON entry_tag "
        "WHEN (SELECT deleted_at IS NULL FROM entry WHERE id = OLD.entry_id) "
        "BEGIN UPDATE tag SET live_count = live_count - 1 WHERE id = OLD.tag_id; END"),
    "tag_count_trash": (
        "AFTER UPDATE OF deleted_at ON entry "
        "WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) "
        "BEGIN UPDATE tag SET live_count = live_count "
        "+ (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END) "
        "WHERE id IN (SELECT tag_id FROM entry_tag WHERE entry_id = NEW.id); END"),
    "tag_count_drop": (
        "BEFORE DELETE ON entry WHEN OLD.deleted_at IS NULL "
        "BEGIN UPDATE tag SET live_count = live_count - 1 "
        "WHERE id IN (SELECT tag_id FROM entry_tag WHERE entry_id = OLD.id); END"),
}


def upgrade() -> None:
    op.add_column("tag", sa.Column("live_count", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE tag SET live_count = (SELECT count(*) FROM entry_tag et "
        "JOIN entry e ON e.id = et.entry_id WHERE et.tag_id = tag.id AND e.deleted_at IS NULL)")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.create_index(
        "ix_entry_live_starred",
        "entry",
        [sa.text("day DESC"), sa.text("id DESC")],
        sqlite_where=sa.text("deleted_at IS NULL AND starred = 1"),
    )


def downgrade() -> None:
    op.drop_index("ix_entry_live_starred", "entry")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    # not batch mode: re-creating `tag` with foreign keys on would cascade into entry_tag
    op.execute("ALTER TABLE tag DROP COLUMN live_count")
