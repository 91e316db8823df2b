"""Turn exceptions from the core into messages in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dtbench.engagement.errors import NotFoundError
from dtbench.errors import UserError, os_reason_text


def describe(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message(QCoreApplication.translate)
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Errors", "That engagement no longer exists.")
    if isinstance(exc, OSError):  # the system's reason in the UI language, with the file
        reason = os_reason_text(exc, QCoreApplication.translate)
        if not exc.filename:
            return reason
        return (
            QCoreApplication.translate("Errors", "%1: %2")
            .replace("%1", str(exc.filename))
            .replace("%2", reason)
        )
    if isinstance(exc, ValueError):
        return QCoreApplication.translate("Errors", "The value was not accepted: %1").replace(
            "%1", str(exc)
        )
    return QCoreApplication.translate("Errors", "Unexpected error: %1").replace("%1", str(exc))
