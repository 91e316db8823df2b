"""What taking offline and synchronising tell the user when they cannot go on."""

from __future__ import annotations

from dtbench.errors import QT_TRANSLATE_NOOP, UserError


class SyncError(UserError):
    context = "SyncError"
    template = QT_TRANSLATE_NOOP("SyncError", "Synchronising failed: %1")


class NotAServerError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError", "%1 is not a firm's server: engagements are taken offline from PostgreSQL."
    )


class AlreadyLocalError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "The engagement “%1” is already in the local database: synchronise it instead of "
        "taking it offline again.",
    )


class NotOnServerError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError", "The engagement %1 is not on the server, or you are not one of its members."
    )


class NotOfflineError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "The engagement %1 is not an offline copy of a server's engagement: take it offline first.",
    )


class ConnectionLostError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "The connection to the server was lost: nothing was changed on the server; "
        "synchronise again when connected.",
    )


class ServerUnreachableError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "The server %1 cannot be reached or refused the login: nothing was changed. Try again "
        "when connected.",
    )


class CommitUnknownError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "The connection to the server was lost while it saved the changes. Synchronise again "
        "when connected: the synchronisation is then finished, nothing is lost.",
    )


class ServerMovedError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "Someone changed the engagement on the server while you synchronised: nothing was "
        "changed. Synchronise again to see their changes.",
    )


class UndecidedError(SyncError):
    template = QT_TRANSLATE_NOOP("SyncError", "%1 conflicts are not decided: nothing was written.")


class DecisionError(SyncError):
    """A decision given to ``apply_sync`` that cannot be applied: nothing is written."""

    template = QT_TRANSLATE_NOOP("SyncError", "A decision cannot be applied: nothing was written.")


class UnknownDecisionError(DecisionError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "A decision names %1, which is not a conflict of this synchronisation: nothing was "
        "written. Synchronise again.",
    )


class BadChoiceError(DecisionError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "The decision on %1 is %2, not one of mine, theirs or merge: nothing was written.",
    )


class NotMergeableError(DecisionError):
    template = QT_TRANSLATE_NOOP(
        "SyncError",
        "%1 is not free text and cannot be merged: keep yours or the server's. Nothing was "
        "written.",
    )


class MergedNotTextError(DecisionError):
    template = QT_TRANSLATE_NOOP(
        "SyncError", "The merged value of %1 is not a text: nothing was written."
    )
