"""What was measured on a spoken rehearsal take (pace, pauses, fillers, sentences left out), kept
beside the take as JSON; the recording itself is never stored in the journal.

Revision ID: 0007_take_speech
Revises: 0005_interview
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007_take_speech"
down_revision = "0005_interview"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview_take_speech",
        sa.Column("take_id", sa.Integer(), nullable=False),
        sa.Column("metrics", sqlmodel.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["take_id"], ["interview_take.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("take_id"),
    )


def downgrade() -> None:
    op.drop_table("interview_take_speech")
