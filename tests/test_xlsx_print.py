"""The action plan workbook printed, as the client's staff will print it: every sheet on A4
landscape with text large enough to read, wide sheets over several pages across with the
rows' number and name repeated, and every date shown whole (not "###")."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from libreoffice import soffice
from openpyxl import load_workbook

from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.deliverables.office import to_pdf
from dtbench.sample import create_demo
from dtbench.store import Store

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
PAGE = re.compile(r"<page .*?</page>", re.S)


def _pages(pdf: Path) -> list[list[tuple[float, str]]]:
    """Each page's words with their heights (points)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [(float(m[3]) - float(m[1]), m[4]) for m in WORD.findall(page)]
        for page in PAGE.findall(html)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_wide_sheets_print_over_pages_across_readably_and_dates_whole(
    lang: str, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One A4 page wide, the action plan's Gantt months printed its 11 pt text at about 4 pt
    (LibreOffice) or 5.6 pt (Excel); the indicators sheet hardly better. Now they go over two
    pages across; their text is measured against the diagnosis sheet's, printed at full size."""
    office = soffice(monkeypatch)
    uuid = create_demo(store)
    book = tmp_path / "plan.xlsx"
    run_export(store, ExportRequest(engagement=uuid, xlsx=book, lang=lang))
    wide = [ws for ws in load_workbook(book).worksheets if ws.page_setup.fitToWidth >= 2]
    names = [ws.title for ws in wide]
    assert len(wide) >= 2, names  # the action plan and the indicators at least
    assert all(ws.print_title_cols == "$A:$B" for ws in wide)  # the number and name repeated
    pdf = to_pdf(book, tmp_path, office)
    assert pdf is not None
    pages = _pages(pdf)

    def body(words: list[tuple[float, str]]) -> float:  # headers, titles aside
        return sorted(h for h, _w in words)[len(words) // 4]

    full = max(body(words) for words in pages if len(words) > 50)
    for name in names:
        own = [w for w in pages if name in " ".join(word for _h, word in w[:8])]
        assert own, name
        scales = [round(body(w) / full, 2) for w in own if len(w) > 20]
        assert min(scales) >= 0.6, (name, scales)
    text = " ".join(w for words in pages for _h, w in words)
    assert "###" not in text  # a date too wide for its column
