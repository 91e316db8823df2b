"""The chart workers hold memory only while charts are drawn: a chart alone starts one worker,
the others start when charts are about to be needed, all end when idle (and start again for the
next chart), and no figure is kept in a worker once it has been turned into pixels."""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dtbench.reports.chart_style import empty_chart
from dtbench.reports.raster import draw
from dtbench.reports.render_pool import RenderPool, probe

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEADLINE_S = 120.0  # a loaded machine: generous, never asserted as a time


def _workers() -> set[int]:
    """The chart worker processes this process runs now (not the resource tracker, not a
    process that has ended)."""
    found = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            children = (task / "children").read_text(encoding="ascii").split()
        except OSError:
            continue
        for child in map(int, children):
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes()
                state = Path(f"/proc/{child}/stat").read_text(encoding="ascii").split(")")[-1]
            except OSError:
                continue
            if b"spawn_main" in command and state.split()[0] != "Z":
                found.add(child)
    return found


@pytest.fixture
def pools() -> Iterator[list[RenderPool]]:
    made: list[RenderPool] = []
    yield made
    for pool in made:
        pool.shutdown()


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")


def test_one_chart_at_a_time_keeps_one_worker_process(pools: list[RenderPool]) -> None:
    before = _workers()
    pool = RenderPool(2)
    pools.append(pool)
    assert _workers() == before  # nothing started before a chart is needed
    for _ in range(3):
        assert pool.submit(probe).result(timeout=DEADLINE_S)["drawn"] is True
    assert len(_workers() - before) == 1


def test_idle_workers_end_and_the_next_chart_still_arrives(pools: list[RenderPool]) -> None:
    before = _workers()
    pool = RenderPool(2, idle_s=1.0, extra_idle_s=1.0)
    pools.append(pool)
    pool.warm()  # charts are coming: both workers start
    answers = [pool.submit(probe) for _ in range(6)]
    assert all(answer.result(timeout=DEADLINE_S)["drawn"] for answer in answers)
    started = _workers() - before
    assert started
    deadline = time.monotonic() + DEADLINE_S
    while _workers() & started:
        assert time.monotonic() < deadline, "the idle chart workers did not end"
        time.sleep(0.2)
    assert pool.in_processes  # ended for idleness, not fallen back to a thread

    job = partial(draw, empty_chart, "尚无回答 No answers yet", size=(3, 2), dpi=80)
    raster = pool.submit(job).result(timeout=DEADLINE_S)
    assert (raster.width, raster.height) == (240, 160) and not raster.is_blank()
    assert _workers() - before - started  # drawn by a worker started again


_figures: list[weakref.ref[Figure]] = []


def _remembered_chart(text: str) -> Figure:
    """A chart whose figure the worker remembers weakly (runs in the worker)."""
    figure = empty_chart(text, (3, 2))
    _figures.append(weakref.ref(figure))
    return figure


def _figures_alive() -> int:
    return sum(ref() is not None for ref in _figures)


def test_no_figure_is_kept_after_it_was_drawn(pools: list[RenderPool]) -> None:
    pool = RenderPool(1, idle_s=0)
    pools.append(pool)
    for text in ("一", "二", "三"):
        job = partial(draw, _remembered_chart, text, dpi=200)
        assert not pool.submit(job).result(timeout=DEADLINE_S).is_blank()
    deadline = time.monotonic() + DEADLINE_S
    while pool.submit(_figures_alive).result(timeout=DEADLINE_S):
        assert time.monotonic() < deadline, "the worker kept the figures it drew"
        time.sleep(1.0)  # more than the worker waits, without jobs, before it tidies up


def test_after_an_exports_charts_only_the_first_worker_stays(store: object) -> None:
    """The proposal's charts are drawn side by side; once they are all there, the workers
    beyond the first end at once (not after their idle period), and the first stays."""
    from dtbench.deliverables.content import gather
    from dtbench.deliverables.figures import render_figures
    from dtbench.sample import create_demo

    content = gather(store, create_demo(store), "en")  # type: ignore[arg-type]
    before = _workers()
    pool = RenderPool(2, idle_s=3600, extra_idle_s=3600)  # no idle period ends them here
    try:
        figures = render_figures(content, dpi=40, pool=pool)
        assert figures and all(png.startswith(b"\x89PNG") for png in figures.values())
        deadline = time.monotonic() + DEADLINE_S
        while len(_workers() - before) != 1:
            assert time.monotonic() < deadline, "the extra chart worker stayed after the export"
            time.sleep(0.2)
        assert pool.running == 1 and pool.in_processes
    finally:
        pool.shutdown()
