"""The firm benchmark: only opted-in engagements of the same industry and size band count,
anonymised, and only when at least five are comparable; opting out removes the entry."""

from __future__ import annotations

import json
import re
import statistics

import pytest
from sqlalchemy import delete, select

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.plan import service as plan
from dtbench.store.database import Store
from dtbench.store.models import BenchmarkEntry, BenchmarkLink, Engagement, Member
from dtbench.team import benchmark as bm

GUIDE = load_guide()
POINTS = [p.key for p in GUIDE.clause("5.2").checkpoints()]  # 8 checkpoints, area 5


def _engagement(
    store: Store,
    met: int,
    *,
    level: int | None = None,
    name: str = "客户",
    industry: str = "装备制造",
    employees: str = "300-999",
    revenue: str = "20m-400m",
    opt_in: bool = True,
) -> str:
    """An engagement whose area 5 index is met/8·100 (clause 5.2 answered, nothing else)."""
    profile = service.create_engagement(
        store,
        client_name=name,
        title=f"{name}诊断项目",
        industry=industry,
        size_employees=employees,
        size_revenue=revenue,
        consultants="聂青禾",
    )
    rnd = dx.ensure_rounds(store, profile.uuid, "基线评估")[0].uuid
    for n, key in enumerate(POINTS):
        dx.set_answer(store, rnd, key, status="met" if n < met else "not_met", note=f"{name}说明")
    if level is not None:
        dx.set_clause(store, rnd, "5.2", "current", level)
    if opt_in:
        bm.set_opt_in(store, profile.uuid, True)
    return profile.uuid


def _firm(store: Store, mets: list[int], **kw: object) -> list[str]:
    return [_engagement(store, m, name=f"同行{n}", **kw) for n, m in enumerate(mets)]  # type: ignore[arg-type]


def test_size_band_is_the_lower_of_staff_and_revenue() -> None:
    assert bm.size_band("ge1000", "ge400m") == "large"
    assert bm.size_band("ge1000", "20m-400m") == "medium"  # large needs both
    assert bm.size_band("300-999", "lt3m") == "micro"
    assert bm.size_band("20-299", "") == "small"  # one known: it decides
    assert bm.size_band("", "") == ""


def test_only_opted_in_engagements_count(store: Store) -> None:
    mine = _engagement(store, 4, opt_in=False)
    others = _firm(store, [1, 2, 3, 5, 6, 7], opt_in=False)
    assert bm.compare(store, mine).n == 0
    with store.session() as s:
        assert s.scalars(select(BenchmarkEntry)).all() == []
    for uuid in others:
        bm.set_opt_in(store, uuid, True)
    result = bm.compare(store, mine)
    assert (result.n, result.shown) == (6, True)


def test_fewer_than_five_comparable_shows_nothing(store: Store) -> None:
    mine = _engagement(store, 4)
    _firm(store, [1, 2, 3, 5])
    result = bm.compare(store, mine)
    assert not result.shown and result.areas == ()
    assert result.reason == "not enough comparable engagements (4 of 5)"
    _firm(store, [6])
    assert bm.compare(store, mine).shown


def test_own_entry_is_not_its_own_comparable(store: Store) -> None:
    mine = _engagement(store, 4)  # opted in: it has an entry, but is not compared with it
    _firm(store, [1, 2, 3, 5])
    assert bm.compare(store, mine).n == 4


def test_only_the_same_industry_and_size_band_compare(store: Store) -> None:
    mine = _engagement(store, 4, industry="装备制造")
    _firm(store, [1, 2, 3, 5], industry=" 装备制造 ")  # spacing is no other industry
    _firm(store, [8, 8, 8], industry="食品")
    _firm(store, [8, 8, 8], employees="ge1000", revenue="ge400m")
    _firm(store, [8], employees="300-999", revenue="lt3m")  # micro: lower of the two
    assert bm.compare(store, mine).n == 4
    other = _engagement(store, 0, name="英文", industry="Food")
    assert bm.compare(store, other).n == 0
    _firm(store, [8, 8], industry="FOOD")  # case is no other industry either
    assert bm.compare(store, other).n == 2


