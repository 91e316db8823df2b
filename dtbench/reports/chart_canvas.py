"""The Agg canvas every chart is drawn on: a string is shaped once per process, not each time
it is measured or drawn.

matplotlib 3.11 shapes text with libraqm and HarfBuzz on every measurement and every drawing
(0.3–2 ms a string with a Chinese font on the machines measured), and a chart measures each
label several times while its constrained layout settles, then draws it; the dashboard's next
redraw measures the same labels again. The renderer here keeps, for the life of the process
(a chart worker lives as long as the application):

* a string's size (width, height, descent), by its text, font properties, dpi and hinting;
* a string's glyph layout (which glyph of which font where), by the same and the thread (a
  FreeType face belongs to the thread that opened it, as in matplotlib's own font cache);
* a font's line metrics (ascent, descent, line gap), by font properties and dpi.

What is drawn is what matplotlib draws, computed by matplotlib's own calls: only repeats are
skipped. Each cache is bounded (emptied when full).
"""

from __future__ import annotations

import threading
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font

LIMIT = 20_000  # entries per cache: far more than every label of every chart of a proposal

_sizes: dict[tuple[Any, ...], tuple[float, float, float]] = {}
_layouts: dict[tuple[Any, ...], list[Any]] = {}
_line_metrics: dict[tuple[Any, ...], tuple[float | None, float | None, float | None]] = {}

# The tables matplotlib's Text reads a font's line metrics from, in its order of preference.
_LINE_TABLES = (
    ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
    ("hhea", "lineGap", "ascent", "descent"),
)


def _kept(cache: dict[tuple[Any, ...], Any], key: tuple[Any, ...], value: Any) -> Any:
    if len(cache) >= LIMIT:
        cache.clear()
    cache[key] = value
    return value


def clear() -> None:
    """Forget every size and layout (tests; a font installed while running)."""
    _sizes.clear()
    _layouts.clear()
    _line_metrics.clear()


class ChartRenderer(RendererAgg):
    """Agg with text sizes, layouts and line metrics remembered (see the module)."""

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> Any:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        # FontProperties compare by their hash (matplotlib keys its own cache the same way)
        key = (s, hash(prop), self.dpi, get_hinting_flag())
        found = _sizes.get(key)
        if found is None:
            found = _kept(_sizes, key, super().get_text_width_height_descent(s, prop, ismath))
        return found

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        if ismath or not _hashable(features) or not _hashable(language):
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        flags = get_hinting_flag()
        key = (s, hash(prop), self.dpi, flags, features, language, threading.get_ident())
        items = _layouts.get(key)
        if items is None:
            font = self._prepare_font(prop)
            items = _kept(
                _layouts, key, font._layout(s, flags=flags, features=features, language=language)
            )
        size = prop.get_size_in_points()
        # exactly RendererAgg.draw_text from here on
        self._draw_text_glyphs_and_boxes(
            gc,
            x,
            y,
            angle,
            ((item.ft_object, size, item.glyph_index, 0, 1, item.x, item.y) for item in items),
            [],
        )

    def _get_font_height_metrics(self, prop: Any) -> tuple[float | None, ...]:
        """(ascent, descent, line gap) in pixels, as ``Text._get_layout`` reads them from the
        font's tables when the renderer does not say (its hook for renderers)."""
        key = (hash(prop), self.dpi)
        found = _line_metrics.get(key)
        if found is not None:
            return found
        font: Any = get_font(fontManager._find_fonts_by_props(prop))
        metrics: tuple[float | None, float | None, float | None] = (None, None, None)
        for table_name, gap_key, ascent_key, descent_key in _LINE_TABLES:
            table = font.get_sfnt_table(table_name)
            if table is None:
                continue
            # the same arithmetic, in the same order, as matplotlib's: the same pixels
            scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points()
            scale = scale * self.dpi / 72
            metrics = (
                table[ascent_key] * scale,
                -table[descent_key] * scale,
                table[gap_key] * scale,
            )
            break
        return _kept(_line_metrics, key, metrics)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class ChartCanvas(FigureCanvasAgg):
    """FigureCanvasAgg drawing with :class:`ChartRenderer`."""

    def get_renderer(self) -> ChartRenderer:
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:  # as FigureCanvasAgg: a new renderer when the size changes
            self.renderer = ChartRenderer(width, height, self.figure.dpi)
            self._lastKey = key
        renderer = self.renderer
        assert isinstance(renderer, ChartRenderer)
        return renderer
