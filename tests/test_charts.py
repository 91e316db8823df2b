"""Charts render Chinese with a real font, look like charts, and build in worker threads."""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation

from dtbench.reports import fonts
from dtbench.reports.chart_style import empty_chart, render_png, truncate, wrap
from dtbench.reports.charts import (
    GapBar,
    Series,
    gap_chart,
    heatmap_chart,
    index_chart,
    progress_chart,
    radar_chart,
    rounds_chart,
)
from dtbench.reports.roadmap_charts import (
    GanttTask,
    MatrixPoint,
    gantt_chart,
    priority_matrix_chart,
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
    rows = [t for t in ax.texts if t.get_gid() == "left"]
    labels = [t.get_text() for t in rows]
    positions = [t.get_position()[1] for t in rows]
    assert len(labels) == 3
    # The y axis is inverted: the first row is drawn at the top.
    assert ax.get_ylim()[0] > ax.get_ylim()[1]
    top = labels[positions.index(min(positions))]
    assert top.startswith("7.3.2")  # priority 9.2, the highest
    assert labels == [truncate(b.label, 26) for b in (CLAUSES[1], CLAUSES[5], CLAUSES[0])]
    priorities = [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "right"]
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
    counts = [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "right"]
    assert counts == ["12/20", "8/21", "20/21", "5/20", "0/17", "9/18"]


def test_heatmap_writes_every_value_with_readable_contrast() -> None:
    figure = heatmap()
    texts = [t for t in figure.axes[0].texts if t.get_gid() == "cell"]
    assert len(texts) == 18
    rows = [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "left"]
    assert rows == [truncate(a, 24) for a in AREAS[: len(rows)]] and len(rows) == 6
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


# ---------------------------------------------------------------- roadmap: priority matrix

QUADRANTS = ("速赢项目（优先实施）", "重大项目", "填充项目", "暂缓 / 重新评估")
PHASE_1, PHASE_2, PHASE_3 = "第一阶段：夯实基础", "第二阶段：系统集成", "第三阶段：数据驱动"
INITIATIVES = [
    MatrixPoint("I-01 MES一期上线", value=5, effort=4, group=PHASE_1),
    MatrixPoint("I-02 PDM扩展到BOM管理", value=4, effort=3, group=PHASE_1),
    MatrixPoint("I-03 设备联网（28台）", value=4, effort=2, group=PHASE_1),
    MatrixPoint("I-04 质量追溯试点", value=4, effort=2, group=PHASE_1),
    MatrixPoint("I-05 KPI看板", value=4, effort=1, group=PHASE_2),
    MatrixPoint("I-06 数据中台规划", value=3, effort=4, group=PHASE_3),
    MatrixPoint("I-07 供应商门户", value=2, effort=3, group=PHASE_2),
    MatrixPoint("I-08 数字孪生工厂", value=2, effort=5, group=PHASE_3),
]


def matrix(points: list[MatrixPoint] | None = None) -> Figure:
    return priority_matrix_chart(
        INITIATIVES if points is None else points,
        title="举措优先级矩阵",
        value_label="预期价值",
        effort_label="实施难度",
        quadrant_labels=QUADRANTS,
    )


def scatter_points(ax: Axes) -> list[tuple[float, float]]:
    """Data coordinates of every drawn marker."""
    return [
        (float(x), float(y))
        for collection in ax.collections
        if isinstance(collection, PathCollection)
        for x, y in collection.get_offsets()
    ]


def point_labels(ax: Axes) -> dict[str, tuple[float, float]]:
    """Point label → the data position it is attached to."""
    return {
        t.get_text(): (float(t.xy[0]), float(t.xy[1]))
        for t in ax.texts
        if isinstance(t, Annotation)
    }


def quadrant_of(x: float, y: float, middle: float = 3.0) -> str:
    return ("high" if y > middle else "low") + "-" + ("hard" if x > middle else "easy")


def test_matrix_renders_chinese_as_a_real_image() -> None:
    image = decode(render_checked(matrix()))
    assert image.shape[0] >= 300 and image.shape[1] >= 300
    assert distinct_colours(image) > 10
    assert np.any(image[..., :3] < 0.9, axis=-1).mean() > 0.01


def test_matrix_places_points_in_their_quadrants() -> None:
    points = [
        MatrixPoint("速赢", value=4.5, effort=1.5),
        MatrixPoint("重大", value=4.5, effort=4.5),
        MatrixPoint("填充", value=1.5, effort=1.5),
        MatrixPoint("暂缓", value=1.5, effort=4.5),
    ]
    ax = matrix(points).axes[0]
    drawn = scatter_points(ax)
    assert sorted(drawn) == sorted((p.effort, p.value) for p in points)  # x effort, y value
    labels = point_labels(ax)
    assert {name: quadrant_of(*xy) for name, xy in labels.items()} == {
        "速赢": "high-easy",
        "重大": "high-hard",
        "填充": "low-easy",
        "暂缓": "low-hard",
    }
    # Quadrant lines at the midpoint (1 + 5) / 2, low effort on the left, low value below.
    assert ax.get_xlim()[0] < 1 < 5 < ax.get_xlim()[1]
    assert ax.get_ylim()[0] < 1 < 5 < ax.get_ylim()[1]
    lines = [line for line in ax.lines if isinstance(line, Line2D)]
    assert any(set(line.get_xdata()) == {3} for line in lines)
    assert any(set(line.get_ydata()) == {3} for line in lines)
    tints = [p for p in ax.patches if p.get_gid() == "matrix-quadrant"]
    assert len(tints) == 4


def test_matrix_quadrant_labels_sit_in_their_corners() -> None:
    ax = matrix().axes[0]
    texts = {t.get_text(): t for t in ax.texts if not isinstance(t, Annotation)}
    expected = dict(zip(QUADRANTS, ["high-easy", "high-hard", "low-easy", "low-hard"], strict=True))
    for label, quadrant in expected.items():
        assert label in texts, label
        x, y = texts[label].get_position()  # axes coordinates
        assert texts[label].get_transform() == ax.transAxes
        assert quadrant_of(x, y, middle=0.5) == quadrant
        # In the outer corner, not near the centre.
        assert min(x, 1 - x) < 0.1 and min(y, 1 - y) < 0.1


def test_matrix_spreads_points_with_the_same_position_deterministically() -> None:
    points = [MatrixPoint(f"I-{i:02d}", value=4, effort=2) for i in range(5)]
    first = scatter_points(matrix(points).axes[0])
    again = scatter_points(matrix(points).axes[0])
    assert first == again
    assert len(set(first)) == 5  # nobody hidden behind another marker
    for x, y in first:
        assert abs(x - 2) < 0.5 and abs(y - 4) < 0.5
        assert quadrant_of(x, y) == "high-easy"
    labels = point_labels(matrix(points).axes[0])
    assert sorted(labels) == [p.label for p in points]


def test_matrix_keeps_points_on_a_dividing_line_on_it() -> None:
    """Value 3 of 5 is neither high nor low: equal scores spread along the line, never into
    a quadrant above or below it (a reader would see two equal initiatives in two boxes)."""
    points = [MatrixPoint(f"I-{i:02d}", value=3, effort=2) for i in range(3)]
    points += [MatrixPoint(f"J-{i:02d}", value=4, effort=3) for i in range(2)]
    drawn = scatter_points(matrix(points).axes[0])
    assert len(set(drawn)) == 5
    on_value_line = [(x, y) for x, y in drawn if abs(x - 2) < 0.5 and abs(y - 3) < 0.5]
    assert len(on_value_line) == 3 and all(y == 3 for _x, y in on_value_line)
    on_effort_line = [(x, y) for x, y in drawn if abs(y - 4) < 0.5]
    assert len(on_effort_line) == 2 and all(x == 3 for x, _y in on_effort_line)


def test_matrix_colours_points_by_group_with_a_legend() -> None:
    figure = matrix()
    ax = figure.axes[0]
    collections = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(collections) == 3
    colours = {tuple(np.round(c.get_facecolor()[0], 3)) for c in collections}
    assert len(colours) == 3
    (legend,) = figure.legends
    assert [t.get_text() for t in legend.get_texts()] == [PHASE_1, PHASE_2, PHASE_3]
    # Labels are shortened to about 18 display columns.
    assert truncate("I-02 PDM扩展到BOM管理", 18) in point_labels(ax)
    assert "I-02 PDM扩展到BOM管理" not in point_labels(ax)


def test_matrix_without_groups_has_no_legend() -> None:
    figure = matrix([MatrixPoint("A", 4, 2), MatrixPoint("B", 2, 4)])
    assert not figure.legends


# ------------------------------------------------------------------------ roadmap: gantt

ROADMAP = [
    GanttTask("MES一期上线", date(2026, 1, 5), date(2026, 9, 30), PHASE_1, progress=0.35),
    GanttTask("KPI看板", date(2026, 10, 1), date(2027, 1, 31), PHASE_2),
    GanttTask("设备联网（28台）", date(2026, 2, 1), date(2026, 6, 30), PHASE_1, progress=60),
    GanttTask("数据中台规划", date(2027, 4, 1), date(2027, 9, 30), PHASE_3),
    GanttTask("供应商门户", date(2027, 1, 1), date(2027, 6, 30), PHASE_2),
    GanttTask("一期验收", date(2026, 12, 15), date(2026, 12, 15), PHASE_1, milestone=True),
]
PHASES = [
    (PHASE_1, date(2026, 1, 1), date(2026, 12, 31)),
    (PHASE_2, date(2027, 1, 1), date(2027, 6, 30)),
    (PHASE_3, date(2027, 7, 1), date(2027, 12, 31)),
]


def gantt(today: date | None = date(2026, 5, 20)) -> Figure:
    return gantt_chart(ROADMAP, title="实施路线图", phases=PHASES, today=today)


def task_bars(ax: Axes, gid: str = "gantt-task") -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == gid]


