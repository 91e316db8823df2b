"""Item model and filter for the engagement list (thin: rows in, display out).

The rows are held by Qt (a QStandardItemModel) and filtered and sorted by Qt (a regular
expression on a key of each row, a sort key per cell): sizing, sorting, filtering and painting
the list call no Python at all. A Python ``data()`` was asked ~19,000 times while 200 rows first
showed (every role of every cell of the columns sized to their contents, each sort comparison,
each filter pass), ~150 ms before the first frame on the machine measured.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression, QSortFilterProxyModel
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from dtbench.engagement.records import EngagementRow
from dtbench.ui.kit.labels import status_label

# Qt's roles as plain numbers (Qt::UserRole is 256, Qt::ToolTipRole 3): reading them from the Qt
# namespace would build its ~90 enums (~35 ms) before the first window, which needs none.
TOOLTIP_ROLE = 3
UUID_ROLE = 256
SORT_ROLE = 257
FILTER_ROLE = 258  # the client's column: "status␟industry␟client⏎title⏎industry", case-folded
_SEP = "\x1f"


def _filter_key(row: EngagementRow) -> str:
    searched = f"{row.client_name}\n{row.title}\n{row.industry}".casefold()
    return f"{row.status}{_SEP}{row.industry}{_SEP}{searched}"


class EngagementTableModel(QStandardItemModel):
    # "Last change" is column 0 and shown fifth (the list page moves it): a header sorts by
    # its section 0, newest first, until told otherwise, so the list opens newest first with
    # no sort order given — naming one (Qt.SortOrder) would build Qt's namespace enums.
    CHANGED, CLIENT, TITLE, INDUSTRY, STATUS, PEOPLE = range(6)
    SHOWN_AT = 4  # where "Last change" is shown (see arrange)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(0, 6, parent)  # type: ignore[arg-type]
        self._rows: list[EngagementRow] = []
        # on a firm's server: engagement uuid → the other consultants working in it now
        self._people: dict[str, list[str]] = {}
        self.retranslate()

    @classmethod
    def arrange(cls, header: QHeaderView) -> None:
        """Show the columns in reading order: "Last change" after the status."""
        header.moveSection(cls.CHANGED, cls.SHOWN_AT)

    def set_people(self, people: dict[str, list[str]]) -> None:
        """Who else is in each engagement (the column "Working in it")."""
        wanted = {uuid: sorted(logins) for uuid, logins in people.items()}
        if wanted == self._people:
            return
        self._people = wanted
        self._update_column(self.PEOPLE, self._set_people_cell)

    def _update_column(self, column: int, update: Callable[[int, EngagementRow], None]) -> None:
        """``update(row, record)`` one column of every row, then say so once: a signal per
        cell had the filter re-sort the whole list for each (1,000 rows: 1.5 s)."""
        self.blockSignals(True)
        try:
            for row, r in enumerate(self._rows):
                update(row, r)
        finally:
            self.blockSignals(False)
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def people(self, uuid: str) -> list[str]:
        return list(self._people.get(uuid, ()))

    def set_rows(self, rows: list[EngagementRow]) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the whole list, not a signal per cell
        try:
            self._rows = list(rows)
            self.setRowCount(0)
            self.setRowCount(len(self._rows))
            for row, r in enumerate(self._rows):
                shown = (  # in column order
                    r.updated_at.strftime("%Y-%m-%d %H:%M"),
                    r.client_name,
                    r.title,
                    r.industry,
                    status_label(r.status),
                )
                keys = (  # case-folded: the sort ignores case, without Qt's enum for it
                    r.updated_at.isoformat(),
                    r.client_name.casefold(),
                    r.title.casefold(),
                    r.industry.casefold(),
                    r.status,
                )
                for col, (text, key) in enumerate(zip(shown, keys, strict=True)):
                    item = QStandardItem(text)
                    item.setEditable(False)  # a list to read (the trash dialog's view edits)
                    item.setData(r.uuid, UUID_ROLE)
                    item.setData(key, SORT_ROLE)
                    self.setItem(row, col, item)
                self.item(row, self.TITLE).setData(r.title, TOOLTIP_ROLE)
                self.item(row, self.CLIENT).setData(_filter_key(r), FILTER_ROLE)
                self._set_people_cell(row, r)
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _set_people_cell(self, row: int, r: EngagementRow) -> None:
        people = self._people.get(r.uuid)
        text = ", ".join(people or ())
        item = self.item(row, self.PEOPLE)
        if item is None:
            item = QStandardItem()
            item.setEditable(False)
            item.setData(r.uuid, UUID_ROLE)
            self.setItem(row, self.PEOPLE, item)
        item.setText(text)
        item.setData(text.casefold(), SORT_ROLE)
        tip = (
            QCoreApplication.translate(
                "EngagementTableModel", "Working in this engagement now: %1"
            ).replace("%1", text)
            if people
            else None
        )
        item.setData(tip, TOOLTIP_ROLE)

    def uuids(self) -> set[str]:
        return {r.uuid for r in self._rows}

    def row_at(self, row: int) -> EngagementRow:
        return self._rows[row]

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [  # in column order
                QCoreApplication.translate("EngagementTableModel", "Last change"),
                QCoreApplication.translate("EngagementTableModel", "Client"),
                QCoreApplication.translate("EngagementTableModel", "Title"),
                QCoreApplication.translate("EngagementTableModel", "Industry"),
                QCoreApplication.translate("EngagementTableModel", "Status"),
                QCoreApplication.translate("EngagementTableModel", "Working in it"),
            ]
        )
        self._update_column(
            self.STATUS, lambda row, r: self.item(row, self.STATUS).setText(status_label(r.status))
        )
        if self._people:  # the tooltip's sentence
            self._update_column(self.PEOPLE, self._set_people_cell)


class EngagementFilter(QSortFilterProxyModel):
    """Search text (client, title, industry: every word somewhere), status and industry
    filters, as one regular expression on each row's key (see FILTER_ROLE)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._words: list[str] = []
        self._status = ""
        self._industry = ""
        self.setSortRole(SORT_ROLE)  # the keys are case-folded
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(EngagementTableModel.CLIENT)

    def set_text(self, text: str) -> None:
        self._words = text.casefold().split()
        self._refilter()

    def set_status(self, status: str) -> None:
        self._status = status
        self._refilter()

    def set_industry(self, industry: str) -> None:
        self._industry = industry
        self._refilter()

    def _refilter(self) -> None:
        def exactly(value: str) -> str:
            return QRegularExpression.escape(value) if value else f"[^{_SEP}]*"

        pattern = "^" + exactly(self._status) + _SEP + exactly(self._industry) + _SEP
        pattern += "".join(f"(?=.*{QRegularExpression.escape(word)})" for word in self._words)
        expression = QRegularExpression(pattern)
        expression.setPatternOptions(expression.patternOptions().DotMatchesEverythingOption)
        self.setFilterRegularExpression(expression)
