"""The Resistance tab (guide 6.3.2 h): who resists digital culture, why, and how it is
resolved, with the guide's explanation of the cause at hand."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from dtbench.plan import catalogue as cat
from dtbench.plan.records import Resistance
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.org_culture_parts import (
    TRAILING,
    PlainHeaderEditor,
    explanation,
    hint_label,
)
from dtbench.ui.plan.record_editor import Field
from dtbench.ui.plan.session import PlanSession


class ResistanceRegister(QWidget):
    """The register's editor and, below it, what the guide says of the selected (or
    highlighted) cause; the four causes while nothing is selected."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.hint = hint_label(self)
        self.editor = PlainHeaderEditor(
            session,
            "resistance",
            self._fields(),
            lambda: Resistance(source="", cause=cat.RESISTANCE_CAUSES[0].code),
            lambda r: str(r.source) or self.tr("resistance entry"),
            self,
        )
        self.cause_hint = QLabel(self)
        self.cause_hint.setObjectName("cause_hint")
        self.cause_hint.setWordWrap(True)
        self.cause_hint.setStyleSheet(
            "background: palette(alternate-base); padding: 6px; border-radius: 3px;"
        )
        cause = self.editor.editors["cause"]
        assert isinstance(cause, QComboBox)
        cause.highlighted.connect(self._cause_highlighted)
        self.editor.selected.connect(lambda _u: self._show_cause())
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.cause_hint)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    def _fields(self) -> list[Field]:
        return [
            Field("source", self.tr("&Source:"), "text", column=True),
            Field(
                "cause",
                self.tr("Ca&use:"),
                "choice",
                options=lambda: option_pairs(cat.RESISTANCE_CAUSES),
                column=True,
            ),
            Field("description", self.tr("&Description:"), "longtext"),
            Field("mitigation", self.tr("&Mitigation:"), "longtext"),
            Field("owner", self.tr("O&wner:"), "text", column=True),
            Field(
                "status",
                self.tr("S&tatus:"),
                "choice",
                options=lambda: option_pairs(cat.ACTION_STATUSES),
                column=True,
            ),
        ]

    def _items_changed(self, kind: str) -> None:
        if kind == "resistance":
            self._show_cause()

    def refresh(self) -> None:
        self.editor.refresh()
        self._show_cause()

    def _cause_text(self, code: str) -> str:
        lang = ui_language()
        for option in cat.RESISTANCE_CAUSES:
            if option.code == code:
                return (
                    self.tr("%1 (guide %2): %3")
                    .replace("%1", option.label.get(lang))
                    .replace("%2", option.guide_key)
                    .replace("%3", explanation(option.guide_key, lang).rstrip(TRAILING))
                )
        return ""

    def _show_cause(self) -> None:
        item = self.editor.current_item()
        if item is None:
            lang = ui_language()
            sep = "、" if lang == "zh" else ", "
            self.cause_hint.setText(
                self.tr("Causes of resistance named by the guide (6.3.2 h): %1").replace(
                    "%1", sep.join(o.label.get(lang) for o in cat.RESISTANCE_CAUSES)
                )
            )
        else:
            self.cause_hint.setText(self._cause_text(str(item.record.cause)))

    def _cause_highlighted(self, index: int) -> None:
        cause = self.editor.editors["cause"]
        assert isinstance(cause, QComboBox)
        code = str(cause.itemData(index) or "")
        if code:
            self.cause_hint.setText(self._cause_text(code))

    def flush(self) -> None:
        self.editor.flush()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Resistance to digital culture (6.3.2 h): who resists, why, and how it is resolved."
            )
        )
        self.editor.relabel(self._fields())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
