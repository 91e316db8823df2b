"""The target blueprint: the register of systems and their links, seeded from the client
profile, checked, drawn (today's landscape and the target), and shown in the proposal and the
Excel plan."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import msgspec
import openpyxl
import pytest

from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.docx_proposal import SECTIONS, build_proposal
from dtbench.deliverables.figures import figure_jobs
from dtbench.deliverables.proposal_blueprint import axes, blueprint_jobs, texts
from dtbench.deliverables.xlsx_plan import build_action_plan, sheet_names
from dtbench.engagement import service
from dtbench.messages import translate
from dtbench.plan import service as plan
from dtbench.plan.blueprint import check_blueprint, place, propose_systems
from dtbench.plan.records import Initiative, Integration, Phase, System
from dtbench.reports.blueprint_charts import TARGET, TODAY, blueprint_figure
from dtbench.reports.raster import draw
from dtbench.sample import create_demo
from dtbench.store import Store, open_store


@dataclass
class Demo:
    store: Store
    uuid: str
    zh: Content
    en: Content
    folder: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("blueprint")
    store = open_store(folder / "demo.sqlite3")
    uuid = create_demo(store)
    yield Demo(store, uuid, gather(store, uuid, "zh"), gather(store, uuid, "en"), folder)
    store.close()


def _eng(store: Store) -> str:
    return service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid


# ------------------------------------------------------------------------ register
@pytest.mark.parametrize(
    "record",
    [
        System(name=" "),
        System(name="MES", domain="canteen"),
        System(name="MES", layer="cloud"),
        System(name="MES", now="maybe"),
        System(name="MES", target="replace"),
        Integration(source="a", target="a"),
        Integration(source="", target="b"),
        Integration(source="a", target="b", goal="someday"),
    ],
)
def test_bad_systems_and_links_are_refused_and_nothing_is_written(
    store: Store, record: object
) -> None:
    uuid = _eng(store)
    with pytest.raises(ValueError):
        plan.add_item(store, uuid, record)
    assert plan.list_items(store, uuid, "system") == []
    assert plan.list_items(store, uuid, "integration") == []


def test_systems_and_links_survive_reopening(db_path: Path) -> None:
    store = open_store(db_path)
    uuid = _eng(store)
    erp = plan.add_item(store, uuid, System(name="ERP", now="in_use", target="keep"))
    mes = plan.add_item(store, uuid, System(name="MES", domain="production"))
    plan.add_item(store, uuid, Integration(source=erp.uuid, target=mes.uuid, flow="工单"))
    store.close()
    store = open_store(db_path)
    [first, second] = [i.record for i in plan.list_items(store, uuid, "system")]
    assert (first.name, first.now, first.target) == ("ERP", "in_use", "keep")
    assert (second.domain, second.layer, second.target) == ("production", "application", "new")
    [link] = [i.record for i in plan.list_items(store, uuid, "integration")]
    assert (link.source, link.target, link.flow) == (erp.uuid, mes.uuid, "工单")
    store.close()


# ------------------------------------------------------------------------ seeding
def test_well_known_names_are_placed_in_their_domain_and_layer() -> None:
    assert place("MES") == ("production", "application")
    assert place("用友U8") == ("management", "application")
    assert place("PDM") == ("design", "application")
    assert place("QMS质量系统") == ("quality", "application")
    assert place("WMS") == ("supply_chain", "application")
    assert place("CRM") == ("sales_service", "application")
    assert place("SCADA") == ("production", "iot")
    assert place("DNC") == ("production", "iot")
    assert place("帆软BI") == ("common", "data")
    assert place("HR") == ("management", "application")
    # an acronym counts only as a word of its own: "CHROME" holds "HR", "CNC" holds "NC"
    assert place("CNC") == ("management", "application")
    assert place("Something else") == ("management", "application")


def test_the_profile_proposes_only_the_systems_not_yet_registered() -> None:
    register = [System(name="erp ", now="in_use", target="upgrade")]
    proposed = propose_systems(["ERP", "MES", " MES", "", "PDM", "HR"], register)
    assert [(s.name, s.domain, s.now, s.target) for s in proposed] == [
        ("MES", "production", "in_use", "keep"),
        ("PDM", "design", "in_use", "keep"),
        ("HR", "management", "in_use", "keep"),
    ]
    for system in proposed:
        plan.validate(system)  # each can be stored as it is


# ------------------------------------------------------------------------ checks
def test_checks_name_what_a_reader_would_trip_over(store: Store) -> None:
    uuid = _eng(store)
    p1 = plan.add_item(store, uuid, Phase(name="一期"))
    p2 = plan.add_item(store, uuid, Phase(name="二期"))
    ini = plan.add_item(store, uuid, Initiative(title="MES二期", phase=p2.uuid))
    plan.add_item(store, uuid, System(name="MES", phase=p1.uuid, initiative=ini.uuid))
    plan.add_item(store, uuid, System(name="ERP", now="none", target="keep"))
    plan.add_item(store, uuid, System(name="APS", target="new"))
    gone = plan.add_item(store, uuid, System(name="Old", now="in_use", target="retire"))
    keep = plan.add_item(store, uuid, System(name="OA", now="in_use", target="keep"))
    plan.add_item(store, uuid, Integration(source=gone.uuid, target=keep.uuid, flow="台账"))
    aps = plan.list_items(store, uuid, "system")[2]
    plan.add_item(store, uuid, Integration(source=keep.uuid, target=aps.uuid, now="partial"))
    plan.remove_item(store, gone.uuid)

    def items(kind: str) -> list:
        return plan.list_items(store, uuid, kind)

    problems = check_blueprint(
        items("system"), items("integration"), items("phase"), items("initiative")
    )
    messages = [p.message(translate) for p in problems]
    assert messages == [
        "System “MES” is placed in phase “一期”, but its initiative “MES二期” is in phase “二期”.",
        "System “ERP” does not exist today: it cannot be kept, upgraded or retired.",
        "System “APS” is to be built, upgraded or retired but has no phase.",
        "An integration link (台账) connects a system that is no longer in the register.",
        "The link “OA → APS” is said to work today, but system “APS” does not exist yet.",
    ]


# ------------------------------------------------------------------------ sample
def test_the_sample_blueprint_fits_the_sample_plan(demo: Demo) -> None:
    c = demo.zh
    systems = c.items["system"]
    assert 12 <= len(systems) <= 18
    names = [s.record.name for s in systems]
    assert "用友U8 ERP" in names and "设备物联网平台" in names
    assert {s.record.target for s in systems} == {"keep", "upgrade", "new", "retire"}
    assert len(c.items["integration"]) >= 6
    # every reference resolves and nothing is contradictory
    assert (
        check_blueprint(systems, c.items["integration"], c.items["phase"], c.items["initiative"])
        == []
    )
    # the profile's existing systems are all in the register already
    existing = c.profile.existing_systems
    assert existing and propose_systems(existing, [s.record for s in systems]) == []


# ------------------------------------------------------------------------ chart
def _texts_of(figure: object) -> str:
    return "\n".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))  # type: ignore[attr-defined]


def test_the_diagram_draws_today_and_the_target(demo: Demo) -> None:
    c = demo.zh
    layers, domains = axes("zh")
    args = (c.items["system"], c.items["phase"])
    today = _texts_of(blueprint_figure(*args, TODAY, texts("zh"), layers, domains))
    target = _texts_of(
        blueprint_figure(
            *args, TARGET, texts("zh"), layers, domains, initiatives=c.items["initiative"]
        )
    )
    plain = re.sub(r"\s+", "", today)
    assert "现状系统架构" in today and "用友U8ERP" in plain and "APS" not in plain
    assert "在用" in today and "新建" not in today
    plain = re.sub(r"\s+", "", target)
    assert "目标蓝图" in target and "APS高级排产" in plain and "二期" in target
    for label in ("保留", "升级", "新建", "停用", "基础架构平台", "跨领域共享"):
        assert label in plain, label
    raster = draw(blueprint_figure, *args, TARGET, texts("en"), *axes("en"), dpi=60)
    assert raster.width > 200 and not raster.is_blank()


def test_english_labels_keep_their_words_whole(demo: Demo) -> None:
    c = demo.en
    figure = blueprint_figure(c.items["system"], c.items["phase"], TARGET, texts("en"), *axes("en"))
    words = set(_texts_of(figure).split())
    assert {"Infrastructure", "integration", "Application", "Procurement"} <= words


def test_a_crowded_cell_stays_a_page_tall() -> None:
    from dtbench.plan.records import PlanItem

    systems = [
        PlanItem(f"s{n}", "system", n, System(name=f"MES {n}", domain="production"))
        for n in range(300)
    ]
    layers, domains = axes("en")
    figure = blueprint_figure(systems, [], TARGET, texts("en"), layers, domains)
    assert figure.get_size_inches()[1] < 9
    shown = _texts_of(figure).split("\n")
    assert "+293" in shown and "MES 6" in shown and "MES 7" not in shown


def test_an_empty_register_draws_a_message(demo: Demo) -> None:
    layers, domains = axes("en")
    figure = blueprint_figure([], [], TARGET, texts("en"), layers, domains)
    assert "No systems yet." in _texts_of(figure)


# ------------------------------------------------------------------------ proposal
@pytest.fixture(scope="module")
def zh_docx(demo: Demo) -> Path:
    return build_proposal(demo.zh, demo.folder / "建议书.docx", figures=_figures(demo.zh))


def _figures(content: Content) -> dict[str, bytes]:
    """The blueprint's two diagrams only (the other charts are not this chapter's)."""
    return {name: job() for name, job in blueprint_jobs(content, 80).items()}


def _chapter(document: docx.document.Document, title: str) -> list[str]:
    out: list[str] = []
    inside = False
    for p in document.paragraphs:
        if p.style is not None and p.style.name == "Heading 1":
            inside = p.text.endswith(title)
            continue
        if inside:
            out.append(p.text)
    return out


def test_the_proposal_has_the_blueprint_between_strategy_and_roadmap(zh_docx: Path) -> None:
    assert SECTIONS.index("strategy") < SECTIONS.index("blueprint") < SECTIONS.index("roadmap")
    document = docx.Document(str(zh_docx))
    chapters = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    at = next(n for n, t in enumerate(chapters) if t.endswith("目标蓝图"))
    assert "战略" in chapters[at - 1] and "路线图" in chapters[at + 1]
    text = "\n".join(_chapter(document, "目标蓝图"))
    assert "蓝图涵盖17个系统：保留3个、升级6个、新建7个、停用1个。" in text
    assert "新建的系统包括APS高级排产" in text
    assert "目前平台集成尚属空白，目标蓝图在这一层规划了系统集成平台。" in text
    assert "一期（夯实基础、打通一厂）：新建主数据管理；升级用友U8 ERP" in text
    assert "统一规划、积极稳妥、成熟一个集成一个" in text
    assert "蓝图规划了10条集成链路，其中4条目前已部分打通，其余6条需新建。" in text
    assert "图 " in text and "现状系统架构" in text and "目标蓝图" in text
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in document.tables]
    register = next(t for t in tables if t[0][:3] == ["系统", "业务领域", "平台层级"])
    assert len(register) == 18
    assert register[1][:6] == ["用友U8 ERP", "经营管理", "应用服务平台", "在用", "升级", "一期"]
    links = next(t for t in tables if t[0][:3] == ["来源系统", "目标系统", "传递的数据"])
    assert links[1][:3] == ["用友U8 ERP", "MES制造执行系统", "生产订单、物料与库存"]


def test_the_two_diagrams_are_pictures_in_the_chapter(demo: Demo) -> None:
    assert set(blueprint_jobs(demo.en, 80)) <= set(figure_jobs(demo.en, 80))
    figures = _figures(demo.en)
    assert figures["blueprint_today"].startswith(b"\x89PNG")
    assert figures["blueprint_target"].startswith(b"\x89PNG")
    path = build_proposal(
        demo.en, demo.folder / "bp.docx", figures=figures, sections=("blueprint",)
    )
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 2
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[:2] == ["Figure 1 Today's system landscape", "Figure 2 Target blueprint"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "It covers 17 systems: 3 kept as they are, 6 upgraded, 7 built new" in text
    assert "1 retired. The new systems are APS" in text  # sentences apart
    assert not re.search(r"[\u4e00-\u9fff]", "".join(captions))


def test_libreoffice_shows_the_chapter(zh_docx: Path, demo: Demo, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice or poppler is not installed")
    path = build_proposal(
        demo.zh,
        tmp_path / "蓝图.docx",
        figures=_figures(demo.zh),
        sections=("blueprint", "supporting"),
    )
    home = tmp_path / "lo-home"
    home.mkdir()
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(home)},
    )
    text = subprocess.run(
        [pdftotext, str(tmp_path / "蓝图.pdf"), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    compact = re.sub(r"\s+", "", text)
    assert "保留3个、升级6个、新建7个、停用1个" in compact
    assert "集成链路" in compact and "设备物联网平台" in compact
    # the register is supporting detail: the chapter points to the appendix that holds it
    assert "见附录A的系统清单" in compact
    assert "附录A补充资料" in compact and re.search(r"A\.\d系统清单", compact)


def test_an_empty_register_says_so(store: Store, tmp_path: Path) -> None:
    uuid = _eng(store)
    path = build_proposal(gather(store, uuid, "en"), tmp_path / "p.docx", sections=("blueprint",))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "The target blueprint is not drawn up yet" in text


# ------------------------------------------------------------------------ Excel
def test_the_excel_plan_has_the_systems_sheet(demo: Demo, tmp_path: Path) -> None:
    assert "系统蓝图" in sheet_names("zh")
    path = build_action_plan(demo.zh, tmp_path / "plan.xlsx")
    ws = openpyxl.load_workbook(path)["系统蓝图"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    header = rows.index(
        ("编号", "系统", "业务领域", "平台层级", "现状", "目标", "阶段", "举措", "说明")
    )
    first = rows[header + 1]
    assert first[:7] == ("S-01", "用友U8 ERP", "经营管理", "应用服务平台", "在用", "升级", "一期")
    assert first[7] == "I-08 启用U8 MRP，计划与采购联动"
    registered = [r for r in rows if isinstance(r[0], str) and r[0].startswith("S-")]
    assert len(registered) == 17
    links = [r for r in rows if isinstance(r[0], str) and r[0].startswith("L-")]
    assert links[0][:4] == (
        "L-01",
        "S-01 用友U8 ERP",
        "S-02 MES制造执行系统",
        "生产订单、物料与库存",
    )
    assert len(links) == 10
    # the target column offers the four targets to choose from
    assert any(
        "保留,升级,新建,停用" in (dv.formula1 or "") for dv in ws.data_validations.dataValidation
    )


def test_a_renamed_system_shows_everywhere(demo: Demo, tmp_path: Path) -> None:
    """One source: the register's record is what the proposal and the workbook show."""
    store = open_store(tmp_path / "copy.sqlite3")
    try:
        uuid = create_demo(store)
        item = plan.list_items(store, uuid, "system")[0]
        plan.update_item(store, item.uuid, msgspec.structs.replace(item.record, name="金蝶云星空"))
        content = gather(store, uuid, "zh")
    finally:
        store.close()
    path = build_action_plan(content, tmp_path / "plan.xlsx")
    cells = [
        c for r in openpyxl.load_workbook(path)["系统蓝图"].iter_rows(values_only=True) for c in r
    ]
    assert "金蝶云星空" in cells and "用友U8 ERP" not in cells


def test_english_texts_have_no_chinese() -> None:
    from dtbench.deliverables import proposal_blueprint, xlsx_blueprint
    from dtbench.plan import catalogue as cat

    texts = [*proposal_blueprint.TEXTS.values(), *xlsx_blueprint.TEXTS.values()]
    for options in (cat.SYSTEM_DOMAINS, cat.PLATFORM_LAYERS, cat.SYSTEM_STATUSES):
        texts.extend(o.label for o in options)
    texts.extend(o.label for o in cat.SYSTEM_TARGETS)
    for text in texts:
        assert text.en and not re.search(r"[\u4e00-\u9fff]", text.en), text.en
        assert text.zh, text.en
