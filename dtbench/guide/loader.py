"""Load and validate the guide data from resources/guide/.

A malformed file raises GuideDataError naming the file and the key at fault. msgspec decodes
and type-checks the JSON in a few milliseconds, so no cache is needed.
"""

from __future__ import annotations

import copyreg
import re
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from dtbench.guide.model import (
    LANGS,
    Area,
    Clause,
    ClauseFile,
    FrameworkFile,
    GlossaryFile,
    Group,
    Guide,
    Text,
)
from dtbench.paths import resource_path

_T = TypeVar("_T")
_LETTER = re.compile(r"[a-z]")
_NUMBER = re.compile(r"[1-9][0-9]*")


class GuideDataError(ValueError):
    """The guide data is malformed; the message names the file and the key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path.name}: {key}: {problem}")
        self.path = path
        self.key = key
        self.problem = problem


def _decode(path: Path, kind: type[_T]) -> _T:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GuideDataError(path, "-", f"cannot read ({exc.strerror})") from exc
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.ValidationError as exc:
        # msgspec names the JSON path, e.g. "at `$.clauses[2].items[0].text.en`".
        raise GuideDataError(path, _json_path(str(exc)), str(exc)) from exc
    except msgspec.DecodeError as exc:
        raise GuideDataError(path, "-", f"not valid JSON ({exc})") from exc


def _json_path(message: str) -> str:
    found = re.search(r"at `([^`]+)`", message)
    return found.group(1) if found else "-"


def _check_text(path: Path, key: str, field: str, text: Text, *, required: bool = True) -> None:
    for lang in LANGS:
        if required and not text.get(lang).strip():
            raise GuideDataError(path, key, f"{field} has no {lang} text")


def _check_clause(path: Path, group: str, clause: Clause) -> None:
    key = clause.key
    if not key.startswith(group + "."):
        raise GuideDataError(path, key, f"clause does not belong to group {group}")
    _check_text(path, key, "title", clause.title)
    _check_text(path, key, "purpose", clause.purpose)
    if not clause.items:
        raise GuideDataError(path, key, "clause has no items")
    letters = []
    for item in clause.items:
        head, _, letter = item.key.rpartition(".")
        if head != key or not _LETTER.fullmatch(letter):
            raise GuideDataError(path, item.key, f"item key must be {key}.<letter>")
        letters.append(letter)
        _check_text(path, item.key, "text", item.text)
        for number, sub in enumerate(item.subitems, start=1):
            if sub.key != f"{item.key}.{number}":
                raise GuideDataError(path, sub.key, f"expected sub-item key {item.key}.{number}")
            _check_text(path, sub.key, "text", sub.text)
    expected = [chr(ord(letters[0]) + i) for i in range(len(letters))]
    if letters != expected:
        raise GuideDataError(path, key, f"item letters out of sequence: {''.join(letters)}")


def load_guide_from(folder: Path) -> Guide:
    """Load and validate the guide stored in ``folder``."""
    fw_path = folder / "framework.json"
    framework = _decode(fw_path, FrameworkFile)
    seen: set[str] = set()
    areas: list[Area] = []
    for area in framework.areas:
        _check_text(fw_path, area.key, "title", area.title)
        groups: list[Group] = []
        for head in area.groups:
            _check_text(fw_path, head.key, "title", head.title)
            path = folder / "clauses" / f"{head.key}.json"
            data = _decode(path, ClauseFile)
            if data.group != head.key:
                raise GuideDataError(
                    path,
                    data.group,
                    f"file holds group {data.group}, framework.json expects {head.key}",
                )
            for clause in data.clauses:
                if clause.key in seen:
                    raise GuideDataError(path, clause.key, "duplicate clause key")
                seen.add(clause.key)
                _check_clause(path, head.key, clause)
            groups.append(Group(key=head.key, title=head.title, clauses=data.clauses))
        areas.append(
            Area(key=area.key, title=area.title, description=area.description, groups=tuple(groups))
        )
    gl_path = folder / "glossary.json"
    glossary = _decode(gl_path, GlossaryFile)
    for term in glossary.terms:
        _check_text(gl_path, term.key, "term", term.term)
        _check_text(gl_path, term.key, "definition", term.definition)
    return Guide(
        standard=framework.standard,
        overview=framework.overview,
        areas=tuple(areas),
        terms=glossary.terms,
        abbreviations=glossary.abbreviations,
    )


@cache
def load_guide() -> Guide:
    """The guide shipped with dtbench (loaded once per process)."""
    return load_guide_from(resource_path("guide"))


def _pickle_guide(guide: Guide) -> str | tuple[Any, ...]:
    """The shipped guide pickles as a reference (a chart job sent to a worker process carries
    a few bytes, not the whole guide); any other guide pickles whole. Registered here rather
    than as ``Guide.__reduce__`` so that the model does not import its loader."""
    if load_guide.cache_info().currsize and guide is load_guide():
        return (load_guide, ())
    return guide.__reduce__()


copyreg.pickle(Guide, _pickle_guide)
