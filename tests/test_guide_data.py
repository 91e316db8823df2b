"""The guide data against the seed text and the census of its clauses, items and sub-items."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from dtbench.guide import GuideDataError, load_guide
from dtbench.guide.loader import load_guide_from
from dtbench.paths import resource_path

DATA = Path(__file__).resolve().parent / "data"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seed() -> str:
    """The seed with whitespace removed, so wrapped lines join as in the data."""
    return _squash((DATA / "db2102_seed.txt").read_text(encoding="utf-8"))


def test_counts_match_census() -> None:
    census = json.loads((DATA / "guide_census.json").read_text(encoding="utf-8"))["clauses"]
    guide = load_guide()
    clauses = list(guide.clauses())
    assert [c.key for c in clauses] == [c["id"] for c in census]
    for clause, expected in zip(clauses, census, strict=True):
        assert clause.title.zh == expected["title"]
        assert len(clause.items) == expected["items"], clause.key
        assert [len(i.subitems) for i in clause.items] == expected["subitems"], clause.key
        assert "".join(i.letter for i in clause.items) == expected["letters"], clause.key
    assert len(clauses) == 45
    assert sum(len(c.items) for c in clauses) == 312
    assert sum(len(i.subitems) for c in clauses for i in c.items) == 639


def test_every_chinese_text_is_verbatim_from_the_seed_in_order(seed: str) -> None:
    position = 0
    for clause in load_guide().clauses():
        texts = [f"{clause.key}{clause.title.zh}", clause.purpose.zh]
        for item in clause.items:
            texts.append(f"{item.letter}){item.text.zh}")
            texts.extend(f"{s.key.rsplit('.', 1)[1]}){s.text.zh}" for s in item.subitems)
        for text in texts:
            found = seed.find(_squash(text), position)
            assert found >= 0, f"{clause.key}: not in the seed (in order): {text[:40]}"
            position = found


def test_page_break_artefacts_are_removed() -> None:
    for clause in load_guide().clauses():
        for point in clause.checkpoints():
            assert "DB2102" not in point.text.zh
            assert "能效提升过程（" not in point.text.zh
    principle_g = load_guide().clause("5.2").items[3]
    assert principle_g.key == "5.2.g"
    assert principle_g.text.zh.endswith("必要条件.")


def test_every_text_has_an_english_translation() -> None:
    guide = load_guide()
    for clause in guide.clauses():
        assert clause.title.en.strip() and clause.purpose.en.strip(), clause.key
        for point in clause.checkpoints():
            assert point.text.en.strip(), point.key
            assert not re.search(r"[\u4e00-\u9fff]", point.text.en), point.key
    for area in guide.areas:
        assert area.title.en and area.title.zh


def test_framework_groups_follow_figure_1() -> None:
    guide = load_guide()
    assert [(a.key, a.title.zh) for a in guide.areas] == [
        ("5", "框架和原则"),
        ("6", "领导作用"),
        ("7", "业务模式"),
        ("8", "能效提升过程"),
        ("9", "数字技术平台"),
    ]
    leadership = guide.areas[1]
    assert [(g.key, g.title.zh) for g in leadership.groups] == [
        ("6.1", "领导"),
        ("6.2", "战略"),
        ("6.3", "组织与文化"),
    ]
    assert [g.key for g in guide.areas[2].groups] == ["7.1", "7.2", "7.3", "7.4", "7.5"]
    assert [c.key for c in guide.areas[4].clauses()] == ["9.1", "9.2", "9.3", "9.4"]


def test_keys_are_stable() -> None:
    """Answers are stored against these keys: the released list may only grow."""
    released = set((DATA / "guide_keys.txt").read_text(encoding="utf-8").split())
    keys = load_guide().all_keys()
    assert released <= keys
    assert "7.3.3.e.2" in keys and "5.2.d" in keys and "5.2.a" not in keys


def test_glossary_terms_and_abbreviations(seed: str) -> None:
    guide = load_guide()
    assert [t.key for t in guide.terms] == [f"3.{n}" for n in range(1, 17)]
    assert guide.terms[2].term.en == "digital transformation"
    assert guide.terms[2].source == "GB/T 23011-2022 3.3"
    for term in guide.terms:
        assert _squash(term.definition.zh) in seed
        assert term.definition.en
    assert [a.abbr for a in guide.abbreviations] == ["ERP", "PDM", "MES", "RFID"]
    assert guide.abbreviations[2].zh == "制造执行系统"


def _copy_guide(tmp_path: Path) -> Path:
    target = tmp_path / "guide"
    shutil.copytree(resource_path("guide"), target)
    return target


def test_malformed_file_names_file_and_key(tmp_path: Path) -> None:
    folder = _copy_guide(tmp_path)
    path = folder / "clauses" / "7.3.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["clauses"][2]["items"][4]["subitems"][1]["key"] = "7.3.3.e.9"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GuideDataError) as err:
        load_guide_from(folder)
    assert "7.3.json" in str(err.value) and "7.3.3.e.9" in str(err.value)


def test_missing_translation_is_reported(tmp_path: Path) -> None:
    folder = _copy_guide(tmp_path)
    path = folder / "clauses" / "9.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["clauses"][1]["items"][0]["text"]["en"] = ""
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GuideDataError, match=r"9\.json: 9\.2\.a: text has no en text"):
        load_guide_from(folder)


def test_wrong_type_and_broken_json_are_reported(tmp_path: Path) -> None:
    folder = _copy_guide(tmp_path)
    path = folder / "clauses" / "6.1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["clauses"][0]["title"]["zh"] = 5
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GuideDataError, match=r"6\.1\.json: \$\.clauses\[0\]\.title\.zh"):
        load_guide_from(folder)
    path.write_text('{"group": "6.1", "clauses": [', encoding="utf-8")
    with pytest.raises(GuideDataError, match=r"6\.1\.json: .*not valid JSON"):
        load_guide_from(folder)
    path.unlink()
    with pytest.raises(GuideDataError, match=r"6\.1\.json: .*cannot read"):
        load_guide_from(folder)
