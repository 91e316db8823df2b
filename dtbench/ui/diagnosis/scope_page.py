"""The Scope step: which areas and clauses are assessed, and each clause's weight."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.diagnosis.scoring import IN_SCOPE, MAX_WEIGHT, MIN_WEIGHT, ScopeEntry
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.date_field import ProblemNote

KEY_ROLE = Qt.ItemDataRole.UserRole


def _check(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


WEIGHT_COLUMN = 2


def format_weight(weight: float) -> str:
    return f"{weight:g}"


def weight_of(text: str) -> float | None:
    """The weight typed (a decimal comma too), None when it is no number in the range."""
    try:
        weight = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return weight if MIN_WEIGHT <= weight <= MAX_WEIGHT else None


class WeightEditor(QLineEdit):
    """A weight being typed: every digit shows (99 stays 99, never silently 9); a number out of
    the range is marked and its reason shown under the field, and cannot be committed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weight_editor")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        # digits and one decimal separator only; the range is checked as a whole, visibly
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}([.,]\d{0,2})?"), self)
        )
        self.problem = ProblemNote(self)  # the kit's, as under a wrong date
        self.textChanged.connect(self._check)

    def valid(self) -> bool:
        return weight_of(self.text()) is not None

    def reason(self) -> str:
        return (
            QCoreApplication.translate("ScopePage", "A weight must be a number from %1 to %2.")
            .replace("%1", format_weight(MIN_WEIGHT))
            .replace("%2", format_weight(MAX_WEIGHT))
        )

    def _check(self) -> None:
        valid = self.valid()
        self.setStyleSheet("" if valid else "QLineEdit { border: 2px solid #a4262c; }")
        self.problem.say("" if valid else self.reason())


class WeightDelegate(QStyledItemDelegate):
    """Edits a weight typed on the clause's row (0.1–10); a number out of the range is
    refused where it is typed, and nothing is stored until it is right."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return WeightEditor(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Wide enough to type the largest weight with a decimal ("10.5" fits)."""
        hint = super().sizeHint(option, index)
        width = option.fontMetrics.horizontalAdvance("10.00") + 36
        return QSize(max(hint.width(), width), hint.height())

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, WeightEditor)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or "1"))

    def setModelData(
        self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, WeightEditor)
        weight = weight_of(editor.text())
        if weight is not None:  # a wrong number left by moving away is not stored
            model.setData(index, format_weight(weight), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter or Tab on a number out of the range keeps the editor open, its reason shown."""
        if (
            isinstance(editor, WeightEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key()
            in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not editor.valid()
        ):
            editor._check()
            return True
        return super().eventFilter(editor, event)


class ScopeTree(QTreeWidget):
    """The clauses with their weights: the clause's name is never edited; typing a number (or
    F2, or a double click) on a clause's row edits its weight."""

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        if index.isValid() and index.parent().isValid():  # a clause: its weight
            index = index.sibling(index.row(), WEIGHT_COLUMN)
        if trigger is None:
            super().edit(index)
            return True
        if (
            trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            and isinstance(event, QKeyEvent)
            and not (event.text() and (event.text().isdigit() or event.text() in ".,"))
        ):
            return False  # a letter searches the clauses, it does not open the weight
        return super().edit(index, trigger, event)  # type: ignore[arg-type]  # Qt takes None


