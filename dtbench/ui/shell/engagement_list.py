"""The engagement list: search, sort, filter by status and industry, and the actions on it."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dtbench.engagement.records import STATUSES, EngagementRow
from dtbench.ui.kit.labels import status_label
from dtbench.ui.shell.engagement_model import UUID_ROLE, EngagementFilter, EngagementTableModel


class EngagementListPage(QWidget):
    """Shows rows given by ``set_rows``; the main window owns the actions and the data."""

    open_requested = Signal(str)
    demo_requested = Signal()
    selection_changed = Signal()

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EngagementTableModel(self)
        self.proxy = EngagementFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.textChanged.connect(lambda _t: self._select_a_match())
        self.search.returnPressed.connect(self._open_selected_match)
        self.status = QComboBox(self)
        self.status.setObjectName("status_filter")
        self.status.addItem("", "")
        for code in STATUSES:
            self.status.addItem(code, code)
        self.status.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(str(self.status.currentData()))
        )
        self.industry = QComboBox(self)
        self.industry.setObjectName("industry_filter")
        self.industry.addItem("", "")
        self.industry.currentIndexChanged.connect(
            lambda _i: self.proxy.set_industry(str(self.industry.currentData() or ""))
        )
        self.status_label = QLabel(self)
        self.status_label.setBuddy(self.status)
        self.industry_label = QLabel(self)
        self.industry_label.setBuddy(self.industry)
        self.view = QTableView(self)
        self.view.setObjectName("engagements")
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()
        EngagementTableModel.arrange(header)
        self.view.setSortingEnabled(True)  # by column 0, newest first (see the model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        header.setSectionResizeMode(EngagementTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            EngagementTableModel.CLIENT, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            EngagementTableModel.CHANGED, QHeaderView.ResizeMode.ResizeToContents
        )
        # who else works in each engagement: only on a firm's server (show_people)
        self.view.setColumnHidden(EngagementTableModel.PEOPLE, True)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("empty_hint")
        # By Qt's property names: the enums themselves live in Qt's namespace, whose Python
        # classes (~90 enums) take ~20 ms to build; the first window needs none of them.
        self.empty_hint.setProperty("alignment", "AlignCenter")
        self.empty_hint.setWordWrap(True)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("demo_button")
        self.demo_button.clicked.connect(self.demo_requested)
        self.demo_button.hide()
        self._state = "ready"

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status_label)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.industry_label)
        bar.addWidget(self.industry, 1)
        buttons = QHBoxLayout()
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setProperty("toolButtonStyle", "ToolButtonTextOnly")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_hint)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.demo_button)
        centred.addStretch(1)
        layout.addLayout(centred)
        self.retranslate()

    def set_state(self, state: str) -> None:
        """'checking' while the database is checked for damage, 'loading' while it opens,
        'closed' when none is open, else 'ready'."""
        self._state = state
        self._show_empty(state != "ready" or self.model.rowCount() == 0)
        self.retranslate()

    def _show_empty(self, empty: bool) -> None:
        """The hint when there is nothing to list, and on first start the sample's offer."""
        self.empty_hint.setVisible(empty)
        self.demo_button.setVisible(empty and self._state == "ready")

    def set_rows(self, rows: list[EngagementRow], keep: str | None = None) -> None:
        keep = keep or self.current_uuid()
        self.model.set_rows(rows)
        industries = sorted({r.industry for r in rows if r.industry})
        current = self.industry.currentData()
        self.industry.blockSignals(True)
        self.industry.clear()
        self.industry.addItem(self.tr("All industries"), "")
        for name in industries:
            self.industry.addItem(name, name)
        self.industry.setCurrentIndex(max(0, self.industry.findData(current)))
        self.industry.blockSignals(False)
        self.proxy.set_industry(str(self.industry.currentData() or ""))
        self._show_empty(not rows)
        if keep:
            self.select(keep)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.selectRow(0)
        self.selection_changed.emit()

    def show_people(self, people: dict[str, list[str]] | None) -> None:
        """The column naming who else works in each engagement now; None hides it (a
        laptop's own database: no one else)."""
        self.view.setColumnHidden(EngagementTableModel.PEOPLE, people is None)
        self.model.set_people(people or {})

    def select(self, uuid: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(UUID_ROLE) == uuid:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return

    def current_uuid(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return None
        return str(rows[0].data(UUID_ROLE))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _select_a_match(self) -> None:
        """While searching, one match is always selected: the one Enter opens."""
        if self.current_uuid() is None and self.proxy.rowCount():
            self.view.selectRow(0)

    def _open_selected_match(self) -> None:
        """Enter in the search box opens the selected engagement, as a double click does."""
        self._select_a_match()
        uuid = self.current_uuid()
        if uuid is not None:
            self.open_requested.emit(uuid)

    def _activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(str(index.data(UUID_ROLE)))

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            return
        if (
            event.key() == QtCore.Qt.Key.Key_Down
            and self.search.hasFocus()
            and self.proxy.rowCount()
        ):
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search client, title or industry (Ctrl+F)"))
        self.status_label.setText(self.tr("&Status:"))
        self.industry_label.setText(self.tr("&Industry:"))
        self.status.setItemText(0, self.tr("All statuses"))
        for i in range(1, self.status.count()):
            self.status.setItemText(i, status_label(str(self.status.itemData(i))))
        if self.industry.count():
            self.industry.setItemText(0, self.tr("All industries"))
        self.empty_hint.setText(
            self.tr("Checking the database for damage…")
            if self._state == "checking"
            else self.tr("Opening the database…")
            if self._state == "loading"
            else self.tr("No database is open. Use File ▸ Open database… (Ctrl+O).")
            if self._state == "closed"
            else self.tr(
                "No engagements yet. Create one with File ▸ New engagement (Ctrl+N), or look "
                "around in a sample engagement first: a fictitious Dalian manufacturer, fully "
                "diagnosed in two rounds."
            )
        )
        self.demo_button.setText(self.tr("Open the &sample engagement"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
