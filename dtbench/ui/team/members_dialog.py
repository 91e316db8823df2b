"""Engagement ▸ Members… on a team server: who works on the engagement and in which role. A
lead adds a login with a role, changes a role, removes a member; the others see the list
only. The server decides (row-level security): a refused change is shown as its message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.store.models import MEMBER_ROLES
from dtbench.team import members
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.window_fit import resize_within_screen

if TYPE_CHECKING:
    from dtbench.store.database import Store

ROLE_LABELS = {
    "lead": QT_TRANSLATE_NOOP("MembersDialog", "Lead: manages members, edits everything"),
    "member": QT_TRANSLATE_NOOP("MembersDialog", "Member: edits the engagement"),
    "reader": QT_TRANSLATE_NOOP("MembersDialog", "Reader: reads only"),
}


def role_label(role: str) -> str:
    return QCoreApplication.translate("MembersDialog", ROLE_LABELS.get(role, role))


class MembersDialog(QDialog):
    """The members of one engagement; editable for its lead."""

    def __init__(self, store: Store, engagement: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("members_dialog")
        self._store = store
        self._engagement = engagement
        self.changed = False
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("members")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in MEMBER_ROLES:
            self.role.addItem("", role)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove")
        self.add_button.clicked.connect(self.add_or_change)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._selected)
        self.login_label = QLabel(self)
        self.login_label.setBuddy(self.login)
        self.role_label = QLabel(self)
        self.role_label.setBuddy(self.role)
        # A login is typed here: room for one whatever the role labels' length (they once
        # squeezed it to a few pixels in the Chinese UI), and the buttons on a row of their own.
        self.login.setMinimumWidth(self.login.fontMetrics().horizontalAdvance("m" * 16))
        editor = QHBoxLayout()
        editor.addWidget(self.login_label)
        editor.addWidget(self.login, 1)
        editor.addWidget(self.role_label)
        editor.addWidget(self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addLayout(editor)
        layout.addLayout(actions)
        resize_within_screen(self, 560, 360)
        self.is_lead = False
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Members"))
        self.table.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Role")])
        self.login_label.setText(self.tr("&Login:"))
        self.role_label.setText(self.tr("R&ole:"))
        self.add_button.setText(self.tr("&Add or change role"))
        self.remove_button.setText(self.tr("&Remove"))
        for index, role in enumerate(MEMBER_ROLES):
            self.role.setItemText(index, role_label(role))
        self._update_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def _update_note(self) -> None:
        if self.is_lead:
            self.note.setText(self.tr("As the lead you add members, change roles and remove."))
        else:
            self.note.setText(
                self.tr("Only the engagement's lead changes its members; you see the list.")
            )

    def refresh(self) -> None:
        try:
            found = members.list_members(self._store, self._engagement)
        except UserError as exc:
            self.note.setText(describe(exc))
            return
        self.table.setRowCount(len(found))
        for row, member in enumerate(found):
            login = QTableWidgetItem(member.login)
            login.setData(256, member.role)
            self.table.setItem(row, 0, login)
            self.table.setItem(row, 1, QTableWidgetItem(role_label(member.role)))
        self.is_lead = any(m.login == self._store.author and m.role == "lead" for m in found)
        for widget in (self.login, self.role, self.add_button, self.remove_button):
            widget.setEnabled(self.is_lead)
        self._update_note()

    def _selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        self.login.setText(item.text())
        index = self.role.findData(item.data(256))
        if index >= 0:
            self.role.setCurrentIndex(index)

    def add_or_change(self) -> None:
        self._run(
            lambda: members.set_member(
                self._store,
                self._engagement,
                self.login.text().strip(),
                str(self.role.currentData()),
            )
        )

    def remove_selected(self) -> None:
        login = self.login.text().strip()
        if login:
            self._run(lambda: members.remove_member(self._store, self._engagement, login))

    def _run(self, change: object) -> None:
        assert callable(change)
        try:
            change()
        except UserError as exc:
            self.note.setText(describe(exc))
            return
        self.changed = True
        self.refresh()