def test_distribution_and_standing_on_a_hand_made_set(store: Store) -> None:
    levels = [1, 2, 2, 3, 4, 5]
    mets = [0, 2, 3, 4, 6, 8]  # indices 0, 25, 37.5, 50, 75, 100
    for n, (met, level) in enumerate(zip(mets, levels, strict=True)):
        _engagement(store, met, level=level, name=f"同行{n}")
    mine = _engagement(store, 4, level=3)  # index 50, level 3
    result = bm.compare(store, mine)
    assert result.shown and result.n == 6
    (area,) = result.areas
    assert area.key == "5"
    d = area.index.distribution
    assert d is not None
    indices = [m / 8 * 100 for m in mets]
    q = statistics.quantiles(indices, n=4, method="inclusive")
    assert (d.n, d.minimum, d.q1, d.median, d.q3, d.maximum) == (6, 0, q[0], q[1], q[2], 100)
    assert (d.q1, d.median, d.q3) == (28.125, 43.75, 68.75)
    assert area.index.value == 50
    assert area.index.percentile == pytest.approx(100 * (3 + 0.5) / 6)  # 3 below, 1 tie
    (clause,) = [c for c in area.clauses if c.key == "5.2"]
    assert clause.distribution is not None
    assert (clause.distribution.median, clause.value) == (2.5, 3)
    assert clause.percentile == pytest.approx(100 * (3 + 0.5) / 6)


def test_entries_and_result_name_nobody(store: Store) -> None:
    names = [f"保密客户{n}" for n in range(6)]
    for n, name in enumerate(names):
        _engagement(store, n, name=name)
    mine = _engagement(store, 4, name="本客户")
    with store.session() as s:
        entries = [
            (e.token, e.industry, e.size_band, json.dumps(e.figures, ensure_ascii=False))
            for e in s.scalars(select(BenchmarkEntry))
        ]
        engagement_ids = {str(i) for i in s.scalars(select(BenchmarkLink.engagement_id))}
    assert len(entries) == 7
    stored = repr(entries) + repr(bm.compare(store, mine))
    for secret in (*names, "本客户", "诊断项目", "聂青禾", "说明"):
        assert secret not in stored
    assert {column.name for column in BenchmarkEntry.__table__.columns} == {
        "token",
        "industry",
        "size_band",
        "figures",
    }
    assert not any(token in engagement_ids for token, *_ in entries)


def test_opting_out_or_trash_removes_the_entry(store: Store) -> None:
    uuids = _firm(store, [1, 2, 3])
    count = lambda: len(store.sessions().scalars(select(BenchmarkEntry)).all())  # noqa: E731
    assert count() == 3
    assert bm.set_opt_in(store, uuids[0], False) is True
    assert count() == 2
    service.move_to_trash(store, uuids[1])
    bm.refresh(store, uuids[1])
    assert count() == 1
    assert bm.refresh_all(store) == 1


def test_entry_follows_the_diagnosis(store: Store) -> None:
    uuid = _engagement(store, 2)
    rnd = dx.list_rounds(store, uuid)[0].uuid
    dx.set_answer(store, rnd, POINTS[7], status="met")
    bm.refresh(store, uuid)
    with store.session() as s:
        figures = s.scalars(select(BenchmarkEntry.figures)).one()
    assert figures["areas"] == {"5": 37.5}


def test_only_the_lead_may_opt_in_on_a_server(store: Store) -> None:
    uuid = _engagement(store, 2, opt_in=False)
    with store.session() as s:
        eid = s.scalars(select(Engagement.id).where(Engagement.uuid == uuid)).one()
        s.add(Member(engagement_id=eid, login="someone-else", role="lead"))
    with pytest.raises(bm.NotLeadError):
        bm.set_opt_in(store, uuid, True)
    assert not bm.opted_in(store, uuid)
    with store.session() as s:
        s.add(Member(engagement_id=eid, login=store.author, role="lead"))
    bm.set_opt_in(store, uuid, True)
    assert bm.opted_in(store, uuid)


