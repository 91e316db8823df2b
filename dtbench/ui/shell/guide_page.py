"""Browse the guide: areas → groups → clauses, with a clause's purpose, items and sub-items.

Guide content follows the UI language (set through ``set_language``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from dtbench.guide import Clause, Guide

KEY_ROLE = Qt.ItemDataRole.UserRole


def clause_html(clause: Clause, lang: str) -> str:
    """A clause as HTML: title, purpose, lettered items with numbered sub-items."""
    parts = [
        f"<h2>{escape(clause.label(lang))}</h2>",
        f"<p><i>{escape(clause.purpose.get(lang))}</i></p>",
        "<ol type='a'>",
    ]
    for item in clause.items:
        parts.append(f"<li value='{ord(item.letter) - ord('a') + 1}'>{escape(item.text.get(lang))}")
        if item.subitems:
            parts.append("<ol>")
            parts.extend(f"<li>{escape(s.text.get(lang))}</li>" for s in item.subitems)
            parts.append("</ol>")
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts)


class GuidePage(QWidget):
    def __init__(self, guide: Guide, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guide = guide
        self._lang = language
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("guide_tree")
        self.tree.setHeaderHidden(True)
        self.view = QTextBrowser(self)
        self.view.setObjectName("guide_text")
        self.view.setOpenLinks(False)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 700])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tree.currentItemChanged.connect(self._show_current)
        self._fill()

    def set_language(self, language: str) -> None:
        self._lang = language
        current = self.current_key()
        self._fill()
        if current:
            self.select(current)

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, KEY_ROLE))

    def select(self, key: str) -> None:
        for item in self._all_items():
            if item.data(0, KEY_ROLE) == key:
                self.tree.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _fill(self) -> None:
        lang = self._lang
        self.tree.clear()
        for area in self._guide.areas:
            a_item = QTreeWidgetItem([f"{area.key} {area.title.get(lang)}"])
            a_item.setData(0, KEY_ROLE, area.key)
            self.tree.addTopLevelItem(a_item)
            for group in area.groups:
                parent = a_item
                if group.key != area.key:
                    parent = QTreeWidgetItem([f"{group.key} {group.title.get(lang)}"])
                    parent.setData(0, KEY_ROLE, group.key)
                    a_item.addChild(parent)
                for clause in group.clauses:
                    c_item = QTreeWidgetItem([clause.label(lang)])
                    c_item.setData(0, KEY_ROLE, clause.key)
                    parent.addChild(c_item)
        self.tree.expandAll()
        self.view.setHtml(
            f"<h2>{escape(self._guide.standard.code)} "
            f"{escape(self._guide.standard.title.get(lang))}</h2>"
            f"<p>{escape(self._guide.overview.get(lang))}</p>"
        )

    def _show_current(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        if item is None:
            return
        key = str(item.data(0, KEY_ROLE))
        lang = self._lang
        try:
            self.view.setHtml(clause_html(self._guide.clause(key), lang))
            return
        except KeyError:
            pass
        for area in self._guide.areas:
            if area.key == key:
                self.view.setHtml(
                    f"<h2>{escape(area.title.get(lang))}</h2>"
                    f"<p>{escape(area.description.get(lang))}</p>"
                )
                return
            for group in area.groups:
                if group.key == key:
                    items = "".join(f"<li>{escape(c.label(lang))}</li>" for c in group.clauses)
                    self.view.setHtml(
                        f"<h2>{escape(group.key)} {escape(group.title.get(lang))}"
                        f"</h2><ul>{items}</ul>"
                    )
                    return
