"""Change notices: what one operation changed reaches every open view, which reloads itself.

A change made outside a session (a questionnaire applied, an engagement file imported, a
colleague's edit later) shows in the open engagement; an edit and its undo say what they
changed; a notice about another engagement leaves the open one alone.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.plan import service as plan
from dtbench.plan.records import Initiative
from dtbench.store.database import Store
from dtbench.ui.kit.changes import (
    ANSWERS,
    ENGAGEMENTS,
    KINDS,
    PLAN,
    PROFILE,
    Changes,
)
from dtbench.ui.shell.main_window import MainWindow

GUIDE = load_guide()


def _open(window: MainWindow, store: Store, step: str = "dashboard") -> str:
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.changes.publish(Changes.of(created.uuid, ENGAGEMENTS))
    window.open_engagement(created.uuid, step)
    QApplication.processEvents()
    return created.uuid


def _heard(window: MainWindow) -> list[tuple[Changes, object]]:
    notices: list[tuple[Changes, object]] = []
    window.changes.changed.connect(lambda changes, source: notices.append((changes, source)))
    return notices


def test_a_notice_says_which_engagement_and_which_records() -> None:
    answers = Changes.of("e1", ANSWERS)
    assert answers.touches("e1", (ANSWERS, PLAN))
    assert not answers.touches("e2", (ANSWERS,))  # another engagement
    assert not answers.touches("e1", (PLAN,))  # other records
    assert Changes.everything().touches("any", (PLAN,))
    assert Changes.everything().kinds == KINDS
    with pytest.raises(ValueError, match="unknown"):
        Changes.of("e1", "answer")  # a typo cannot pass for a kind


def test_answers_changed_elsewhere_show_in_the_open_diagnosis(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    assert "Answered: 0 of 951" in ws.dashboard.figures.text()
    rnd = dx.list_rounds(store, uuid)[-1].uuid
    key = GUIDE.clause("7.3.1").items[0].key
    dx.set_answer(store, rnd, key, status="met", note="看板已上线")  # as an import would

    # a notice about another engagement leaves this one as it was
    window.changes.publish(Changes.of("another-engagement", ANSWERS))
    assert "Answered: 0 of 951" in ws.dashboard.figures.text()
    # a notice about its answers: the session reloads and the dashboard follows
    window.changes.publish(Changes.of(uuid, ANSWERS))
    assert ws.session.answer(key).status == "met"
    assert ws.session.answer(key).note == "看板已上线"
    assert "Answered: 1 of 951" in ws.dashboard.figures.text()
    assert "Overall index: 100" in ws.dashboard.figures.text()


def test_plan_records_changed_elsewhere_show_on_the_roadmap(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store, step="roadmap")
    ws = window.workspace
    assert ws is not None
    table = ws.roadmap.initiatives.table
    assert table.rowCount() == 0
    plan.add_item(store, uuid, Initiative(title="MES 二期"))
    window.changes.publish(Changes.of(uuid, ANSWERS))  # not the plan: nothing to reload
    assert table.rowCount() == 0
    window.changes.publish(Changes.of(uuid, PLAN))
    assert [i.record.title for i in ws.plan.items("initiative")] == ["MES 二期"]
    assert table.rowCount() == 1


def test_a_profile_changed_elsewhere_shows_in_the_profile_and_the_list(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store, step="profile")
    ws = window.workspace
    assert ws is not None
    service.set_field(store, uuid, "title", "实施规划")
    window.changes.publish(Changes.of(uuid, PROFILE))
    assert "实施规划" in ws.profile.heading.text()
    window.show_list()
    model = window.list_page.view.model()
    column = window.list_page.model.TITLE
    titles = [str(model.index(r, column).data()) for r in range(model.rowCount())]
    assert any("实施规划" in t for t in titles), titles


def test_edits_and_their_undo_say_what_they_changed(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    notices = _heard(window)
    key = GUIDE.clause("7.3.1").items[0].key
    ws.session.set_answer(key, status="met", text="answer")
    ws.plan.add(Initiative(title="数据中台"), "add")
    window.undo_group.undo()
    window.undo_group.undo()
    got = [(c.engagement, sorted(c.kinds), s) for c, s in notices]
    assert got == [
        (uuid, [ANSWERS], ws.session),
        (uuid, [PLAN], ws.plan),
        (uuid, [PLAN], ws.plan),  # the undo of the initiative
        (uuid, [ANSWERS], ws.session),  # the undo of the answer
    ]
    assert ws.session.answer(key).status == ""
    assert ws.plan.items("initiative") == []


def test_the_engagement_list_follows_creation_and_deletion(
    qtbot, window: MainWindow, store: Store
) -> None:
    notices = _heard(window)
    other = service.create_engagement(store, client_name="甲方", title="乙")
    assert window.list_page.model.rowCount() == 0  # not told yet
    window.changes.publish(Changes.of(other.uuid, ENGAGEMENTS))
    assert window.list_page.current_uuid() == other.uuid
    window.delete(confirm=False)
    assert window.list_page.model.rowCount() == 0
    assert [(c.engagement, sorted(c.kinds)) for c, _s in notices][-1] == (
        other.uuid,
        [ENGAGEMENTS],
    )
