"""Charts drawn once (dtbench.reports.chart_cache): a chart whose input has not changed is not
drawn again, by the dashboard or an export; the proposal draws only the charts it places."""

from __future__ import annotations

import io
import zipfile
from functools import partial
from pathlib import Path

import pytest

from dtbench.deliverables.content import gather
from dtbench.deliverables.docx_proposal import SECTIONS, build_proposal
from dtbench.deliverables.docx_writer import DocxWriter
from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.deliverables.figures import render_figures
from dtbench.engagement import service as engagements
from dtbench.reports import chart_cache
from dtbench.reports.raster import Raster
from dtbench.reports.render_pool import RenderPool
from dtbench.sample import create_demo
from dtbench.store import Store, open_store

DRAWN: list[str] = []  # what _counted drew, in this process (the thread pool draws here)


def _counted(name: str, value: int) -> Raster:
    DRAWN.append(name)
    return Raster(1, 1, bytes((value, 0, 0, 255)))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "e.sqlite3")
    yield opened
    opened.close()


def _placed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the charts the proposal's writer places, as it places them."""
    placed: list[str] = []
    original = DocxWriter.figure

    def figure(self: DocxWriter, name: str, *args: object, **kwargs: object) -> None:
        if self.figures.get(name):
            placed.append(name)
        original(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(DocxWriter, "figure", figure)
    return placed


@pytest.mark.parametrize("case", ["sample", "some sections", "new engagement"])
def test_the_proposal_draws_exactly_the_charts_it_places(
    case: str, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case == "new engagement":  # nothing answered, one round, no plan: few charts
        uuid = engagements.create_engagement(store, client_name="Acme", title="Audit").uuid
    else:
        uuid = create_demo(store)
    sections = ("cover", "diagnosis", "roadmap") if case == "some sections" else SECTIONS
    content = gather(store, uuid, "zh")
    placed = _placed(monkeypatch)
    figures = render_figures(content, dpi=40, sections=sections)
    build_proposal(content, tmp_path / "p.docx", figures=figures, sections=sections)
    assert sorted(figures) == sorted(set(placed))  # nothing drawn for nobody, nothing missing
    if case == "sample":  # a complete diagnosis: no progress chart is drawn and thrown away
        assert "progress" not in figures and "rounds" in figures and "gantt" in figures
    if case == "new engagement":
        assert "progress" in figures and "gantt" not in figures


def test_a_chart_is_drawn_again_only_when_its_input_changed() -> None:
    DRAWN.clear()
    pool = RenderPool(0)  # a thread here: the drawings can be counted
    first = chart_cache.run(partial(_counted, "gaps", 1))
    again = chart_cache.submit(pool, partial(_counted, "gaps", 1)).result(timeout=60)
    changed = chart_cache.submit(pool, partial(_counted, "gaps", 2)).result(timeout=60)
    assert DRAWN == ["gaps", "gaps"]  # the second ask was answered from the cache
    assert again == first and changed != first
    chart_cache.clear_memory()
    chart_cache.run(partial(_counted, "gaps", 1))
    assert DRAWN == ["gaps", "gaps", "gaps"]  # pixels for the screen are not kept on disk
    pool.shutdown()


def test_a_screen_chart_is_never_looked_for_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a document's pictures are kept on disk; looking there for the dashboard's would
    make its first showing read every source file of dtbench (for the code's digest)."""
    from dtbench.reports.chart_style import empty_chart
    from dtbench.reports.raster import draw, png

    monkeypatch.setenv(chart_cache.DISK_ENV, "on")
    read: list[str] = []
    monkeypatch.setattr(chart_cache, "_disk_get", lambda key: read.append(key))
    pool = RenderPool(0)
    chart_cache.submit(pool, partial(_counted, "gaps", 3)).result(timeout=60)
    chart = partial(draw, empty_chart, "雷达", size=(1, 1), dpi=20)
    assert not chart_cache.submit(pool, chart).result(timeout=60).is_blank()
    assert read == []
    picture = partial(png, empty_chart, "雷达", size=(1, 1), dpi=20)
    assert chart_cache.submit(pool, picture).result(timeout=60).startswith(b"\x89PNG")
    assert len(read) == 1  # a document's picture is looked for there
    pool.shutdown()


def test_a_cancelled_chart_is_not_drawn() -> None:
    import threading

    release = threading.Event()
    pool = RenderPool(0)
    busy = pool.submit(release.wait)  # the one thread is taken
    waiting = chart_cache.submit(pool, partial(_counted, "radar", 9))
    assert waiting.cancel()
    release.set()
    busy.result(timeout=60)
    pool.shutdown()
    assert waiting.cancelled() and "radar" not in DRAWN


def _pictures(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def _other_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def test_an_exports_charts_are_kept_across_restarts(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(chart_cache.DISK_ENV, "on")
    uuid = create_demo(store)
    first = tmp_path / "first.docx"
    run_export(store, ExportRequest(engagement=uuid, docx=first, lang="en"))
    kept = sorted(chart_cache.disk_folder().glob("*.png"))
    assert len(kept) == 12  # one per chart the proposal places
    # A restart forgets what was in memory; the disk keeps the pictures. To see that the next
    # export takes them from there, the kept pictures are replaced by another one.
    chart_cache.clear_memory()
    other = _other_png()
    import hashlib

    for path in kept:
        path.write_bytes(chart_cache._MAGIC + hashlib.sha256(other).digest() + other)
    second = tmp_path / "second.docx"
    run_export(store, ExportRequest(engagement=uuid, docx=second, lang="en"))
    assert set(_pictures(second).values()) == {other}
    # A damaged picture in the cache is drawn again, never put in a proposal.
    chart_cache.clear_memory()
    for path in kept:
        path.write_bytes(path.read_bytes()[:-10])
    third = tmp_path / "third.docx"
    run_export(store, ExportRequest(engagement=uuid, docx=third, lang="en"))
    assert _pictures(third) == _pictures(first)


def test_new_code_draws_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(chart_cache.DISK_ENV, "on")
    content = gather(store, create_demo(store), "zh")
    render_figures(content, dpi=40, sections=("diagnosis",))
    before = {p.name for p in chart_cache.disk_folder().glob("*.png")}
    chart_cache.clear_memory()
    monkeypatch.setattr(chart_cache, "code_digest", lambda: "another release")
    render_figures(content, dpi=40, sections=("diagnosis",))
    after = {p.name for p in chart_cache.disk_folder().glob("*.png")}
    assert before and not before & (after - before) and len(after) == 2 * len(before)


def test_a_chart_drawn_without_a_chinese_font_is_not_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dtbench.reports import render_pool

    monkeypatch.setenv(chart_cache.DISK_ENV, "on")
    monkeypatch.setattr(render_pool, "cjk_font_found", lambda: False)
    content = gather(store, create_demo(store), "zh")
    figures = render_figures(content, dpi=40, sections=("diagnosis",))
    assert figures  # drawn (with empty boxes for Chinese), shown, but not kept for later
    assert not list(chart_cache.disk_folder().glob("*.png"))
