"""Cancelling an export: the builders raise ``ExportCancelled`` when asked to stop; the target
file is then left as it was (``files.write_atomically`` discards the temporary file)."""

from __future__ import annotations


class ExportCancelled(Exception):
    """The user cancelled an export before it finished; nothing was written."""
