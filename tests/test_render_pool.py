"""Charts drawn in worker processes: the pool, its fall-back to a thread, and the renderer that
shows their results in the UI."""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Iterator
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from dtbench.guide import load_guide
from dtbench.guide.loader import load_guide_from
from dtbench.paths import resource_path
from dtbench.reports.chart_style import empty_chart
from dtbench.reports.raster import Raster, draw, render_raster
from dtbench.reports.render_pool import MAX_WORKERS, WORKERS_ENV, RenderPool, probe, worker_count
from dtbench.store import Store

PIXEL = Raster(1, 1, b"\x10\x20\x30\xff")


@pytest.fixture
def processes() -> Iterator[RenderPool]:
    pool = RenderPool(2)
    yield pool
    pool.shutdown()


# the proposal's figures: six of the diagnosis, two blueprints, the roadmap's two, the
# investment, the culture radar and the risk matrix
# every chart of the proposal but "progress" (the sample's diagnosis is complete)
PROPOSAL_FIGURES = 12


def _die_unless_in(pid: int) -> Raster:
    """A job that kills any worker process it runs in, and succeeds in process ``pid``."""
    if os.getpid() != pid:
        os._exit(3)
    return PIXEL


def _fail() -> Raster:
    raise ValueError("no data for this chart")


def _pixel_after(event: threading.Event) -> Raster:
    event.wait(30)
    return PIXEL


def test_jobs_run_in_worker_processes_and_draw_the_same_picture(processes: RenderPool) -> None:
    info = processes.submit(probe).result(timeout=120)
    assert processes.in_processes
    assert info["pid"] != os.getpid()
    assert info["drawn"] is True and info["chart_font_file"]

    job = partial(draw, empty_chart, "尚无回答 No answers yet", size=(3, 2), dpi=80)
    raster = processes.submit(job).result(timeout=120)
    assert (raster.width, raster.height) == (240, 160)
    assert not raster.is_blank()
    assert raster == render_raster(empty_chart("尚无回答 No answers yet", (3, 2)), 80)


def test_without_worker_processes_jobs_run_on_a_thread() -> None:
    pool = RenderPool(0)
    info = pool.submit(probe).result(timeout=120)
    assert not pool.in_processes
    assert info["pid"] == os.getpid() and info["drawn"] is True
    pool.shutdown()


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "0")
    assert worker_count() == 0
    monkeypatch.setenv(WORKERS_ENV, "2")
    assert worker_count() == 2
    monkeypatch.delenv(WORKERS_ENV)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert worker_count() == 0  # one CPU: a thread, no processes to start
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert worker_count() == MAX_WORKERS
    monkeypatch.setenv(WORKERS_ENV, "many")
    assert worker_count() == MAX_WORKERS  # not a number: the default


def test_the_shipped_guide_travels_to_workers_as_a_reference() -> None:
    guide = load_guide()
    data = pickle.dumps(guide)
    assert len(data) < 200 and pickle.loads(data) is guide
    other = load_guide_from(resource_path("guide"))  # equal, but not the shipped object
    copied = pickle.loads(pickle.dumps(other))
    assert copied == other and copied is not guide


def _renderer(pool: RenderPool):  # type: ignore[no-untyped-def]
    from dtbench.ui.kit.chart_view import ChartRenderer

    renderer = ChartRenderer(pool=pool)
    shown: list[tuple[str, Raster]] = []
    failures: list[str] = []
    renderer.chart_ready.connect(lambda name, raster: shown.append((name, raster)))
    renderer.failed.connect(failures.append)
    return renderer, shown, failures


def test_a_chart_survives_a_worker_that_dies(qtbot: QtBot) -> None:
    pool = RenderPool(1)
    renderer, shown, failures = _renderer(pool)
    with qtbot.waitSignal(renderer.ready, timeout=120_000):
        renderer.request({"gaps": partial(_die_unless_in, os.getpid())})
    assert shown == [("gaps", PIXEL)] and failures == []
    assert not pool.in_processes  # the rest of the session draws on a thread
    with qtbot.waitSignal(renderer.ready, timeout=60_000):
        renderer.request({"radar": partial(_die_unless_in, os.getpid())})
    assert shown[-1] == ("radar", PIXEL)
    pool.shutdown()


def test_a_failing_chart_is_reported_and_the_others_shown(qtbot: QtBot) -> None:
    renderer, shown, failures = _renderer(RenderPool(0))
    with qtbot.waitSignal(renderer.ready, timeout=60_000):
        renderer.request({"gaps": _fail, "index": lambda: PIXEL})
    assert shown == [("index", PIXEL)]
    assert failures == ["no data for this chart"]
    assert not renderer.busy


def test_a_newer_request_supersedes_an_older_one(qtbot: QtBot) -> None:
    renderer, shown, _failures = _renderer(RenderPool(0))
    release = threading.Event()
    renderer.request({"gaps": partial(_pixel_after, release), "radar": lambda: PIXEL})
    assert renderer.busy
    with qtbot.waitSignal(renderer.ready, timeout=60_000):
        renderer.request({"index": lambda: Raster(1, 1, b"\x00\x00\x00\xff")})
        release.set()  # the first job ends now; its result must not be shown
    qtbot.wait(50)
    assert [name for name, _raster in shown] == ["index"]


def test_the_proposal_charts_are_the_same_drawn_by_workers_or_here(
    store: Store, processes: RenderPool
) -> None:
    from dtbench.deliverables.cancel import ExportCancelled
    from dtbench.deliverables.content import gather
    from dtbench.deliverables.figures import render_figures
    from dtbench.sample import create_demo

    content = gather(store, create_demo(store), "zh")
    from dtbench.reports import chart_cache

    here = render_figures(content, dpi=60)
    chart_cache.clear_memory()  # drawn again, by the workers this time
    by_workers = render_figures(content, dpi=60, pool=processes)
    assert set(by_workers) == set(here) and len(here) == PROPOSAL_FIGURES
    assert all(by_workers[name] == here[name] for name in here)  # the same pictures
    with pytest.raises(ExportCancelled):
        render_figures(content, dpi=60, pool=processes, cancelled=lambda: True)


def test_the_proposal_charts_are_drawn_after_a_worker_died(store: Store) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from dtbench.deliverables.content import gather
    from dtbench.deliverables.figures import render_figures
    from dtbench.sample import create_demo

    content = gather(store, create_demo(store), "en")
    pool = RenderPool(1)
    with pytest.raises(BrokenProcessPool):
        pool.submit(_die_unless_in, os.getpid()).result(timeout=120)
    figures = render_figures(content, dpi=60, pool=pool)
    assert len(figures) == PROPOSAL_FIGURES and all(
        png.startswith(b"\x89PNG") for png in figures.values()
    )
    assert not pool.in_processes
    pool.shutdown()


def test_the_error_line_names_the_failure_and_goes_once_charts_draw(qtbot: QtBot) -> None:
    from dtbench.ui.kit.chart_view import ChartError

    renderer, _shown, _failures = _renderer(RenderPool(0))
    error = ChartError(renderer)
    qtbot.addWidget(error)
    error.show()
    with qtbot.waitSignal(renderer.ready, timeout=60_000):
        renderer.request({"gaps": _fail, "index": lambda: PIXEL})
    assert error.isVisible() and "no data for this chart" in error.text()
    with qtbot.waitSignal(renderer.ready, timeout=60_000):
        renderer.request({"gaps": lambda: PIXEL})
    assert not error.isVisible()
