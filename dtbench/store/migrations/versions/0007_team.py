"""Team mode: every record carries a version, a time and an author; engagements have
members (PostgreSQL roles), a history of changes and a benchmark opt-in; the server keeps
who is where (presence).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TRACKED = ("clients", "contacts", "engagements", "assessment_rounds", "evidence", "plan_items")
VERSIONED = ("clause_scopes", "answers", "clause_assessments", "interview_answers")


def _author() -> sa.Column[str]:
    return sa.Column("updated_by", sa.String(length=63), nullable=False, server_default="")


def upgrade() -> None:
    for table in TRACKED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(_author())
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )
            batch.add_column(
                sa.Column(
                    "updated_at",
                    sa.DateTime(),
                    nullable=False,
                    server_default=sa.text("CURRENT_TIMESTAMP"),
                )
            )
            batch.add_column(_author())
    with op.batch_alter_table("plan_values") as batch:
        batch.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )
        batch.add_column(_author())
    with op.batch_alter_table("engagements") as batch:
        batch.add_column(
            sa.Column("benchmark_opt_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_members_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("engagement_id", "login", name=op.f("uq_members_engagement_id")),
    )
    op.create_index(op.f("ix_members_engagement_id"), "members", ["engagement_id"])
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=63), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record", sa.String(length=120), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old", sa.Text(), nullable=False),
        sa.Column("new", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_history_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
    )
    op.create_index(op.f("ix_history_engagement_id"), "history", ["engagement_id"])
    op.create_index(op.f("ix_history_at"), "history", ["at"])
    op.create_index(op.f("ix_history_record"), "history", ["record"])
    op.create_table(
        "presence",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("clause_key", sa.String(length=20), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_presence_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_presence")),
    )
    op.create_index(op.f("ix_presence_engagement_id"), "presence", ["engagement_id"])


def downgrade() -> None:
    op.drop_table("presence")
    op.drop_table("history")
    op.drop_table("members")
    with op.batch_alter_table("engagements") as batch:
        batch.drop_column("benchmark_opt_in")
    with op.batch_alter_table("plan_values") as batch:
        batch.drop_column("updated_by")
        batch.drop_column("version")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
            batch.drop_column("updated_at")
            batch.drop_column("version")
    for table in TRACKED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
