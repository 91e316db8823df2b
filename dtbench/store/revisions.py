"""The migrations' revisions, read from their scripts with neither Alembic nor SQLAlchemy.

Alembic costs about 0.3 s to import and SQLAlchemy more: the common case (a database already
at head) and the first look at the engagement list (``first_look``) must not pay for them at
start-up. A test checks this agrees with Alembic's own view.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_REVISION = re.compile(r"^revision = [\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision = [\"']([^\"']+)[\"']", re.MULTILINE)


@cache
def _revisions() -> dict[str, str | None]:
    """revision → down_revision, read from the scripts."""
    graph: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev:
            down = _DOWN.search(source)
            graph[rev.group(1)] = down.group(1) if down else None
    return graph


def head_revision() -> str:
    graph = _revisions()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revisions())
