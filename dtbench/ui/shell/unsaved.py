"""Typing a colleague's change left unsaved (drafts), asked about before it would be lost.

A save that meets a colleague's change of the same field asks; cancelled, the typed text is
kept as a draft of its record (``ui/kit/conflicts.py``) and shown, marked, whenever that
record is. A draft of a record not on screen is saved again by nothing: closing the window,
opening another engagement or another database would drop it. Before that, the window asks
(:func:`ask`): "Show them" goes to the first one, "Discard and …" goes on, Cancel (the
default, Esc) stays.

A quit signal (SIGTERM at logout, ``kill``, Ctrl+C) and a session end that allows no
interaction cannot wait for an answer: nothing is asked then, and the drafts are written to a
text file in the data folder (:func:`rescue`), named on stderr, so nothing is lost silently.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dtbench.atomic_files import write_atomically
from dtbench.errors import UserError
from dtbench.paths import data_dir

if TYPE_CHECKING:
    from dtbench.deliverables.preflight import Target
    from dtbench.ui.shell.workspace import Workspace

SHOWN_AT_MOST = 8  # places listed in the question; "and N more" beyond
SHOW, DISCARD, STAY = "show", "discard", "stay"


@dataclass(frozen=True)
class DraftPlace:
    """Where a draft is: its step, record and field (``target``, as a preflight check names a
    place), the diagnosis round it belongs to, and the text kept."""

    target: Target
    round: str = ""
    value: object = None

    def where(self) -> str:
        """'KPIs ▸ “OEE” ▸ definition', in the UI language."""
        from dtbench.deliverables.preflight import where

        return where(self.target, QCoreApplication.translate)


def ask(parent: QWidget | None, places: list[DraftPlace], question: str, go_on: str) -> str:
    """Ask what becomes of the drafts at ``places`` before going on (``question``: "Close
    anyway and discard them?", ``go_on``: the button that does, "Discard and close"):
    SHOW, DISCARD or STAY (Cancel, the default)."""
    lines = [f"• {p.where()}" for p in places[:SHOWN_AT_MOST]]
    if len(places) > SHOWN_AT_MOST:
        more = str(len(places) - SHOWN_AT_MOST)
        also = QCoreApplication.translate("UnsavedDrafts", "… and %1 more")
        lines.append(also.replace("%1", more))
    count = len(places)
    text = (
        QCoreApplication.translate(
            "UnsavedDrafts",
            "Text you typed in one place is not saved, because a colleague changed the same "
            "field meanwhile:",
        )
        if count == 1
        else QCoreApplication.translate(
            "UnsavedDrafts",
            "Text you typed in %1 places is not saved, because a colleague changed the same "
            "fields meanwhile:",
        ).replace("%1", str(count))
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("UnsavedDrafts", "Typing not saved"),
        "\n\n".join((text, "\n".join(lines), question)),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("unsaved_drafts")
    show = box.addButton(
        QCoreApplication.translate("UnsavedDrafts", "&Show them"),
        QMessageBox.ButtonRole.ActionRole,
    )
    show.setObjectName("show_drafts")
    discard = box.addButton(go_on, QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard_drafts")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    assert cancel is not None
    cancel.setObjectName("cancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is show:
        return SHOW
    if clicked is discard:
        return DISCARD
    return STAY


def settled(
    workspace: Workspace,
    parent: QWidget | None,
    question: str,
    go_on: str,
    show: Callable[[DraftPlace], None],
) -> bool:
    """After ``workspace.leave()``: True to go on (no draft left, or the consultant discards
    them); False to stay (Cancel; or Show them: ``show`` the first draft)."""
    places = workspace.drafts()
    if not places:
        return True
    answer = ask(parent, places, question, go_on)
    if answer == DISCARD:
        workspace.discard_drafts()
        return True
    if answer == SHOW:
        show(places[0])
    return False


def rescue(places: list[DraftPlace]) -> Path | None:
    """Write the drafts at ``places`` to a text file in the data folder (nobody to ask: a
    quit signal, a session ending); its path, said on stderr too; None when there are none
    or it cannot be written (said on stderr, with the texts)."""
    if not places:
        return None
    parts = [
        QCoreApplication.translate(
            "UnsavedDrafts",
            "Texts typed in dtbench and not saved, because a colleague changed the same fields "
            "meanwhile (the application was ended without asking):",
        )
    ]
    for place in places:
        value = place.value
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{place.where()}\n{text}")
    content = "\n\n".join(parts) + "\n"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        target = data_dir() / f"unsaved-{stamp}.txt"
        write_atomically(target, lambda tmp: _write(tmp, content))
    except (OSError, UserError) as exc:
        print(f"dtbench: could not keep the unsaved texts ({exc}):\n{content}", file=sys.stderr)
        return None
    print(f"dtbench: texts not saved are kept in {target}", file=sys.stderr)
    return target


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
