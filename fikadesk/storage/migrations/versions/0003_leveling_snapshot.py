"""Frozen snapshots of the target's expectations.

Revision ID: 0003_leveling_snapshot
Revises: 0002_leveling
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003_leveling_snapshot"
down_revision = "0002_leveling"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "target_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("ladder_name", sqlmodel.AutoString(), nullable=False),
        sa.Column("current_level", sqlmodel.AutoString(), nullable=False),
        sa.Column("target_level", sqlmodel.AutoString(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("summary", sqlmodel.AutoString(), nullable=False),
        sa.Column("note", sqlmodel.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "target_snapshot_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("expectation_id", sa.Integer(), nullable=True),
        sa.Column("dimension", sqlmodel.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["snapshot_id"], ["target_snapshot.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_target_snapshot_item_snapshot_id", "target_snapshot_item", ["snapshot_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_target_snapshot_item_snapshot_id", "target_snapshot_item")
    op.drop_table("target_snapshot_item")
    op.drop_table("target_snapshot")
