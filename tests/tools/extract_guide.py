"""Extract the guide's Chinese text from the seed into resources/guide/*.json.

A one-off developer tool: it wrote the Chinese half of the guide data, and it is kept so the
extraction can be re-checked. It never overwrites an English text that is already present.

Usage: python tests/tools/extract_guide.py [--write]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "db2102_seed.txt"
OUT = ROOT / "resources" / "guide"

HEAD = re.compile(r"^((?:5\.[23])|(?:[678]\.\d+\.\d+)|(?:9\.\d+))\s+(\S.*?)$")
SECTION = re.compile(r"^([5-9](?:\.\d+)?)\s+(\S.*?)$")
ITEM = re.compile(r"^([a-z])\)\s*(.*)$")
SUB = re.compile(r"^(\d+)\)\s*(.*)$")
TERM = re.compile(r"^3\.(\d+)$")
TERM_NAME = re.compile(r"^(\S+)\s{2,}(.+)$")
ABBR = re.compile(r"^([A-Z]+)：(.+?)[（(](.+?)[)）]$")

# Figure 1's labels and the running header of page 5 land inside clause 5.2 in the seed.
ARTEFACT_FIRST = "能效提升过程"
ARTEFACT_LAST = "5"


def seed_lines() -> list[str]:
    raw = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in raw if ln]
    start = lines.index(ARTEFACT_FIRST, lines.index("5.2 基本原则"))
    end = lines.index(ARTEFACT_LAST, start)
    return lines[:start] + lines[end + 1 :]


def tx(zh: str, en: str = "") -> dict[str, str]:
    return {"zh": zh, "en": en}


def parse_clauses(lines: list[str]) -> dict[str, dict]:
    clauses: dict[str, dict] = {}
    cur: dict | None = None
    target: dict | None = None
    for ln in lines:
        if re.match(r"^\d+\)", ln) is None and (m := HEAD.match(ln)):
            cur = {"key": m.group(1), "title": tx(m.group(2)), "purpose": tx(""), "items": []}
            clauses[cur["key"]] = cur
            target = cur["purpose"]
            continue
        if cur is None:
            continue
        if SECTION.match(ln) and not SUB.match(ln):
            cur = target = None
            continue
        if m := ITEM.match(ln):
            item = {"key": f"{cur['key']}.{m.group(1)}", "text": tx(m.group(2)), "subitems": []}
            cur["items"].append(item)
            target = item["text"]
            continue
        if (m := SUB.match(ln)) and cur["items"]:
            item = cur["items"][-1]
            sub = {"key": f"{item['key']}.{m.group(1)}", "text": tx(m.group(2))}
            item["subitems"].append(sub)
            target = sub["text"]
            continue
        assert target is not None, ln
        target["zh"] += ln
    return clauses


def parse_glossary(lines: list[str]) -> dict:
    i0 = lines.index("3 术语和定义")
    i1 = lines.index("4 缩略语")
    i2 = lines.index("5 框架和原则")
    terms: list[dict] = []
    cur: dict | None = None
    for ln in lines[i0:i1]:
        if m := TERM.match(ln):
            cur = {
                "key": f"3.{m.group(1)}",
                "term": tx(""),
                "definition": tx(""),
                "notes": [],
                "source": "",
            }
            terms.append(cur)
            continue
        if cur is None:
            continue
        if not cur["term"]["zh"]:
            m2 = TERM_NAME.match(ln)
            assert m2, ln
            cur["term"] = tx(m2.group(1), m2.group(2))
            continue
        if ln.startswith("[") and ln.endswith("]"):
            cur["source"] = ln[1:-1].removeprefix("来源：")
            continue
        if ln.startswith("注："):
            cur["notes"].append(tx(ln))
            continue
        if cur["notes"]:
            cur["notes"][-1]["zh"] += ln
        else:
            cur["definition"]["zh"] += ln
    abbreviations = []
    for ln in lines[i1:i2]:
        if m := ABBR.match(ln):
            abbreviations.append({"abbr": m.group(1), "zh": m.group(2), "en": m.group(3)})
    return {"terms": terms, "abbreviations": abbreviations}


def merge_en(new: object, old: object) -> object:
    """Keep English already written into an existing file."""
    if isinstance(new, dict) and isinstance(old, dict):
        if set(new) == {"zh", "en"} and old.get("en"):
            return {**new, "en": old["en"]}
        return {k: merge_en(v, old.get(k)) for k, v in new.items()}
    if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
        return [merge_en(a, b) for a, b in zip(new, old, strict=True)]
    return new


def main() -> None:
    lines = seed_lines()
    clauses = parse_clauses(lines)
    files: dict[str, list[dict]] = {}
    for key, clause in clauses.items():
        parts = key.split(".")
        group = parts[0] if parts[0] in {"5", "9"} else ".".join(parts[:2])
        files.setdefault(group, []).append(clause)
    outputs = {f"clauses/{g}.json": {"group": g, "clauses": cl} for g, cl in files.items()}
    outputs["glossary.json"] = parse_glossary(lines)
    n_items = sum(len(c["items"]) for c in clauses.values())
    n_subs = sum(len(i["subitems"]) for c in clauses.values() for i in c["items"])
    print(f"clauses {len(clauses)} items {n_items} subitems {n_subs}")
    if "--write" not in sys.argv:
        return
    for name, data in outputs.items():
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            data = merge_en(data, json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", path.relative_to(ROOT))


if __name__ == "__main__":
    main()
