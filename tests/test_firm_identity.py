"""The consulting firm named on the proposal, and its document control: version, author,
reviewer, approver, classification and the history of the versions given to the client."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import msgspec
import pytest
from docx import Document

from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.deliverables.formats import doc_date
from dtbench.engagement.firm import Firm, LogoError, import_logo, load_firm, save_firm
from dtbench.paths import data_dir
from dtbench.plan import service as plan
from dtbench.plan.records import Deliverable, Issue
from dtbench.sample import create_demo
from dtbench.store import Store

# A 2 × 1 pixel PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg=="
)


def _tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(path)).tables]


def _export(store: Store, uuid: str, target: Path, lang: str | None = None) -> Path:
    run_export(store, ExportRequest(uuid, docx=target, lang=lang))
    return target


def _row(tables: list[list[list[str]]], label: str) -> list[str]:
    return next(row for table in tables for row in table if row[0] == label)


def test_the_firm_is_kept_on_this_computer_and_a_damaged_file_reads_as_none(
    tmp_path: Path,
) -> None:
    assert load_firm() == Firm()
    kept = save_firm(
        Firm(name_zh=" 大连远见咨询 ", name_en="Vista Consulting", address_zh="大连市")
    )
    assert kept.name_zh == "大连远见咨询"
    assert load_firm() == kept
    assert kept.name("en") == "Vista Consulting" and kept.address("en") == "大连市"
    (data_dir() / "firm.json").write_text("{not json", encoding="utf-8")
    assert load_firm() == Firm()  # an export is never stopped by it


def test_only_a_png_or_jpeg_becomes_the_logo(tmp_path: Path) -> None:
    picture = tmp_path / "logo.png"
    picture.write_bytes(PNG)
    name = import_logo(picture)
    assert (data_dir() / name).read_bytes() == PNG
    fake = tmp_path / "logo.png.exe"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(LogoError) as refused:
        import_logo(fake)
    assert "logo.png.exe" in str(refused.value.args) or "logo.png.exe" in refused.value.message(
        lambda _c, text: text
    )
    assert (data_dir() / name).read_bytes() == PNG  # the logo kept is unchanged


def test_the_sample_proposal_names_its_firm_and_carries_document_control(
    store: Store, tmp_path: Path
) -> None:
    uuid = create_demo(store)
    path = _export(store, uuid, tmp_path / "建议书.docx")
    doc = Document(str(path))
    cover = "\n".join(p.text for p in doc.paragraphs[:14])
    assert "编制单位：大连远见数字化咨询有限公司" in cover
    tables = _tables(path)
    assert _row(tables, "咨询机构")[1] == "大连远见数字化咨询有限公司"
    assert _row(tables, "版本")[1] == "1.0"
    assert _row(tables, "编制")[1] == "张弛"
    assert _row(tables, "审核")[1] == "林晓"
    assert _row(tables, "批准")[1] == "周启明（合伙人）"
    assert _row(tables, "密级")[1] == "机密"
    history = next(t for t in tables if t[0] == ["版本", "发布日期", "说明"])
    today = date.today()
    assert [row[0] for row in history[1:]] == ["0.9", "1.0"]
    assert "征求意见稿" in history[1][2]
    assert history[2][1] == doc_date(today, "zh")  # this export
    assert doc.core_properties.version == "1.0"
    assert doc.core_properties.author == "张弛"

    # the export is noted in the engagement; exporting the same version again adds no line
    saved = plan.get_value(store, uuid, "deliverable")
    assert [(i.version, i.issued) for i in saved.history] == [
        ("0.9", date(2026, 10, 16)),
        ("1.0", today),
    ]
    _export(store, uuid, tmp_path / "again.docx")
    assert len(plan.get_value(store, uuid, "deliverable").history) == 2
    plan.set_value(store, uuid, "deliverable", msgspec.structs.replace(saved, version="1.1"))
    _export(store, uuid, tmp_path / "v1.1.docx")
    assert [i.version for i in plan.get_value(store, uuid, "deliverable").history] == [
        "0.9",
        "1.0",
        "1.1",
    ]


def test_the_firm_set_in_the_preferences_appears_in_each_language_with_its_logo(
    store: Store, tmp_path: Path
) -> None:
    picture = tmp_path / "logo.png"
    picture.write_bytes(PNG)
    save_firm(
        Firm(
            name_zh="大连远见咨询",
            name_en="Vista Consulting",
            address_zh="大连市沙河口区",
            address_en="Shahekou District, Dalian",
            logo=import_logo(picture),
        )
    )
    uuid = create_demo(store)
    saved = plan.get_value(store, uuid, "deliverable")
    plan.set_value(store, uuid, "deliverable", msgspec.structs.replace(saved, consulting_firm=""))
    english = _export(store, uuid, tmp_path / "proposal.docx", lang="en")
    doc = Document(str(english))
    cover = "\n".join(p.text for p in doc.paragraphs[:14])
    assert "Prepared by Vista Consulting" in cover and "Shahekou District, Dalian" in cover
    assert len(doc.inline_shapes) >= 1  # the logo (charts come later)
    assert _row(_tables(english), "Consulting firm")[1] == "Vista Consulting"
    chinese = _export(store, uuid, tmp_path / "建议书.docx", lang="zh")
    assert _row(_tables(chinese), "咨询机构")[1] == "大连远见咨询"


def test_document_control_refuses_what_it_cannot_show(store: Store) -> None:
    uuid = create_demo(store)
    saved = plan.get_value(store, uuid, "deliverable")
    for bad in (
        msgspec.structs.replace(saved, confidentiality="top-secret"),
        msgspec.structs.replace(saved, version=" "),
        msgspec.structs.replace(saved, version="1" * 21),
        msgspec.structs.replace(
            saved, history=tuple(Issue(version=str(n), issued=date.today()) for n in range(201))
        ),
    ):
        with pytest.raises(ValueError):
            plan.set_value(store, uuid, "deliverable", bad)
    assert plan.get_value(store, uuid, "deliverable") == saved
    assert Deliverable().confidentiality == "confidential" and Deliverable().version == "1.0"


def test_preferences_keep_the_firm_and_refuse_a_picture_that_is_not_one(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.shell.preferences_dialog import PreferencesDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    shown: list[PreferencesDialog] = []

    def fill(dialog: PreferencesDialog) -> int:
        shown.append(dialog)
        dialog.name_zh.setText("大连远见咨询")  # (key clicks are ASCII only)
        qtbot.keyClicks(dialog.name_en, "Vista Consulting")
        dialog.address_zh.setText("大连市沙河口区")
        fake = tmp_path / "logo.png"
        fake.write_text("not a picture")
        assert not dialog.set_logo(fake)
        assert warnings and "PNG or JPEG" in warnings[0]
        good = tmp_path / "real.png"
        good.write_bytes(PNG)
        assert dialog.set_logo(good)
        assert dialog.logo.pixmap() is not None and not dialog.logo.pixmap().isNull()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", fill)
    window.act_prefs.trigger()
    assert shown
    firm = load_firm()
    assert (firm.name_zh, firm.name_en, firm.address_zh) == (
        "大连远见咨询",
        "Vista Consulting",
        "大连市沙河口区",
    )
    assert firm.logo_path() is not None and firm.logo_path().read_bytes() == PNG  # type: ignore[union-attr]


def test_the_export_dialog_edits_document_control_as_one_undo_step(
    qtbot, window, store: Store, tmp_path: Path
) -> None:
    from dtbench.ui.exchange.export_dialog import ExportDialog

    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid)
    ws = window.workspace
    dialog = ExportDialog(store, ws.plan, uuid, "澜岳", "zh", window)
    qtbot.addWidget(dialog)
    assert dialog.version.text() == "1.0" and dialog.reviewer.text() == "林晓"
    assert "0.9" in dialog.history.text()
    dialog.word_path.setText(str(tmp_path / "proposal.docx"))
    dialog.excel.setChecked(False)
    dialog._offer_to_open = lambda: None  # type: ignore[method-assign]
    dialog.version.setText("1.1")
    dialog.approver.setText("王总")
    dialog.confidentiality.setCurrentIndex(dialog.confidentiality.findData("internal"))
    with qtbot.waitSignal(dialog.finished_export, timeout=60000):
        dialog.start()
    tables = _tables(tmp_path / "proposal.docx")
    assert _row(tables, "版本")[1] == "1.1" and _row(tables, "批准")[1] == "王总"
    assert _row(tables, "密级")[1] == "内部"
    saved = plan.get_value(store, uuid, "deliverable")
    assert (saved.version, saved.approver, saved.history[-1].version) == ("1.1", "王总", "1.1")
    window.undo_group.undo()  # the settings, not the history of what was sent
    assert plan.get_value(store, uuid, "deliverable").approver == "周启明（合伙人）"
