"""An export says at once where it cannot write, and its progress moves from the start
(issue 16, point 6): the folder is checked before any chart is drawn, the message names it,
and the first stage is reported before anything slow begins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from folders import read_only
from PySide6.QtWidgets import QMessageBox

from dtbench.deliverables import figures
from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.deliverables.files import OutputFolderError
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.exchange.export_dialog import ExportDialog


def _no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    def drawn(*_args: object, **_kwargs: object) -> dict[str, bytes]:
        raise AssertionError("charts drawn before the output folder was checked")

    monkeypatch.setattr(figures, "render_figures", drawn)


@pytest.mark.parametrize("which", ["docx", "xlsx", "pdf"])
def test_an_unwritable_folder_is_named_before_any_chart_is_drawn(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    uuid = create_demo(store)
    good = tmp_path / "out"
    good.mkdir()
    locked = tmp_path / "只读"
    locked.mkdir()
    read_only(monkeypatch, locked)
    _no_charts(monkeypatch)
    monkeypatch.setattr(
        "dtbench.deliverables.office.find_soffice", lambda: "/usr/bin/soffice"
    )  # the PDF's check must not depend on LibreOffice being here
    paths = {"docx": good / "p.docx", "xlsx": good / "p.xlsx", "pdf": None}
    paths[which] = locked / f"p.{which}"
    calls: list[tuple[str, int, int]] = []
    with pytest.raises(OutputFolderError) as refused:
        run_export(
            store,
            ExportRequest(engagement=uuid, **paths),  # type: ignore[arg-type]
            progress=lambda *a: calls.append(a),
        )
    text = refused.value.message(lambda _c, source: source)
    assert text == f"The folder {locked} does not exist or cannot be written."
    assert list(good.iterdir()) == [] and list(locked.iterdir()) == []
    assert calls[:1] == [("gather", 0, 1)]  # the progress had its first stage at once


def test_progress_starts_at_once_and_moves_while_the_charts_are_drawn(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = create_demo(store)
    calls: list[tuple[str, int, int]] = []
    real = figures.render_figures

    def small(content: Any, **kwargs: Any) -> dict[str, bytes]:
        return real(content, dpi=40, **{k: v for k, v in kwargs.items() if k != "dpi"})

    monkeypatch.setattr(figures, "render_figures", small)
    run_export(
        store,
        ExportRequest(engagement=uuid, docx=tmp_path / "p.docx", record_issue=False),
        progress=lambda *a: calls.append(a),
    )
    assert calls[0] == ("gather", 0, 1)
    charts = [(done, total) for stage, done, total in calls if stage == "charts"]
    total = charts[-1][1]
    assert total > 3 and charts[0] == (0, total) and charts[-1] == (total, total)
    assert [done for done, _t in charts] == list(range(total + 1))


def test_dialog_names_the_folder_before_drawing(
    qtbot, export_dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = export_dialog
    locked = tmp_path / "只读"
    locked.mkdir()
    read_only(monkeypatch, locked)
    _no_charts(monkeypatch)
    dialog.word_path.setText(str(locked / "proposal.docx"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    with qtbot.waitSignal(dialog.finished_export, timeout=60000):
        dialog.start()
    assert shown == [f"The folder {locked} does not exist or cannot be written."]
    assert not (tmp_path / "plan.xlsx").exists()
