"""Writing deliverables atomically: never a half-written file, an existing file replaced
only on success (keeping its mode), and a clear message when the target is open or locked
elsewhere, the disk is full or a folder is in the way.

The work is done by :mod:`dtbench.atomic_files` (low level, so that the store can use it
too); these names stay here for the deliverables, the packages and the questionnaires."""

from __future__ import annotations

from dtbench.atomic_files import (
    OutputDiskFullError,
    OutputFolderError,
    OutputIsFolderError,
    OutputLockedError,
    OutputWriteError,
    check_writable,
    write_atomically,
)

__all__ = [
    "OutputDiskFullError",
    "OutputFolderError",
    "OutputIsFolderError",
    "OutputLockedError",
    "OutputWriteError",
    "check_writable",
    "write_atomically",
]
