"""History entries named across databases: a ``uuid`` per entry, so that synchronising an
offline copy copies the server's entries to the laptop and the laptop's to the server once
each, however often it runs. Existing entries get a fresh uuid.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# A random version-4 uuid in SQLite's own SQL (PostgreSQL has gen_random_uuid()).
_SQLITE_UUID = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)


def upgrade() -> None:
    with op.batch_alter_table("history") as batch:
        batch.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
    fresh = (
        "gen_random_uuid()::text" if op.get_bind().dialect.name == "postgresql" else _SQLITE_UUID
    )
    op.execute(f"UPDATE history SET uuid = {fresh}")
    with op.batch_alter_table("history") as batch:
        batch.alter_column("uuid", existing_type=sa.String(length=36), nullable=False)
        batch.create_index(batch.f("ix_history_uuid"), ["uuid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("history") as batch:
        batch.drop_index(batch.f("ix_history_uuid"))
        batch.drop_column("uuid")
