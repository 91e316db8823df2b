"""Turn exceptions from the core into messages in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dtbench.engagement.errors import NotFoundError
from dtbench.errors import UserError


def describe(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message(QCoreApplication.translate)
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Errors", "That engagement no longer exists.")
    if isinstance(exc, ValueError):
        return QCoreApplication.translate("Errors", "The value was not accepted: %1").replace(
            "%1", str(exc)
        )
    return QCoreApplication.translate("Errors", "Unexpected error: %1").replace("%1", str(exc))
