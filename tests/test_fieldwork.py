"""Fieldwork (interviews, workshops, sites, documents) and next steps with the decisions asked
of the client: drafted from the diagnosis, edited in their steps, shown in the proposal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QLineEdit

from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import ClauseRecord
from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.fieldwork import draft_interviews, name_and_role, split_people
from dtbench.plan.records import Fieldwork, NextStep
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.shell.main_window import MainWindow


def test_people_are_read_from_the_interviewees_as_consultants_write_them() -> None:
    assert split_people(
        "王建国（总经理）、刘海峰（副总经理（生产）），赵敏; Li Na (QA, plant 2)"
    ) == [
        "王建国（总经理）",
        "刘海峰（副总经理（生产））",
        "赵敏",
        "Li Na (QA, plant 2)",
    ]
    assert name_and_role("刘海峰（副总经理（生产））") == ("刘海峰", "副总经理（生产）")
    assert name_and_role("赵敏") == ("赵敏", "")
    drafted = draft_interviews(
        {
            "7.3.1": ClauseRecord(interviewees="孙立强（生产计划部经理）、赵敏（信息中心主任）"),
            "5.2": ClauseRecord(interviewees="赵敏（信息中心主任）"),
            "6.1.1": ClauseRecord(interviewees=""),
        },
        existing=[Fieldwork(kind="interview", subject="孙立强")],
    )
    assert drafted == [
        Fieldwork(kind="interview", subject="赵敏", role="信息中心主任", clauses=("5.2", "7.3.1"))
    ]
    assert draft_interviews({}) == []


def test_fieldwork_and_next_steps_refuse_what_the_proposal_could_not_show(store: Store) -> None:
    uuid = service.create_engagement(store, client_name="甲", title="乙").uuid
    for bad in (
        Fieldwork(kind="chat", subject="王"),
        Fieldwork(kind="interview", subject=" "),
        Fieldwork(kind="interview", subject="王", clauses=("99.9",)),
        NextStep(action=""),
    ):
        with pytest.raises((ValueError, LookupError)):
            plan.add_item(store, uuid, bad)
    assert plan.list_items(store, uuid, "fieldwork") == []


def test_the_proposal_shows_the_fieldwork_and_asks_for_the_decisions(
    store: Store, tmp_path: Path
) -> None:
    uuid = create_demo(store)
    target = tmp_path / "建议书.docx"
    run_export(store, ExportRequest(uuid, docx=target))
    doc = Document(str(target))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "项目组于2026年3月访谈了12人，召开了2场研讨会，实地查看了一厂机加工车间等3处现场，"
        "并查阅了公司“十四五”发展规划及2026年经营计划等5份资料。"
    ) in text
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    interviews = next(t for t in tables if t[0][:2] == ["姓名", "职务 / 部门"])
    assert interviews[1][:2] == ["王建国", "总经理"] and len(interviews) == 13
    documents = next(t for t in tables if t[0][0] == "资料")
    assert any("信息系统清单" in row[0] for row in documents)
    # the decisions, as a request the board can answer, before the next steps
    request = text.index("提请澜岳精工领导层就以下事项作出决定")
    assert text.index("批准本建议书确定的转型愿景", request) > request
    # a dash, not nested brackets, before the owner and the date
    assert "——王建国（总经理）、领导小组，2027年1月15日前" in text
    steps = next(t for t in tables if t[0] == ["工作事项", "负责人", "完成时间"])
    assert any("MES二期需求确认" in row[0] for row in steps)
    # the scope table lists only what differs from "in scope, weight 1"
    assert not any(t[0][:3] == ["条款", "标题", "纳入评估"] and len(t) > 40 for t in tables)


def test_interviews_are_drafted_from_the_diagnosis_in_one_undo_step(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = service.create_engagement(store, client_name="大连澜岳精工", title="诊断").uuid
    rnd = dx.ensure_rounds(store, uuid, "基线评估")[-1].uuid
    dx.set_clause(store, rnd, "7.3.1", "interviewees", "孙立强（生产计划部经理）、赵敏")
    window.refresh(uuid)
    window.open_engagement(uuid, step="fieldwork")
    ws = window.workspace
    assert ws is not None and ws.pages.currentWidget() is ws.fieldwork
    assert ws.fieldwork.draft() == 2
    table = ws.fieldwork.editor.table
    assert table.rowCount() == 2
    stored = [i.record for i in plan.list_items(store, uuid, "fieldwork")]
    assert [(f.subject, f.role, f.clauses) for f in stored] == [
        ("孙立强", "生产计划部经理", ("7.3.1",)),
        ("赵敏", "", ("7.3.1",)),
    ]
    window.undo_group.undo()
    assert plan.list_items(store, uuid, "fieldwork") == [] and table.rowCount() == 0


def test_a_decision_is_added_and_marked_in_the_next_steps_step(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = service.create_engagement(store, client_name="甲", title="乙").uuid
    window.refresh(uuid)
    window.open_engagement(uuid, step="next_steps")
    ws = window.workspace
    assert ws is not None and ws.pages.currentWidget() is ws.next_steps
    editor = ws.next_steps.editor
    editor.add_button.click()
    action = editor.editors["action"]
    assert isinstance(action, QLineEdit)
    action.setFocus()
    action.selectAll()
    qtbot.keyClicks(action, "Approve the budget")
    editor.flush()
    editor.editors["decision"].click()  # type: ignore[attr-defined]
    [step] = [i.record for i in plan.list_items(store, uuid, "next_step")]
    assert step.action == "Approve the budget" and step.decision is True
    assert step.due is None or isinstance(step.due, date)
