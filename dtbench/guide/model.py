"""Typed records of the guide: areas → groups → clauses → items → sub-items, and a glossary.

Keys (``7.3.3``, ``7.3.3.e``, ``7.3.3.e.2``) are stable: engagements store answers against
them, so they never change once released.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import msgspec

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Text(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A text in the original Chinese and in English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def filled(self, lang: str, *args: object) -> str:
        """The text in ``lang`` with %1, %2 … replaced by ``args`` (:func:`fill`)."""
        return fill(self.get(lang), *args)


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *args: object) -> str:
    """``template`` with %1, %2 … replaced by ``args`` in one pass: a value that itself
    contains "%2" is left alone; a placeholder without a value stays as it is."""
    values = [str(a) for a in args]
    return _PLACEHOLDER.sub(
        lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m[0],
        template,
    )


class SubItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    text: Text


class Item(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    text: Text
    subitems: tuple[SubItem, ...] = ()

    @property
    def letter(self) -> str:
        return self.key.rsplit(".", 1)[1]


class Clause(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    title: Text
    purpose: Text
    items: tuple[Item, ...]

    def label(self, lang: str) -> str:
        return f"{self.key} {self.title.get(lang)}"

    def checkpoints(self) -> Iterator[Item | SubItem]:
        """Every item and sub-item in reading order."""
        for item in self.items:
            yield item
            yield from item.subitems


class ClauseFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    group: str
    clauses: tuple[Clause, ...]


class GroupHead(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    title: Text


class AreaHead(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    title: Text
    description: Text
    groups: tuple[GroupHead, ...]


class Standard(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: str
    title: Text


class FrameworkFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    standard: Standard
    overview: Text
    areas: tuple[AreaHead, ...]


class Term(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    key: str
    term: Text
    definition: Text
    notes: tuple[Text, ...] = ()
    source: str = ""


class Abbreviation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    abbr: str
    zh: str
    en: str


class GlossaryFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    terms: tuple[Term, ...]
    abbreviations: tuple[Abbreviation, ...]


class Group(msgspec.Struct, frozen=True):
    key: str
    title: Text
    clauses: tuple[Clause, ...]


class Area(msgspec.Struct, frozen=True):
    key: str
    title: Text
    description: Text
    groups: tuple[Group, ...]

    def clauses(self) -> Iterator[Clause]:
        for group in self.groups:
            yield from group.clauses


class Guide(msgspec.Struct, frozen=True):
    """The whole guide; look clauses and checkpoints up by key."""

    standard: Standard
    overview: Text
    areas: tuple[Area, ...]
    terms: tuple[Term, ...]
    abbreviations: tuple[Abbreviation, ...]

    def clauses(self) -> Iterator[Clause]:
        for area in self.areas:
            yield from area.clauses()

    def clause(self, key: str) -> Clause:
        for clause in self.clauses():
            if clause.key == key:
                return clause
        raise KeyError(key)

    def area_of(self, clause_key: str) -> Area:
        for area in self.areas:
            if any(c.key == clause_key for c in area.clauses()):
                return area
        raise KeyError(clause_key)

    def all_keys(self) -> set[str]:
        keys: set[str] = set()
        for clause in self.clauses():
            keys.add(clause.key)
            keys.update(point.key for point in clause.checkpoints())
        return keys

    def to_dict(self) -> dict[str, object]:
        """Plain data for ``dtbench guide --json``."""
        data: dict[str, object] = msgspec.to_builtins(self)
        return data
