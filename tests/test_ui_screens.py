"""Every step of the sample engagement, in Chinese and in English, fits laptop screens of
1280×720 and 1366×768 at 100 %, 125 %, 150 % and 200 %: the window is no larger than the
screen, every widget is in view or in a scroll area that reaches it, no text is cut off.

The scaling is simulated by laying the window out at the logical size it gets (1280×720 at
150 % is 853×480 logical pixels, less the taskbar and the title bar)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.kit.fonts import ensure_chinese_font
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow
from tests.screen_check import client_sizes, problems, settle, window_too_large


def _tab_views(widget: QWidget, where: str) -> Iterator[str]:
    """Show the other tabs of every tab widget in ``widget`` in turn (nested ones too),
    naming each; the first tabs are in view already."""
    for tabs in widget.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(1, tabs.count()):
            tabs.setCurrentIndex(index)
            here = f"{where} / {tabs.tabText(index).replace('&', '')}"
            yield here
            inner = tabs.widget(index)
            if inner is not None:
                yield from _tab_views(inner, here)
        tabs.setCurrentIndex(0)


def _views(window: MainWindow) -> Iterator[str]:
    """The engagement list, then every step of the open engagement with each of its tabs."""
    window.show_list()
    yield "engagement list"
    workspace = window.workspace
    assert workspace is not None
    window.stack.setCurrentWidget(workspace)
    for row in range(workspace.pages.count()):
        workspace.show_step(row)
        page = workspace.pages.currentWidget()
        for tabs in page.findChildren(QTabWidget):
            tabs.setCurrentIndex(0)
        step = workspace.steps.item(row).text().strip()
        yield step
        yield from _tab_views(page, step)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_step_fits_laptop_screens(
    qtbot, window: MainWindow, store: Store, translations: Translations, language: str
) -> None:
    ensure_chinese_font()  # the font the application uses: its line heights
    translations.apply(language)
    uuid = create_demo(store, language)
    window.refresh()
    window.open_engagement(uuid)
    window.setWindowState(Qt.WindowState.WindowNoState)
    sizes = client_sizes()
    found: dict[str, list[str]] = {}  # what is wrong where → at which sizes
    for view in _views(window):
        for name, size in sizes:
            window.resize(size)
            settle(window)  # layouts that depend on widths settle in a few rounds
            too_large = window_too_large(window, size)
            for what, why in [(too_large, "")] if too_large else problems(window):
                found.setdefault(f"{view}: {what}", []).append(f"{name}{why}")
    assert not found, f"{len(found)} problems:\n" + "\n".join(
        f"{what} — at {'; '.join(where)}" for what, where in found.items()
    )


@pytest.mark.parametrize("language", ["zh", "en"])
def test_up_to_150_percent_no_step_scrolls_sideways(
    qtbot, window: MainWindow, store: Store, translations: Translations, language: str
) -> None:
    """Up to 150 % every step and tab is as wide as the view: side-by-side panes stack,
    button rows break, so a consultant never scrolls sideways to reach a field. (At 200 %
    some button rows still scroll sideways, within a visible scroll bar.)"""
    from PySide6.QtWidgets import QAbstractScrollArea

    ensure_chinese_font()
    translations.apply(language)
    uuid = create_demo(store, language)
    window.refresh()
    window.open_engagement(uuid)
    window.setWindowState(Qt.WindowState.WindowNoState)
    sizes = [(name, size) for name, size in client_sizes() if not name.endswith("200%")]
    sideways: dict[str, list[str]] = {}
    for view in _views(window):
        workspace = window.workspace
        if view == "engagement list" or workspace is None:
            continue
        page = workspace.pages.currentWidget()
        area = page.parentWidget().parentWidget()
        assert isinstance(area, QAbstractScrollArea)
        for name, size in sizes:
            window.resize(size)
            settle(window)
            if area.horizontalScrollBar().maximum() > 0:
                sideways.setdefault(view, []).append(name)
    assert not sideways, "\n".join(f"{v}: at {', '.join(n)}" for v, n in sideways.items())
