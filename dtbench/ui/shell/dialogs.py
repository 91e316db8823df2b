"""Small dialogs: new engagement, duplicate, about."""

from __future__ import annotations

import platform

from PySide6.QtCore import QEvent, qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dtbench import __version__
from dtbench.engagement.records import LANGUAGES
from dtbench.ui.kit.labels import language_label
from dtbench.ui.kit.window_fit import resize_within_screen


class NewEngagementDialog(QDialog):
    """Ask for what an engagement cannot be created without: client and title."""

    def __init__(self, industries: list[str], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = QLineEdit(self)
        self.client.setObjectName("client")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.industry = QComboBox(self)
        self.industry.setObjectName("industry")
        self.industry.setEditable(True)
        self.industry.addItems(["", *industries])
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(LANGUAGES.index(language) if language in LANGUAGES else 0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(
            self.labels, (self.client, self.title_edit, self.industry, self.language), strict=True
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.client.textChanged.connect(self._update_ok)
        self.title_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()
        resize_within_screen(self, 460, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New engagement"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Client name:"),
                self.tr("&Title:"),
                self.tr("&Industry:"),
                self.tr("Deliverable &language:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.client.setPlaceholderText(self.tr("e.g. 大连某装备制造有限公司"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Digital transformation diagnosis 2026"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_ok(self) -> None:
        ok = bool(self.client.text().strip() and self.title_edit.text().strip())
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)

    def values(self) -> dict[str, str]:
        return {
            "client_name": self.client.text().strip(),
            "title": self.title_edit.text().strip(),
            "industry": self.industry.currentText().strip(),
            "language": str(self.language.currentData()),
        }


def about_text(database: str) -> str:
    """Versions of dtbench and what it runs on, for the About box."""
    import sqlalchemy
    from PySide6 import __version__ as pyside_version

    return (
        f"<h3>dtbench {__version__}</h3>"
        f"<p>数字化转型咨询工作台<br>Digital-transformation consulting workbench</p>"
        f"<p>DB2102/T《企业数字化转型实施指南》</p>"
        f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
        f" · SQLAlchemy {sqlalchemy.__version__}</p>"
        f"<p><small>{database}</small></p>"
    )
