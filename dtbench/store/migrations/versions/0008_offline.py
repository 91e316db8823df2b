"""Offline copies: which engagements a laptop took from a firm's server, each record's base
(its values and version on the server at the last synchronisation), the journal of a
synchronisation in progress, and the server's receipts of committed synchronisations.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offline_copies",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("engagement_uuid", name=op.f("pk_offline_copies")),
    )
    op.create_table(
        "sync_base",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("record", sa.String(length=120), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("engagement_uuid", "record", name=op.f("pk_sync_base")),
    )
    op.create_table(
        "sync_journal",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("sync_id", sa.String(length=36), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("engagement_uuid", name=op.f("pk_sync_journal")),
    )
    op.create_table(
        "sync_receipts",
        sa.Column("sync_id", sa.String(length=36), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=63), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_sync_receipts_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sync_id", name=op.f("pk_sync_receipts")),
    )
    op.create_index(op.f("ix_sync_receipts_engagement_id"), "sync_receipts", ["engagement_id"])


def downgrade() -> None:
    op.drop_table("sync_receipts")
    op.drop_table("sync_journal")
    op.drop_table("sync_base")
    op.drop_table("offline_copies")
