"""The change process of the Organization tab (guide 6.3.1 h): the steps with owner and due
date, and a button that adds the guide's steps not in the list yet."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from dtbench.plan import catalogue as cat
from dtbench.plan.records import ChangeStep
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.plan.org_culture_parts import (
    TRAILING,
    PlainHeaderEditor,
    hint_label,
    subitems_of,
)
from dtbench.ui.plan.record_editor import Field
from dtbench.ui.plan.session import PlanSession


class ChangeSteps(QGroupBox):
    """The change steps' editor and the "Add the guide's steps" button."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.hint = hint_label(self)
        self.editor = PlainHeaderEditor(
            session,
            "change_step",
            self._fields(),
            lambda: ChangeStep(title=self.tr("New step")),
            lambda r: str(r.title) or self.tr("Step"),
            self,
        )
        self.guide_button = QPushButton(self)
        self.guide_button.setObjectName("guide_steps")
        self.guide_button.clicked.connect(self.add_guide_steps)
        self.editor.extra_bar.insertWidget(4, self.guide_button)
        QWidget.setTabOrder(self.editor.down_button, self.guide_button)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    def _fields(self) -> list[Field]:
        return [
            Field("title", self.tr("&Title:"), "text", column=True),
            Field("owner", self.tr("O&wner:"), "text", column=True),
            Field("due", self.tr("&Due date:"), "date", column=True),
            Field(
                "status",
                self.tr("Stat&us:"),
                "choice",
                options=lambda: option_pairs(cat.ACTION_STATUSES),
                column=True,
            ),
            Field("note", self.tr("Remar&ks:"), "longtext"),
        ]

    def _items_changed(self, kind: str) -> None:
        if kind == "change_step":
            self._update_guide_button()

    def refresh(self) -> None:
        self.editor.refresh()
        self._update_guide_button()

    def _update_guide_button(self) -> None:
        present = {i.record.step for i in self.session.items("change_step")}
        missing = [k for k, _t in subitems_of(cat.CHANGE_PROCESS_ITEM) if k not in present]
        self.guide_button.setEnabled(bool(self.session.engagement) and bool(missing))

    def add_guide_steps(self) -> None:
        """Add the guide's change-process steps (6.3.1 h) that are not there yet, one undo."""
        self.editor.flush()
        present = {i.record.step for i in self.session.items("change_step")}
        lang = self.session.language
        records = [
            ChangeStep(title=text.get(lang).rstrip(TRAILING), step=key)
            for key, text in subitems_of(cat.CHANGE_PROCESS_ITEM)
            if key not in present
        ]
        self.session.add_many(records, self.tr("Add the guide's change steps"))

    def flush(self) -> None:
        self.editor.flush()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Change process (6.3.1 h)"))
        self.hint.setText(
            self.tr(
                "The guide's steps: diagnose, analyse and plan, select and implement, "
                "evaluate and feed back. Give each an owner and a due date."
            )
        )
        self.guide_button.setText(self.tr("Add the guide's ste&ps"))
        self.guide_button.setToolTip(
            self.tr("Adds the four steps of 6.3.1 h that are not in the list yet.")
        )
        self.editor.relabel(self._fields())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
