"""One 1:1 thread per journal: check-ins no longer need a plan (plan_id may be empty and deleting a
plan leaves them), and a check-in may be planned (an agenda for a meeting not yet held).

Revision ID: 0006_checkin_thread
Revises: 0005_interview
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_checkin_thread"
down_revision = "0005_interview"
branch_labels = None
depends_on = None

# Rebuilding plan_checkin drops the old table; with foreign keys on (they are, and the pragma
# cannot change inside the migration's transaction) that drop deletes every talking point and
# follow-up by cascade and unlinks checklist items from their check-in. They are kept aside first
# and put back once the new table holds the same ids.
_KEEP = (
    ("keep_talking_point", "plan_talking_point"),
    ("keep_followup", "plan_followup"),
)

_NAMES = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}


def upgrade() -> None:
    for keep, table in _KEEP:
        op.execute(f"CREATE TEMP TABLE {keep} AS SELECT * FROM {table}")
    op.execute("CREATE TEMP TABLE keep_item_source AS SELECT id, source_checkin_id FROM plan_item "
               "WHERE source_checkin_id IS NOT NULL")
    # the foreign key was made unnamed; a naming convention lets batch mode find and replace it
    with op.batch_alter_table("plan_checkin", recreate="always", naming_convention=_NAMES) as batch:
        batch.alter_column("plan_id", existing_type=sa.Integer(), nullable=True)
        batch.drop_constraint("fk_plan_checkin_plan_id_plan", type_="foreignkey")
        batch.create_foreign_key("fk_plan_checkin_plan_id_plan", "plan", ["plan_id"], ["id"],
                                 ondelete="SET NULL")
        batch.add_column(sa.Column("planned", sa.Boolean(), nullable=False, server_default=sa.false()))
    for keep, table in _KEEP:
        op.execute(f"INSERT OR IGNORE INTO {table} SELECT * FROM {keep}")
        op.execute(f"DROP TABLE {keep}")
    op.execute("UPDATE plan_item SET source_checkin_id = (SELECT k.source_checkin_id FROM "
               "keep_item_source k WHERE k.id = plan_item.id) WHERE id IN (SELECT id FROM keep_item_source)")
    op.execute("DROP TABLE keep_item_source")


def downgrade() -> None:
    raise NotImplementedError("A check-in recorded without a plan has no place in the older schema; "
                              "restore the backup made before the upgrade instead.")
