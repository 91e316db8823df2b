"""The sample engagement in English (``dtbench demo --lang en``, Help ▸ Open the sample engagement
with the English interface): every text English, every figure the Chinese sample's.

resources/demo/en/ mirrors resources/demo/ file by file; a sample file added without its
English twin, or a loader that reads the Chinese folder whatever the language, fails here.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_cli import run

from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.docx_proposal import build_proposal
from dtbench.deliverables.figures import render_figures
from dtbench.deliverables.xlsx_plan import build_action_plan
from dtbench.diagnosis.scale import BASELINE_NAME, FOLLOW_UP_NAME
from dtbench.engagement import service as engagements
from dtbench.paths import resource_path
from dtbench.sample import create_demo
from dtbench.sample.engagement import demo_folder
from dtbench.store import Store, open_store
from dtbench.store.models import Base

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ZH = resource_path("demo")
EN = resource_path("demo", "en")


def _same_shape(zh: Any, en: Any, where: str) -> None:
    """Same keys, list lengths and non-text values; texts translated, none left in Chinese."""
    assert type(zh) is type(en), where
    if isinstance(zh, dict):
        assert list(zh) == list(en), where
        for key in zh:
            _same_shape(zh[key], en[key], f"{where}.{key}")
    elif isinstance(zh, list):
        assert len(zh) == len(en), where
        for i, (a, b) in enumerate(zip(zh, en, strict=True)):
            _same_shape(a, b, f"{where}[{i}]")
    elif isinstance(zh, str):
        assert not CJK.search(en), f"{where}: {en[:60]}"
        if not CJK.search(zh) and not where.endswith("engagement.language"):
            assert en == zh, where  # ids, dates, statuses, keys: untouched
    else:
        assert en == zh, where  # numbers, booleans


@pytest.mark.parametrize("name", sorted(p.name for p in ZH.glob("*.json")))
def test_every_sample_file_has_an_english_twin_of_the_same_shape(name: str) -> None:
    english = EN / name
    assert english.is_file(), f"resources/demo/en/{name} is missing: translate the new file"
    zh = json.loads((ZH / name).read_text(encoding="utf-8"))
    en = json.loads(english.read_text(encoding="utf-8"))
    _same_shape(zh, en, name)


def test_english_folder_has_no_file_the_chinese_one_lacks() -> None:
    assert {p.name for p in EN.glob("*.json")} == {p.name for p in ZH.glob("*.json")}


def test_sample_language_is_checked() -> None:
    assert demo_folder("zh") == ZH and demo_folder("en") == EN
    with pytest.raises(ValueError, match="fr"):
        demo_folder("fr")


def _texts(store: Store) -> Iterator[tuple[str, str, str]]:
    """Every text stored in the database, the plan's JSON records included: (table, column,
    value)."""
    with store.session() as s:
        for table in Base.metadata.sorted_tables:
            columns = list(table.columns)
            for row in s.execute(select(*columns)):
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str):
                        yield table.name, column.name, value
                    elif isinstance(value, dict | list):
                        yield table.name, column.name, json.dumps(value, ensure_ascii=False)


def test_english_sample_stores_no_chinese_text(store: Store) -> None:
    """Whatever file a loader reads, it must be the English one: checked in the database."""
    uuid = create_demo(store, "en")
    profile = engagements.get_profile(store, uuid)
    assert profile.language == "en"
    assert profile.client_name == "Dalian Lanyue Precision Machinery Co., Ltd."
    texts = list(_texts(store))
    assert any("Wang Jianguo" in v for _t, _c, v in texts)  # the scan does see the data
    assert any("Consulting on the transformation plan" in v for _t, _c, v in texts)
    chinese = [(t, c, v[:40]) for t, c, v in texts if CJK.search(v)]
    assert chinese == []


@dataclass
class Pair:
    zh: Content
    en: Content
    folder: Path


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    folder = tmp_path_factory.mktemp("english-sample")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DTBENCH_HOME", str(folder))
        store = open_store(folder / "demo.sqlite3")
        try:
            zh = gather(store, create_demo(store, "zh"), "zh")
            en = gather(store, create_demo(store, "en"), "en")
        finally:
            store.close()
    yield Pair(zh, en, folder)


def test_english_sample_has_the_figures_of_the_chinese_one(pair: Pair) -> None:
    zh, en = pair.zh, pair.en
    assert [r.name for r, _ in en.rounds] == [
        BASELINE_NAME.get("en"),
        FOLLOW_UP_NAME.get("en").replace("%1", "1"),
    ]
    assert [r.assessed_on for r, _ in en.rounds] == [r.assessed_on for r, _ in zh.rounds]
    for (_, a), (_, b) in zip(zh.rounds, en.rounds, strict=True):
        assert (a.overall_index, a.current_level, a.target_level) == (
            b.overall_index,
            b.current_level,
            b.target_level,
        )
        assert [(c.key, c.current, c.target) for c in a.clauses] == [
            (c.key, c.current, c.target) for c in b.clauses
        ]
    assert set(zh.items) == set(en.items)
    for kind, items in zh.items.items():
        assert len(items) == len(en.items[kind]), kind
    budgets = [getattr(i.record, "budget", None) for i in zh.items.get("initiative", [])]
    assert budgets and budgets == [
        getattr(i.record, "budget", None) for i in en.items.get("initiative", [])
    ]
    costs = sorted(i.record.amount for i in zh.items.get("cost", []))
    assert costs and costs == sorted(i.record.amount for i in en.items.get("cost", []))
    # the benefits find their KPI by its (translated) name, as in Chinese
    linked = [bool(i.record.kpi) for i in zh.items.get("benefit", [])]
    assert linked and linked == [bool(i.record.kpi) for i in en.items.get("benefit", [])]


def _visible_text(path: Path) -> str:
    """The text of every XML part of a .docx/.xlsx, markup stripped."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    return re.sub(r"<[^>]+>", " ", "\n".join(parts))


@pytest.fixture(scope="module")
def proposal_text(pair: Pair) -> str:
    path = build_proposal(pair.en, pair.folder / "proposal.docx", figures=render_figures(pair.en))
    return _visible_text(path)


def test_english_proposal_has_no_chinese_at_all(proposal_text: str) -> None:
    """Not even the glossary's sources, which the guide quotes in Chinese only."""
    assert "Lanyue Precision" in proposal_text and "Wang Jianguo" in proposal_text
    assert "GB/T 25486-2010, definition 2.54" in proposal_text
    found = [
        proposal_text[max(0, m.start() - 30) : m.end() + 30] for m in CJK.finditer(proposal_text)
    ]
    assert found == []


def test_english_excel_plan_has_no_chinese(pair: Pair) -> None:
    text = _visible_text(build_action_plan(pair.en, pair.folder / "plan.xlsx"))
    assert "Zhang Chi" in text or "Lanyue" in text
    assert not [text[max(0, m.start() - 30) : m.end() + 30] for m in CJK.finditer(text)]


def test_cli_demo_creates_the_sample_in_the_language_asked(db_path: Path) -> None:
    made = run("demo", "--lang", "en", "--db", str(db_path))
    assert made.returncode == 0, made.stderr
    uuid = made.stdout.strip()
    store = open_store(db_path)
    try:
        profile = engagements.get_profile(store, uuid)
    finally:
        store.close()
    assert profile.language == "en" and profile.short_name == "Lanyue Precision"
    summary = run("summary", uuid, "--db", str(db_path), "--lang", "en")
    assert summary.returncode == 0 and not CJK.search(summary.stdout), summary.stdout
    wrong = run("demo", "--lang", "fr", "--db", str(db_path))
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr
