"""The firm's knowledge: anonymised benchmark entries every consultant may read, and the
firm's template library on the server.

``benchmark_links`` ties an engagement to the random token of its entry; it is owned by the
engagement (a firm's server shows it to the engagement's members only). ``benchmark_entries``
holds the figures under that token with the industry and size band, and nothing that names a
client, an engagement or a person: every consultant may read all of it. Deleting the
engagement deletes its link, which deletes its entry.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "benchmark_links",
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_benchmark_links_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_benchmark_links")),
    )
    op.create_index(
        op.f("ix_benchmark_links_engagement_id"), "benchmark_links", ["engagement_id"], unique=True
    )
    op.create_table(
        "benchmark_entries",
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("size_band", sa.String(length=10), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["token"],
            ["benchmark_links.token"],
            name=op.f("fk_benchmark_entries_token_benchmark_links"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_benchmark_entries")),
    )
    op.create_index(op.f("ix_benchmark_entries_industry"), "benchmark_entries", ["industry"])
    op.create_table(
        "templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(length=63), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_templates_name")),
    )


def downgrade() -> None:
    op.drop_table("templates")
    op.drop_table("benchmark_entries")
    op.drop_table("benchmark_links")
