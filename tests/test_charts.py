"""Charts render Chinese with a real font, look like charts, and build in worker threads."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.image import imread

from dtbench.reports import fonts
from dtbench.reports.charts import (
    GapBar,
    Series,
    empty_chart,
    gap_chart,
    heatmap_chart,
    index_chart,
    progress_chart,
    radar_chart,
    render_png,
    rounds_chart,
    truncate,
    wrap,
)

AREAS = [
    "战略与组织",
    "数字化设计",
    "生产计划与调度管理",
    "质量管控",
    "设备管理与运维",
    "供应链协同",
]
CLAUSES = [
    GapBar("7.3.1 生产计划管理", current=2, target=4, priority=8.5),
    GapBar("7.3.2 生产作业管理与车间现场执行控制", current=1.5, target=4, priority=9.2),
    GapBar("6.1 数字化转型战略规划", current=3, target=4.5, priority=6.0),
    GapBar("7.4.1 质量数据采集", current=1, target=3, priority=7.4),
    GapBar("8.2 数据治理体系", current=2.5, target=4, priority=5.1),
    GapBar("7.5.3 设备预测性维护", current=1, target=3.5, priority=8.8),
    GapBar("9.1 网络安全", current=3, target=4, priority=3.2),
]


def radar() -> Figure:
    return radar_chart(
        AREAS,
        [Series("现状", [2.5, 3, 1.8, 2.2, 3.4, 1.5]), Series("目标", [4, 4, 3.5, 4, 4.5, 3])],
        title="数字化成熟度",
    )


def gap() -> Figure:
    return gap_chart(
        CLAUSES,
        title="差距与优先级",
        current_label="现状",
        target_label="目标",
        priority_label="优先级",
    )


def heatmap() -> Figure:
    return heatmap_chart(
        AREAS,
        ["已回答", "待确认", "未开始"],
        [[12, 3, 5], [8, 1, 10], [20, 0, 1], [5, 5, 5], [0, 2, 14], [9, 9, 0]],
        title="各领域答题状态",
        colorbar_label="条款数",
    )


def progress() -> Figure:
    return progress_chart(
        AREAS,
        [12, 8, 20, 5, 0, 9],
        [20, 21, 21, 20, 17, 18],
        title="访谈进度",
        done_label="已回答",
        open_label="未回答",
    )


def rounds() -> Figure:
    return rounds_chart(
        AREAS,
        [
            Series("基线评估", [45, 52, 38, 60, 41, 55]),
            Series("第一次复评", [58, 61, 47, 66, 50, 63]),
        ],
        title="历次评估对比",
        value_label="得分",
    )


def index() -> Figure:
    return index_chart(63.4, label="数字化转型指数")


def empty() -> Figure:
    return empty_chart("暂无诊断数据，请先完成访谈问卷。")


CHARTS: dict[str, Callable[[], Figure]] = {
    "radar": radar,
    "gap": gap,
    "heatmap": heatmap,
    "progress": progress,
    "rounds": rounds,
    "index": index,
    "empty": empty,
}


@pytest.fixture(autouse=True)
def fresh_font_lookup() -> Iterator[None]:
    fonts.find_cjk_font.cache_clear()
    yield
    fonts.find_cjk_font.cache_clear()


def render_checked(figure: Figure) -> bytes:
    """PNG bytes; fails on any missing-glyph warning (Chinese drawn as empty boxes)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render_png(figure)
    glyph_problems = [
        str(w.message)
        for w in caught
        if "missing from font" in str(w.message) or "Glyph" in str(w.message)
    ]
    assert not glyph_problems
    return png


def decode(png: bytes) -> np.ndarray:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return np.asarray(imread(BytesIO(png), format="png"))


