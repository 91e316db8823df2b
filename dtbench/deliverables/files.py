"""Writing deliverables atomically: never a half-written file, an existing file replaced
only on success, and a clear message when the target is open or locked elsewhere."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from dtbench.errors import QT_TRANSLATE_NOOP, UserError


class OutputLockedError(UserError):
    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "%1 cannot be written: it is open in another program (Word, WPS, Excel…) or "
        "read-only. Close it and try again; nothing was changed.",
    )


class OutputFolderError(UserError):
    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError", "The folder %1 does not exist or cannot be written."
    )


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` for a temporary file next to ``target``, then move it into place."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OutputFolderError(str(folder))
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputLockedError(str(target))
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=folder)
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        try:
            os.replace(tmp, target)
        except PermissionError as exc:  # Windows: the target is open in Word or Excel
            raise OutputLockedError(str(target)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target