class ScopePage(QWidget):
    def __init__(self, session: DiagnosisSession, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._lang = language
        self._filling = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("scope_summary")
        self.tree = ScopeTree(self)
        self.tree.setObjectName("scope_tree")
        self.tree.setColumnCount(3)
        self.tree.setItemDelegateForColumn(WEIGHT_COLUMN, WeightDelegate(self.tree))
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        session.scope_changed.connect(self.refresh)
        self.retranslate()

    def first_focus(self) -> QWidget:
        """Work on the scope starts in the tree (Space includes, a number weights)."""
        return self.tree

    def set_language(self, language: str) -> None:
        self._lang = language
        self.tree.clear()
        self.refresh()

    def refresh(self) -> None:
        """Show the session's scope; builds the tree the first time or after a language change."""
        if self.tree.topLevelItemCount() == 0:
            self._build()
        self._filling = True
        for i in range(self.tree.topLevelItemCount()):
            a_item = self.tree.topLevelItem(i)
            assert a_item is not None
            states = []
            for j in range(a_item.childCount()):
                c_item = a_item.child(j)
                assert c_item is not None
                entry = self.session.scope.get(str(c_item.data(0, KEY_ROLE)), IN_SCOPE)
                c_item.setCheckState(0, _check(entry.in_scope))
                c_item.setText(WEIGHT_COLUMN, format_weight(entry.weight))
                c_item.setDisabled(False)
                states.append(entry.in_scope)
            a_item.setCheckState(
                0,
                _check(True)
                if all(states)
                else _check(False)
                if not any(states)
                else Qt.CheckState.PartiallyChecked,
            )
        self._filling = False
        self._update_summary()

    def _build(self) -> None:
        self._filling = True
        current = self.tree.currentItem()
        current_key = None if current is None else current.data(0, KEY_ROLE)
        self.tree.clear()
        lang = self._lang
        for area in self.session.guide.areas:
            a_item = QTreeWidgetItem([f"{area.key} {area.title.get(lang)}", "", ""])
            a_item.setData(0, KEY_ROLE, area.key)
            a_item.setFlags(a_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.tree.addTopLevelItem(a_item)
            for clause in area.clauses():
                count = sum(1 for _ in clause.checkpoints())
                c_item = QTreeWidgetItem([clause.label(lang), str(count), ""])
                c_item.setData(0, KEY_ROLE, clause.key)
                c_item.setFlags(
                    c_item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
                )
                c_item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                c_item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                a_item.addChild(c_item)
        self.tree.expandAll()
        for item in [*self._clause_items(), *self._area_items()]:
            if current_key is not None and item.data(0, KEY_ROLE) == current_key:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._filling = False

    def _area_items(self) -> list[QTreeWidgetItem]:
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [i for i in items if i is not None]

    def _clause_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem | None] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            items.extend(top.child(j) for j in range(top.childCount()))
        return [i for i in items if i is not None]

    def _update_summary(self) -> None:
        clauses = list(self.session.guide.clauses())
        kept = [c for c in clauses if self.session.in_scope(c.key)]
        points = sum(sum(1 for _ in c.checkpoints()) for c in kept)
        self.summary.setText(
            self.tr("In scope: %1 of %2 clauses, %3 items and sub-items to assess.")
            .replace("%1", str(len(kept)))
            .replace("%2", str(len(clauses)))
            .replace("%3", str(points))
        )

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling:
            return
        key = str(item.data(0, KEY_ROLE))
        scope = self.session.scope
        if item.parent() is None:  # an area: all its clauses in or out at once
            area = next(a for a in self.session.guide.areas if a.key == key)
            keep = item.checkState(0) != Qt.CheckState.Unchecked
            changes = {
                c.key: ScopeEntry(keep, scope.get(c.key, IN_SCOPE).weight) for c in area.clauses()
            }
            text = (self.tr("Include %1") if keep else self.tr("Exclude %1")).replace(
                "%1", item.text(0)
            )
        elif column == WEIGHT_COLUMN:
            try:
                weight = float(item.text(WEIGHT_COLUMN).replace(",", "."))
            except ValueError:
                weight = -1.0
            if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
                self.session.error.emit(
                    self.tr("A weight must be a number from %1 to %2.")
                    .replace("%1", format_weight(MIN_WEIGHT))
                    .replace("%2", format_weight(MAX_WEIGHT))
                )
                QTimer.singleShot(0, self.refresh)
                return
            changes = {key: ScopeEntry(scope.get(key, IN_SCOPE).in_scope, weight)}
            text = self.tr("Weight of %1").replace("%1", key)
        else:
            keep = item.checkState(0) == Qt.CheckState.Checked
            changes = {key: ScopeEntry(keep, scope.get(key, IN_SCOPE).weight)}
            text = (self.tr("Include %1") if keep else self.tr("Exclude %1")).replace("%1", key)
        self.session.set_scope(changes, text)
        self.refresh()  # shows the stored state, also when the change was refused

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Choose the clauses this engagement assesses and weight the ones that matter "
                "most (weight 1 = normal). Clauses left out disappear from the diagnosis and "
                "from every score. Space toggles the selected line; type a number to change "
                "a weight."
            )
        )
        self.tree.setHeaderLabels([self.tr("Clause"), self.tr("Items"), self.tr("Weight")])
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
