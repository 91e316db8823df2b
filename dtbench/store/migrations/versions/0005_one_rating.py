"""One rating per guide item: the leader competencies (6.1.1) rated in the Leadership step
move into the diagnosis answers of the engagement's latest round.

Before, the same 18 items could be rated twice (the 6.1.1 checklist and the leadership
step) and disagree. The diagnosis keeps its own answer where it has one; a competency rated
only in the leadership step becomes the answer. The copy in the leadership record is then
removed, except in an engagement without any round (nothing there to hold it).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_STATUSES = ("met", "partly", "not_met", "na")

_values = sa.table(
    "plan_values",
    sa.column("id", sa.Integer),
    sa.column("engagement_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("data", sa.JSON),
)
_rounds = sa.table(
    "assessment_rounds",
    sa.column("id", sa.Integer),
    sa.column("engagement_id", sa.Integer),
    sa.column("number", sa.Integer),
)
_answers = sa.table(
    "answers",
    sa.column("id", sa.Integer),
    sa.column("round_id", sa.Integer),
    sa.column("key", sa.String),
    sa.column("status", sa.String),
    sa.column("note", sa.Text),
)


def _ratings(data: Any) -> dict[str, tuple[str, str]]:
    """The well-formed ratings of a stored leadership record."""
    found = data.get("competencies") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        return {}
    ratings = {}
    for key, rating in found.items():
        if not isinstance(rating, dict):
            continue
        status, note = rating.get("status", ""), rating.get("note", "")
        if isinstance(key, str) and key.startswith("6.1.1.") and isinstance(note, str):
            if status in _STATUSES and (status or note):
                ratings[key] = (status, note)
            elif status == "" and note:
                ratings[key] = ("", note)
    return ratings


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_values.c.id, _values.c.engagement_id, _values.c.data).where(
            _values.c.name == "leadership"
        )
    ).all()
    for value_id, engagement_id, raw in rows:
        data = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(data, dict) or "competencies" not in data:
            continue
        latest = bind.execute(
            sa.select(_rounds.c.id)
            .where(_rounds.c.engagement_id == engagement_id)
            .order_by(_rounds.c.number.desc())
            .limit(1)
        ).scalar()
        if latest is None:
            continue  # no round to hold them: the record keeps them
        answered = {
            key: (answer_id, status, note)
            for answer_id, key, status, note in bind.execute(
                sa.select(_answers.c.id, _answers.c.key, _answers.c.status, _answers.c.note).where(
                    _answers.c.round_id == latest
                )
            ).all()
        }
        for key, (status, note) in _ratings(data).items():
            have = answered.get(key)
            if have is None:
                bind.execute(
                    _answers.insert().values(round_id=latest, key=key, status=status, note=note)
                )
            elif not have[1] and status:  # the checklist left it unanswered
                bind.execute(
                    _answers.update()
                    .where(_answers.c.id == have[0])
                    .values(status=status, note=have[2] or note)
                )
        kept = {k: v for k, v in data.items() if k != "competencies"}
        bind.execute(_values.update().where(_values.c.id == value_id).values(data=kept))


def downgrade() -> None:
    """The answers stay where they are: the diagnosis is where items are rated."""
