"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 loses a
reference to None on every call of a method returning nothing, and the app aborts with
"none_dealloc" after a few hundred answers (pyproject excludes that release). A binding
release with the same defect fails here before it reaches a consultant."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_calls_into_qt_keep_the_reference_count_of_none(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setEnabled(n % 2 == 0)
        label.setText("")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding lost {lost} references to None in 4000 calls"