def row_labels(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_gantt_renders_chinese_as_a_real_image() -> None:
    image = decode(render_checked(gantt()))
    assert image.shape[0] >= 300 and image.shape[1] >= 500
    assert distinct_colours(image) > 10
    assert np.any(image[..., :3] < 0.9, axis=-1).mean() > 0.01
    phase_names = {t.get_text() for t in gantt().axes[0].texts}
    assert {PHASE_1, PHASE_2, PHASE_3} <= phase_names


def test_gantt_rows_follow_task_order_grouped_by_phase() -> None:
    ax = gantt().axes[0]
    assert row_labels(ax) == [
        PHASE_1,
        "MES一期上线",
        "设备联网（28台）",
        "一期验收",
        PHASE_2,
        "KPI看板",
        "供应商门户",
        PHASE_3,
        "数据中台规划",
    ]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # first row on top


def test_gantt_bars_span_the_task_dates() -> None:
    ax = gantt().axes[0]
    rows = row_labels(ax)
    bars = task_bars(ax)
    bar_tasks = [t for t in ROADMAP if not t.milestone]
    assert len(bars) == len(bar_tasks)
    for task in bar_tasks:
        row = rows.index(task.label)
        (bar,) = [b for b in bars if abs(b.get_y() + b.get_height() / 2 - row) < 1e-9]
        assert bar.get_x() == pytest.approx(date2num(task.start))
        assert bar.get_x() + bar.get_width() == pytest.approx(date2num(task.end))
    # Progress: an inner bar over that share of the task (60 reads as 60 %).
    progress = {round(b.get_y() + b.get_height() / 2): b for b in task_bars(ax, "gantt-progress")}
    assert set(progress) == {rows.index("MES一期上线"), rows.index("设备联网（28台）")}
    mes = progress[rows.index("MES一期上线")]
    assert mes.get_width() == pytest.approx(
        0.35 * (date2num(date(2026, 9, 30)) - date2num(date(2026, 1, 5)))
    )
    wired = progress[rows.index("设备联网（28台）")]
    assert wired.get_width() == pytest.approx(
        0.6 * (date2num(date(2026, 6, 30)) - date2num(date(2026, 2, 1)))
    )
    # The milestone is a diamond on its date, not a bar.
    (milestone,) = [line for line in ax.lines if line.get_gid() == "gantt-milestone"]
    assert milestone.get_marker() == "D"
    assert list(milestone.get_xdata()) == [date2num(date(2026, 12, 15))]
    assert list(milestone.get_ydata()) == [rows.index("一期验收")]


def test_gantt_date_axis_is_numeric() -> None:
    figure = gantt()
    figure.canvas.draw()
    ticks = [t.get_text() for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert len(ticks) >= 4
    assert all(re.fullmatch(r"\d{4}-\d{2}", t) for t in ticks), ticks
    short = gantt_chart([GanttTask("需求调研", date(2026, 3, 2), date(2026, 3, 20))])
    short.canvas.draw()
    days = [t.get_text() for t in short.axes[0].get_xticklabels() if t.get_text()]
    assert days and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t) for t in days), days


