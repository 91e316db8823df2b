"""A combo box as wide as its longest choice, also when its choices are filled in after it
was first shown (QComboBox keeps the minimum width it had when empty, and a narrow window
then cuts the chosen text: "建议等级：请先回…")."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QWidget


class FitCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:
        # the size hint follows the choices (AdjustToContents); the minimum did not
        return self.sizeHint()
