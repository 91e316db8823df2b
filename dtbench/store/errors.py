"""Errors the store reports to the user.

Messages are English source strings marked for Qt's translation tools (context "StoreError");
the UI and the CLI translate them with the loaded catalogue, so the core stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from dtbench.errors import QT_TRANSLATE_NOOP, UserError


class StoreError(UserError):
    """A problem with the database that the user can act on."""

    context = "StoreError"
    template = QT_TRANSLATE_NOOP("StoreError", "The database cannot be used: %1")


class FolderNotFoundError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError", "The folder %1 does not exist: no database can be opened or created there."
    )


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
        "Updating the database %1 failed; it was left as it was, at its previous version.",
    )


class DamageFoundError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 is damaged (%2), so this could not be read or saved. Close dtbench "
        "and put back the newest good backup: File › Backups, or “dtbench restore”. The "
        "damaged file is kept aside, not deleted.",
    )


class NoDatabaseError(StoreError):
    """A command that reads was pointed at a file that does not exist (a typo, a moved file):
    nothing is created, so the mistake shows instead of an empty database."""

    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "There is no database at %1; nothing was created. Use “dtbench demo --db %1” or the "
        "app to create one.",
    )


class ReadOnlyDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 is read-only (a read-only file, folder or medium), so nothing can be "
        "saved in it. Copy it to a writable folder to work on it; nothing was changed.",
    )


class ReadOnlyUpdateError(ReadOnlyDatabaseError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 was made by an older dtbench and must be updated, but it is "
        "read-only (a read-only file, folder or medium). Copy it to a writable folder and open "
        "the copy; nothing was changed.",
    )


class StorageFullError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk is full, so %1 could not be written and the change was not saved (what was "
        "saved before is intact). Free some space and try again.",
    )


class StorageIOError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk holding %1 reported an error (%2) and the change was not saved. Check the "
        "disk or the connection to it and try again.",
    )


class DamagedValueError(StoreError):
    """A stored value that cannot be read as its column's type (``where`` is table.column)."""

    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database holds a value that cannot be read: “%2” in %1 is %3. Run “dtbench "
        "check” for the list of such values; restore a backup or correct the value.",
    )

    def __init__(self, where: str, value: object, expected: str) -> None:
        text = repr(value) if not isinstance(value, str) else value
        super().__init__(where, text[:40] + ("…" if len(text) > 40 else ""), expected)
        self.where = where
        self.expected = expected
        self.rowid: int | None = None

    def message(self, translate: Callable[[str, str], str]) -> str:
        # The expected kind ("not a date"…) is a marked string too: translate it as well.
        where, value, expected = self.details[:3]
        text = translate(self.context, self.template)
        rest = self.details[3:]
        for n, part in enumerate((where, value, translate(self.context, expected), *rest), 1):
            text = text.replace(f"%{n}", part)
        return text


class DamagedEngagementError(DamagedValueError):
    """A damaged value met while reading one engagement (``%4`` names it)."""

    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The engagement %4 cannot be read: the value “%2” in %1 is %3. Run “dtbench check” "
        "for the list of such values; restore a backup or correct the value.",
    )

    def __init__(self, cause: DamagedValueError, engagement: str) -> None:
        super().__init__(cause.where, cause.details[1], cause.expected)
        self.details = (*self.details[:3], engagement)
        self.args = (self._fill(self.template),)


# A firm's server (PostgreSQL): what a consultant connecting to it may meet. ``%1`` is the
# server and database, never the password.


class ServerError(StoreError):
    """The team server could not be used."""


class DriverMissingError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "dtbench cannot reach a team server (%1): its PostgreSQL driver is not installed. "
        'Install it with: pip install "dtbench[team]".',
    )


class WrongPasswordError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The team server %1 refused the login %2: the login or password is wrong.",
    )


class ServerUnreachableError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The team server %1 cannot be reached (%2). Check the server's name and port and "
        "your network connection.",
    )


class ServerDatabaseMissingError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The team server has no database %1. Check its name with your administrator.",
    )


class ServerNotSetUpError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 is not ready for this dtbench (it is not a dtbench database yet, or "
        "its layout is older). Ask your administrator to run “dtbench team init” on it; "
        "nothing was changed.",
    )


class ServerNewerError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The team server's database %1 was set up by a newer dtbench. Update dtbench (ask "
        "your administrator which version); nothing was changed.",
    )


class NotAllowedError(ServerError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The team server refused this change: you can read this engagement but not change it "
        "(reader), or you are not its member, or only its lead may do this. Ask the "
        "engagement's lead; nothing was changed.",
    )