def test_gantt_today_line_only_when_given() -> None:
    ax = gantt(today=date(2026, 5, 20)).axes[0]
    (line,) = [line for line in ax.lines if line.get_gid() == "gantt-today"]
    assert list(line.get_xdata()) == [date2num(date(2026, 5, 20))] * 2
    assert line.get_linestyle() == "--"
    ax = gantt(today=None).axes[0]
    assert not [line for line in ax.lines if line.get_gid() == "gantt-today"]


def test_gantt_task_ending_before_it_starts_is_one_day() -> None:
    task = GanttTask("反向任务", date(2026, 4, 10), date(2026, 4, 1))
    figure = gantt_chart([task])
    (bar,) = task_bars(figure.axes[0])
    assert bar.get_x() == pytest.approx(date2num(date(2026, 4, 10)))
    assert bar.get_width() == 0
    decode(render_checked(figure))


def test_gantt_height_grows_with_the_rows() -> None:
    few = gantt_chart(ROADMAP[:2])
    many = gantt_chart(
        [GanttTask(f"任务{i}", date(2026, 1, 1), date(2026, 3, 1)) for i in range(30)]
    )
    assert few.get_size_inches()[0] == many.get_size_inches()[0] == 8
    assert many.get_size_inches()[1] > few.get_size_inches()[1] + 5
    assert gantt_chart(ROADMAP, size=(5, 3)).get_size_inches().tolist() == [5, 3]


