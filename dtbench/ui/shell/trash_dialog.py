"""The trash: deleted engagements can be restored, or removed for good."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dtbench.engagement.errors import NotFoundError
from dtbench.lazy import lazy_module
from dtbench.store.errors import StoreError
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.shell.engagement_model import UUID_ROLE, EngagementTableModel

if TYPE_CHECKING:
    from dtbench.engagement import service
    from dtbench.store.database import Store
else:
    service = lazy_module("dtbench.engagement.service")


class TrashDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.changed = False
        self.model = EngagementTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("trash_view")
        self.view.setModel(self.model)
        EngagementTableModel.arrange(self.view.horizontalHeader())
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore")
        self.empty_button = QPushButton(self)
        self.empty_button.setObjectName("empty")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 640, 360)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(service.list_engagements(self._store, trash=True))
        self.view.resizeColumnsToContents()
        has = self.model.rowCount() > 0
        self.empty_button.setEnabled(has)
        self.restore_button.setEnabled(has)
        if has:
            self.view.selectRow(0)

    def restore_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        try:
            service.restore_from_trash(self._store, str(index.data(UUID_ROLE)))
        except (StoreError, NotFoundError) as exc:
            QMessageBox.warning(self, self.tr("Trash"), describe(exc))
        self.changed = True
        self.refresh()

    def empty(self, *, confirm: bool = True) -> None:
        count = self.model.rowCount()
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Empty trash"),
                self.tr(
                    "Delete %n engagement(s) in the trash for good? This cannot be undone.",
                    "",
                    count,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            service.empty_trash(self._store)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Trash"), describe(exc))
        self.changed = True
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trash"))
        self.restore_button.setText(self.tr("&Restore"))
        self.empty_button.setText(self.tr("&Empty trash…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
