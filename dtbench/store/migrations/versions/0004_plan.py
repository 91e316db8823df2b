"""The plan: list items (phases, initiatives, KPIs, registers) and single records.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _engagement_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["engagement_id"],
        ["engagements.id"],
        name=op.f(f"fk_{table}_engagement_id_engagements"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        _engagement_fk("plan_items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_items_uuid")),
    )
    op.create_index(op.f("ix_plan_items_engagement_id"), "plan_items", ["engagement_id"])
    op.create_table(
        "plan_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _engagement_fk("plan_values"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_values")),
        sa.UniqueConstraint("engagement_id", "name", name=op.f("uq_plan_values_engagement_id")),
    )
    op.create_index(op.f("ix_plan_values_engagement_id"), "plan_values", ["engagement_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_plan_values_engagement_id"), table_name="plan_values")
    op.drop_table("plan_values")
    op.drop_index(op.f("ix_plan_items_engagement_id"), table_name="plan_items")
    op.drop_table("plan_items")
