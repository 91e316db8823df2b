"""Memory given back to the system once work is done.

Python frees its objects into the C library's allocator, which keeps the pages for later: after
an export or a batch of charts a process kept 50–80 MB it no longer used (glibc gives each
thread an arena of its own and returns a freed arena's pages only when asked).
:func:`give_back` asks; it does nothing where the C library has no such call.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any

_libc: Any = None


def give_back() -> None:
    """Return the allocator's free pages to the system (glibc's ``malloc_trim``); cheap, and
    safe from any thread."""
    global _libc
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # musl, or no C library found
        if _libc is None:
            import ctypes

            _libc = ctypes.CDLL(None)
        _libc.malloc_trim(0)
