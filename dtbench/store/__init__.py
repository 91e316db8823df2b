"""The engagement store: SQLAlchemy schema, sessions, Alembic migrations, backups (no Qt)."""

from dtbench.store.database import Store, open_store
from dtbench.store.errors import (
    DatabaseBusyError,
    NewerDatabaseError,
    StoreError,
    UnreadableDatabaseError,
)

__all__ = [
    "DatabaseBusyError",
    "NewerDatabaseError",
    "Store",
    "StoreError",
    "UnreadableDatabaseError",
    "open_store",
]
