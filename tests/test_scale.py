"""An engagement with many rounds and much evidence stays interactive: what the window does
on the GUI thread reads what it shows, never every round's notes or every file's bytes
(issue 18, point 6; tests/bench/bench_scale.py measures it with ten rounds and 2 GB)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from sqlalchemy import event

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scoring import score
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.store.database import Store
from dtbench.ui.diagnosis.session import DiagnosisSession

GUIDE = load_guide()
ROUNDS = 4


def _engagement(store: Store, tmp_path: Path) -> str:
    """An engagement of ``ROUNDS`` rounds, each with answers, levels, notes and evidence."""
    profile = service.create_engagement(store, client_name="大连澜岳精工", title="复评")
    dx.ensure_rounds(store, profile.uuid, "基线评估")
    points = [p.key for p in GUIDE.clause("7.3.1").checkpoints()]
    for n in range(ROUNDS):
        if n:
            dx.new_round(store, profile.uuid, f"第{n + 1}轮")
        rnd = dx.list_rounds(store, profile.uuid)[-1].uuid
        dx.set_answer(store, rnd, points[n % len(points)], status="met", note="现场查看")
        dx.set_answer(store, rnd, points[-1], status=("partly", "not_met")[n % 2])
        dx.set_clause(store, rnd, "7.3.1", "current", 1 + n % 3)
        dx.set_clause(store, rnd, "7.3.1", "target", 4)
        dx.set_clause(store, rnd, "7.3.1", "findings", "排产靠Excel")
        file = tmp_path / f"evidence-{n}.bin"
        file.write_bytes(bytes([n]) * 4096)
        dx.add_evidence(store, rnd, "7.3.1", file)
    return profile.uuid


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """The SQL statements the store runs meanwhile."""
    seen: list[str] = []

    def before(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def _whole_round_reports(store: Store, engagement: str) -> dict[str, object]:
    scope = dx.get_scope(store, engagement)
    reports = {}
    for r in dx.list_rounds(store, engagement):
        data = dx.load_round(store, r.uuid)
        reports[r.uuid] = score(GUIDE, data.statuses(), data.levels(), scope)
    return reports


def test_round_reports_score_every_round_as_a_whole_load_does(store: Store, tmp_path: Path) -> None:
    engagement = _engagement(store, tmp_path)
    uuids = [r.uuid for r in dx.list_rounds(store, engagement)]
    scope = dx.get_scope(store, engagement)

    reports = dx.round_reports(store, engagement, uuids, scope)

    assert reports == _whole_round_reports(store, engagement)
    # the rounds really differ: the comparison means something
    assert len({r.by_key["7.3.1"].current for r in reports.values()}) > 1


def test_the_dashboards_rounds_read_no_evidence_nor_notes(
    qapp, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """What the dashboard asks for every round (its scores) is read in a fixed number of
    queries of scores alone, however many rounds: not each round whole, evidence included."""
    engagement = _engagement(store, tmp_path)
    parent = QObject()
    session = DiagnosisSession(store, GUIDE, QUndoStack(parent), parent)
    session.open(engagement, "zh")
    expected = _whole_round_reports(store, engagement)

    with statements(store) as seen:
        reports = {r.uuid: session.report_of(r.uuid) for r in session.rounds}

    assert reports == expected
    touched = " ".join(seen).lower()
    assert "evidence" not in touched
    assert "note" not in touched and "findings" not in touched
    assert len(seen) <= 4  # engagement, rounds, answers, levels: not four per round


def test_the_documents_read_only_the_latest_rounds_evidence(store: Store, tmp_path: Path) -> None:
    """Gathering the engagement for the documents (the export dialog, the export) reads one
    round whole, the one the documents describe; the others for their scores alone."""
    from dtbench.deliverables import content

    engagement = _engagement(store, tmp_path)

    with statements(store) as seen:
        gathered = content.gather(store, engagement, "zh")

    assert [r for r, _report in gathered.rounds] == dx.list_rounds(store, engagement)
    assert len([s for s in seen if "FROM evidence" in s]) == 1


def test_starting_an_export_gathers_nothing_on_the_gui_thread(
    qtbot, export_dialog, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The dialog gathered the engagement when it opened; Export does not read it all again
    on the GUI thread before the work (and its progress dialog) starts."""
    import threading

    from dtbench.deliverables import content

    real = content.gather
    on_gui_thread: list[str] = []

    def gather(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(content, "gather", gather)
    export_dialog.excel.setChecked(False)
    results: list[object] = []
    export_dialog.finished_export.connect(results.append)

    export_dialog.start()
    qtbot.waitUntil(lambda: bool(results), timeout=120_000)

    assert on_gui_thread == []
    assert not isinstance(results[0], BaseException), results[0]


def test_evidence_bytes_are_read_only_to_open_the_file(store: Store, tmp_path: Path) -> None:
    """Attaching a file already stored, undoing a removal, or looking a stored file up reads
    no bytes (a database holds gigabytes of them); opening the file reads them."""
    from sqlalchemy import select

    from dtbench.store.models import EvidenceBlob

    engagement = _engagement(store, tmp_path)
    rnd = dx.list_rounds(store, engagement)[-1].uuid
    file = tmp_path / "evidence-0.bin"  # stored already, in the first round
    record = dx.load_round(store, rnd).evidence["7.3.1"][0]

    with statements(store) as seen:
        again = dx.add_evidence(store, rnd, "7.3.2", file)
        removed = dx.remove_evidence(store, record.uuid)
        dx.restore_evidence(store, rnd, removed)
        with store.session() as s:
            found = s.scalars(select(EvidenceBlob)).all()
            assert {b.sha256 for b in found} >= {again.sha256, record.sha256}
        dx.load_round(store, rnd)

    reads = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert reads and not [s for s in reads if "evidence_blobs.data" in s]
    assert dx.evidence_data(store, again.sha256) == file.read_bytes()
