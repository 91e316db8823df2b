"""An item of the guide is rated in one place only: the leader competencies (6.1.1) are the
diagnosis's answers, wherever they are shown or edited; older databases are moved over."""

from __future__ import annotations

import json
import sqlite3
import typing
from pathlib import Path

import msgspec
from old_schema import insert
from PySide6.QtCore import Qt
from sqlalchemy import select

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.plan import records
from dtbench.store import open_store
from dtbench.store.models import PlanValue
from dtbench.ui.shell.main_window import MainWindow

GUIDE = load_guide()
A, B, C = (p.key for p in list(GUIDE.clause("6.1.1").checkpoints())[:3])


def _structs(kind: type) -> set[type]:
    """Every record type reachable from ``kind``'s fields."""
    found = {kind}
    for field in msgspec.structs.fields(kind):
        for arg in _leaves(field.type):
            if isinstance(arg, type) and issubclass(arg, msgspec.Struct) and arg not in found:
                found |= _structs(arg)
    return found


def _leaves(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [leaf for a in args for leaf in _leaves(a)]


def test_no_plan_record_can_rate_a_guide_item_again() -> None:
    """A plan record holding statuses by key would be a second rating of guide items."""
    for kind in (*records.ITEM_KINDS.values(), *records.VALUE_KINDS.values()):
        for struct in _structs(kind):
            for field in msgspec.structs.fields(struct):
                values = typing.get_args(field.type)
                if typing.get_origin(field.type) is dict and len(values) == 2:
                    inner = values[1]
                    rated = isinstance(inner, type) and issubclass(inner, msgspec.Struct)
                    names = {f.name for f in msgspec.structs.fields(inner)} if rated else set()
                    assert "status" not in names, f"{struct.__name__}.{field.name}"


def test_older_leadership_ratings_move_into_the_diagnosis(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    open_store(db, migrate_to="0004").close()
    old = {
        "competencies": {
            A: {"status": "not_met", "note": "两处评价不一致"},
            B: {"status": "partly", "note": "只在领导力步骤评过"},
            "9.9.bogus": {"status": "met", "note": ""},
        }
    }
    con = sqlite3.connect(db)  # as dtbench at revision 0004 wrote them
    client = insert(con, "clients", uuid="c-1", name="甲")
    eid = insert(
        con, "engagements", uuid="e-1", title="乙", client_id=client, status="draft", language="zh"
    )
    rid = insert(con, "assessment_rounds", uuid="r-1", engagement_id=eid, number=1, name="基线评估")
    insert(con, "answers", round_id=rid, key=A, status="met", note="领导小组已运行")
    insert(con, "plan_values", engagement_id=eid, name="leadership", data=json.dumps(old))
    con.commit()
    con.close()
    rnd = "r-1"

    store = open_store(db)  # migrates to the head
    answers = dx.load_round(store, rnd).answers
    assert (answers[A].status, answers[A].note) == ("met", "领导小组已运行")  # the diagnosis wins
    assert (answers[B].status, answers[B].note) == ("partly", "只在领导力步骤评过")
    assert "9.9.bogus" not in answers
    with store.session() as s:
        kept = s.scalar(select(PlanValue.data).where(PlanValue.name == "leadership"))
    assert "competencies" not in (json.loads(kept) if isinstance(kept, str) else kept)
    store.close()


def test_a_competency_rated_in_leadership_is_the_diagnosis_answer_and_back(
    qtbot, window: MainWindow, store
) -> None:  # type: ignore[no-untyped-def]
    uuid = service.create_engagement(store, client_name="甲", title="乙").uuid
    window.refresh(uuid)
    window.open_engagement(uuid, step="leadership")
    ws = window.workspace
    assert ws is not None
    page = ws.leadership
    page.tabs.setCurrentIndex(1)
    table = page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_2)  # partly met, on the first line
    assert ws.session.answer(A).status == "partly"  # what the Diagnosis step shows
    ws.session.set_answer(C, status="met", text="answer")  # rated in the diagnosis…
    assert str(table.model().index(2, 2).data()) == "Met"  # …shows in the leadership step
    assert "Rated 2 of 18" in page.competency_summary.text()
    window.undo_group.undo()
    window.undo_group.undo()
    rnd = dx.list_rounds(store, uuid)[-1].uuid
    assert dx.load_round(store, rnd).answers == {}
