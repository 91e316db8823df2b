"""Interviews as part of the diagnosis: the plan (fieldwork records of kind interview),
suggestions from scope and contacts, what each interview said and where interviews disagree,
the printed guide and schedule, and the proposal's fieldwork section (core, no Qt)."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from docx import Document

from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.deliverables.interview_guide import (
    InterviewNotFoundError,
    load_papers,
    pick,
    questions,
    write_guide,
    write_schedule,
)
from dtbench.diagnosis import service as dx
from dtbench.diagnosis.interviews import covering, disagreements
from dtbench.diagnosis.records import AnswerRecord
from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service
from dtbench.engagement.records import ContactRecord
from dtbench.guide import load_guide
from dtbench.plan import service as plan
from dtbench.plan.interviews import function_of, holds, suggest_for, suggest_interviews
from dtbench.plan.records import Fieldwork
from dtbench.sample import create_demo
from dtbench.store import Store, open_store
from dtbench.transfer.snapshot import parse_snapshot, take_snapshot, to_json

GUIDE = load_guide()
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# An English word (a sentence's trace in a Chinese document); acronyms such as RFID are
# part of the guide's Chinese text.
ENGLISH_WORD = re.compile(r"\b[A-Za-z][a-z]{2,}\b")


def _engagement(store: Store, language: str = "zh") -> tuple[str, str]:
    profile = service.create_engagement(
        store, client_name="大连澜岳精工", title="现状诊断", language=language
    )
    rounds = dx.ensure_rounds(store, profile.uuid, "基线评估")
    return profile.uuid, rounds[0].uuid


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# ---------------------------------------------------------------- store
def test_an_old_database_keeps_its_interviews_and_gains_the_answers_table(
    db_path: Path,
) -> None:
    """A database of revision 0005 with a fieldwork record written before the plan existed:
    after the migration the record reads as a held interview, and what an interview said
    is stored and read back after reopening."""
    store = open_store(db_path, migrate_to="0005")
    with store.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO clients (id, uuid, created_at, updated_at, version, name, short_name, "
            "industry, size_employees, size_revenue, region, main_products, existing_systems) "
            "VALUES (1, 'c-1', '2026-01-01', '2026-01-01', 1, '旧客户', '', '', '', '', '', "
            "'', '[]')"
        )
        s.connection().exec_driver_sql(
            "INSERT INTO engagements (id, uuid, created_at, updated_at, version, client_id, "
            "title, consultants, status, language, notes) VALUES (1, 'e-1', '2026-01-01', "
            "'2026-01-01', 1, 1, '旧项目', '', 'active', 'zh', '')"
        )
        s.connection().exec_driver_sql(
            "INSERT INTO assessment_rounds (id, uuid, created_at, updated_at, version, "
            "engagement_id, number, name) VALUES (1, 'r-1', '2026-01-01', '2026-01-01', 1, 1, "
            "1, '基线评估')"
        )
    store.close()
    old = {"kind": "interview", "subject": "王建国", "role": "总经理", "clauses": ["6.1.1"]}
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO plan_items (uuid, created_at, updated_at, version, engagement_id, kind, "
        "position, data) VALUES ('i-1', '2026-01-01', '2026-01-01', 1, 1, 'fieldwork', 0, ?)",
        (json.dumps(old, ensure_ascii=False),),
    )
    con.commit()
    con.close()

    store = open_store(db_path)
    [item] = plan.list_items(store, "e-1", "fieldwork")
    assert item.record == Fieldwork(
        kind="interview", subject="王建国", role="总经理", clauses=("6.1.1",)
    )
    assert item.record.status == "held" and item.record.minutes == 60
    dx.set_answer(store, "r-1", "6.1.1.a", status="partly", note="只看报表", interview="i-1")
    store.close()

    store = open_store(db_path)
    data = dx.load_round(store, "r-1")
    assert data.heard == {"i-1": {"6.1.1.a": AnswerRecord("partly", "只看报表")}}
    assert data.answers["6.1.1.a"] == AnswerRecord("partly", "只看报表")
    store.close()


def test_the_interview_plan_survives_reopening_and_the_engagement_file(
    db_path: Path,
) -> None:
    store = open_store(db_path)
    eng, rnd = _engagement(store)
    planned = Fieldwork(
        kind="interview",
        subject="刘海峰",
        role="副总经理",
        department="生产部",
        held_on=date(2026, 6, 3),
        starts=time(9, 30),
        minutes=90,
        place="三楼会议室",
        status="planned",
        clauses=("7.3.1", "7.3.2"),
    )
    item = plan.add_item(store, eng, planned)
    dx.set_heard(store, rnd, item.uuid, "7.3.1.a", status="not_met", note="靠电话")
    dx.set_clause(store, rnd, "7.3.1", "findings", "插单多", interview=item.uuid)
    with pytest.raises(ValueError):
        plan.add_item(store, eng, Fieldwork(kind="interview", subject="X", status="maybe"))
    store.close()

    store = open_store(db_path)
    assert plan.list_items(store, eng, "fieldwork")[0].record == planned
    assert dx.load_round(store, rnd).heard[item.uuid] == {
        "7.3.1.a": AnswerRecord("not_met", "靠电话"),
        "7.3.1": AnswerRecord("", "插单多"),
    }
    with store.session() as s:
        snapshot = parse_snapshot(to_json(take_snapshot(s, eng)))
    [heard_round] = snapshot.rounds
    assert {(h.interview, h.key, h.status) for h in heard_round.heard} == {
        (item.uuid, "7.3.1.a", "not_met"),
        (item.uuid, "7.3.1", ""),
    }
    store.close()


# ---------------------------------------------------------------- suggestions
def test_clauses_are_placed_with_the_function_they_concern() -> None:
    assert function_of("6.1.3").code == "leadership"  # type: ignore[union-attr]
    assert function_of("6.2.1").code == "strategy"  # type: ignore[union-attr]
    assert function_of("7.3.3").code == "quality"  # type: ignore[union-attr]
    assert function_of("7.3.1").code == "production"  # type: ignore[union-attr]
    assert function_of("9.2").code == "it"  # type: ignore[union-attr]
    # every clause of the guide has somebody to ask
    assert all(function_of(c.key) is not None for c in GUIDE.clauses())
    leadership = function_of("6.1.1")
    assert leadership is not None
    assert holds(leadership, "总经理") and not holds(leadership, "副总经理（生产）")
    it = function_of("9.1")
    assert it is not None
    assert holds(it, "IT manager") and not holds(it, "Quality manager")


def test_interviews_are_suggested_from_the_scope_and_the_contacts(store: Store) -> None:
    eng, _rnd = _engagement(store)
    service.set_field(
        store,
        eng,
        "contacts",
        (
            ContactRecord("王建国", "总经理"),
            ContactRecord("刘海峰", "副总经理（生产）"),
            ContactRecord("赵敏", "信息中心主任"),
        ),
    )
    # only leadership, production planning and the data platform are in scope
    keep = {"6.1.1", "6.1.2", "7.3.1", "9.3"}
    dx.set_scope(store, eng, {c.key: ScopeEntry(in_scope=c.key in keep) for c in GUIDE.clauses()})
    suggested = suggest_for(store, eng)
    assert [(f.subject, f.role, f.clauses, f.status) for f in suggested] == [
        ("王建国", "总经理", ("6.1.1", "6.1.2"), "planned"),
        ("刘海峰", "副总经理（生产）", ("7.3.1",), "planned"),
        ("赵敏", "信息中心主任", ("9.3",), "planned"),
    ]
    plan.add_item(store, eng, suggested[0])
    # what the plan covers is not suggested again
    assert [f.subject for f in suggest_for(store, eng)] == ["刘海峰", "赵敏"]


def test_a_function_nobody_holds_gets_a_placeholder_in_the_engagement_language() -> None:
    keys = ["6.2.1", "7.3.1", "7.3.2"]
    zh = suggest_interviews(keys, [ContactRecord("王建国", "总经理")], lang="zh")
    assert [(f.subject, f.clauses) for f in zh] == [
        ("战略规划负责人", ("6.2.1",)),
        ("生产负责人", ("7.3.1", "7.3.2")),
    ]
    en = suggest_interviews(keys, [ContactRecord("Ann Lee", "Plant manager")], lang="en")
    assert [(f.subject, f.clauses) for f in en] == [
        ("Head of strategy", ("6.2.1",)),
        ("Ann Lee", ("7.3.1", "7.3.2")),
    ]
    # a cancelled interview covers nothing: its clauses are suggested again
    cancelled = Fieldwork(kind="interview", subject="Ann", clauses=("7.3.1",), status="cancelled")
    assert [f.clauses for f in suggest_interviews(["7.3.1"], [], [cancelled], "en")] == [("7.3.1",)]


# ---------------------------------------------------------------- what was heard
def test_each_interview_keeps_what_it_said_and_disagreements_are_found(store: Store) -> None:
    eng, rnd = _engagement(store)
    sun = plan.add_item(store, eng, Fieldwork(kind="interview", subject="孙立强")).uuid
    feng = plan.add_item(store, eng, Fieldwork(kind="interview", subject="冯刚")).uuid
    wang = plan.add_item(store, eng, Fieldwork(kind="interview", subject="王建国")).uuid
    dx.set_answer(store, rnd, "7.3.1.a", status="partly", interview=sun)
    dx.set_answer(store, rnd, "7.3.1.b", status="met", interview=sun)
    dx.set_answer(store, rnd, "7.3.1.a", status="not_met", note="靠加班", interview=feng)
    dx.set_answer(store, rnd, "7.3.1.b", status="met", interview=feng)
    dx.set_answer(store, rnd, "6.1.1.a", status="met", interview=wang)
    data = dx.load_round(store, rnd)
    # the consolidated answer is the last one given; each interview keeps its own
    assert data.answers["7.3.1.a"] == AnswerRecord("not_met", "靠加班")
    assert data.heard[sun]["7.3.1.a"] == AnswerRecord("partly", "")
    clause = GUIDE.clause("7.3.1")
    assert covering(data.heard, clause) == [sun, feng]
    [split] = disagreements(data.heard, clause)
    assert split.key == "7.3.1.a"
    assert split.statuses == ((sun, "partly"), (feng, "not_met"))
    # a removed interview no longer counts
    assert disagreements(data.heard, clause, known={sun, wang}) == []
    assert covering(data.heard, GUIDE.clause("6.1.1")) == [wang]


def test_what_was_heard_refuses_what_the_diagnosis_could_not_show(store: Store) -> None:
    _eng, rnd = _engagement(store)
    with pytest.raises(ValueError):
        dx.set_heard(store, rnd, "x", "7.3.1", status="met")  # a clause has no status
    with pytest.raises(ValueError):
        dx.set_heard(store, rnd, "x", "7.3.1.a", status="maybe")
    with pytest.raises(ValueError):
        dx.set_heard(store, rnd, "", "7.3.1.a", status="met")
    assert dx.load_round(store, rnd).heard == {}


# ---------------------------------------------------------------- papers
def _plan_two(store: Store, language: str) -> tuple[str, list[str]]:
    eng, _rnd = _engagement(store, language)
    service.set_field(store, eng, "consultants", "Lin Xiao" if language == "en" else "林晓")
    if language == "en":
        service.set_field(store, eng, "client_name", "Lanyue Precision")
        service.set_field(store, eng, "title", "Diagnosis")
    people = (
        [("Wang Jianguo", "General manager"), ("Sun Liqiang", "Planning manager")]
        if language == "en"
        else [("王建国", "总经理"), ("孙立强", "生产计划部经理")]
    )
    uuids = []
    for (name, role), clauses, day in zip(
        people, (("6.1.1",), ("7.3.1", "7.3.4")), (4, 3), strict=True
    ):
        uuids.append(
            plan.add_item(
                store,
                eng,
                Fieldwork(
                    kind="interview",
                    subject=name,
                    role=role,
                    held_on=date(2026, 6, day),
                    starts=time(9, 30),
                    place="Room 3" if language == "en" else "三楼会议室",
                    status="planned",
                    clauses=clauses,
                ),
            ).uuid
        )
    plan.add_item(
        store,
        eng,
        Fieldwork(kind="interview", subject="Held", status="held", clauses=("9.1",))
        if language == "en"
        else Fieldwork(kind="interview", subject="已谈", status="held", clauses=("9.1",)),
    )
    return eng, uuids


def test_the_chinese_guide_asks_the_clauses_questions_in_chinese_only(
    store: Store, tmp_path: Path
) -> None:
    eng, _ = _plan_two(store, "zh")
    papers = load_papers(store, eng)
    target = write_guide(papers, pick(papers, 2), tmp_path / "提纲.docx")
    text = _text(target)
    assert "孙立强" in text and "2026年6月3日 09:30–10:30" in text and "三楼会议室" in text
    assert "林晓" in text and "大连澜岳精工" in text
    for key in ("7.3.1", "7.3.4"):
        clause = GUIDE.clause(key)
        assert clause.label("zh") in text
        for q in questions(clause, "zh"):
            assert q.requirement in text and q.question in text
    assert "6.1.1" not in text  # another interview's clause
    assert "☐ 符合" in text and "☐ 部分符合" in text and "☐ 不符合" in text
    assert ENGLISH_WORD.findall(text) == []


def test_the_english_guide_has_no_chinese(store: Store, tmp_path: Path) -> None:
    eng, _ = _plan_two(store, "en")
    papers = load_papers(store, eng)
    target = write_guide(papers, pick(papers, 1), tmp_path / "guide.docx")
    text = _text(target)
    assert GUIDE.clause("6.1.1").label("en") in text
    assert "How does the company do this today?" in text
    assert "☐ Partly met" in text
    assert not CJK.search(text), CJK.findall(text)[:10]
    with pytest.raises(InterviewNotFoundError):
        pick(papers, 4)


def test_the_schedule_lists_each_planned_interview_once_in_time_order(
    store: Store, tmp_path: Path
) -> None:
    eng, _ = _plan_two(store, "zh")
    target = write_schedule(load_papers(store, eng), tmp_path / "日程.docx")
    [table] = Document(str(target)).tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0][:5] == ["日期", "时间", "地点", "受访人", "职务 / 部门"]
    # the held interview is not on it; the earlier day comes first
    assert [r[3] for r in rows[1:]] == ["孙立强", "王建国"]
    assert rows[1][5] == "生产计划管理、生产物流管理" and rows[1][6] == "60分钟"


def test_the_command_line_writes_the_guide_and_the_schedule(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    eng, _ = _plan_two(store, "zh")
    store.close()
    guide, schedule = tmp_path / "g.docx", tmp_path / "s.docx"
    run = [sys.executable, "-m", "dtbench", "--db", str(db_path), "interviews", eng[:8]]
    done = subprocess.run(
        [*run, "--guide", str(guide), "--interview", "2", "--schedule", str(schedule)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "孙立强" in _text(guide) and len(Document(str(schedule)).tables[0].rows) == 3
    listed = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert listed.stdout.splitlines()[0].startswith("1. 王建国")
    wrong = subprocess.run(
        [*run, "--guide", str(guide), "--interview", "9"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1


def test_a_guide_file_open_in_word_is_a_clear_message_and_stays_as_it_was(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Word holds open (os.replace: PermissionError)."""
    import os

    from dtbench.atomic_files import OutputLockedError

    eng, _ = _plan_two(store, "zh")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "提纲.docx"
    target.write_bytes(b"old")
    papers = load_papers(store, eng)

    def locked(_src: object, _dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputLockedError) as raised:
        write_guide(papers, pick(papers, 1), target)
    assert "open in another program" in str(raised.value)
    assert target.read_bytes() == b"old" and [p.name for p in folder.iterdir()] == ["提纲.docx"]


