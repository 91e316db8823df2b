"""Interviews in the diagnosis: what each interview of a round said of an item (its status
and note) and the findings typed while it was in progress, beside the consolidated answers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("interview", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["assessment_rounds.id"],
            name=op.f("fk_interview_answers_round_id_assessment_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_answers")),
        sa.UniqueConstraint(
            "round_id", "interview", "key", name=op.f("uq_interview_answers_round_id")
        ),
    )
    op.create_index(op.f("ix_interview_answers_round_id"), "interview_answers", ["round_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_interview_answers_round_id"), table_name="interview_answers")
    op.drop_table("interview_answers")
