"""Templates: the built-in starters, save from an engagement, create from a template, the
library (import, export, rename, delete), broken files, the CLI and the dialogs."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from qt_helpers import finished

from dtbench.cli.template import register, run
from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service as engagements
from dtbench.plan import service as plan
from dtbench.plan.checks import check_roadmap
from dtbench.plan.starters import kpi_starters
from dtbench.sample import create_demo, load_demo
from dtbench.store import Store
from dtbench.templates import library

BUILTINS = ("discrete_manufacturing_sme", "process_industry_plant", "trading_services")
START = date(2027, 1, 1)
HAN = re.compile(r"[\u4e00-\u9fff]")


def _builtin(key: str) -> library.Template:
    [found] = [t for t in library.list_templates() if t.builtin and t.key == key]
    return found


def _items(store: Store, uuid: str, kind: str) -> list[Any]:
    return plan.list_items(store, uuid, kind)


def _targets(store: Store, uuid: str) -> dict[str, int]:
    [baseline, *_rest] = dx.list_rounds(store, uuid)
    clauses = dx.load_round(store, baseline.uuid).clauses
    return {k: c.target for k, c in clauses.items() if c.target is not None}


# ---------------------------------------------------------------- built-in templates
def test_three_builtin_starters_with_names_in_both_languages() -> None:
    templates = [t for t in library.list_templates() if t.builtin]
    assert [t.key for t in templates] == list(BUILTINS)
    for t in templates:
        assert t.name.zh != t.name.en and not HAN.search(t.name.en) and HAN.search(t.name.zh)
        assert HAN.search(t.description.zh) and t.description.en
        assert not HAN.search(t.description.en + t.industry.en)
        counts = t.contents().counts
        assert counts["phases"] == 3
        assert 8 <= counts["initiatives"] <= 12
        assert 6 <= counts["kpis"] <= 10
        assert t.contents().weights and t.contents().targets
        culture = t.parts["culture"]
        assert culture["targets"] and all("target" in v for v in culture["traits"].values())
        # Every initiative works on clauses of the guide.
        assert all(i["clauses"] for i in t.parts["initiatives"])


@pytest.mark.parametrize("key", BUILTINS)
def test_builtin_template_creates_a_matching_engagement(store: Store, key: str) -> None:
    template = _builtin(key)
    uuid = library.create_from_template(
        store, template, "大连测试有限公司", "转型规划", "zh", plan_start=START
    )
    profile = engagements.get_profile(store, uuid)
    assert (profile.client_name, profile.title) == ("大连测试有限公司", "转型规划")
    assert profile.industry == template.industry.zh
    # Scope and weights, and the baseline round's target levels, as in the template.
    expected_scope = {
        k: ScopeEntry(e["in_scope"], e["weight"]) for k, e in template.parts["scope"].items()
    }
    assert dx.get_scope(store, uuid) == expected_scope
    assert _targets(store, uuid) == template.parts["targets"]
    [baseline] = dx.list_rounds(store, uuid)
    data = dx.load_round(store, baseline.uuid)
    assert data.answers == {}
    assert all(c.current is None and c.findings == "" for c in data.clauses.values())
    # The plan: phases, initiatives in their phases with their dependencies, KPIs.
    phases = _items(store, uuid, "phase")
    initiatives = _items(store, uuid, "initiative")
    kpis = _items(store, uuid, "kpi")
    assert [p.record.name for p in phases] == [p["name"] for p in template.parts["phases"]]
    assert phases[0].record.start == START
    assert [i.record.title for i in initiatives] == [
        i["title"] for i in template.parts["initiatives"]
    ]
    phase_name = {p.uuid: p.record.name for p in phases}
    title = {i.uuid: i.record.title for i in initiatives}
    template_phase = {p["id"]: p["name"] for p in template.parts["phases"]}
    template_title = {i["id"]: i["title"] for i in template.parts["initiatives"]}
    for item, spec in zip(initiatives, template.parts["initiatives"], strict=True):
        assert phase_name[item.record.phase] == template_phase[spec["phase"]]
        assert [title[d] for d in item.record.depends_on] == [
            template_title[d] for d in spec["depends_on"]
        ]
        assert item.record.owner == "" and item.record.status == "proposed"
    assert check_roadmap(phases, initiatives) == []
    assert len(kpis) == len(template.parts["kpis"])
    for item, spec in zip(kpis, template.parts["kpis"], strict=True):
        assert item.record.starter == spec["starter"]
        assert {phase_name[p]: t for p, t in item.record.targets.items()} == {
            template_phase[p]: t for p, t in spec["targets"].items()
        }
        assert [title[i] for i in item.record.initiatives] == [
            template_title[i] for i in spec["initiatives"]
        ]
    # Organization and culture; {client} became the client's name.
    culture = plan.get_value(store, uuid, "culture")
    assert culture.targets and all(t.now is None for t in culture.traits.values())
    assert all(t.target for t in culture.traits.values())
    vision = plan.get_value(store, uuid, "strategy").vision
    assert "大连测试有限公司" in vision and library.CLIENT_TOKEN not in vision
    governance = _items(store, uuid, "governance")
    assert governance and all(g.record.name == "" and g.record.position for g in governance)


def test_trading_template_leaves_design_and_production_out_of_scope(store: Store) -> None:
    uuid = library.create_from_template(store, "trading_services", "某商贸公司", "", "zh")
    scope = dx.get_scope(store, uuid)
    for key in ("7.1.1", "7.1.2", "7.1.3", "7.2.1", "7.2.2", "7.2.3", "7.3.1", "7.3.5"):
        assert scope[key].in_scope is False
    assert scope["7.4.1"] == ScopeEntry(True, 2.0)
    # No target levels for clauses out of scope; the default title in the language.
    assert not set(_targets(store, uuid)) & {"7.2.1", "7.3.1"}
    assert engagements.get_profile(store, uuid).title == library.DEFAULT_TITLE.zh
    # The plan starts next month by default.
    [first, *_] = _items(store, uuid, "phase")
    assert first.record.start == library.next_month_start()


def test_english_engagement_gets_starter_kpis_in_english(store: Store) -> None:
    uuid = library.create_from_template(store, "process_industry_plant", "Acme", "Plan", "en")
    names = {s.code: s.name.en for s in kpi_starters()}
    kpis = _items(store, uuid, "kpi")
    assert [k.record.name for k in kpis] == [names[k.record.starter] for k in kpis]
    assert (
        engagements.get_profile(store, uuid).industry
        == _builtin("process_industry_plant").industry.en
    )
    assert dx.list_rounds(store, uuid)[0].name == "Baseline assessment"


def test_find_template_by_key_name_or_file() -> None:
    t = _builtin("discrete_manufacturing_sme")
    assert library.find_template("Discrete-manufacturing SME").path == t.path
    assert library.find_template("离散制造中小企业").path == t.path
    assert library.find_template(str(t.path)).path == t.path
    with pytest.raises(library.TemplateNotFoundError) as info:
        library.find_template("nothing like it")
    assert "nothing like it" in str(info.value)


# ---------------------------------------------------------------- save from an engagement
CHOSEN = {"scope", "targets", "phases", "initiatives", "kpis", "governance", "culture"}


def _identity() -> list[str]:
    meta, _clauses = load_demo()
    client = meta["client"]
    found = [client["client_name"], client["short_name"]]
    for contact in client["contacts"]:
        found += [contact["name"], contact["phone"], contact["email"]]
    return found


def test_save_from_demo_strips_the_client_and_creates_the_same_plan(store: Store) -> None:
    demo = create_demo(store)
    path = library.save_template(store, demo, "机加工模板", CHOSEN, "来自示例项目")
    assert path.parent == library.user_dir() and path.suffix == ".dtbt"
    text = path.read_text(encoding="utf-8")
    for secret in _identity():
        assert secret not in text, secret
    data = json.loads(text)
    assert set(data["parts"]) == CHOSEN
    assert "findings" not in text and "answers" not in text
    assert all(g["name"] == "" for g in data["parts"]["governance"])
    assert all(k["baseline"] == "" if "baseline" in k else True for k in data["parts"]["kpis"])

    new = library.create_from_template(store, "机加工模板", "营口新客户有限公司", "诊断", "zh")
    profile = engagements.get_profile(store, new)
    assert profile.client_name == "营口新客户有限公司" and profile.contacts == ()
    assert dx.get_scope(store, new) == dx.get_scope(store, demo)
    demo_rounds = dx.list_rounds(store, demo)
    demo_targets = {
        k: c.target
        for k, c in dx.load_round(store, demo_rounds[-1].uuid).clauses.items()
        if c.target is not None
    }
    assert _targets(store, new) == demo_targets
    # No answers, findings or current levels carried over; one fresh round.
    [baseline] = dx.list_rounds(store, new)
    data_round = dx.load_round(store, baseline.uuid)
    assert data_round.answers == {}
    assert all(c.findings == "" and c.current is None for c in data_round.clauses.values())
    # The plan: same initiatives and KPIs; dependencies and KPI links by title and phase.
    old_ini, new_ini = _items(store, demo, "initiative"), _items(store, new, "initiative")
    assert [i.record.title for i in new_ini] == [i.record.title for i in old_ini]
    assert [i.record.clauses for i in new_ini] == [i.record.clauses for i in old_ini]
    assert all(i.record.owner == "" for i in new_ini)
    old_titles = {i.uuid: i.record.title for i in old_ini}
    new_titles = {i.uuid: i.record.title for i in new_ini}
    for old, fresh in zip(old_ini, new_ini, strict=True):
        assert [new_titles[d] for d in fresh.record.depends_on] == [
            old_titles[d] for d in old.record.depends_on
        ]
    old_phases, new_phases = _items(store, demo, "phase"), _items(store, new, "phase")
    # Dates keep their spacing from the start of the plan, which starts next month.
    assert new_phases[0].record.start == library.next_month_start()
    shift = new_phases[0].record.start - old_phases[0].record.start
    assert [p.record.end for p in new_phases] == [p.record.end + shift for p in old_phases]
    assert [i.record.start for i in new_ini] == [
        None if i.record.start is None else i.record.start + shift for i in old_ini
    ]
    assert check_roadmap(new_phases, new_ini) == check_roadmap(old_phases, old_ini) == []
    old_kpis, new_kpis = _items(store, demo, "kpi"), _items(store, new, "kpi")
    assert [k.record.name for k in new_kpis] == [k.record.name for k in old_kpis]
    old_phase_names = {p.uuid: p.record.name for p in old_phases}
    new_phase_names = {p.uuid: p.record.name for p in new_phases}
    for old, fresh in zip(old_kpis, new_kpis, strict=True):
        assert {new_phase_names[p]: t for p, t in fresh.record.targets.items()} == {
            old_phase_names[p]: t for p, t in old.record.targets.items()
        }
        assert [new_titles[i] for i in fresh.record.initiatives] == [
            old_titles[i] for i in old.record.initiatives
        ]
        assert fresh.record.baseline == "" and fresh.record.owner == ""
    # Governance roles and positions without the names.
    old_gov, new_gov = _items(store, demo, "governance"), _items(store, new, "governance")
    assert [(g.record.role, g.record.position) for g in new_gov] == [
        (g.record.role, g.record.position) for g in old_gov
    ]
    assert all(g.record.name == "" for g in new_gov)
    # Culture: the targets, not the client's current traits; parts not chosen stay empty.
    old_culture = plan.get_value(store, demo, "culture")
    new_culture = plan.get_value(store, new, "culture")
    assert new_culture.targets == old_culture.targets
    assert {k: t.target for k, t in new_culture.traits.items()} == {
        k: t.target for k, t in old_culture.traits.items()
    }
    assert all(t.now is None for t in new_culture.traits.values())
    assert _items(store, new, "action") == [] and _items(store, new, "resistance") == []
    assert plan.get_value(store, new, "strategy").vision == ""


def test_client_name_in_texts_becomes_the_new_clients(store: Store) -> None:
    demo = create_demo(store)
    path = library.save_template(store, demo, "全部", {"all"})
    text = path.read_text(encoding="utf-8")
    # The demo's texts name the client and some of its people (in the vision, the
    # principles' notes and an action's note): the client becomes {client}, people ××.
    assert library.CLIENT_TOKEN in text and library.PERSON_MASK in text
    for secret in _identity():
        assert secret not in text, secret
    new = library.create_from_template(store, "全部", "营口新客户", "诊断")
    vision = plan.get_value(store, new, "strategy").vision
    assert "营口新客户" in vision and "澜岳" not in vision
    assert engagements.get_profile(store, new).notes == engagements.get_profile(store, demo).notes


def test_people_are_masked_in_texts_but_departments_are_not(store: Store) -> None:
    from dtbench.plan.records import Action, GovernanceMember

    uuid = engagements.create_engagement(store, client_name="甲公司", title="T").uuid
    plan.add_item(
        store,
        uuid,
        GovernanceMember(role="senior_leader", name="李四", responsibilities="李四主持推进会"),
    )
    plan.add_item(
        store,
        uuid,
        Action(audience="managers", title="培训", owner="生产部", note="生产部和总经理参加"),
    )
    plan.add_item(
        store, uuid, Action(audience="employees", title="宣贯", owner="周鹏", note="周鹏讲授")
    )
    path = library.save_template(store, uuid, "人名", {"governance", "actions"})
    parts = json.loads(path.read_text(encoding="utf-8"))["parts"]
    assert parts["governance"][0]["responsibilities"] == "××主持推进会"
    assert [a["note"] for a in parts["actions"]] == ["生产部和总经理参加", "××讲授"]
    assert all("owner" not in a for a in parts["actions"])


def test_only_the_chosen_parts_are_saved(store: Store) -> None:
    demo = create_demo(store)
    path = library.save_template(store, demo, "只要范围", {"scope"})
    assert set(json.loads(path.read_text(encoding="utf-8"))["parts"]) == {"scope"}
    new = library.create_from_template(store, "只要范围", "客户", "标题")
    assert dx.get_scope(store, new) == dx.get_scope(store, demo)
    assert plan.list_items(store, new) == []
    assert dx.list_rounds(store, new) == []


def test_save_refuses_bad_requests(store: Store) -> None:
    demo = create_demo(store)
    library.save_template(store, demo, "模板", {"scope"})
    with pytest.raises(library.TemplateExistsError):
        library.save_template(store, demo, "模板", {"targets"})
    replaced = library.save_template(store, demo, "模板", {"targets"}, replace=True)
    assert set(json.loads(replaced.read_text(encoding="utf-8"))["parts"]) == {"targets"}
    assert len(list(library.user_dir().glob("*.dtbt"))) == 1
    with pytest.raises(library.BuiltinNameError):  # built-in names stay unique
        library.save_template(store, demo, "Discrete-manufacturing SME", {"scope"}, replace=True)
    with pytest.raises(library.TemplateNameError):
        library.save_template(store, demo, "  ", {"scope"})
    with pytest.raises(library.NoPartsError):
        library.save_template(store, demo, "空", set())
    with pytest.raises(library.UnknownPartError) as info:
        library.save_template(store, demo, "错", {"answers"})
    assert "answers" in str(info.value) and "scope" in str(info.value)
    with pytest.raises(library.ClientNameError):
        library.create_from_template(store, "模板", "  ", "标题")


# ---------------------------------------------------------------- library management
def test_export_import_rename_delete(store: Store, tmp_path: Path) -> None:
    demo = create_demo(store)
    library.save_template(store, demo, "第一版", {"scope", "phases", "initiatives"})
    first = library.find_template("第一版")
    exported = library.export_template(first, tmp_path / "handed-on")
    assert exported.name == "handed-on.dtbt"
    library.delete_template(first)
    assert not first.path.exists()
    with pytest.raises(library.TemplateNotFoundError):
        library.find_template("第一版")
    imported = library.import_template(exported)
    assert imported.title("zh") == "第一版" and not imported.builtin
    assert imported.parts == first.parts
    with pytest.raises(library.TemplateExistsError):
        library.import_template(exported)
    renamed = library.rename_template(imported, "第二版")
    assert renamed.title("en") == "第二版" and not imported.path.exists()
    assert library.find_template("第二版").parts == first.parts
    builtin = _builtin("trading_services")
    with pytest.raises(library.BuiltinTemplateError):
        library.delete_template(builtin)
    with pytest.raises(library.BuiltinTemplateError):
        library.rename_template(builtin, "x")
    assert builtin.path.exists()


def _valid() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_builtin("discrete_manufacturing_sme").path.read_text())
    return data


def _broken(change: str) -> object:
    data = _valid()
    parts = data["parts"]
    if change == "scope_clause":
        parts["scope"]["7.9.9"] = {"in_scope": False, "weight": 1}
    elif change == "weight":
        parts["scope"]["7.3.1"]["weight"] = 99
    elif change == "target":
        parts["targets"]["7.3.1"] = 7
    elif change == "phase_ref":
        parts["initiatives"][0]["phase"] = "P9"
    elif change == "dependency":
        parts["initiatives"][3]["depends_on"] = ["I99"]
    elif change == "status":
        parts["initiatives"][0]["status"] = "maybe"
    elif change == "starter":
        parts["kpis"][0]["starter"] = "no_such_kpi"
    elif change == "kpi_phase":
        parts["kpis"][0]["targets"] = {"P7": "≥1"}
    elif change == "part":
        parts["answers"] = {}
    elif change == "offset":
        parts["phases"][0]["start_day"] = -3
    elif change == "format":
        data["format"] = "something else"
    elif change == "no_name":
        data["name"] = {"zh": "", "en": ""}
    elif change == "list":
        return [1, 2, 3]
    return data


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ("scope_clause", "7.9.9"),
        ("weight", "weight"),
        ("target", "level"),
        ("phase_ref", "P9"),
        ("dependency", "I99"),
        ("status", "status"),
        ("starter", "no_such_kpi"),
        ("kpi_phase", "phase"),
        ("part", "answers"),
        ("offset", "start_day"),
        ("format", "not a dtbench template"),
        ("no_name", "no name"),
        ("list", "not a dtbench template"),
    ],
)
def test_a_broken_template_file_is_refused_clearly(
    tmp_path: Path, change: str, detail: str
) -> None:
    path = tmp_path / "broken.dtbt"
    path.write_text(json.dumps(_broken(change), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(library.TemplateInvalidError) as info:
        library.load_template(path)
    message = info.value.message(lambda _c, text: text)
    assert message.startswith("broken.dtbt is not a usable dtbench template (")
    assert detail in message
    with pytest.raises(library.TemplateInvalidError):
        library.import_template(path)
    assert list(library.user_dir().iterdir()) == []


def test_unreadable_newer_and_non_json_files(tmp_path: Path) -> None:
    newer = tmp_path / "newer.dtbt"
    newer.write_text(json.dumps({**_valid(), "version": 99}), encoding="utf-8")
    with pytest.raises(library.TemplateNewerError, match="newer version"):
        library.load_template(newer)
    garbage = tmp_path / "garbage.dtbt"
    garbage.write_bytes(b"PK\x03\x04 not json at all")
    with pytest.raises(
        library.TemplateInvalidError,
        match=r"garbage\.dtbt is not a usable dtbench template \(not JSON",
    ):
        library.load_template(garbage)
    garbage.write_bytes(b"\xff\xfe{}")
    with pytest.raises(library.TemplateInvalidError, match="not UTF-8"):
        library.load_template(garbage)
    with pytest.raises(library.TemplateUnreadableError, match=r"missing\.dtbt cannot be read"):
        library.load_template(tmp_path / "missing.dtbt")


def test_a_broken_file_in_the_library_is_reported_not_fatal() -> None:
    (library.user_dir() / "bad.dtbt").write_text("{", encoding="utf-8")
    problems: list[library.TemplateError] = []
    found = library.list_templates(problems)
    assert [t.key for t in found] == list(BUILTINS)
    [problem] = problems
    assert "bad.dtbt" in str(problem)


def test_a_failure_while_creating_leaves_no_half_engagement(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object, **_kw: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(plan, "set_value", fail)
    with pytest.raises(OSError):
        library.create_from_template(store, "trading_services", "客户", "标题")
    assert engagements.list_engagements(store) == []
    assert engagements.list_engagements(store, trash=True) == []


# ---------------------------------------------------------------- command line
def _cli(args: list[str], db: Path | str) -> int | None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    register(sub, common)
    return run(parser.parse_args([*args, "--db", str(db)]))


def test_cli_save_list_new(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = create_demo(store)
    assert _cli(["template", "list"], store.url) == 0
    out = capsys.readouterr().out
    assert all(key in out for key in BUILTINS)
    assert (
        _cli(["template", "save", demo[:8], "CLI模板", "--parts", "scope,targets,plan"], store.url)
        == 0
    )
    saved = Path(capsys.readouterr().out.strip())
    assert set(json.loads(saved.read_text(encoding="utf-8"))["parts"]) == {
        "scope",
        "targets",
        "phases",
        "initiatives",
        "kpis",
    }
    assert _cli(["template", "list", "--json"], store.url) == 0
    listed = json.loads(capsys.readouterr().out)
    [mine] = [t for t in listed if not t["builtin"]]
    assert mine["name"]["zh"] == "CLI模板" and mine["contents"]["counts"]["initiatives"] == 16
    assert (
        _cli(["new", "--template", "CLI模板", "--client", "命令行客户", "--title", "T"], store.url)
        == 0
    )
    uuid = capsys.readouterr().out.strip()
    profile = engagements.get_profile(store, uuid)
    assert (profile.client_name, profile.title) == ("命令行客户", "T")
    assert dx.get_scope(store, uuid) == dx.get_scope(store, demo)
    assert len(_items(store, uuid, "initiative")) == 16
    assert (
        _cli(
            [
                "new",
                "--template",
                "trading_services",
                "--client",
                "C",
                "--lang",
                "en",
                "--start",
                "2027-03-01",
            ],
            store.url,
        )
        == 0
    )
    uuid = capsys.readouterr().out.strip()
    assert _items(store, uuid, "phase")[0].record.start == date(2027, 3, 1)
    assert engagements.get_profile(store, uuid).title == library.DEFAULT_TITLE.en
    assert _cli(["new", "--client", "空白客户"], store.url) == 0
    blank = capsys.readouterr().out.strip()
    assert plan.list_items(store, blank) == []
    exported = tmp_path / "out.dtbt"
    assert _cli(["template", "export", "CLI模板", str(exported)], store.url) == 0
    assert library.load_template(exported).title("zh") == "CLI模板"
    assert _cli(["template", "delete", "CLI模板"], store.url) == 0
    assert not saved.exists()
    assert _cli(["template", "import", str(exported)], store.url) == 0
    assert saved.exists()


def test_cli_errors_are_one_line(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = create_demo(store)
    before = engagements.list_engagements(store)
    broken = tmp_path / "broken.dtbt"
    broken.write_text('{"format": "dtbench-template", "version": 1}', encoding="utf-8")
    for args, expected in (
        (["new", "--template", "no such", "--client", "C"], "There is no template called"),
        (["new", "--template", str(broken), "--client", "C"], "not a usable dtbench template"),
        (["template", "import", str(broken)], "broken.dtbt is not a usable"),
        (["template", "save", demo, "X", "--parts", "scope,answers"], "Unknown template part"),
        (["template", "save", "ffffffff", "X"], "No engagement has the id"),
        (["template", "delete", "trading_services"], "built-in template"),
    ):
        with pytest.raises(SystemExit) as info:
            _cli(args, store.url)
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") == 1, err
    assert engagements.list_engagements(store) == before
    assert run(argparse.Namespace(command="list")) is None


# ---------------------------------------------------------------- dialogs
def test_library_dialog_lists_previews_and_deletes(
    qtbot, window, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.exchange.templates import TemplateLibraryDialog

    demo = create_demo(store)
    library.save_template(store, demo, "我的模板", {"scope", "initiatives"})
    dialog = TemplateLibraryDialog(window, "en", window)
    qtbot.addWidget(dialog)
    rows = [dialog.view.topLevelItem(n) for n in range(dialog.view.topLevelItemCount())]
    assert [(r.text(0), r.text(1)) for r in rows] == [
        ("Discrete-manufacturing SME", "Built-in"),
        ("Process-industry plant", "Built-in"),
        ("Trading and services company", "Built-in"),
        ("我的模板", "Mine"),
    ]
    # A built-in: previewed with what it leaves out of scope, and cannot be deleted.
    dialog.view.setCurrentItem(rows[2])
    preview = dialog.preview.toPlainText()
    assert "7.2.1 Production and manufacturing equipment" in preview
    assert "Initiatives: 12" in preview
    assert not dialog.delete_button.isEnabled() and not dialog.rename_button.isEnabled()
    # The user's template: rename, then delete after confirming.
    dialog.view.setCurrentItem(rows[3])
    assert dialog.delete_button.isEnabled()
    dialog.rename("改名的模板")
    assert dialog.current() is not None and dialog.current().title("zh") == "改名的模板"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.delete_button.click()
    assert dialog.view.topLevelItemCount() == 4
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert dialog.view.topLevelItemCount() == 3
    assert list(library.user_dir().glob("*.dtbt")) == []
    # Export a built-in and import it back under the same name: refused, library unchanged.
    dialog.view.setCurrentItem(dialog.view.topLevelItem(0))
    written = dialog.export(tmp_path / "starter.dtbt")
    assert written is not None and library.load_template(written).title("en") == (
        "Discrete-manufacturing SME"
    )
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog.import_file(written)
    assert "is the name of a built-in template" in warnings[-1]
    bad = tmp_path / "bad.dtbt"
    bad.write_text("[]", encoding="utf-8")
    dialog.import_file(bad)
    assert warnings and "bad.dtbt is not a usable dtbench template" in warnings[-1]
    assert dialog.view.topLevelItemCount() == 3


def test_save_dialog_saves_the_chosen_parts(qtbot, window, store: Store) -> None:
    from dtbench.ui.exchange.templates import SaveTemplateDialog

    demo = create_demo(store)
    dialog = SaveTemplateDialog(store, demo, "", window)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled()  # no name yet
    assert dialog.checks["initiatives"].text().endswith("(16)")
    dialog.name_edit.setText("对话框模板")
    assert save.isEnabled()
    dialog.org_all.click()  # all organization and culture items off
    assert not any(dialog.checks[p].isChecked() for p in library.ORG_CULTURE_PARTS)
    dialog.checks["kpis"].setChecked(False)
    dialog.checks["notes"].setChecked(True)
    save.click()
    assert dialog.saved_path is not None
    parts = json.loads(dialog.saved_path.read_text(encoding="utf-8"))["parts"]
    assert set(parts) == {"scope", "targets", "phases", "initiatives", "notes"}


def test_new_from_template_creates_and_opens_it(qtbot, window, store: Store) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dtbench.ui.exchange.templates import NewFromTemplateDialog, new_from_template

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewFromTemplateDialog)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.template.setCurrentIndex(dialog.template.findText("流程型制造企业"))
        dialog.client.setText("鞍山化工有限公司")
        dialog.start.setText("2027-04-01")  # typed (tests/test_ui_date_field.py types it)
        assert ok.isEnabled()
        ok.click()

    window.set_language("zh")
    QTimer.singleShot(0, fill)
    uuid = finished(qtbot, new_from_template, window)
    assert uuid is not None
    profile = engagements.get_profile(store, uuid)
    assert profile.client_name == "鞍山化工有限公司"
    assert profile.title == library.DEFAULT_TITLE.zh
    assert _items(store, uuid, "phase")[0].record.start == date(2027, 4, 1)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.profile.profile.uuid == uuid
    window.set_language("en")


def test_save_as_template_needs_an_engagement(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dtbench.ui.exchange.templates import save_as_template

    messages: list[str] = []
    monkeypatch.setattr(window, "show_error", messages.append)
    assert save_as_template(window) is None
    assert messages and "engagement" in messages[0]


def test_plan_start_default_is_the_next_month() -> None:
    assert library.next_month_start(date(2026, 12, 15)) == date(2027, 1, 1)
    assert library.next_month_start(date(2026, 3, 31)) == date(2026, 4, 1)
    assert library.next_month_start(date(2026, 3, 1)) - date(2026, 3, 1) == timedelta(days=31)


def test_a_firm_library_out_of_reach_lists_this_computers_templates() -> None:
    """The server cannot be reached: the built-in and the user's templates are listed, with
    one message saying the firm's library cannot be read now."""
    from contextlib import contextmanager

    from sqlalchemy.exc import OperationalError

    class Unreachable:
        url = "postgresql+psycopg://alice:pw@server/firm"

        @contextmanager
        def session(self):  # type: ignore[no-untyped-def]
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))
            yield

    problems: list[library.TemplateError] = []
    listed = library.list_templates(problems, Unreachable())
    assert listed and all(not t.firm for t in listed)
    assert [type(p) for p in problems] == [library.FirmLibraryUnreachableError]
    text = problems[0].message(lambda _c, t: t)
    assert "server" in text and "pw" not in text