# ---------------------------------------------------------------- proposal
def test_the_proposal_lists_held_interviews_only(store: Store, tmp_path: Path) -> None:
    eng, _ = _plan_two(store, "zh")
    plan.add_item(
        store,
        eng,
        Fieldwork(kind="interview", subject="钱永红", status="cancelled", clauses=("6.2.3",)),
    )
    target = tmp_path / "建议书.docx"
    run_export(store, ExportRequest(eng, docx=target))
    doc = Document(str(target))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "访谈了1人" in text
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    interviews = next(t for t in tables if t[0][:2] == ["姓名", "职务 / 部门"])
    assert [row[0] for row in interviews[1:]] == ["已谈"]
    assert interviews[1][3].splitlines()[-1] == "9.1"


def test_the_samples_have_an_interview_plan_and_a_disagreement(store: Store) -> None:
    for language, first in (("zh", "孙立强"), ("en", "Sun Liqiang")):
        eng = create_demo(store, language)
        items = [
            i for i in plan.list_items(store, eng, "fieldwork") if i.record.kind == "interview"
        ]
        statuses = [i.record.status for i in items]
        assert statuses.count("planned") >= 3 and statuses.count("cancelled") == 1
        assert all(i.record.starts and i.record.place for i in items)
        baseline = dx.list_rounds(store, eng)[0]
        heard = dx.load_round(store, baseline.uuid).heard
        names = {i.uuid: i.record.subject for i in items}
        split = disagreements(heard, GUIDE.clause("7.3.1"), known=set(names))
        assert [d.key for d in split] == ["7.3.1.a.2", "7.3.1.b"]
        assert names[split[0].statuses[0][0]] == first
