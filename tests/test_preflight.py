"""The preflight before an export: each kind of problem is found, with the place to fix it
(step, record, field); the sample engagements in both languages have no error; the command
line prints the list and says by its exit code whether one is an error, writing no file."""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path

import msgspec
import pytest

from dtbench.deliverables.preflight import (
    BENEFIT_BASELINE,
    BENEFIT_TARGET,
    CANCELLED_BUDGET,
    CJK_IN_ENGLISH,
    CLAUSE_NO_FINDINGS,
    CODE_FIELDS,
    DONE_FUTURE_COST,
    ENGLISH_IN_CHINESE,
    ERROR,
    NO_DATES,
    NO_FIRM_NAME,
    NO_OWNER,
    STEP_OF_KIND,
    TEXT_FIELDS,
    WARNING,
    Check,
    Target,
    run_preflight,
    wrong_language,
)
from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.engagement.firm import Firm, save_firm
from dtbench.messages import translate
from dtbench.plan import checks as plan_checks
from dtbench.plan import service as plan
from dtbench.plan.records import (
    ITEM_KINDS,
    Benefit,
    CostLine,
    Finding,
    Initiative,
    Kpi,
    Phase,
)
from dtbench.store import Store

THIS_YEAR = date.today().year


def _en(context: str, text: str) -> str:
    return translate(context, text, "en")


@pytest.fixture
def firm(home: Path) -> Firm:
    return save_firm(Firm(name_zh="远见咨询", name_en="Foresight Consulting"))


def _engagement(store: Store, lang: str) -> str:
    profile = engagements.create_engagement(
        store,
        client_name="Acme Valves" if lang == "en" else "澜岳精工",
        title="Transformation plan" if lang == "en" else "数字化转型规划",
        language=lang,
    )
    return profile.uuid


def _initiative(store: Store, uuid: str, **fields: object) -> str:
    values: dict[str, object] = {
        "title": "MES rollout",
        "owner": "Production manager",
        "start": date(THIS_YEAR, 1, 1),
        "end": date(THIS_YEAR, 12, 31),
    }
    values.update(fields)
    return plan.add_item(store, uuid, Initiative(**values)).uuid  # type: ignore[arg-type]


def _only(found: list[Check], template: str) -> Check:
    matching = [f for f in found if f.template == template]
    assert len(matching) == 1, [f.message(_en) for f in found]
    return matching[0]


