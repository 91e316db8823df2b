"""Diagnosis: clause scope and weights, assessment rounds, answers, clause levels, evidence.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _round_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["round_id"],
        ["assessment_rounds.id"],
        name=op.f(f"fk_{table}_round_id_assessment_rounds"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "evidence_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_blobs")),
    )
    op.create_table(
        "assessment_rounds",
        *_tracked(),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_assessment_rounds_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_rounds")),
        sa.UniqueConstraint(
            "engagement_id", "number", name=op.f("uq_assessment_rounds_engagement_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_assessment_rounds_uuid")),
    )
    op.create_index(
        op.f("ix_assessment_rounds_engagement_id"), "assessment_rounds", ["engagement_id"]
    )
    op.create_table(
        "clause_scopes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("clause_key", sa.String(length=20), nullable=False),
        sa.Column("in_scope", sa.Boolean(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_clause_scopes_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clause_scopes")),
        sa.UniqueConstraint(
            "engagement_id", "clause_key", name=op.f("uq_clause_scopes_engagement_id")
        ),
    )
    op.create_index(op.f("ix_clause_scopes_engagement_id"), "clause_scopes", ["engagement_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _round_fk("answers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
        sa.UniqueConstraint("round_id", "key", name=op.f("uq_answers_round_id")),
    )
    op.create_index(op.f("ix_answers_round_id"), "answers", ["round_id"])
    op.create_table(
        "clause_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("clause_key", sa.String(length=20), nullable=False),
        sa.Column("current_level", sa.Integer(), nullable=True),
        sa.Column("target_level", sa.Integer(), nullable=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("interviewees", sa.Text(), nullable=False),
        _round_fk("clause_assessments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clause_assessments")),
        sa.UniqueConstraint("round_id", "clause_key", name=op.f("uq_clause_assessments_round_id")),
    )
    op.create_index(op.f("ix_clause_assessments_round_id"), "clause_assessments", ["round_id"])
    op.create_table(
        "evidence",
        *_tracked(),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("clause_key", sa.String(length=20), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        _round_fk("evidence"),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["evidence_blobs.sha256"],
            name=op.f("fk_evidence_sha256_evidence_blobs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("uuid", name=op.f("uq_evidence_uuid")),
    )
    op.create_index(op.f("ix_evidence_round_id"), "evidence", ["round_id"])
    op.create_index(op.f("ix_evidence_sha256"), "evidence", ["sha256"])


def downgrade() -> None:
    for table, column in (
        ("evidence", "sha256"),
        ("evidence", "round_id"),
        ("clause_assessments", "round_id"),
        ("answers", "round_id"),
        ("clause_scopes", "engagement_id"),
        ("assessment_rounds", "engagement_id"),
    ):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
    for table in (
        "evidence",
        "clause_assessments",
        "answers",
        "clause_scopes",
        "assessment_rounds",
        "evidence_blobs",
    ):
        op.drop_table(table)
