"""Key initiatives: marked on the roadmap, each gets a charter in the proposal."""

from __future__ import annotations

from pathlib import Path

import msgspec
from docx import Document

from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import Initiative
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.shell.main_window import MainWindow


def _export(store: Store, uuid: str, target: Path, lang: str = "zh") -> Document:
    run_export(store, ExportRequest(uuid, docx=target, lang=lang, record_issue=False))
    return Document(str(target))


def test_each_key_initiative_of_the_sample_has_its_charter(store: Store, tmp_path: Path) -> None:
    uuid = create_demo(store)
    doc = _export(store, uuid, tmp_path / "p.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    chapter = next(i for i, h in enumerate(headings) if h.endswith("重点举措"))
    charters = [
        [[c.text for c in row.cells] for row in t.rows]
        for t in doc.tables
        if t.rows and t.rows[0].cells[0].text == "目标" and t.rows[-2].cells[0].text == "验收标准"
    ]
    assert len(charters) == 4
    qms = next(t for t in charters if "追溯" in t[0][1])
    labels = [row[0] for row in qms]
    assert labels[:4] == ["目标", "范围", "主要交付物", "里程碑"]
    assert "验收标准" in labels and "绩效指标" in labels
    assert "陈雪" in dict(qms)["负责人与团队"] and dict(qms)["预算"] == "95万元"
    assert "2027-05 一厂全面上线" in dict(qms)["里程碑"]
    # the four charters follow the chapter heading, each under its initiative's title
    titles = headings[chapter + 1 : chapter + 5]
    assert any("MES二期" in t for t in titles) and any("数据服务平台" in t for t in titles)


def test_without_key_initiatives_the_chapter_says_how_to_mark_them(
    store: Store, tmp_path: Path
) -> None:
    uuid = create_demo(store)
    for item in plan.list_items(store, uuid, "initiative"):
        plan.update_item(store, item.uuid, msgspec.structs.replace(item.record, key=False))
    doc = _export(store, uuid, tmp_path / "p.docx", lang="en")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "No key initiative is marked yet" in text


def test_an_initiative_is_marked_key_in_the_roadmap_form(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = service.create_engagement(store, client_name="甲", title="乙").uuid
    item = plan.add_item(store, uuid, Initiative(title="MES"))
    window.refresh(uuid)
    window.open_engagement(uuid, step="roadmap")
    ws = window.workspace
    assert ws is not None
    editor = ws.roadmap.initiatives
    editor.select(item.uuid)
    editor.editors["key"].click()  # type: ignore[attr-defined]
    assert plan.list_items(store, uuid, "initiative")[0].record.key is True
    window.undo_group.undo()
    assert plan.list_items(store, uuid, "initiative")[0].record.key is False