# ---------------------------------------------------------------- the firm's template library
def test_a_template_saved_by_one_consultant_is_listed_and_applied_by_another(
    store: Store,
) -> None:
    from dtbench.sample import create_demo
    from dtbench.store import open_store
    from dtbench.templates import library

    demo = create_demo(store)
    saved = library.save_firm_template(
        store, demo, "装备制造·标准诊断", ["scope", "targets", "plan"]
    )
    assert saved.firm and saved.author == store.author
    colleague = open_store(store.url)  # another consultant's app on the same database
    try:
        listed = library.list_templates(store=colleague)
        (firm,) = [t for t in listed if t.firm]
        assert firm.title("zh") == "装备制造·标准诊断"
        assert [t for t in library.list_templates() if t.firm] == []  # not a file
        assert library.find_template("装备制造·标准诊断", colleague).firm
        uuid = library.create_from_template(colleague, firm, "北方重工")
        assert dx.list_rounds(colleague, uuid)  # the targets came with a baseline round
        kinds = {i.kind for i in plan.list_items(colleague, uuid)}
        assert {"phase", "initiative"} <= kinds
        with pytest.raises(library.TemplateExistsError):
            library.save_firm_template(colleague, demo, "装备制造·标准诊断", ["scope"])
        library.save_firm_template(colleague, demo, "装备制造·标准诊断", ["scope"], replace=True)
        (firm,) = [t for t in library.list_templates(store=store) if t.firm]
        assert set(firm.parts) == {"scope"}
        library.delete_template(firm, colleague)
        assert [t for t in library.list_templates(store=store) if t.firm] == []
    finally:
        colleague.close()


# ---------------------------------------------------------------- the proposal's chapter
def _table_texts(document: object) -> str:
    return " ".join(
        cell.text
        for table in document.tables  # type: ignore[attr-defined]
        for row in table.rows
        for cell in row.cells
    )


@pytest.mark.sqlite_only
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_proposal_has_the_benchmark_chapter_only_when_it_can(
    store: Store, tmp_path: object, lang: str
) -> None:
    from docx import Document
    from docx_reading import headings, texts

    from dtbench.deliverables.export import ExportRequest, run_export
    from dtbench.sample import create_demo

    demo = create_demo(store, lang)
    profile = service.get_profile(store, demo)
    peers = dict(industry=profile.industry, employees="300-999", revenue="20m-400m")
    assert bm.size_band(profile.size_employees, profile.size_revenue) == "medium"
    _firm(store, [1, 2, 3, 5], **peers)
    path = tmp_path / "proposal.docx"  # type: ignore[operator]
    chapter = {"zh": "行业对标", "en": "Industry benchmark"}[lang]

    def export() -> list[str]:
        data = bm.proposal_data(store, demo, lang)
        run_export(store, ExportRequest(demo, docx=path, benchmark=data, record_issue=False))
        return headings(Document(str(path)), 1)

    assert bm.proposal_data(store, demo, lang) is None  # four compare: nothing to show
    assert not any(chapter in h for h in export())
    _firm(store, [6], **peers)
    assert any(h.endswith(chapter) for h in export())
    document = Document(str(path))
    body = " ".join(texts(document)) + _table_texts(document)
    assert "5" in body and profile.industry in body
    secrets = [f"同行{n}" for n in range(5)] + ["同行0诊断项目", "聂青禾", "同行0说明"]
    for secret in secrets:  # the peers' names, titles, people, notes
        assert secret not in body
    start = next(n for n, t in enumerate(texts(document)) if t.endswith(chapter))
    chapter_text = " ".join(texts(document)[start : start + 8])
    said = {"zh": "低于同类项目的中位数", "en": "below the median of comparable engagements"}
    assert said[lang] in chapter_text  # what it means for the client, in words
    if lang == "en":  # entirely in the engagement's language
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in chapter_text), chapter_text
    else:
        assert not re.search("[A-Za-z]{3,}", chapter_text), chapter_text


