"""LibreOffice for the tests that lay documents out with it (tests/conftest.py turns it off for
the rest of the suite). CI installs it with poppler-utils, so there a missing one fails."""

from __future__ import annotations

import os
import shutil

import pytest

from dtbench.deliverables.office import find_soffice


def soffice(monkeypatch: pytest.MonkeyPatch, *, pdftotext: bool = True) -> str:
    """The LibreOffice program, turned on for this test; skipped where it (or pdftotext, when
    the test reads the PDF's text) is not installed, failed on CI."""
    monkeypatch.delenv("DTBENCH_SOFFICE", raising=False)
    found = find_soffice()
    if found is None or (pdftotext and shutil.which("pdftotext") is None):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and poppler-utils are installed on CI")
        pytest.skip("LibreOffice or pdftotext is not installed")
    return found
