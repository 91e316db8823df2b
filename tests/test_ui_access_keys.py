"""Access keys are unique on every step page, and none of them is a menu's: Alt+letter goes
to one place (the issue found 简称(H) opening the 帮助(H) menu)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget, QWidget

from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow


def access_key(text: str) -> str:
    """The letter after a single "&" ("Short na&me" → "M", "简称(&M)" → "M"), or ""."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else ""


def _keys_in_view(page: QWidget) -> dict[str, list[str]]:
    """Access key → texts of the widgets in view that answer it (a label through its buddy)."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = access_key(text)
        if key:
            keys[key].append(text)

    for label in page.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(label.text())
    for button in page.findChildren(QAbstractButton):
        if button.isVisible():
            add(button.text())
    for box in page.findChildren(QGroupBox):
        if box.isVisible():
            add(box.title())
    for bar in page.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                if bar.isTabVisible(i):
                    add(bar.tabText(i))
    return keys


@pytest.mark.parametrize("language", ["en", "zh"])
def test_access_keys_are_unique_per_page_and_apart_from_the_menus(
    qtbot, window: MainWindow, store: Store, translations: Translations, language: str
) -> None:
    translations.apply(language)
    uuid = create_demo(store, language)
    window.refresh()
    window.open_engagement(uuid)
    menu_keys = {
        access_key(action.text()): action.text()
        for action in window.menuBar().actions()
        if access_key(action.text())
    }
    assert len(menu_keys) == len(window.menuBar().actions())
    workspace = window.workspace
    problems: dict[tuple[str, ...], str] = {}  # the clashing texts → where first seen
    for row in range(workspace.pages.count()):
        workspace.show_step(row)
        page = workspace.pages.currentWidget()
        step = workspace.steps.item(row).text().strip()
        views = [("(as opened)", None, 0)] + [
            (tabs.tabText(i), tabs, i)
            for tabs in page.findChildren(QTabWidget)
            if tabs.isVisible()
            for i in range(tabs.count())
        ]
        for where, tabs, index in views:
            if tabs is not None:
                tabs.setCurrentIndex(index)
            for key, texts in _keys_in_view(page).items():
                clash = tuple(texts + ([menu_keys[key]] if key in menu_keys else []))
                if len(clash) > 1:
                    problems.setdefault(clash, f"{step} / {where}: {key}: {list(clash)}")
    assert not problems, "\n".join(problems.values())
