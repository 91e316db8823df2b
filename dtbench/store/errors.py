"""Errors the store reports to the user.

Messages are English source strings marked for Qt's translation tools (context "StoreError");
the UI and the CLI translate them with the loaded catalogue, so the core stays free of Qt.
"""

from __future__ import annotations

from dtbench.errors import QT_TRANSLATE_NOOP, UserError


class StoreError(UserError):
    """A problem with the database that the user can act on."""

    context = "StoreError"
    template = QT_TRANSLATE_NOOP("StoreError", "The database cannot be used: %1")


class UnreadableDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError", "The database %1 cannot be opened: it is damaged or not a dtbench database."
    )


class NewerDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 was written by a newer version of dtbench. Update dtbench to open "
        "it; the file was left untouched.",
    )


class DatabaseBusyError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError", "The database %1 is locked by another program. Close it and try again."
    )


class MigrationError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "Updating the database %1 failed; it was restored from the backup taken just before.",
    )


class DamageFoundError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 is damaged (%2), so this could not be read or saved. Close dtbench "
        "and put back the newest good backup: File › Backups, or “dtbench restore”. The "
        "damaged file is kept aside, not deleted.",
    )
