"""Updating a database that holds data survives a kill at every statement of every migration
(the driver and the checks: tests/test_store_atomic.py; this run is the longest, so it is a
file of its own and another test process runs it beside the rest)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_store_atomic import check_interruptions

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the driver forks")


def test_an_update_from_the_first_release_stopped_at_every_statement_opens_with_all_data(
    tmp_path: Path, home: Path
) -> None:
    check_interruptions("0001", 2, tmp_path, home)