def test_a_clean_engagement_has_nothing_to_fix(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    _initiative(store, uuid)
    assert run_preflight(store, uuid) == []


# ---------------------------------------------------------------- language
def test_chinese_in_an_english_deliverable_names_the_field(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    ini = _initiative(store, uuid, owner="生产部 王经理")
    check = _only(run_preflight(store, uuid), CJK_IN_ENGLISH)
    assert check.severity == ERROR
    assert check.target == Target("roadmap", "initiative", ini, "owner", "MES rollout")
    assert "生产部 王经理" in check.message(_en)
    assert check.where(_en) == "Roadmap ▸ “MES rollout” ▸ owner"


def test_an_english_sentence_in_a_chinese_deliverable(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "zh")
    finding = plan.add_item(
        store,
        uuid,
        Finding(
            title="计划靠人工排产",
            observations="Scheduling is done by hand in Excel every morning.",
            clauses=("7.3.3",),
        ),
    ).uuid
    check = _only(run_preflight(store, uuid), ENGLISH_IN_CHINESE)
    assert check.severity == ERROR
    assert check.target == Target("findings", "finding", finding, "observations", "计划靠人工排产")
    assert "Scheduling is done by hand" in check.message(_en)


@pytest.mark.parametrize(
    "text", ["MES", "U8", "OPC UA", "ERP/MES", "Kingdee K/3 Cloud", "SAP S/4HANA", "8D", "OEE"]
)
def test_names_and_abbreviations_are_fine_in_chinese(text: str) -> None:
    assert wrong_language(text, "zh") is None
    assert wrong_language(f"上线{text}，打通计划与车间", "zh") is None


def test_a_mixed_text_is_flagged_by_its_english_line() -> None:
    text = "一厂已上线MES。\nThe second plant still plans on paper."
    assert wrong_language(text, "zh") == "The second plant still plans on paper."
    assert wrong_language("Roll out MES（一期）", "en") is not None  # full-width brackets


def test_a_checkpoint_note_in_the_wrong_language_goes_to_the_checklist(
    store: Store, firm: Firm
) -> None:
    from dtbench.guide import load_guide

    uuid = _engagement(store, "en")
    round_ = dx.ensure_rounds(store, uuid, "Baseline")[0]
    item = load_guide().clause("7.3.3").items[0]
    dx.set_answer(store, round_.uuid, item.key, status="partly", note="排产靠经验")
    dx.set_clause(store, round_.uuid, "7.3.3", "findings", "Scheduling relies on experience.")
    check = _only(run_preflight(store, uuid), CJK_IN_ENGLISH)
    assert check.target == Target("diagnosis", "answer", item.key, "note", item.key)


def test_the_summary_checked_is_the_one_to_be_written(store: Store, firm: Firm) -> None:
    from dtbench.deliverables.content import gather
    from dtbench.deliverables.preflight import preflight
    from dtbench.plan.records import Deliverable

    uuid = _engagement(store, "en")
    _initiative(store, uuid)
    plan.set_value(store, uuid, "deliverable", Deliverable(summary="本项目旨在……"))
    check = _only(run_preflight(store, uuid), CJK_IN_ENGLISH)
    assert check.target == Target("export", "deliverable", "", "summary")
    assert check.where(_en) == "Export settings ▸ executive summary"
    # the export dialog checks the text in its box, which it writes instead
    assert preflight(gather(store, uuid), "The plan in three phases.") == []


# ---------------------------------------------------------------- diagnosis
def test_a_rated_clause_without_findings(store: Store, firm: Firm) -> None:
    from dtbench.guide import load_guide

    uuid = _engagement(store, "en")
    round_ = dx.ensure_rounds(store, uuid, "Baseline")[0]
    clause = load_guide().clause("7.3.3")
    dx.set_answer(store, round_.uuid, clause.items[0].key, status="met")
    check = _only(run_preflight(store, uuid), CLAUSE_NO_FINDINGS)
    assert check.severity == WARNING
    assert check.target.step == "diagnosis"
    assert (check.target.kind, check.target.record, check.target.field) == (
        "clause",
        "7.3.3",
        "findings",
    )
    assert "7.3.3" in check.message(_en)
    dx.set_clause(store, round_.uuid, "7.3.3", "findings", "Plans are made by hand.")
    assert run_preflight(store, uuid) == []


# ---------------------------------------------------------------- initiatives
def test_an_initiative_without_owner_or_dates(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    ini = _initiative(store, uuid, owner="", start=None, end=None)
    _initiative(store, uuid, title="Dropped", owner="", start=None, end=None, status="cancelled")
    found = run_preflight(store, uuid)
    owner, dates = _only(found, NO_OWNER), _only(found, NO_DATES)
    assert owner.target == Target("roadmap", "initiative", ini, "owner", "MES rollout")
    assert dates.target == Target("roadmap", "initiative", ini, "start", "MES rollout")
    assert owner.severity == dates.severity == WARNING


# ---------------------------------------------------------------- budgets
def test_a_cancelled_initiative_still_budgeted(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    ini = _initiative(store, uuid, status="cancelled", budget=120.0)
    check = _only(run_preflight(store, uuid), CANCELLED_BUDGET)
    assert check.severity == ERROR
    assert check.target == Target("roadmap", "initiative", ini, "budget", "MES rollout")
    assert "CNY 1.20 million" in check.message(_en)
    # with cost lines the budget is their sum: the place to fix is the line
    line = plan.add_item(store, uuid, CostLine(initiative=ini, year=THIS_YEAR, amount=80)).uuid
    check = _only(run_preflight(store, uuid), CANCELLED_BUDGET)
    assert (check.target.step, check.target.kind, check.target.record) == (
        "investment",
        "cost",
        line,
    )
    assert check.target.field == "amount"


def test_a_done_initiative_with_costs_still_to_come(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    ini = _initiative(
        store, uuid, status="done", end=date(THIS_YEAR + 1, 6, 30)
    )  # the dates allow the line: only its status makes it wrong
    plan.add_item(store, uuid, CostLine(initiative=ini, year=THIS_YEAR, amount=50))
    later = plan.add_item(store, uuid, CostLine(initiative=ini, year=THIS_YEAR + 1, amount=30)).uuid
    check = _only(run_preflight(store, uuid), DONE_FUTURE_COST)
    assert check.severity == ERROR
    assert check.target == Target(
        "investment", "cost", later, "year", f"MES rollout · {THIS_YEAR + 1}"
    )
    assert str(THIS_YEAR + 1) in check.message(_en)


# ---------------------------------------------------------------- figures
def test_a_benefit_citing_other_figures_than_its_kpi(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    phase = plan.add_item(store, uuid, Phase(name="Phase 1")).uuid
    ini = _initiative(store, uuid, phase="")
    kpi = plan.add_item(
        store,
        uuid,
        Kpi(
            category="production_efficiency",
            name="Plan attainment",
            baseline="about 76% (2026)",
            targets={phase: "≥90%"},
        ),
    ).uuid
    benefit = plan.add_item(
        store,
        uuid,
        Benefit(initiative=ini, title="Less overtime", kpi=kpi, baseline="70%", target="≥95%"),
    ).uuid
    found = run_preflight(store, uuid)
    baseline, target = _only(found, BENEFIT_BASELINE), _only(found, BENEFIT_TARGET)
    assert baseline.target == Target("investment", "benefit", benefit, "baseline", "Less overtime")
    assert target.target.field == "target"
    assert baseline.severity == target.severity == ERROR
    assert "70%" in baseline.message(_en) and "about 76% (2026)" in baseline.message(_en)
    # the same leading figure, worded shorter, agrees
    plan.update_item(
        store,
        benefit,
        Benefit(
            initiative=ini,
            title="Less overtime",
            kpi=kpi,
            baseline="about 76%",
            target="≥90% by the end of phase 1",
        ),
    )
    found = run_preflight(store, uuid)
    assert not [f for f in found if f.template in (BENEFIT_BASELINE, BENEFIT_TARGET)]


# ---------------------------------------------------------------- firm
def test_no_firm_name(store: Store) -> None:
    uuid = _engagement(store, "en")
    _initiative(store, uuid)
    check = _only(run_preflight(store, uuid), NO_FIRM_NAME)
    assert check.severity == WARNING
    assert check.target == Target("preferences", "firm", "", "name_en")


def test_a_firm_named_only_in_chinese_for_an_english_deliverable(store: Store) -> None:
    save_firm(Firm(name_zh="远见咨询"))
    uuid = _engagement(store, "en")
    _initiative(store, uuid)
    check = _only(run_preflight(store, uuid), CJK_IN_ENGLISH)
    assert check.target == Target("preferences", "firm", "", "name_en")
    assert run_preflight(store, uuid, "zh") == []


# ---------------------------------------------------------------- plan checks
def test_the_plan_checks_are_in_the_list(store: Store, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    a = _initiative(store, uuid, title="A")
    b = _initiative(store, uuid, title="B", depends_on=(a,))
    old = next(i for i in plan.list_items(store, uuid, "initiative") if i.uuid == a)
    plan.update_item(store, a, msgspec.structs.replace(old.record, depends_on=(b,)))
    found = run_preflight(store, uuid)
    cycle = _only(found, plan_checks.CYCLE)
    assert cycle.context == plan_checks.CONTEXT
    assert cycle.target.step == "roadmap" and cycle.target.record in (a, b)
    assert cycle.message(_en).startswith("Dependency cycle: ")


# ---------------------------------------------------------------- coverage of the fields
def _textual(annotation: object) -> bool:
    """str, tuple[str, ...], dict[str, str]: what a consultant may type into."""
    if annotation is str:
        return True
    return str in typing.get_args(annotation)


def test_every_text_field_of_a_plan_record_is_checked_or_known_as_a_code() -> None:
    for kind, record_type in ITEM_KINDS.items():
        hints = typing.get_type_hints(record_type)
        textual = {name for name in record_type.__struct_fields__ if _textual(hints[name])}
        texts, codes = set(TEXT_FIELDS[kind]), set(CODE_FIELDS[kind])
        assert not texts & codes, kind
        assert textual == texts | codes, (kind, textual ^ (texts | codes))
        assert kind in STEP_OF_KIND


# ---------------------------------------------------------------- the samples
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_engagement_has_no_error(store: Store, lang: str) -> None:
    from dtbench.sample import create_demo

    uuid = create_demo(store, lang)
    found = run_preflight(store, uuid)
    assert [f.message(_en) for f in found if f.is_error] == []
    # and exported in the other language, its texts are named
    other = run_preflight(store, uuid, "en" if lang == "zh" else "zh")
    assert any(f.template in (CJK_IN_ENGLISH, ENGLISH_IN_CHINESE) for f in other)
    if lang == "zh":  # the rounds' names are the consultant's words too
        rounds = [f.target for f in other if f.target.kind == "round"]
        assert [t.label for t in rounds] == ["基线评估", "第一次复评"]
        assert {t.step for t in rounds} == {"diagnosis"}


# ---------------------------------------------------------------- command line
def _cli(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dtbench", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "DTBENCH_LANG": lang},
        timeout=60,
    )


def test_cli_check_prints_the_list_and_fails_on_an_error(
    store: Store, db_path: Path, tmp_path: Path, firm: Firm
) -> None:
    uuid = _engagement(store, "en")
    _initiative(store, uuid, owner="王经理")
    store.close()
    docx = tmp_path / "out.docx"
    result = _cli("export", uuid[:8], "--db", str(db_path), "--check", "--docx", str(docx))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "error: Roadmap ▸ “MES rollout” ▸ owner: Chinese text in the English documents: “王经理”."
    )
    assert lines[-1] == "Errors: 1, warnings: 0."
    assert not docx.exists()  # a check writes nothing
    chinese = _cli("export", uuid[:8], "--db", str(db_path), "--check", lang="zh")
    assert chinese.returncode == 1
    assert chinese.stdout.splitlines()[0].startswith("错误：路线图 ▸ “MES rollout” ▸ 负责人：")


def test_cli_check_passes_with_warnings_only(store: Store, db_path: Path, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    _initiative(store, uuid, owner="")
    store.close()
    result = _cli("export", uuid, "--db", str(db_path), "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "warning: Roadmap ▸ “MES rollout” ▸ owner: “MES rollout” has no owner.",
        "Errors: 0, warnings: 1.",
    ]


def test_cli_check_on_a_clean_engagement(store: Store, db_path: Path, firm: Firm) -> None:
    uuid = _engagement(store, "en")
    _initiative(store, uuid)
    store.close()
    result = _cli("export", uuid, "--db", str(db_path), "--check")
    assert result.returncode == 0
    assert result.stdout.strip() == "Nothing to fix before the export."
