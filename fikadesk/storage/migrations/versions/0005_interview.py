"""The Interview tab: target jobs, own questions, answers with versions and evidence links,
rehearsal takes, and the reflection worksheet.

Revision ID: 0005_interview
Revises: 0004_plan
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_interview"
down_revision = "0004_plan"
branch_labels = None
depends_on = None

S = sqlmodel.AutoString


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _answer_fk() -> sa.Column:
    return sa.Column("answer_id", sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "interview_job", _id(),
        sa.Column("company", S(), nullable=False),
        sa.Column("role", S(), nullable=False),
        sa.Column("description", S(), nullable=False),
        sa.Column("research", S(), nullable=False),
        sa.Column("interview_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "interview_question", _id(),
        sa.Column("text", S(), nullable=False),
        sa.Column("kind", S(), nullable=False),
        sa.Column("listening_for", S(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "interview_answer", _id(),
        sa.Column("question_key", S(), nullable=False),
        sa.Column("question_text", S(), nullable=False),
        sa.Column("kind", S(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("text", S(), nullable=False),
        sa.Column("aspiration_kind", S(), nullable=False),
        sa.Column("part_1", S(), nullable=False),
        sa.Column("part_2", S(), nullable=False),
        sa.Column("part_3", S(), nullable=False),
        sa.Column("part_4", S(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("box", sa.Integer(), nullable=False),
        sa.Column("last_rehearsed", sa.Date(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["interview_job.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_interview_answer_question_key", "interview_answer", ["question_key"])
    op.create_index("ix_interview_answer_job_id", "interview_answer", ["job_id"])
    op.create_table(
        "interview_answer_version", _id(), _answer_fk(),
        sa.Column("text", S(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["interview_answer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_interview_answer_version_answer_id", "interview_answer_version", ["answer_id"])
    op.create_table(
        "interview_answer_entry", _answer_fk(),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["interview_answer.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("answer_id", "entry_id"),
    )
    op.create_index("ix_interview_answer_entry_entry_id", "interview_answer_entry", ["entry_id"])
    op.create_table(
        "interview_take", _id(), _answer_fk(),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("note", S(), nullable=False),
        sa.Column("mode", S(), nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["interview_answer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_interview_take_answer_id", "interview_take", ["answer_id"])
    op.create_table(
        "interview_reflection", _id(),
        sa.Column("strengths", S(), nullable=False),
        sa.Column("tasks_enjoyed", S(), nullable=False),
        sa.Column("tasks_dreaded", S(), nullable=False),
        sa.Column("manage_people", S(), nullable=False),
        sa.Column("work_style", S(), nullable=False),
        sa.Column("success_measure", S(), nullable=False),
        sa.Column("fulfilment", S(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for table in ("interview_reflection", "interview_take", "interview_answer_entry", "interview_answer_version",
                  "interview_answer", "interview_question", "interview_job"):
        op.drop_table(table)
