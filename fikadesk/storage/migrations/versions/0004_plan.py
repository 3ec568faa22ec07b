"""The promotion plan: plans, checkpoints, check-ins with talking points and follow-ups, the
"ready" checklist with its links, and the manager's commitments.

Revision ID: 0004_plan
Revises: 0003_leveling_snapshot
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004_plan"
down_revision = "0003_leveling_snapshot"
branch_labels = None
depends_on = None

S = sqlmodel.AutoString


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _plan_fk() -> list:
    return [sa.Column("plan_id", sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "plan", _id(),
        sa.Column("target_level", S(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("manager_name", S(), nullable=False),
        sa.Column("who_decides", S(), nullable=False),
        sa.Column("who_weighs_in", S(), nullable=False),
        sa.Column("evidence_wanted", S(), nullable=False),
        sa.Column("budget_lock", S(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "plan_checkpoint", _id(), *_plan_fk(),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title", S(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_checkpoint_plan_id", "plan_checkpoint", ["plan_id"])
    op.create_table(
        "plan_checkin", _id(), *_plan_fk(),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("notes", S(), nullable=False),
        sa.Column("manager_feedback", S(), nullable=False),
        sa.Column("has_prep", sa.Boolean(), nullable=False),
        sa.Column("growth_talk", sa.Boolean(), nullable=False),
        sa.Column("not_yet_reason", S(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_checkin_plan_id", "plan_checkin", ["plan_id"])
    op.create_table(
        "plan_talking_point", _id(),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", S(), nullable=False),
        sa.ForeignKeyConstraint(["checkin_id"], ["plan_checkin.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_talking_point_checkin_id", "plan_talking_point", ["checkin_id"])
    op.create_table(
        "plan_followup", _id(),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("text", S(), nullable=False),
        sa.Column("owner", S(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["checkin_id"], ["plan_checkin.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_followup_checkin_id", "plan_followup", ["checkin_id"])
    op.create_table(
        "plan_item", _id(), *_plan_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", S(), nullable=False),
        sa.Column("how_we_know", S(), nullable=False),
        sa.Column("status", S(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("checkpoint_id", sa.Integer(), nullable=True),
        sa.Column("source_checkin_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["checkpoint_id"], ["plan_checkpoint.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["source_checkin_id"], ["plan_checkin.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_item_plan_id", "plan_item", ["plan_id"])
    op.create_table(
        "plan_item_expectation",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("expectation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["plan_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["expectation_id"], ["expectation.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("item_id", "expectation_id"),
    )
    op.create_index("ix_plan_item_expectation_expectation_id", "plan_item_expectation",
                    ["expectation_id"])
    op.create_table(
        "plan_item_entry",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["plan_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", "entry_id"),
    )
    op.create_index("ix_plan_item_entry_entry_id", "plan_item_entry", ["entry_id"])
    op.create_table(
        "plan_commitment", _id(), *_plan_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", S(), nullable=False),
        sa.Column("status", S(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_commitment_plan_id", "plan_commitment", ["plan_id"])


def downgrade() -> None:
    for table in ("plan_commitment", "plan_item_entry", "plan_item_expectation", "plan_item",
                  "plan_followup", "plan_talking_point", "plan_checkin", "plan_checkpoint", "plan"):
        op.drop_table(table)