def distinct_colours(image: np.ndarray) -> int:
    pixels = (image[..., :3] * 255).round().astype(np.uint8).reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_renders_chinese_as_a_real_image(name: str) -> None:
    image = decode(render_checked(CHARTS[name]()))
    height, width = image.shape[:2]
    assert width >= 200 and height >= 150
    assert distinct_colours(image) > 10  # text anti-aliasing and fills, not a blank canvas
    # Something is drawn: a good share of the pixels are not white.
    ink = np.any(image[..., :3] < 0.9, axis=-1).mean()
    assert ink > 0.005


def test_cjk_glyphs_come_from_a_cjk_font() -> None:
    found = fonts.find_cjk_font()
    assert found is not None, fonts.NO_CJK_FONT_HELP
    assert found.path.is_file()
    index = next((e.index for e in font_manager.fontManager.ttflist if e.name == found.family), 0)
    charmap = FT2Font(str(found.path), face_index=index).get_charmap()
    assert all(ord(char) in charmap for char in "数字化转型")
    families = fonts.font_properties(10).get_family()
    assert families[0] == found.family
    assert "DejaVu Sans" in families
    # matplotlib resolves the first family to the CJK font file.
    assert Path(font_manager.findfont(fonts.font_properties())).resolve() == found.path.resolve()


def test_chinese_in_a_chart_differs_from_missing_glyph_boxes() -> None:
    """Two different Chinese titles give different pixels; empty boxes would look alike."""
    first = decode(render_checked(empty_chart("数字化转型")))
    second = decode(render_checked(empty_chart("生产计划管")))
    assert first.shape == second.shape
    assert not np.array_equal(first, second)


def test_no_cjk_font_is_reported_and_latin_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    dejavu = [e for e in font_manager.fontManager.ttflist if e.name == "DejaVu Sans"]
    assert dejavu
    # A font whose name looks Chinese but cannot draw Chinese must be rejected too.
    impostor = font_manager.FontEntry(fname=dejavu[0].fname, name="Fake Hei SC")
    monkeypatch.setattr(fonts, "CJK_FAMILIES", ("No Such Font SC", "Fake Hei SC"))
    monkeypatch.setattr(fonts, "_registered_fonts", lambda: [*dejavu, impostor])
    monkeypatch.setattr(fonts, "_unregistered_system_fonts", list)
    monkeypatch.setattr(fonts, "bundled_font_files", list)
    fonts.find_cjk_font.cache_clear()

    assert fonts.find_cjk_font() is None
    assert "fonts-noto-cjk" in fonts.NO_CJK_FONT_HELP
    assert fonts.font_properties(9).get_family() == ["DejaVu Sans"]
    image = decode(render_png(index_chart(42, label="Digital index")))
    assert distinct_colours(image) > 10


def test_bundled_fonts_are_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    system = fonts.find_cjk_font()
    assert system is not None
    fonts.find_cjk_font.cache_clear()
    monkeypatch.setattr(fonts, "bundled_font_files", lambda: [system.path])
    monkeypatch.setattr(fonts, "CJK_FAMILIES", ())  # only the bundled file can win
    found = fonts.find_cjk_font()
    assert found is not None and found.path == system.path


def test_rendering_in_worker_threads_matches_main_thread() -> None:
    expected = {name: decode(render_checked(build())).shape for name, build in CHARTS.items()}

    def work(name: str) -> tuple[str, tuple[int, ...], str]:
        return name, decode(render_png(CHARTS[name]())).shape, threading.current_thread().name

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, [*CHARTS, *CHARTS]))
    for name, shape, thread in results:
        assert thread != threading.main_thread().name
        assert shape == expected[name], name


def test_radar_with_two_axes_falls_back_to_bars() -> None:
    figure = radar_chart(AREAS[:2], [Series("现状", [2, 3]), Series("目标", [4, 4])])
    (ax,) = figure.axes
    assert ax.name == "rectilinear"
    assert len(ax.patches) == 4  # two groups of two bars
    assert [t.get_text() for t in ax.get_xticklabels()] == AREAS[:2]
    decode(render_checked(figure))


