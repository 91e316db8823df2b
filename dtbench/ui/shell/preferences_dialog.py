"""Edit ▸ Preferences…: the consulting firm's name, address and logo, set once on this
computer for the cover and document control of every proposal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dtbench.engagement.firm import Firm, import_logo, load_firm, save_firm
from dtbench.errors import UserError
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.window_fit import resize_within_screen

LOGO_PREVIEW_HEIGHT = 48


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.firm = load_firm()
        self._logo = self.firm.logo
        self.name_zh = QLineEdit(self.firm.name_zh, self)
        self.name_en = QLineEdit(self.firm.name_en, self)
        self.address_zh = QLineEdit(self.firm.address_zh, self)
        self.address_en = QLineEdit(self.firm.address_en, self)
        for edit, name in (
            (self.name_zh, "firm_name_zh"),
            (self.name_en, "firm_name_en"),
            (self.address_zh, "firm_address_zh"),
            (self.address_en, "firm_address_en"),
        ):
            edit.setObjectName(name)
        self.logo = QLabel(self)
        self.logo.setObjectName("logo_preview")
        self.logo.setMinimumHeight(LOGO_PREVIEW_HEIGHT)
        self.choose_logo = QPushButton(self)
        self.remove_logo = QPushButton(self)
        self.choose_logo.clicked.connect(lambda: self.set_logo(None))
        self.remove_logo.clicked.connect(self.clear_logo)

        self.group = QGroupBox(self)
        form = QFormLayout(self.group)
        self.labels = [QLabel(self) for _ in range(5)]
        for label, widget in zip(
            self.labels,
            (self.name_zh, self.name_en, self.address_zh, self.address_en, self.choose_logo),
            strict=True,
        ):
            label.setBuddy(widget)
        form.addRow(self.labels[0], self.name_zh)
        form.addRow(self.labels[1], self.name_en)
        form.addRow(self.labels[2], self.address_zh)
        form.addRow(self.labels[3], self.address_en)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        form.addRow(self.labels[4], logo_row)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.group)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._show_logo()
        resize_within_screen(self, 620, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.group.setTitle(self.tr("Consulting firm"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Name (Chinese):"),
                self.tr("Name (&English):"),
                self.tr("&Address (Chinese):"),
                self.tr("Address (E&nglish):"),
                self.tr("&Logo:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.choose_logo.setText(self.tr("C&hoose…"))
        self.remove_logo.setText(self.tr("&Remove"))
        self.hint.setText(
            self.tr(
                "Shown on the cover and in the document control of every proposal written "
                "on this computer (the name in the proposal's language; an engagement may "
                "name another firm in its export settings). The logo is a PNG or JPEG picture."
            )
        )
        if not self._logo:
            self.logo.setText(self.tr("(no logo)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_logo(self) -> None:
        path = Firm(logo=self._logo).logo_path() if self._logo else None
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if pixmap.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("(no logo)"))
        else:
            self.logo.setPixmap(
                pixmap.scaledToHeight(
                    LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
        self.remove_logo.setEnabled(bool(self._logo))

    def set_logo(self, path: Path | None) -> bool:
        """Copy a picture in as the logo (asks for one when ``path`` is None)."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Firm logo"),
                str(Path.home()),
                self.tr("Pictures (*.png *.jpg *.jpeg)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            self._logo = import_logo(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Firm logo"), describe(exc))
            return False
        self._show_logo()
        return True

    def clear_logo(self) -> None:
        self._logo = ""
        self._show_logo()

    def values(self) -> Firm:
        return Firm(
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            address_zh=self.address_zh.text(),
            address_en=self.address_en.text(),
            logo=self._logo,
        )

    def save(self) -> None:
        try:
            self.firm = save_firm(self.values())
        except (UserError, ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Preferences"), describe(exc))
            return
        self.accept()
