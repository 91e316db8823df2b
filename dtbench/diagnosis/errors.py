"""Errors of the diagnosis services, with messages in the user's language."""

from __future__ import annotations

from dtbench.errors import QT_TRANSLATE_NOOP, UserError


class EvidenceTooLargeError(UserError):
    context = "DiagnosisError"
    template = QT_TRANSLATE_NOOP(
        "DiagnosisError",
        "%1 is %2 MB; evidence files may be at most %3 MB. Attach a smaller file or a "
        "reduced copy (for example a compressed photo or a PDF extract).",
    )


class EvidenceUnreadableError(UserError):
    context = "DiagnosisError"
    template = QT_TRANSLATE_NOOP("DiagnosisError", "%1 cannot be read: %2")


class RoundNotFoundError(UserError):
    context = "DiagnosisError"
    template = QT_TRANSLATE_NOOP("DiagnosisError", "That assessment round no longer exists.")
