"""The scoring method in words (``scoring_method``) says what ``scoring`` computes, and the
README shows exactly that text."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from dtbench.diagnosis import scoring_method
from dtbench.diagnosis.scale import (
    LEVEL_THRESHOLDS,
    MAX_LEVEL,
    MIN_LEVEL,
    STATUS_NAMES,
    STATUS_SCORE,
    STATUSES,
    UNANSWERED,
    suggested_level,
)
from dtbench.diagnosis.scoring import IN_SCOPE, MAX_WEIGHT, MIN_WEIGHT, priority
from dtbench.diagnosis.scoring_method import PRIORITY_FORMULA, method, summary

ROOT = Path(__file__).resolve().parent.parent


def _statement(lang: str, start: str) -> str:
    found = [t.get(lang) for t in method() if t.get(lang).startswith(start)]
    assert len(found) == 1, f"no single statement starts with {start!r}"
    return found[0]


def _plain(text: str) -> str:
    """The README writes the no-break spaces of the documents as plain ones."""
    return text.replace("\u00a0", " ")


def _markdown(lang: str) -> str:
    return "\n".join(f"- {_plain(t.get(lang))}" for t in method())


def _readme_statements(lang: str) -> list[str]:
    """The bullets between the README's markers, each with its wrapped lines joined."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        rf"<!-- scoring-method {lang} -->\n(.*?)\n<!-- /scoring-method {lang} -->", readme, re.S
    )
    assert block, f"README.md has no marked scoring method ({lang})"
    statements: list[str] = []
    for line in block.group(1).splitlines():
        if line.startswith("- "):
            statements.append(line[2:].strip())
        else:
            assert line.startswith("  ") and statements, f"README: stray line {line!r}"
            statements[-1] += " " + line.strip()
    return statements


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_readme_shows_the_scoring_method(lang: str) -> None:
    expected = [_plain(t.get(lang)) for t in method()]
    assert _readme_statements(lang) == expected, (
        f"README.md's scoring method ({lang}) differs from dtbench/diagnosis/scoring_method.py; "
        f"put this between its markers (English lines may be wrapped):\n{_markdown(lang)}"
    )


def test_scoring_py_points_to_the_description() -> None:
    from dtbench.diagnosis import scoring

    assert "scoring_method" in (scoring.__doc__ or "")


def test_checkpoint_scores_are_the_codes() -> None:
    en = _statement("en", "Checkpoint")
    scores = en.split(". ")[0]
    stated = dict(re.findall(r"\b(partly met|not met|met) ([\d.]+)", scores))
    assert {s: float(stated[STATUS_NAMES[s].en.lower()]) for s in STATUS_SCORE} == STATUS_SCORE
    assert len(stated) == len(STATUS_SCORE)
    zh = _statement("zh", "检查项")
    stated_zh = dict(re.findall(r"(部分符合|不符合|符合)([\d.]+)分", zh))
    assert {s: float(stated_zh[STATUS_NAMES[s].zh]) for s in STATUS_SCORE} == STATUS_SCORE
    # every status without a score is named as left out, in both languages
    for s in (*STATUSES, UNANSWERED):
        if s not in STATUS_SCORE:
            assert STATUS_NAMES[s].en.lower() in en.lower()
            assert STATUS_NAMES[s].zh in zh


def test_weights_are_the_codes() -> None:
    en = _statement("en", "Only the clauses in scope")
    low, high, default = re.findall(r"weight from ([\d.]+) to ([\d.]+) \(default ([\d.]+)\)", en)[0]
    assert (float(low), float(high), float(default)) == (MIN_WEIGHT, MAX_WEIGHT, IN_SCOPE.weight)
    assert f"{low}—{high}（默认{default}）" in _statement("zh", "只有纳入")