def test_gantt_wraps_long_task_labels_whole() -> None:
    """A reader sees each task's whole name (on up to three lines), not a cut one."""
    label = "ERP与MES集成接口开发及联调测试与上线切换"
    ax = gantt_chart([GanttTask(label, date(2026, 1, 1), date(2026, 2, 1))]).axes[0]
    shown = row_labels(ax)[0]
    assert "\n" in shown and shown.replace("\n", "") == label
    very_long = "I-06 MES release 2: roll out quality traceability, digitise equipment inspections"
    ax = gantt_chart([GanttTask(very_long, date(2026, 1, 1), date(2026, 2, 1))]).axes[0]
    assert row_labels(ax)[0].count("\n") <= 2  # three lines at most, then shortened


def test_roadmap_charts_build_in_worker_threads() -> None:
    builders: list[Callable[[], Figure]] = [matrix, gantt]
    expected = [decode(render_checked(build())).shape for build in builders]
    with ThreadPoolExecutor(max_workers=4) as pool:
        shapes = list(pool.map(lambda b: decode(render_png(b())).shape, builders * 3))
    assert shapes == expected * 3


@pytest.mark.parametrize(
    "build",
    [
        lambda: priority_matrix_chart(
            [], value_label="价值", effort_label="难度", quadrant_labels=QUADRANTS
        ),
        lambda: priority_matrix_chart(
            [
                MatrixPoint("缺值", float("nan"), 2),
                MatrixPoint("超出", 9, -3),
                MatrixPoint("", 3, 3, group="阶段"),
            ],
            value_label="",
            effort_label="",
            quadrant_labels=("只有一个",),  # type: ignore[arg-type]
            scale_max=0,
            size=(0, -1),
        ),
        lambda: priority_matrix_chart(
            [MatrixPoint(f"I-{i}", 5, 1) for i in range(12)],
            value_label="价值",
            effort_label="难度",
            quadrant_labels=QUADRANTS,
            scale_max=10,
        ),
        lambda: gantt_chart([]),
        lambda: gantt_chart([], today=date(2026, 1, 1), phases=PHASES),
        lambda: gantt_chart(
            [
                GanttTask("无日期", None, None),  # type: ignore[arg-type]
                GanttTask("文本日期", "2026-03-01", "bad", progress=float("nan")),  # type: ignore[arg-type]
                GanttTask("超额", date(2026, 1, 1), date(2026, 5, 1), progress=250),
            ],
            phases=[("坏阶段", None, None), "bad"],  # type: ignore[list-item]
        ),
    ],
)
def test_roadmap_odd_or_empty_input_never_raises(build: Callable[[], Figure]) -> None:
    assert decode(render_checked(build())).size > 0


