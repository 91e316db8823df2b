"""Exporting the client documents from the command line and from the export dialog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from test_cli import run

from dtbench.plan import service as plan
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.exchange.export_dialog import ExportDialog
from dtbench.ui.shell.main_window import MainWindow


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_cli_exports_both_documents_in_either_language(db_path: Path, tmp_path: Path) -> None:
    uuid = run("demo", "--db", str(db_path)).stdout.strip()
    docx, xlsx = tmp_path / "建议书.docx", tmp_path / "行动计划.xlsx"
    result = run("export", uuid[:8], "--docx", str(docx), "--xlsx", str(xlsx), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(docx), str(xlsx)]
    text = _text(docx)
    assert "大连澜岳精工机械有限公司" in text and "执行摘要" in text
    assert "大连澜岳精工机械有限公司" in str(
        [c.value for row in load_workbook(xlsx).worksheets[0].iter_rows() for c in row]
    )
    english = tmp_path / "proposal-en.docx"
    result = run("export", uuid, "--docx", str(english), "--lang", "en", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "Executive summary" in _text(english)


def test_cli_export_errors_are_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    uuid = run("demo", "--db", str(db_path)).stdout.strip()
    nothing = run("export", uuid, "--db", str(db_path))
    assert nothing.returncode == 2 and "--docx" in nothing.stderr
    bad = tmp_path / "template.docx"
    bad.write_text("not a word file")
    target = tmp_path / "out.docx"
    refused = run(
        "export", uuid, "--docx", str(target), "--template", str(bad), "--db", str(db_path)
    )
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert str(bad) in refused.stderr and not target.exists()
    missing = run("export", uuid, "--xlsx", str(tmp_path / "no" / "x.xlsx"), "--db", str(db_path))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


@pytest.fixture
def dialog(export_dialog: ExportDialog) -> ExportDialog:
    return export_dialog


def test_dialog_exports_with_the_edited_summary(
    qtbot, dialog: ExportDialog, store: Store, tmp_path: Path
) -> None:
    assert "大连澜岳精工机械有限公司" in dialog.summary.toPlainText()  # the generated draft
    dialog.summary.setPlainText("经诊断，澜岳精工应以MES为抓手，三年内实现透明工厂。")
    dialog.firm.setText("辽东数字化咨询")
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as signal:
        dialog.start()
    assert signal.args[0] == [tmp_path / "proposal.docx", tmp_path / "plan.xlsx"]
    text = _text(tmp_path / "proposal.docx")
    assert "三年内实现透明工厂" in text and "辽东数字化咨询" in text
    saved = plan.get_value(store, dialog.engagement, "deliverable")
    assert saved.summary.startswith("经诊断") and saved.consulting_firm == "辽东数字化咨询"


def test_dialog_cancel_leaves_existing_files_untouched(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    old = tmp_path / "proposal.docx"
    old.write_bytes(b"the client's copy")
    dialog.excel.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as signal:
        dialog.start()
        dialog.cancel()  # the progress dialog's Cancel button
    from dtbench.deliverables.cancel import ExportCancelled

    assert isinstance(signal.args[0], ExportCancelled)
    assert old.read_bytes() == b"the client's copy"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".xlsx")) == [
        "proposal.docx"
    ]


def test_dialog_locked_file_offers_a_retry(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"open in Excel")
    dialog.word.setChecked(False)
    asked: list[str] = []

    def locked(_src: object, _dst: object) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Cancel,
    )
    with qtbot.waitSignal(dialog.finished_export, timeout=60000):
        dialog.start()
    assert asked and "open in another program" in asked[0] and str(target) in asked[0]
    assert target.read_bytes() == b"open in Excel"


def test_dialog_refuses_an_unusable_template(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    broken = tmp_path / "firm.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    assert not dialog.set_template(broken)
    assert messages and str(broken) in messages[0]
    assert dialog.template.text() == ""


def test_export_action_opens_the_dialog_for_the_open_engagement(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = create_demo(store)
    window.refresh(uuid)
    assert not window.act_export.isEnabled()  # nothing open yet
    window.open_engagement(uuid)
    assert window.act_export.isEnabled()
    shown: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    window.act_export.trigger()
    assert shown and shown[0].engagement == uuid
    assert shown[0].language.currentData() == "zh"
    assert Path(shown[0].word_path.text()).suffix == ".docx"


def test_exporting_a_new_engagement_names_its_baseline_round_as_the_app_does(
    store: Store,
) -> None:
    """An engagement never diagnosed gets its baseline round at export: named in the
    engagement's language, the same name the diagnosis step gives it, whatever the
    language of the documents."""
    from dtbench.deliverables import content
    from dtbench.diagnosis import service as dx
    from dtbench.diagnosis.scale import BASELINE_NAME
    from dtbench.engagement import service

    uuid = service.create_engagement(store, client_name="甲公司", title="诊断").uuid
    content.gather(store, uuid, "en")
    assert [r.name for r in dx.list_rounds(store, uuid)] == [BASELINE_NAME.zh]
