"""The proposal as PDF as well, made by LibreOffice: from the command line and the export
dialog, with a clear word where LibreOffice is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from libreoffice import soffice
from pypdf import PdfReader
from test_cli import run

from dtbench.engagement import service
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.exchange.export_dialog import ExportDialog
from dtbench.ui.shell.main_window import MainWindow


def _office(monkeypatch: pytest.MonkeyPatch) -> str:
    return soffice(monkeypatch, pdftotext=False)


def test_without_libreoffice_the_pdf_is_refused_at_once(db_path: Path, tmp_path: Path) -> None:
    uuid = run("demo", "--db", str(db_path)).stdout.strip()
    docx, pdf = tmp_path / "p.docx", tmp_path / "p.pdf"
    result = run("export", uuid, "--docx", str(docx), "--pdf", str(pdf), "--db", str(db_path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "LibreOffice" in result.stderr and "Traceback" not in result.stderr
    assert not pdf.exists() and not docx.exists()  # nothing half done


def test_the_pdf_alone_from_the_command_line(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = _office(monkeypatch)
    uuid = service.create_engagement(store, client_name="甲乙精密机械有限公司", title="诊断").uuid
    pdf = tmp_path / "建议书.pdf"
    result = run(
        "export", uuid, "--pdf", str(pdf), "--db", str(db_path), env={"DTBENCH_SOFFICE": soffice}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(pdf)]  # no Word file left anywhere to be found
    assert list(tmp_path.glob("*.docx")) == []
    reader = PdfReader(str(pdf))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "甲乙精密机械有限公司" in text and "目录" in text
    # the fonts travel with the file: the client sees the Chinese without having the fonts
    fonts = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is not None:
                fonts.append(descriptor.get_object())
    assert fonts and all(
        any(k in f for k in ("/FontFile", "/FontFile2", "/FontFile3")) for f in fonts
    )


@pytest.fixture
def opened(window: MainWindow, store: Store) -> str:
    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid)
    return uuid


def test_the_dialog_offers_the_pdf_only_when_it_can_be_made(
    qtbot, window: MainWindow, store: Store, opened: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ws = window.workspace
    assert ws is not None
    without = ExportDialog(store, ws.plan, opened, "澜岳", "zh", window)
    qtbot.addWidget(without)
    assert not without.pdf.isEnabled() and "LibreOffice" in without.pdf.toolTip()
    assert without.request().pdf is None
    _office(monkeypatch)
    dialog = ExportDialog(store, ws.plan, opened, "澜岳", "zh", window)
    qtbot.addWidget(dialog)
    dialog.word_path.setText(str(tmp_path / "建议书.docx"))
    assert dialog.pdf.isEnabled()
    dialog.pdf.setChecked(True)
    assert dialog.request().pdf == tmp_path / "建议书.pdf"
    dialog.word.setChecked(False)  # the PDF is the proposal's: no Word, no PDF
    assert not dialog.pdf.isEnabled() and dialog.request().pdf is None