def test_gantt_empty_input_draws_no_bars() -> None:
    ax = gantt_chart([], title="空路线图").axes[0]
    assert not task_bars(ax)
    assert row_labels(ax) == []


@pytest.mark.parametrize(
    "make",
    [
        progress,
        heatmap,
        lambda: gap_chart(
            CLAUSES, current_label="现状", target_label="目标", priority_label="优先级"
        ),
    ],
)
def test_row_labels_and_value_columns_sit_beside_the_plot_inside_the_figure(make) -> None:  # type: ignore[no-untyped-def]
    """Row labels end left of the plot, values start right of it; none is cut off."""
    from dtbench.reports.raster import render_raster

    figure = make()
    render_raster(figure, 100)  # lays the figure out
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = figure.axes[0]
    plot = ax.get_window_extent(renderer)
    whole = figure.bbox
    left = [t for t in ax.texts if t.get_gid() == "left"]
    right = [t for t in ax.texts if t.get_gid() == "right"]
    assert left
    for text in left:
        box = text.get_window_extent(renderer)
        assert box.x1 <= plot.x0 and box.x0 >= whole.x0
    for text in right:
        box = text.get_window_extent(renderer)
        assert box.x0 >= plot.x1 and box.x1 <= whole.x1


def test_a_legend_of_long_names_stays_inside_a_narrow_chart() -> None:
    from dtbench.reports.raster import render_raster

    groups = ["一期：夯实基础、打通一厂", "二期：领域集成、两厂协同", "三期：数据驱动、对外协同"]
    points = [MatrixPoint(f"I-{n:02d}", 1 + n % 5, 1 + n % 4, groups[n % 3]) for n in range(9)]
    figure = priority_matrix_chart(
        points,
        title="优先级矩阵",
        value_label="预期价值",
        effort_label="投入难度",
        quadrant_labels=QUADRANTS,
        size=(4.3, 3.6),
    )
    render_raster(figure, 100)
    legend = figure.legends[0].get_window_extent(figure.canvas.get_renderer())  # type: ignore[attr-defined]
    assert legend.x0 >= figure.bbox.x0 and legend.x1 <= figure.bbox.x1


@pytest.mark.parametrize("size", [(5.67, 5.1), (7.5, 6.75), (3.5, 3.15)])
def test_radar_axis_labels_are_never_cut_off_at_the_edge(size: tuple[float, float]) -> None:
    """On screen the picture has the view's size: a label past its edge would be cut off."""
    from dtbench.guide import load_guide
    from dtbench.reports.raster import render_raster

    guide = load_guide()
    names = [
        f"{g.key} {g.title.get('en') if g.key != a.key else a.title.get('en')}"
        for a in guide.areas
        for g in a.groups
    ]
    figure = radar_chart(
        names,
        [Series("Current", [2] * len(names)), Series("Target", [3] * len(names))],
        scale_max=5,
        title="Maturity level by part of the guide",
        size=size,
    )
    render_raster(figure, 100)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    whole = figure.bbox
    for text in figure.axes[0].texts:
        box = text.get_window_extent(renderer)
        assert whole.x0 <= box.x0 and box.x1 <= whole.x1, text.get_text()
        assert whole.y0 <= box.y0 and box.y1 <= whole.y1, text.get_text()


