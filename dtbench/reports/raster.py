"""Chart jobs: raw pixels for the screen (no PNG to encode in the worker and decode in the
UI), PNG for documents.

A :class:`Raster` is what a chart worker sends back: the Agg canvas's RGBA bytes and their
size. :func:`draw` is the one job every on-screen chart runs, :func:`png` the one of every
chart in a document; both take a module-level ``build`` function and its arguments, so the
whole job pickles and can run in another process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # matplotlib is loaded by the workers, not by the UI that shows rasters
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Raster:
    """An opaque chart image: ``width`` × ``height`` pixels, 4 bytes (R, G, B, A) each."""

    width: int
    height: int
    rgba: bytes

    def is_blank(self) -> bool:
        """True when every pixel has the colour of the first one (nothing drawn)."""
        first = self.rgba[:4]
        return not self.rgba or self.rgba == first * (len(self.rgba) // 4)


def render_raster(figure: Figure, dpi: float) -> Raster:
    """The figure drawn by Agg at ``dpi`` (its layout engine, if any, runs first)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from dtbench.reports.chart_canvas import ChartCanvas

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else None
    if canvas is None:
        canvas = ChartCanvas(figure)
    figure.set_dpi(dpi)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    return Raster(width, height, bytes(canvas.buffer_rgba()))


def draw(build: Callable[..., Figure], /, *args: Any, dpi: float, **kwargs: Any) -> Raster:
    """``build(*args, **kwargs)`` drawn at ``dpi``: the job of a chart worker."""
    return render_raster(build(*args, **kwargs), dpi)


def png(build: Callable[..., Figure], /, *args: Any, dpi: float, **kwargs: Any) -> bytes:
    """``build(*args, **kwargs)`` as PNG bytes at ``dpi``, margins trimmed: the job of a
    chart worker for documents."""
    from dtbench.reports.chart_style import render_png

    return render_png(build(*args, **kwargs), dpi=dpi)