def _bands(lang: str) -> list[tuple[float, float, int]]:
    """(from, to, level) per coverage band the statement gives, coverage 0–1."""
    if lang == "en":
        text = _statement("en", "Suggested level")
        first = re.findall(r"below ([\d.]+)%\s→ (\d)", text)
        middle = re.findall(r"([\d.]+)–([\d.]+)%\s→ (\d)", text)
        last = re.findall(r"([\d.]+)%\sand more → (\d)", text)
    else:
        text = _statement("zh", "覆盖率对应建议等级")
        first = re.findall(r"低于([\d.]+)%为(\d)级", text)
        middle = re.findall(r"([\d.]+)%—([\d.]+)%为(\d)级", text)
        last = re.findall(r"([\d.]+)%及以上为(\d)级", text)
    assert len(first) == 1 and len(last) == 1
    bands = [(0.0, float(first[0][0]) / 100, int(first[0][1]))]
    bands += [(float(a) / 100, float(b) / 100, int(n)) for a, b, n in middle]
    bands.append((float(last[0][0]) / 100, 1.0, int(last[0][1])))
    return bands


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_level_bands_are_those_of_suggested_level(lang: str) -> None:
    bands = _bands(lang)
    assert [n for _low, _high, n in bands] == list(range(MIN_LEVEL, MAX_LEVEL + 1))
    for (_low, high, _n), (low, _high, _m) in itertools.pairwise(bands):
        assert high == pytest.approx(low)  # no hole, no overlap
    for low, high, level in bands:
        assert suggested_level(low) == level
        assert suggested_level(max(low, high - 1e-9)) == level
    assert len(bands) == len(LEVEL_THRESHOLDS) + 1


def _evaluate(formula: str, weight: float, gap: int) -> float:
    """Computes the formula as the text writes it (a negative gap counting as 0)."""
    _name, right = formula.split("=")
    expression = right.replace("×", "*").replace("−", "-").replace("²", "**2")
    expression = expression.replace("权重", "weight").replace("差距", "gap")
    return float(eval(expression, {}, {"weight": weight, "gap": max(gap, 0)}))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_priority_formula_as_written_computes_priority(lang: str) -> None:
    formula = PRIORITY_FORMULA.get(lang)
    assert formula.lower() in _statement(lang, "Priority" if lang == "en" else "优先级").lower()
    assert formula in summary().get(lang)
    for weight in (0.1, 1.0, 2.5, 10.0):
        for gap in range(-2, MAX_LEVEL - MIN_LEVEL + 1):
            assert _evaluate(formula, weight, gap) == pytest.approx(priority(gap, weight))


def test_the_priorities_listed_are_the_functions() -> None:
    largest = MAX_LEVEL - MIN_LEVEL
    expected = [priority(g, 1.0) for g in range(1, largest + 1)]
    en = _statement("en", "Priority")
    found = re.search(r"([\d.]+) without a gap, then ([\d., ]+) for gaps of 1–(\d) levels", en)
    assert found, en
    assert float(found.group(1)) == priority(0, 1.0)
    assert [float(n) for n in found.group(2).split(", ")] == expected
    assert int(found.group(3)) == largest
    zh = _statement("zh", "优先级")
    found_zh = re.search(r"没有差距为([\d.]+)，差距为1—(\d)级时分别为([\d.、]+)，", zh)
    assert found_zh, zh
    assert [float(n) for n in found_zh.group(3).split("、")] == expected
    # "a clause weighted 2 counts like two such clauses"
    assert all(priority(g, 2.0) == 2 * priority(g, 1.0) for g in range(1, largest + 1))


def test_the_text_is_made_from_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed constant or function shows in the text without editing it."""
    monkeypatch.setattr(scoring_method, "priority", lambda gap, weight: weight * gap * gap)
    monkeypatch.setattr(
        scoring_method, "STATUS_SCORE", {"met": 1.0, "partly": 0.25, "not_met": 0.0}
    )
    monkeypatch.setattr(scoring_method, "LEVEL_THRESHOLDS", (0.1, 0.3, 0.5, 0.9))
    en = _plain(" ".join(t.en for t in method()))
    assert "then 1, 4, 9, 16 for gaps" in en
    assert "partly met 0.25" in en and "partly met 0.25" in summary().en
    assert "below 10% → 1" in en and "50–90% → 4" in en


def test_both_languages_give_the_same_numbers() -> None:
    def numbers(text: str) -> list[str]:
        return sorted(re.findall(r"\d+(?:\.\d+)?", text))

    for text in (*method(), summary()):
        assert not re.search(r"[\u4e00-\u9fff]", text.en), text.en
        assert numbers(text.en) == numbers(text.zh), (text.en, text.zh)