def _rows(*values: tuple[str, float, float, float]) -> object:
    """BenchmarkData with rows (label, q1, median, client's value); range 0–100, n = 7."""
    from dtbench.reports.benchmark_charts import BenchmarkData, BenchmarkRow

    rows = tuple(BenchmarkRow(label, 0, q1, m, 90, 100, 7, v) for label, q1, m, v in values)
    return BenchmarkData(7, "medium", rows)


def test_the_chapter_says_what_the_comparison_means_for_the_client() -> None:
    """The CEO reads the standing in words, not only in a chart and a table of quartiles."""
    from dtbench.deliverables.proposal_benchmark import standing

    data = _rows(
        ("5 框架和原则", 40, 50, 60), ("7 业务模式", 40, 60, 30), ("9 数字技术平台", 40, 55, 45)
    )
    assert standing(data, "澜岳精工", "zh") == [  # type: ignore[arg-type]
        "在指南的 3 个部分中，澜岳精工有 2 个低于同类项目的中位数，1 个达到或高于中位数。",
        "相对同类中位数，澜岳精工最落后的是“7 业务模式”（30，中位数 60），"
        "相对最好的是“5 框架和原则”（60，中位数 50）。",
        "澜岳精工在以下部分处于同类项目的最低四分之一：“7 业务模式”。这些是与同行差距最明显"
        "之处，宜在转型规划中优先考虑。",
    ]
    data = _rows(("5 Framework and principles", 40, 50, 45), ("6 Leadership role", 40, 50, 41))
    assert standing(data, "Lanyue", "en") == [  # type: ignore[arg-type]
        "In all 2 parts of the guide Lanyue's index is below the median of comparable engagements.",
        "Against the median, Lanyue stands lowest in “6 Leadership role” (41 against 50) and "
        "best in “5 Framework and principles” (45 against 50).",
        "In no part does Lanyue lie in the lowest quarter of comparable engagements.",
    ]


def test_the_chart_names_every_part_in_full() -> None:
    """English part names are wrapped beside the chart, never cut ("5 Framework and princip…")."""
    from dtbench.deliverables.proposal_benchmark import SIZE, chart_texts
    from dtbench.reports import benchmark_charts

    labels = [f"{a.key} {a.title.get('en')}" for a in GUIDE.areas]
    data = _rows(*[(label, 40, 50, 45) for label in labels])
    chart = benchmark_charts.BenchmarkChart(data.rows, chart_texts("en"))  # type: ignore[attr-defined]
    figure = benchmark_charts.build(chart, SIZE)
    shown = [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "left"]
    assert [" ".join(s.split()) for s in shown] == labels


# ---------------------------------------------------------------- the command line
@pytest.mark.sqlite_only
def test_the_command_line_refreshes_shows_and_shares_templates(store: Store) -> None:
    from test_cli import run

    mine = _engagement(store, 4, opt_in=False)
    _firm(store, [1, 2, 3, 5, 6])
    with store.session() as s:  # entries lost (say, written before an upgrade)
        s.execute(delete(BenchmarkEntry))
    db = store.url.removeprefix("sqlite:///")
    refreshed = run("--db", db, "benchmark", "refresh", env={"LANG": "en_US.UTF-8"})
    assert (refreshed.returncode, refreshed.stdout.strip()) == (
        0,
        "5 benchmark entries up to date.",
    )
    shown = json.loads(run("--db", db, "benchmark", "show", mine[:8]).stdout)
    assert (shown["n"], shown["shown"], shown["areas"][0]["key"]) == (5, True, "5")
    assert shown["areas"][0]["distribution"]["median"] == 37.5
    saved = run("--db", db, "template", "save", mine[:8], "公司模板", "--firm")
    assert saved.returncode == 0, saved.stderr
    listed = run("--db", db, "template", "list", "--json")
    assert [t["name"]["zh"] for t in json.loads(listed.stdout) if t["firm"]] == ["公司模板"]
