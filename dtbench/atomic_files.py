"""Writing a file atomically with the permissions a user expects (no Qt, no dependencies).

Every file dtbench writes for people — exports, questionnaires, packages, templates,
backups — goes through here: a temporary file in the target's folder, flushed and fsynced,
given the mode of the file it replaces (or the one the umask gives a new file: 0644 under
umask 022, 0664 under 002), then renamed into place and the folder fsynced. ``mkstemp``
alone leaves 0600, which colleagues on a shared drive cannot open.

Any OSError while writing becomes a one-line :class:`~dtbench.errors.UserError` naming the
file; the previous file is then untouched and no temporary file is left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from dtbench.errors import QT_TRANSLATE_NOOP, UserError, os_reason

__all__ = [
    "OutputDiskFullError",
    "OutputFolderError",
    "OutputIsFolderError",
    "OutputLockedError",
    "OutputWriteError",
    "check_writable",
    "fsync_folder",
    "new_file_mode",
    "output_error",
    "set_mode_for",
    "write_atomically",
]


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


class OutputIsFolderError(UserError):
    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError", "%1 is a folder, not a file: choose a file name to write to."
    )


class OutputDiskFullError(UserError):
    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError", "The disk is full: %1 was not written; the previous file is unchanged."
    )


class OutputWriteError(UserError):
    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError", "%1 could not be written (%2); the previous file is unchanged."
    )


_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS, getattr(errno, "ETXTBSY", errno.EACCES)}


def output_error(target: Path, exc: OSError) -> UserError:
    """The message for an OSError met while writing ``target``."""
    shown = str(target)
    if isinstance(exc, IsADirectoryError):
        return OutputIsFolderError(shown)
    if exc.errno in _FULL:
        return OutputDiskFullError(shown)
    if exc.errno in _DENIED or isinstance(exc, PermissionError):
        return OutputLockedError(shown)
    return OutputWriteError(shown, os_reason(exc))


_umask_lock = threading.Lock()


def _current_umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    # Elsewhere only os.umask tells it, by setting it: restore at once, one thread at a time.
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode a new file gets from the umask (0o666 less the umask)."""
    return 0o666 & ~_current_umask()


def set_mode_for(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the mode of the file it will replace, or the umask's for a new file."""
    try:
        st = os.stat(target)
    except OSError:
        mode = new_file_mode()
    else:
        mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else new_file_mode()
    os.chmod(tmp, mode)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_writable(target: Path) -> None:
    """Raise the UserError writing ``target`` would meet for its place: a folder in the way,
    a folder missing or not writable (the message names it), a read-only file. Work that
    takes long before it writes (an export draws its charts first) calls this up front."""
    target = Path(target)
    folder = target.parent
    if target.is_dir():
        raise OutputIsFolderError(str(target))
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OutputFolderError(str(folder))
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputLockedError(str(target))


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` for a temporary file next to ``target``, then move it into place.

    The result has the replaced file's mode or the umask's; an OSError becomes a UserError
    (disk full, read-only, locked, a folder in the way…) and ``target`` is left as it was.
    UserErrors raised by ``write`` (a cancelled export…) pass through unchanged.
    """
    target = Path(target)
    folder = target.parent
    check_writable(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem[:40]}-", suffix=target.suffix, dir=folder
        )
    except OSError as exc:
        raise output_error(target, exc) from exc
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as stream:
            stream.flush()
            os.fsync(stream.fileno())
        set_mode_for(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:  # Windows: PermissionError when the target is open in Word or Excel
        raise output_error(target, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    fsync_folder(folder)
    return target