def test_gantt_phase_names_never_run_into_each_other() -> None:
    """Short or overlapping phases: a name that would collide goes up a row."""
    from dtbench.reports.raster import render_raster

    phases = [
        *PHASES,
        ("一期：夯实基础、打通一厂", date(2026, 1, 1), date(2026, 8, 31)),
        ("二期：领域集成、两厂协同", date(2026, 9, 1), date(2027, 3, 31)),
        ("试点：质量追溯", date(2026, 6, 1), date(2026, 7, 31)),
    ]
    figure = gantt_chart(ROADMAP, title="实施路线图", phases=phases, size=(7.0, 4.5))
    render_raster(figure, 100)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    names = [t for t in figure.axes[0].texts if t.get_gid() == "phase"]
    assert len(names) == len(phases)
    boxes = [t.get_window_extent(renderer) for t in names]
    for n, first in enumerate(boxes):
        assert first.x0 >= 0 and first.x1 <= figure.bbox.x1 and first.y1 <= figure.bbox.y1
        for second in boxes[n + 1 :]:
            assert not first.overlaps(second), (first, second)


def test_the_roadmap_matrix_leaves_finished_initiatives_out() -> None:
    """Prioritising is about the work still to do: a finished or cancelled initiative is not
    drawn as a 'major project' (numbers keep the plan's order: I-02 stays I-02)."""
    from dtbench.plan.records import Initiative, PlanItem
    from dtbench.reports.plan_charts import RoadmapTexts, matrix_figure

    states = ("planned", "done", "in_progress", "cancelled")
    items = [
        PlanItem(f"u{n}", "initiative", n, Initiative(title=f"T{n}", value=4, effort=4, status=s))
        for n, s in enumerate(states)
    ]
    texts = RoadmapTexts("矩阵", "价值", "难度", QUADRANTS, "甘特", "未分阶段", "无日期")
    labels = point_labels(matrix_figure(items, [], texts).axes[0])
    assert sorted(labels) == ["I-01", "I-03"]


def test_the_roadmap_gantt_marks_the_documents_day() -> None:
    """The proposal's Gantt shows where the plan stands on the day it is issued."""
    from dtbench.plan.records import Initiative, PlanItem
    from dtbench.reports.plan_charts import RoadmapTexts, gantt_figure

    item = PlanItem(
        "u1",
        "initiative",
        0,
        Initiative(title="MES", start=date(2026, 7, 1), end=date(2027, 6, 30)),
    )
    texts = RoadmapTexts("矩阵", "价值", "难度", QUADRANTS, "甘特", "未分阶段", "无日期")
    figure = gantt_figure([item], [], texts, today=date(2026, 12, 6))
    lines = [line for line in figure.axes[0].lines if line.get_gid() == "gantt-today"]
    assert lines and "2026-12-06" in [t.get_text() for t in figure.axes[0].texts]
    without = gantt_figure([item], [], texts)
    assert not [line for line in without.axes[0].lines if line.get_gid() == "gantt-today"]


