"""The architecture page (dtbench/ARCHITECTURE.md) stays true: every file and folder it names
exists, and the README's part for developers links to it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "dtbench" / "ARCHITECTURE.md"
NAMED = re.compile(r"`((?:[a-z_]+/)+[a-z_]*(?:\.py)?|[a-z_]+\.py)`")


def _exists(name: str) -> bool:
    """A path from the top, from dtbench/ or dtbench/ui/; a bare file name anywhere."""
    candidates = [ROOT / name, ROOT / "dtbench" / name, ROOT / "dtbench" / "ui" / name]
    if "/" not in name:
        return any((ROOT / "dtbench").rglob(name))
    return any(path.exists() for path in candidates)


def test_every_path_the_architecture_page_names_exists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    names = set(NAMED.findall(text))
    assert len(names) > 30  # the page names the files where things live
    missing = sorted(name for name in names if not _exists(name))
    assert missing == []


def test_the_readme_links_the_architecture_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(dtbench/ARCHITECTURE.md)" in readme
