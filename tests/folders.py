"""Folders as the tests need them: one that dtbench must find unwritable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The folder cannot be written, as dtbench checks it (tests run as root on CI, where
    a chmod would not stop a write)."""
    real = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(path) == folder and mode & os.W_OK:
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
