"""What a feature may ask of the application shell, and nothing more.

Feature code (the exchange dialogs, for example) receives a :class:`Shell`, never the main
window itself, and reaches the database, the open engagement, the status bar and the change
notices only through it. The main window (``dtbench.ui.shell.main_window``) implements it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from dtbench.deliverables.preflight import Target
    from dtbench.store.database import Store
    from dtbench.ui.kit.changes import ChangeHub, Changes


class Shell(Protocol):
    @property
    def store(self) -> Store | None:
        """The open database (None before one is open)."""

    @property
    def changes(self) -> ChangeHub:
        """Where change notices are published and heard."""

    def window(self) -> QWidget:
        """The parent for the feature's dialogs."""

    def ui_language(self) -> str:
        """The language the user interface is shown in ("zh" or "en")."""

    def current_engagement(self) -> str | None:
        """The engagement open in the workspace (its pending typing saved first), else the
        one selected in the list; None when there is neither."""

    def open_engagement(self, uuid: str, step: int | str = 0) -> None:
        """Show ``uuid`` in the workspace, on step ``step`` (a row or a page's name)."""

    def go_to(self, target: Target) -> None:
        """Show the place ``target`` names in the open engagement (its step, the record
        selected, the cursor in the field), or the preferences for the firm's identity."""

    def release_engagement(self, uuid: str) -> None:
        """Stop showing ``uuid`` (its pending typing saved first), before it is replaced."""

    def close_database(self) -> bool:
        """Save pending typing and close the database (before a backup replaces it); False
        when the consultant chose to stay (typing a colleague's change left unsaved)."""

    def reopen_database(self, path: str) -> bool:
        """Open ``path`` again after it was replaced; False (and said so) when it fails."""

    def status(self, message: str) -> None:
        """A short message in the status bar."""

    def show_error(self, message: str) -> None:
        """A problem the user has to read, in a dialog."""

    def perform(
        self,
        engagement: str,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        changes: Changes,
    ) -> None:
        """Change data as one undoable step (when ``engagement`` is open in the workspace;
        done at once otherwise) and publish ``changes`` after it and after each undo and
        redo."""
