"""Ladders, their levels and expectations, evidence links and the one target.

Revision ID: 0002_leveling
Revises: 0001_initial
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002_leveling"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ladder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.AutoString(), nullable=False),
        sa.Column("source", sqlmodel.AutoString(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "ladder_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ladder_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["ladder_id"], ["ladder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ladder_level_ladder_id", "ladder_level", ["ladder_id"])
    op.create_table(
        "expectation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("level_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("dimension", sqlmodel.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["level_id"], ["ladder_level.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_expectation_level_id", "expectation", ["level_id"])
    op.create_table(
        "entry_expectation",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("expectation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["expectation_id"], ["expectation.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("entry_id", "expectation_id"),
    )
    op.create_index(
        "ix_entry_expectation_expectation_id", "entry_expectation", ["expectation_id"]
    )
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ladder_id", sa.Integer(), nullable=False),
        sa.Column("current_level_id", sa.Integer(), nullable=False),
        sa.Column("target_level_id", sa.Integer(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("summary", sqlmodel.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["ladder_id"], ["ladder.id"]),
        sa.ForeignKeyConstraint(["current_level_id"], ["ladder_level.id"]),
        sa.ForeignKeyConstraint(["target_level_id"], ["ladder_level.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("id = 1", name="ck_target_single_row"),
    )


def downgrade() -> None:
    op.drop_table("target")
    op.drop_index("ix_entry_expectation_expectation_id", "entry_expectation")
    op.drop_table("entry_expectation")
    op.drop_index("ix_expectation_level_id", "expectation")
    op.drop_table("expectation")
    op.drop_index("ix_ladder_level_ladder_id", "ladder_level")
    op.drop_table("ladder_level")
    op.drop_table("ladder")
