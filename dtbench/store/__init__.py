"""The engagement store: SQLAlchemy schema, sessions, Alembic migrations, backups (no Qt).

``Store`` and ``open_store`` load SQLAlchemy on first use, so that importing the errors (as the
GUI does before its window is shown) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dtbench.store.errors import (
    DatabaseBusyError,
    NewerDatabaseError,
    StoreError,
    UnreadableDatabaseError,
)

if TYPE_CHECKING:
    from dtbench.store.database import Store, open_store

__all__ = [
    "DatabaseBusyError",
    "NewerDatabaseError",
    "Store",
    "StoreError",
    "UnreadableDatabaseError",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name in ("Store", "open_store"):
        from dtbench.store import database

        return getattr(database, name)
    raise AttributeError(name)
