"""A first look at a laptop database's engagement list, with the standard library alone.

At start-up the window shows at once; opening the store then costs most of a second (loading
SQLAlchemy and the models, the damage check, the schema check). The list a consultant looks
for first need not wait for that: :func:`engagement_rows` reads just the list's columns with
``sqlite3``, read-only, and the window shows them while the store opens. Once it is open the
list is read again through the store, which has the last word (damaged rows, trash…).

Anything unusual — a server, a file that is not there or not at this program's schema
revision, a value that does not parse — gives None: no first look, the usual path decides
and explains.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from dtbench import paths
from dtbench.engagement.records import EngagementRow
from dtbench.store.backup import read_only_uri
from dtbench.store.revisions import head_revision

# The columns of the list (dtbench.engagement.service.list_engagements reads the same).
LIST_QUERY = """
SELECT e.uuid, e.title, c.name, c.industry, e.status, e.updated_at, c.updated_at
FROM engagements AS e JOIN clients AS c ON c.id = e.client_id
WHERE e.deleted_at IS NULL
"""


def local_file(target: str | Path | None) -> Path | None:
    """The SQLite file ``target`` (``--db``, DTBENCH_DB or the default) names, when it plainly
    is one; None for a server, an in-memory database or a URL with options."""
    if target is None or str(target) == "":
        target = os.environ.get(paths.DB_ENV) or paths.default_database()
    text = str(target)
    if "://" in text:
        prefix = "sqlite:///"
        rest = text[len(prefix) :] if text.startswith(prefix) else ""
        if not rest or "?" in rest or "%" in rest or rest == ":memory:":
            return None
        text = rest
    return Path(text).expanduser()


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(value)  # not what the store would list: let it decide
    return value


def _time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    return datetime.fromisoformat(value)


def engagement_rows(target: str | Path | None) -> list[EngagementRow] | None:
    """The engagement list of the SQLite database ``target`` names, most recently changed
    first, or None when a first look is not possible (see the module's docstring)."""
    path = local_file(target)
    if path is None or not path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=0.2)) as db:
            found = db.execute("SELECT version_num FROM alembic_version").fetchall()
            if found != [(head_revision(),)]:
                return None
            rows = [
                EngagementRow(
                    uuid=_text(uuid),
                    title=_text(title),
                    client_name=_text(client),
                    industry=_text(industry),
                    status=_text(status),
                    updated_at=max(_time(changed), _time(client_changed)),
                )
                for uuid, title, client, industry, status, changed, client_changed in db.execute(
                    LIST_QUERY
                )
            ]
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None
    rows.sort(key=lambda r: r.updated_at, reverse=True)
    return rows
