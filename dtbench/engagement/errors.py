"""Errors of the engagement services."""

from __future__ import annotations


class NotFoundError(LookupError):
    """No engagement with that UUID (or it is in the trash when it must not be)."""
