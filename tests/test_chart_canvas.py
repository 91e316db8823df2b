"""The charts' canvas (dtbench.reports.chart_canvas): text is shaped once per process, and what
is drawn is exactly what matplotlib's own Agg canvas draws."""

from __future__ import annotations

import threading

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

from dtbench.reports import chart_canvas
from dtbench.reports.chart_style import fp
from dtbench.reports.raster import Raster, render_raster

LABELS = ["数字化转型战略", "Data governance", "组织与人才 Talent", "0.5", "100%", "现状"]


def _chart(canvas: type[FigureCanvasAgg]) -> Figure:
    """Text of every kind a chart has: CJK and Latin, sizes, bold, rotated, multi-line,
    tick labels, a title and a legend, under a constrained layout."""
    figure = Figure(figsize=(3.2, 2.4), layout="constrained")
    canvas(figure)
    ax = figure.add_subplot()
    ax.barh(range(len(LABELS)), [1, 2, 3, 2.5, 4, 1.5], label="目标 target")
    ax.set_yticks(range(len(LABELS)), LABELS, fontproperties=fp(9))
    ax.set_xlabel("成熟度等级\nmaturity level", fontproperties=fp(8))
    ax.text(2, 1, "差距 gap", rotation=30, fontproperties=fp(10, bold=True))
    ax.legend(prop=fp(7))
    figure.suptitle("诊断结果 Diagnosis", fontproperties=fp(12, bold=True))
    return figure


def _drawn(canvas: type[FigureCanvasAgg], dpi: float) -> Raster:
    return render_raster(_chart(canvas), dpi)


@pytest.mark.parametrize("dpi", [72, 100, 200])
def test_a_chart_looks_exactly_as_matplotlib_draws_it(dpi: float) -> None:
    chart_canvas.clear()
    plain = _drawn(FigureCanvasAgg, dpi)
    first = _drawn(chart_canvas.ChartCanvas, dpi)  # shaped now
    again = _drawn(chart_canvas.ChartCanvas, dpi)  # shaped before: taken from the caches
    assert not plain.is_blank()
    assert first == plain and again == plain


def test_a_chart_drawn_again_shapes_no_text_again(monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[str] = []
    laid_out: list[object] = []
    measure = RendererAgg.get_text_width_height_descent
    prepare = RendererAgg._prepare_font

    def counted_measure(self: RendererAgg, s: str, prop: object, ismath: object) -> object:
        measured.append(s)
        return measure(self, s, prop, ismath)

    def counted_prepare(self: RendererAgg, prop: object) -> object:
        laid_out.append(prop)
        return prepare(self, prop)

    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent", counted_measure)
    monkeypatch.setattr(RendererAgg, "_prepare_font", counted_prepare)
    chart_canvas.clear()
    first = _drawn(chart_canvas.ChartCanvas, 100)
    assert "数字化转型战略" in measured and laid_out
    measured.clear()
    laid_out.clear()
    again = _drawn(chart_canvas.ChartCanvas, 100)
    assert again == first
    assert measured == [] and laid_out == []
    # another size of the same text is shaped for that size
    _drawn(chart_canvas.ChartCanvas, 150)
    assert "数字化转型战略" in measured


def test_another_thread_lays_text_out_with_its_own_fonts() -> None:
    """A FreeType face belongs to the thread that opened it (matplotlib keeps one per
    thread): a chart drawn on a thread after the same chart was drawn here is still right."""
    chart_canvas.clear()
    here = _drawn(chart_canvas.ChartCanvas, 100)
    there: list[Raster] = []
    worker = threading.Thread(target=lambda: there.append(_drawn(chart_canvas.ChartCanvas, 100)))
    worker.start()
    worker.join(60)
    assert there == [here]


def test_the_caches_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_canvas, "LIMIT", 5)
    chart_canvas.clear()
    _drawn(chart_canvas.ChartCanvas, 100)
    assert 0 < len(chart_canvas._sizes) <= 5 and 0 < len(chart_canvas._layouts) <= 5
