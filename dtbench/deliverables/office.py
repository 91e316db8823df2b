"""LibreOffice, when the machine has it: a Word file laid out as PDF, to learn the pages its
headings fall on (the table of contents' page numbers). Optional everywhere: without it the
documents are still written, only without page numbers in the table of contents.

``DTBENCH_SOFFICE`` names the program when it is not where it is usually installed; set to
``none`` it turns the use of LibreOffice off. The conversion runs in its own user profile
(a LibreOffice already open on the desktop is not disturbed), is stopped when the export is
cancelled or takes too long, and ends with the application."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from dtbench.deliverables.cancel import ExportCancelled

TIMEOUT_S = 240.0  # a 120-page proposal takes 10–30 s; a hung office program is given up
_CANDIDATES = {
    "win32": [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}
_running: set[subprocess.Popen[bytes]] = set()
_lock = threading.Lock()


def find_soffice() -> str | None:
    """The LibreOffice program to use, or None (not installed, or turned off)."""
    chosen = os.environ.get("DTBENCH_SOFFICE", "").strip()
    if chosen.lower() == "none":
        return None
    if chosen:
        return chosen if Path(chosen).is_file() else shutil.which(chosen)
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for candidate in _CANDIDATES.get(sys.platform, []):
        if Path(candidate).is_file():
            return candidate
    return None


def to_pdf(
    source: Path,
    folder: Path,
    soffice: str,
    cancelled: Callable[[], bool] | None = None,
) -> Path | None:
    """``source`` converted to PDF in ``folder``; None when LibreOffice failed or timed out
    (the caller carries on without what it wanted from it). Raises ExportCancelled."""
    profile = Path(tempfile.mkdtemp(prefix="dtbench-office-"))
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(source),
    ]
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
        )
    except OSError:
        shutil.rmtree(profile, ignore_errors=True)
        return None
    with _lock:
        _running.add(process)
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while process.poll() is None:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if time.monotonic() > deadline:
                return None
            time.sleep(0.1)
    finally:
        _stop(process)
        with _lock:
            _running.discard(process)
        shutil.rmtree(profile, ignore_errors=True)
    pdf = folder / (source.stem + ".pdf")
    return pdf if process.returncode == 0 and pdf.is_file() else None


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


@atexit.register
def _stop_all() -> None:
    """No office process outlives the application."""
    with _lock:
        running = list(_running)
    for process in running:
        _stop(process)