def test_the_roadmap_gantt_shows_milestones_and_dependencies() -> None:
    """Each initiative's dated milestones sit on its bar; an arrow leads from each initiative
    it waits for; a legend below names both."""
    from dtbench.plan.records import Initiative, PlanItem
    from dtbench.reports.plan_charts import RoadmapTexts, gantt_figure, milestone_dates

    first = PlanItem(
        "a",
        "initiative",
        0,
        Initiative(
            title="MES一期",
            start=date(2026, 7, 1),
            end=date(2027, 6, 30),
            milestones="2026-10 选型完成\n2027-03-15 试运行\n备注：无日期的一行\n2027年6月 验收",
        ),
    )
    second = PlanItem(
        "b",
        "initiative",
        1,
        Initiative(title="APS", start=date(2027, 7, 1), end=date(2028, 3, 31), depends_on=("a",)),
    )
    texts = RoadmapTexts(
        "矩阵", "价值", "难度", QUADRANTS, "甘特", "未分阶段", "无日期", "里程碑", "前置依赖"
    )
    figure = gantt_figure([first, second], [], texts, today_label="2026年12月6日")
    ax = figure.axes[0]
    marks = [line for line in ax.lines if line.get_gid() == "gantt-mark"]
    assert [float(m.get_xdata()[0]) for m in marks] == [
        date2num(d) for d in (date(2026, 10, 15), date(2027, 3, 15), date(2027, 6, 15))
    ]
    arrows = [
        a for a in ax.texts if isinstance(a, Annotation) and a.get_gid() == "gantt-dependency"
    ]
    assert len(arrows) == 1
    assert arrows[0].xyann[0] == pytest.approx(date2num(date(2027, 6, 30)))  # from the end
    assert arrows[0].xy[0] == pytest.approx(date2num(date(2027, 7, 1)))  # to the start
    legend = figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["里程碑", "前置依赖"]
    assert milestone_dates("2027-13 错误\n2027-02-30 也错") == ()
    decode(render_checked(figure))


def test_proposal_charts_leave_the_title_to_the_caption() -> None:
    """In the proposal a chart's caption says what it shows; the picture does not repeat it."""
    from dtbench.deliverables.figures import chart_texts, roadmap_texts

    for lang in ("zh", "en"):
        texts = chart_texts(lang)
        assert not any(getattr(texts, f) for f in vars(texts) if f.endswith("_title"))
        roadmap = roadmap_texts(lang)
        assert not roadmap.matrix_title and not roadmap.gantt_title
        assert roadmap.milestone and roadmap.dependency  # the Gantt's legend


def test_risk_levels_stay_apart_in_black_and_white() -> None:
    """A client prints the proposal in black and white: high, medium and low risk cells are
    still told apart by their grey."""
    from dtbench.reports.risk_charts import LEVEL_TINTS

    def grey(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    high, medium, low = (grey(LEVEL_TINTS[k]) for k in ("high", "medium", "low"))
    assert medium - high >= 15 and low - medium >= 15


def test_the_index_is_rounded_once_for_chart_text_and_app() -> None:
    """28.6 is 29 in the ring, in the proposal's text and on the dashboard: one function."""
    from dtbench.diagnosis.scale import index_text

    assert index_text(28.6) == "29" and index_text(None) == "—" and index_text(-0.2) == "0"
    ring = index_chart(28.6, label="总体指数")
    assert "29" in [t.get_text() for t in ring.axes[0].texts]


@pytest.mark.parametrize("size", [(2.82, 1.75), (6.5, 3.6)])  # the dashboard's, the proposal's
def test_ten_rounds_are_one_line_per_area_that_still_fits(size: tuple[float, float]) -> None:
    """Ten rounds of bars (each with its number and a legend entry) buried the chart and
    collapsed its layout; more than four rounds are drawn as one line per area across the
    rounds, the legend naming the areas, the axis saying which rounds the ends are."""
    names = ["基线评估"] + [f"第{n}轮评估" for n in range(2, 11)]
    figure = rounds_chart(
        AREAS,
        [Series(name, [40 + n + a for a in range(len(AREAS))]) for n, name in enumerate(names)],
        title="各领域各轮次的指数",
        value_label="指数",
        size=size,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "constrained_layout not applied …" fails the test
        decode(render_checked(figure))
    ax = figure.axes[0]
    assert len(ax.lines) == len(AREAS) and not ax.patches
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(n) for n in range(1, 11)]
    assert "基线评估" in ax.get_xlabel() and "第10轮评估" in ax.get_xlabel()
    [legend] = figure.legends
    assert len(legend.get_texts()) == len(AREAS)
    assert legend.get_texts()[0].get_text().startswith(AREAS[0][:3])
    # every legend entry inside the picture
    figure.canvas.draw()
    box = figure.bbox
    for text in legend.get_texts():
        extent = text.get_window_extent()
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0
