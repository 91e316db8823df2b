"""The main window fits the screen's free area: at the first start (a 1280×720 laptop, 200 %
scaling) and when the size saved on a large monitor is restored on a small screen."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QGuiApplication

from dtbench.store import Store
from dtbench.ui.kit import settings as prefs
from dtbench.ui.kit.translations import Translations
from dtbench.ui.kit.window_fit import FRAME_ESTIMATE, fitted
from dtbench.ui.shell.main_window import MainWindow

TASKBAR = 40


def _laptop(width: int, height: int, scale: float) -> QRect:
    """The free area of a screen in logical pixels, a taskbar at the bottom."""
    return QRect(0, 0, int(width / scale), int(height / scale) - TASKBAR)


def _inside(rect: QRect, available: QRect, frame: QMargins = FRAME_ESTIMATE) -> bool:
    return available.contains(rect.marginsAdded(frame))


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("screen", [(1280, 720), (1366, 768)])
def test_first_start_on_a_laptop_is_maximised_within_the_free_area(
    screen: tuple[int, int], scale: float
) -> None:
    available = _laptop(*screen, scale)
    placement = fitted(None, available)
    assert placement.maximized  # a laptop screen: all of it
    assert _inside(placement.rect, available)


def test_first_start_on_a_large_screen_opens_a_centred_window() -> None:
    available = QRect(0, 0, 1920, 1040)
    placement = fitted(None, available)
    assert not placement.maximized
    assert _inside(placement.rect, available)
    assert placement.rect.width() < available.width()
    assert abs(placement.rect.center().x() - available.center().x()) <= 1


def test_a_size_saved_on_a_large_monitor_is_shrunk_and_moved_onto_the_laptop() -> None:
    saved = QRect(2100, 80, 1800, 1000)  # on the monitor right of the laptop, now unplugged
    available = _laptop(1366, 768, 2.0)  # 683×344
    placement = fitted(saved, available)
    assert _inside(placement.rect, available)
    assert placement.rect.size() == available.marginsRemoved(FRAME_ESTIMATE).size()


def test_a_window_that_fits_stays_where_it_was() -> None:
    saved = QRect(100, 120, 900, 500)
    assert fitted(saved, QRect(0, 0, 1920, 1040)).rect == saved


def test_any_saved_place_ends_inside_the_free_area() -> None:
    rng = random.Random(7)
    for _ in range(500):
        available = QRect(
            rng.randint(-2000, 2000),
            rng.randint(-500, 500),
            rng.randint(400, 3000),
            rng.randint(300, 2000),
        )
        saved = QRect(
            rng.randint(-5000, 5000),
            rng.randint(-5000, 5000),
            rng.randint(1, 4000),
            rng.randint(1, 3000),
        )
        placement = fitted(saved, available)
        assert _inside(placement.rect, available), (saved, available, placement)


def test_the_window_fits_its_screen_at_first_start_and_after_a_large_saved_size(
    qtbot, store: Store, translations: Translations
) -> None:
    from dtbench.store import open_store

    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    free = screen.availableGeometry()
    first = MainWindow(store, translations, open_store=open_store)
    qtbot.addWidget(first)
    first.show()
    assert first.width() <= free.width() and first.height() <= free.height()
    assert free.contains(first.geometry())

    first.showNormal()
    first.setGeometry(free.right() + 500, free.bottom() + 300, 2400, 1500)  # a big monitor
    prefs.settings().setValue("window/geometry", first.saveGeometry())
    again = MainWindow(store, translations, open_store=open_store)
    qtbot.addWidget(again)
    again.show()
    assert again.width() <= free.width() and again.height() <= free.height()
    assert free.contains(again.geometry())


def test_every_dialog_sized_for_a_desktop_fits_the_screen(
    qtbot, window: MainWindow, store: Store
) -> None:
    """Dialogs sized for a desktop (the export dialog is 720 px high) shrink to a screen as
    small as a 1280×720 laptop's at 150 %: their buttons never below the taskbar. The test
    screen is 800×600; the rule is one helper, which every dialog uses."""
    import re
    from pathlib import Path

    from dtbench.sample import create_demo
    from dtbench.ui.exchange.export_dialog import ExportDialog
    from dtbench.ui.shell.shortcuts_dialog import ShortcutsDialog

    room = QGuiApplication.primaryScreen().availableGeometry().marginsRemoved(FRAME_ESTIMATE)
    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid)
    assert window.workspace is not None
    for dialog in (
        ExportDialog(store, window.workspace.plan, uuid, "澜岳", "zh", window),
        ShortcutsDialog(window.menuBar(), window),
    ):
        qtbot.addWidget(dialog)
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), dialog
    # no dialog sizes itself past the helper
    ui = Path(__file__).resolve().parent.parent / "dtbench" / "ui"
    fixed = [
        f"{path.name}:{n}"
        for path in sorted(ui.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bself\.resize\(\s*\d", line)
    ]
    assert fixed == []
