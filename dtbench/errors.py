"""Errors the user can act on, with messages in the user's language.

Messages are English source strings marked for Qt's translation tools; the UI and the CLI
translate them with the loaded catalogue (``message(translate)``), so the core stays free of
Qt. ``%1``, ``%2``… are filled with the details after translation.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable

EXCERPT = 120  # characters of a detail a message quotes at most


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """``value`` as one short line for a message: a cell of a million characters or a pasted
    text with line breaks must not make a megabyte-long or multi-line error. A long value
    keeps its start and its end (a path's drive and file name) around a "…"."""
    text = _BREAKS.sub(" ", str(value))
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return text[:head] + "…" + text[len(text) - (limit - head - 1) :]


_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]+")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation without translating it here."""
    return text


class Reason(str):
    """A reason the system gave (an OSError's), in English; translated with the message, so
    a Chinese message never ends in "No such file or directory"."""

    context = "Reasons"


_OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Reasons", "the file or folder does not exist"),
    errno.EACCES: QT_TRANSLATE_NOOP("Reasons", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Reasons", "permission denied"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Reasons", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("Reasons", "the disk or folder is read-only"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Reasons", "it already exists"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Reasons", "it is a folder"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Reasons", "a part of the path is not a folder"),
    errno.EBUSY: QT_TRANSLATE_NOOP("Reasons", "it is in use by another program"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Reasons", "the name is too long"),
    errno.EIO: QT_TRANSLATE_NOOP("Reasons", "the disk could not be read or written"),
    errno.EINVAL: QT_TRANSLATE_NOOP("Reasons", "the name is not valid here"),
}


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, translatable for the common causes (else the system's words)."""
    text = _OS_REASONS.get(exc.errno or 0)
    return Reason(text) if text else excerpt(exc.strerror or type(exc).__name__)


def os_reason_text(exc: OSError, translate: Callable[[str, str], str]) -> str:
    """Why ``exc`` happened, in the language ``translate`` gives (the system's own words for
    the rare causes dtbench does not name)."""
    reason = os_reason(exc)
    return translate(Reason.context, reason) if isinstance(reason, Reason) else reason


class UserError(Exception):
    """A problem the user can act on; subclasses set ``context`` and ``template``."""

    context = "Errors"
    template = QT_TRANSLATE_NOOP("Errors", "The operation failed: %1")

    def __init__(self, *details: object) -> None:
        # Every message quotes its details in short: one place, all messages.
        self.details = tuple(d if isinstance(d, Reason) else excerpt(d) for d in details)
        super().__init__(self._fill(self.template))

    @property
    def detail(self) -> str:
        return self.details[0] if self.details else ""

    def _fill(self, text: str, translate: Callable[[str, str], str] | None = None) -> str:
        for n, value in enumerate(self.details, start=1):
            if translate is not None and isinstance(value, Reason):
                value = translate(Reason.context, value)
            text = text.replace(f"%{n}", value)
        return text

    def message(self, translate: Callable[[str, str], str]) -> str:
        """The message in the user's language, given a translate(context, text) function;
        a system's reason among the details is translated too."""
        return self._fill(translate(self.context, self.template), translate)