@pytest.mark.parametrize("count", [3, 5, 8, 12])
def test_radar_is_polar_for_three_to_twelve_axes(count: int) -> None:
    names = [f"领域{i}" for i in range(count)]
    figure = radar_chart(names, [Series("现状", [i % 5 for i in range(count)])])
    assert figure.axes[0].name == "polar"
    drawn = {t.get_text() for t in figure.axes[0].texts}
    assert set(names) <= drawn
    decode(render_checked(figure))


def test_gap_chart_orders_by_priority_and_respects_limit() -> None:
    figure = gap_chart(
        CLAUSES, current_label="现状", target_label="目标", priority_label="优先级", limit=3
    )
    ax = figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    positions = list(ax.get_yticks())
    assert len(labels) == 3
    # The y axis is inverted: the first tick is drawn at the top.
    assert ax.get_ylim()[0] > ax.get_ylim()[1]
    top = labels[positions.index(min(positions))]
    assert top.startswith("7.3.2")  # priority 9.2, the highest
    assert labels == [truncate(b.label, 26) for b in (CLAUSES[1], CLAUSES[5], CLAUSES[0])]
    priorities = [t.get_text() for t in figure.axes[1].get_yticklabels()]
    assert priorities == ["9.2", "8.8", "8.5"]


def test_long_clause_labels_are_shortened() -> None:
    label = truncate("7.3.2 生产作业管理与车间现场执行控制", 26)
    assert label.endswith("…") and label.startswith("7.3.2 生产")
    assert truncate("7.3.1 生产计划管理", 26) == "7.3.1 生产计划管理"


def test_wrap_breaks_chinese_by_characters() -> None:
    assert wrap("生产计划与调度管理", 16) == "生产计划与\n调度管理"
    assert wrap("战略与组织", 16) == "战略与组织"
    assert wrap("Data governance & analytics", 16) == "Data governance\n& analytics"


def test_progress_chart_writes_done_over_total() -> None:
    figure = progress()
    counts = [t.get_text() for t in figure.axes[1].get_yticklabels()]
    assert counts == ["12/20", "8/21", "20/21", "5/20", "0/17", "9/18"]


def test_heatmap_writes_every_value_with_readable_contrast() -> None:
    figure = heatmap()
    texts = figure.axes[0].texts
    assert len(texts) == 18
    by_value = {t.get_text(): t.get_color() for t in texts}
    assert by_value["20"] == "white"  # darkest cell
    assert by_value["0"] != "white"  # lightest cell


def test_rounds_chart_annotates_every_bar() -> None:
    figure = rounds()
    ax = figure.axes[0]
    assert len(ax.patches) == 12
    assert {"45", "66"} <= {t.get_text() for t in ax.texts}


def test_dollar_signs_are_shown_literally() -> None:
    figure = radar_chart(["成本 $1", "收入 $2", "利润"], [Series("现状", [1, 2, 3])])
    decode(render_checked(figure))


@pytest.mark.parametrize(
    "build",
    [
        lambda: radar_chart([], []),
        lambda: radar_chart(AREAS, [Series("现状", [1.0])]),  # too few values
        lambda: radar_chart(AREAS[:3], [Series("现状", [float("nan"), 9, -1])]),
        lambda: gap_chart([], current_label="a", target_label="b", priority_label="c"),
        lambda: gap_chart(
            CLAUSES, current_label="a", target_label="b", priority_label="c", limit=0
        ),
        lambda: heatmap_chart([], [], []),
        lambda: heatmap_chart(["甲"], ["乙", "丙"], [[1]], value_format="{:bad}"),
        lambda: progress_chart([], [], [], done_label="a", open_label="b"),
        lambda: progress_chart(["甲"], [5], [0], done_label="a", open_label="b"),
        lambda: rounds_chart([], []),
        lambda: index_chart(float("nan"), label="指数"),
        lambda: index_chart(150, label="指数", scale_max=0),
    ],
)
def test_odd_or_empty_input_never_raises(build: Callable[[], Figure]) -> None:
    png = render_checked(build())
    assert decode(png).size > 0
