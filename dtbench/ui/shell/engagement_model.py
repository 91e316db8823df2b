"""Item model and filter for the engagement list (thin: rows in, display out)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from dtbench.engagement.records import EngagementRow
from dtbench.ui.kit.labels import status_label

Index = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles as plain numbers: data() is asked thousands of times when the list fills (the
# columns size to their contents), and each look-up of a Qt enum member costs.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_UUID = int(UUID_ROLE)
_SORT = int(SORT_ROLE)


class EngagementTableModel(QAbstractTableModel):
    CLIENT, TITLE, INDUSTRY, STATUS, CHANGED, PEOPLE = range(6)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[EngagementRow] = []
        # on a firm's server: engagement uuid → the other consultants working in it now
        self._people: dict[str, list[str]] = {}
        self._shown: list[tuple[str, ...]] = []  # each row's texts, made once
        self._sorted_by: list[tuple[str, ...]] = []

    def _texts(self) -> None:
        self._shown = []
        self._sorted_by = []
        for r in self._rows:
            people = ", ".join(self._people.get(r.uuid, ()))
            self._shown.append(
                (
                    r.client_name,
                    r.title,
                    r.industry,
                    status_label(r.status),
                    r.updated_at.strftime("%Y-%m-%d %H:%M"),
                    people,
                )
            )
            self._sorted_by.append(
                (r.client_name, r.title, r.industry, r.status, r.updated_at.isoformat(), people)
            )

    def set_people(self, people: dict[str, list[str]]) -> None:
        """Who else is in each engagement (the column "Working in it")."""
        self._people = {uuid: sorted(logins) for uuid, logins in people.items()}
        self._texts()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.PEOPLE), self.index(len(self._rows) - 1, self.PEOPLE)
            )

    def people(self, uuid: str) -> list[str]:
        return list(self._people.get(uuid, ()))

    def set_rows(self, rows: list[EngagementRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts()
        self.endResetModel()

    def uuids(self) -> set[str]:
        return {r.uuid for r in self._rows}

    def row_at(self, row: int) -> EngagementRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("EngagementTableModel", "Client"),
            QCoreApplication.translate("EngagementTableModel", "Title"),
            QCoreApplication.translate("EngagementTableModel", "Industry"),
            QCoreApplication.translate("EngagementTableModel", "Status"),
            QCoreApplication.translate("EngagementTableModel", "Last change"),
            QCoreApplication.translate("EngagementTableModel", "Working in it"),
        )[section]

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        row = index.row()
        col = index.column()
        if role == _DISPLAY:
            return self._shown[row][col]
        if role == _UUID:
            return self._rows[row].uuid
        if role == _SORT:
            return self._sorted_by[row][col]
        if role != _TOOLTIP:
            return None
        r = self._rows[row]
        if col == self.TITLE:
            return r.title
        if col == self.PEOPLE and r.uuid in self._people:
            return QCoreApplication.translate(
                "EngagementTableModel", "Working in this engagement now: %1"
            ).replace("%1", ", ".join(self._people[r.uuid]))
        return None

    def retranslate(self) -> None:
        self._texts()  # the status names
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.PEOPLE)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.STATUS), self.index(len(self._rows) - 1, self.STATUS)
            )


class EngagementFilter(QSortFilterProxyModel):
    """Search text (client, title, industry), status and industry filters."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._text = ""
        self._status = ""
        self._industry = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_industry(self, industry: str) -> None:
        self.beginFilterChange()
        self._industry = industry
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EngagementTableModel)
        r = model.row_at(source_row)
        if self._status and r.status != self._status:
            return False
        if self._industry and r.industry != self._industry:
            return False
        if self._text:
            hay = f"{r.client_name}\n{r.title}\n{r.industry}".casefold()
            return all(word in hay for word in self._text.split())
        return True
