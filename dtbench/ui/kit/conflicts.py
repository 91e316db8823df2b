"""Saving against the version a view showed, and settling a conflict with the consultant.

A session saves with the base its view showed (``store/conflicts.py``). When the save is
refused (:class:`EditConflict`) the session's ``resolver`` (the conflict dialog, installed by
the window; ``ui/team/conflict_dialog.py``) asks the consultant: their choice per field is
saved against the version they have now seen, which may ask again if yet another change came
in meanwhile. Cancel raises :class:`Unresolved`: nothing is saved, the command leaves no undo
step, and the page keeps the typed text in its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from dtbench.store.conflicts import Base, EditConflict, rebased

# The consultant's choice: field → value to save; None when they cancel.
Resolver = Callable[[EditConflict], dict[str, object] | None]


@dataclass(frozen=True)
class Draft:
    """Text typed into a field whose save someone else's change refused, the consultant
    having cancelled the conflict: not saved, kept (and shown, marked) until saved or
    typed back; ``base`` is what the field showed when it was typed, so the next save is
    checked against it and asks again rather than overwrite theirs."""

    value: Any
    base: Base


class AsksOnConflict:
    """What a session does when a save meets a colleague's change: ask its ``resolver`` (the
    conflict dialog), remember the conflict, count a cancel. The diagnosis and the plan
    sessions share it; they set ``resolver``, ``_conflicts``, ``_settling`` and ``cancelled``."""

    resolver: Resolver | None
    _conflicts: list[EditConflict]
    _settling: bool
    cancelled: int

    def _ask(self, conflict: EditConflict) -> dict[str, object] | None:
        if self.resolver is None:
            raise conflict
        self._conflicts.append(conflict)
        self._settling = True  # the dialog takes the focus: a field left saves nothing
        try:
            choice = self.resolver(conflict)
        finally:
            self._settling = False
        if choice is None:
            self.cancelled += 1
        return choice


class Unresolved(Exception):
    """The consultant cancelled a conflict: nothing was saved, and nothing is reported."""

    def __init__(self, conflict: EditConflict) -> None:
        super().__init__(str(conflict))
        self.conflict = conflict


def settle(
    save: Callable[[Mapping[str, object], Base | None], object],
    mine: Mapping[str, object],
    base: Base | None,
    resolver: Resolver | None,
) -> dict[str, object]:
    """``save(values, base)``; on a conflict ask ``resolver`` and save the choice against
    what it showed, until saved. Returns the values saved (mine, or as chosen).

    Without a resolver the conflict is raised (reported like any refused save); a cancel
    raises Unresolved."""
    values = dict(mine)
    while True:
        try:
            save(values, base)
            return values
        except EditConflict as conflict:
            if resolver is None or base is None:
                raise
            choice = resolver(conflict)
            if choice is None:
                raise Unresolved(conflict) from conflict
            values.update(choice)
            base = rebased(base, conflict)


UNSAVED_STYLE = "border: 2px solid #d97706;"  # amber: seen at a glance, also in dark mode


def mark_unsaved(editor: QWidget, why: str) -> None:
    """Mark a field holding text that is not saved (``why`` as its tooltip), or clear the
    mark when ``why`` is empty."""
    if bool(editor.property("unsaved")) == bool(why):
        return
    editor.setProperty("unsaved", bool(why))
    editor.setToolTip(why)
    name = type(editor).__name__
    editor.setStyleSheet(f"{name} {{ {UNSAVED_STYLE} }}" if why else "")
