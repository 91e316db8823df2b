"""The Diagnosis step: walk the in-scope clauses, answer the checklist, set levels.

Left: areas → clauses with answered/total and a colour (grey not started, amber in progress,
green complete). Right: the clause's purpose, its checklist, and its levels, findings,
interviewees and evidence. Ctrl+PgDown / Ctrl+PgUp move between clauses.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.diagnosis.scale import FOLLOW_UP_NAME, index_text
from dtbench.diagnosis.scoring import ClauseScore
from dtbench.guide import Clause
from dtbench.ui.diagnosis.checklist import ChecklistModel, ChecklistView
from dtbench.ui.diagnosis.clause_details import ClauseDetails
from dtbench.ui.diagnosis.interviews import InterviewPicker, heard_line
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.autosave import commit_open_editor
from dtbench.ui.kit.fit_combo import FitCombo
from dtbench.ui.kit.page_stack import scrolling
from dtbench.ui.kit.rating_table import NOTE
from dtbench.ui.kit.reflow import reflow
from dtbench.ui.kit.reveal import focus
from dtbench.ui.kit.scale_labels import PROGRESS_COLOURS, level_label
from dtbench.ui.kit.settings import last_clause, remember_clause

# From this width (logical pixels) on, the round and the interview share one line.
BAR_SIDE_BY_SIDE = 1000
KEY_ROLE = Qt.ItemDataRole.UserRole
OTHERS_ROLE = Qt.ItemDataRole.UserRole + 1  # logins of others at this clause (firm's server)


def progress_state(score: ClauseScore | None) -> str:
    if score is None or score.answered == 0:
        return "none"
    return "done" if score.complete else "partial"


def dot_icon(colour: QColor, ratio: float) -> QIcon:
    """A filled circle, drawn at the screen's pixel ratio so it stays sharp at 200 %."""
    size = 12
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(colour.darker(120))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class DiagnosisPage(QWidget):
    clause_shown = Signal(str)  # the clause now shown ('' for none): where the consultant is

    def __init__(self, session: DiagnosisSession, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        # on a firm's server: clause key → the other consultants at that clause now
        self._others: dict[str, list[str]] = {}
        self.session = session
        self._lang = language
        self._clause: Clause | None = None
        self._nav_engagement = ""  # the engagement whose clauses the navigator lists
        self._icons: dict[str, QIcon] = {}

        # round bar
        self.round_label = QLabel(self)
        self.rounds = FitCombo(self)
        self.rounds.setObjectName("rounds")
        self.round_label.setBuddy(self.rounds)
        self.new_round_button = QPushButton(self)
        self.new_round_button.setObjectName("new_round")
        self.progress = QLabel(self)
        self.progress.setObjectName("diagnosis_progress")
        # the round on the left, the interview and the progress on the right; on a narrow
        # window (a laptop at 150 %) the two are one under the other, not wider than the view
        self.interview = InterviewPicker(session, self)
        round_part, interview_part = QWidget(self), QWidget(self)
        left = QHBoxLayout(round_part)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.round_label)
        left.addWidget(self.rounds)
        left.addWidget(self.new_round_button)
        left.addStretch(1)
        right = QHBoxLayout(interview_part)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.interview)
        right.addStretch(1)
        right.addWidget(self.progress)
        bar_widget = QWidget(self)
        bar = QBoxLayout(QBoxLayout.Direction.LeftToRight, bar_widget)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(round_part)
        bar.addWidget(interview_part, 1)
        reflow(bar_widget, bar, BAR_SIDE_BY_SIDE)

        # navigator
        self.nav = QTreeWidget(self)
        self.nav.setObjectName("clause_nav")
        self.nav.setColumnCount(2)
        self.nav.setHeaderHidden(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav_header = self.nav.header()
        nav_header.setStretchLastSection(False)
        nav_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        nav_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)

        # clause page
        self.title = QLabel(self)
        self.title.setObjectName("clause_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.purpose = QLabel(self)
        self.purpose.setObjectName("clause_purpose")
        self.purpose.setWordWrap(True)
        self.clause_status = QLabel(self)
        self.clause_status.setObjectName("clause_status")
        self.clause_status.setWordWrap(True)  # a long line would widen the whole pane
        self.heard = QLabel(self)  # which interviews covered the clause, where they differ
        self.heard.setObjectName("clause_heard")
        self.heard.setWordWrap(True)
        self.model = ChecklistModel(session, self)
        self.checklist = ChecklistView(self.model, self)
        self.keys_hint = QLabel(self)
        self.keys_hint.setStyleSheet("color: palette(mid);")
        self.details = ClauseDetails(session, self)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.purpose)
        top_layout.addWidget(self.clause_status)
        top_layout.addWidget(self.heard)
        top_layout.addWidget(self.checklist, 1)
        top_layout.addWidget(self.keys_hint)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        # either pane scrolls when the window is small rather than cutting its texts
        self.right.addWidget(scrolling(top, self))
        self.right.addWidget(scrolling(self.details, self))
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.right.setChildrenCollapsible(False)

        self.split = QSplitter(self)
        self.split.addWidget(self.nav)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([250, 800])
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar_widget)
        layout.addWidget(self.split, 1)

        self.nav.currentItemChanged.connect(self._nav_changed)
        # Enter on a clause goes into its checklist
        self.nav.itemActivated.connect(lambda _item, _col: self.checklist.setFocus())
        self.rounds.activated.connect(self._round_chosen)
        self.new_round_button.clicked.connect(self.ask_new_round)
        self.checklist.status_keyed.connect(self._status_keyed)
        self.checklist.end_reached.connect(self._end_reached)
        session.rounds_changed.connect(self._fill_rounds)
        session.round_loaded.connect(self._round_loaded)
        session.scope_changed.connect(self._fill_nav)
        session.answer_changed.connect(self._answer_changed)
        session.clause_changed.connect(self._clause_changed)
        session.report_changed.connect(self._update_progress)
        session.interviews_changed.connect(self._update_heard)

        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_clause(s))
        checklist_key = QShortcut(QKeySequence("Alt+K"), self)
        checklist_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        checklist_key.activated.connect(self.checklist.setFocus)
        self.retranslate()

    def first_focus(self) -> QWidget:
        """Work on the diagnosis starts in the checklist (its status keys at once)."""
        return self.checklist

    # ------------------------------------------------------------ language
    def set_language(self, language: str) -> None:
        self._lang = language
        key = self.current_clause()
        self._fill_nav()
        if key:
            self.select_clause(key)

    # ------------------------------------------------------------ rounds
    def _fill_rounds(self) -> None:
        self.rounds.clear()
        for r in self.session.rounds:
            when = f" · {r.assessed_on.isoformat()}" if r.assessed_on else ""
            self.rounds.addItem(f"{r.number}. {r.name}{when}", r.uuid)
        self.rounds.setCurrentIndex(self.rounds.findData(self.session.round.uuid))

    def _round_chosen(self, index: int) -> None:
        self.details.flush()
        self.session.select_round(str(self.rounds.itemData(index)))

    def _round_loaded(self) -> None:
        self.rounds.setCurrentIndex(self.rounds.findData(self.session.round.uuid))
        self._fill_nav()
        if self._clause is not None:
            self.show_clause(self._clause.key)

    def ask_new_round(self) -> None:
        self.details.flush()
        default = FOLLOW_UP_NAME.get(self.session.language).replace(
            "%1", str(len(self.session.rounds))
        )
        name, ok = QInputDialog.getText(
            self,
            self.tr("New assessment round"),
            self.tr(
                "The new round starts as a copy of the latest one; change what has moved "
                "since.\n\nName of the round:"
            ),
            QLineEdit.EchoMode.Normal,
            default,
        )
        if ok and name.strip():
            self.start_round(name.strip())

    def start_round(self, name: str) -> None:
        text = self.tr("New round %1").replace("%1", name)
        self.session.new_round(name, date.today(), text)

    # ------------------------------------------------------------ navigator
    def _icon(self, state: str) -> QIcon:
        if state not in self._icons:
            self._icons[state] = dot_icon(PROGRESS_COLOURS[state], self.devicePixelRatioF())
        return self._icons[state]

    def _fill_nav(self) -> None:
        current = self.current_clause()
        if self.session.engagement != self._nav_engagement:
            # another engagement (or this one reopened): back where the consultant left it
            self._nav_engagement = self.session.engagement
            current = last_clause(self._nav_engagement)
        self.nav.blockSignals(True)
        self.nav.clear()
        lang = self._lang
        first: QTreeWidgetItem | None = None
        for area in self.session.guide.areas:
            clauses = [c for c in area.clauses() if self.session.in_scope(c.key)]
            if not clauses:
                continue
            a_item = QTreeWidgetItem([f"{area.key} {area.title.get(lang)}", ""])
            a_item.setData(0, KEY_ROLE, "")
            a_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.nav.addTopLevelItem(a_item)
            for clause in clauses:
                item = QTreeWidgetItem([clause.label(lang), ""])
                item.setData(0, KEY_ROLE, clause.key)
                item.setToolTip(0, clause.label(lang))
                a_item.addChild(item)
                self._update_item(item)
                self._mark_others(item)
                first = first or item
        self.nav.expandAll()
        self.nav.blockSignals(False)
        if current and self._item(current) is not None:
            self.select_clause(current)
        elif first is not None:
            self.nav.setCurrentItem(first)
        else:
            self.show_clause(None)

    def _clause_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.nav.topLevelItemCount()):
            top = self.nav.topLevelItem(i)
            if top is not None:
                items.extend(c for j in range(top.childCount()) if (c := top.child(j)))
        return items

    def _item(self, key: str) -> QTreeWidgetItem | None:
        return next((i for i in self._clause_items() if i.data(0, KEY_ROLE) == key), None)

    def _update_item(self, item: QTreeWidgetItem) -> None:
        score = self.session.report.by_key.get(str(item.data(0, KEY_ROLE)))
        if score is None:
            return
        item.setText(1, f"{score.answered}/{score.total}")
        item.setIcon(0, self._icon(progress_state(score)))

    def set_others(self, others: dict[str, list[str]]) -> None:
        """Mark the clauses other consultants are at now (bold, named in the tooltip)."""
        self._others = {key: sorted(logins) for key, logins in others.items()}
        for item in self._clause_items():
            self._mark_others(item)

    def _mark_others(self, item: QTreeWidgetItem) -> None:
        logins = self._others.get(str(item.data(0, KEY_ROLE)), [])
        font = item.font(0)
        font.setBold(bool(logins))
        item.setFont(0, font)
        item.setData(0, OTHERS_ROLE, logins)
        tip = item.text(0)
        if logins:
            tip += "\n" + self.tr("Also at this clause now: %1").replace("%1", ", ".join(logins))
        item.setToolTip(0, tip)

    def current_clause(self) -> str | None:
        return None if self._clause is None else self._clause.key

    def select_clause(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.nav.setCurrentItem(item)

    def reveal(self, kind: str, key: str, field: str = "") -> bool:
        """Go to a clause's ``field`` (findings, interviewees) or, for ``kind`` "answer", to
        the note of checkpoint ``key``, in the latest round (the one the documents show); for
        ``kind`` "round", to round ``key`` in the round list."""
        if kind == "round":
            index = self.rounds.findData(key)
            if index < 0:
                return False
            self.rounds.setCurrentIndex(index)
            focus(self.rounds)
            return True
        rounds = self.session.rounds
        if rounds and self.session.round.uuid != rounds[-1].uuid:
            self.rounds.setCurrentIndex(self.rounds.findData(rounds[-1].uuid))
        clause = key if kind == "clause" else self._clause_of(key)
        if clause is None or self._item(clause) is None:
            return False
        self.select_clause(clause)
        if kind == "answer":
            row = self.model.row_of(key)
            if row is None:
                return False
            self.checklist.go_to_row(row)
            self.checklist.setCurrentIndex(self.model.index(row, NOTE))
            focus(self.checklist)
            return True
        editor = {"findings": self.details.findings, "interviewees": self.details.interviewees}
        focus(editor.get(field, self.details.findings))
        return True

    def _clause_of(self, checkpoint: str) -> str | None:
        """The clause a checkpoint key belongs to ("7.3.3.e.2" → "7.3.3")."""
        for clause in self.session.guide.clauses():
            if checkpoint.startswith(clause.key + ".") and any(
                checkpoint == item.key or checkpoint.startswith(item.key + ".")
                for item in clause.items
            ):
                return clause.key
        return None

    def move_clause(self, step: int) -> None:
        items = self._clause_items()
        keys = [str(i.data(0, KEY_ROLE)) for i in items]
        current = self.current_clause()
        if not keys:
            return
        n = keys.index(current) + step if current in keys else 0
        if 0 <= n < len(keys):
            self.nav.setCurrentItem(items[n])
            self.checklist.setFocus()

    def _nav_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        key = str(item.data(0, KEY_ROLE))
        if not key:  # an area heading: go to its first clause
            child = item.child(0)
            if child is not None:
                self.nav.setCurrentItem(child)
            return
        self.show_clause(key)

    # ------------------------------------------------------------ clause page
    def show_clause(self, key: str | None) -> None:
        self.flush()  # before the clause changes: a cancelled conflict stays with its own
        clause = None if key is None else self.session.guide.clause(key)
        self._clause = clause
        lang = self._lang
        self.model.set_clause(clause, lang)
        if clause is None:
            self.title.setText(self.tr("No clause in scope"))
            self.purpose.setText(self.tr("Choose the clauses to assess in the Scope step."))
            self.details.setEnabled(False)
            self.clause_status.clear()
            self._update_heard()
            self.clause_shown.emit("")
            return
        self.details.setEnabled(True)
        if self.session.engagement:
            remember_clause(self.session.engagement, clause.key)
        self.title.setText(clause.label(lang))
        self.purpose.setText(clause.purpose.get(lang))
        self.checklist.reset_rows()
        self.details.show_clause(clause.key, flushed=True)
        # the save of the clause left may have reloaded the navigator (a colleague's change
        # heard while the conflict dialog was open): it shows the clause the page shows
        item = self._item(clause.key)
        if item is not None and self.nav.currentItem() is not item:
            self.nav.blockSignals(True)
            self.nav.setCurrentItem(item)
            self.nav.blockSignals(False)
        self._update_clause_status()
        self.clause_shown.emit(clause.key)

    def _update_heard(self) -> None:
        text = "" if self._clause is None else heard_line(self.session, self._clause)
        self.heard.setText(text)
        self.heard.setVisible(bool(text))

    def _update_clause_status(self) -> None:
        self._update_heard()
        if self._clause is None:
            return
        score = self.session.report.by_key.get(self._clause.key)
        if score is None:
            return
        parts = [
            self.tr("Answered %1 of %2")
            .replace("%1", str(score.answered))
            .replace("%2", str(score.total))
        ]
        if score.index is not None:
            parts.append(self.tr("coverage %1 %").replace("%1", index_text(score.index)))
            parts.append(self.tr("suggested level %1").replace("%1", level_label(score.suggested)))
        if score.gap is not None:
            parts.append(self.tr("gap %1").replace("%1", str(score.gap)))
            parts.append(self.tr("priority %1").replace("%1", f"{score.priority:g}"))
        self.clause_status.setText(" · ".join(parts))

    def _status_keyed(self, row: int, status: str) -> None:
        key = self.model.key(row)
        if self.session.answer(key).status != status:
            text = self.tr("Answer %1").replace("%1", key)
            self.session.set_answer(key, status=status, text=text)

    def _end_reached(self) -> None:
        self.progress.setText(
            self.tr("Last item of the clause — Ctrl+PgDown goes to the next clause.")
        )

    def _answer_changed(self, key: str) -> None:
        owner = self._owner(key)
        if owner is not None and owner != self.current_clause():
            self.select_clause(owner)  # an undo elsewhere: show where it happened
        self.model.refresh_key(key)
        item = self._item(owner or "")
        if item is not None:
            self._update_item(item)
        self._update_clause_status()

    def _owner(self, key: str) -> str | None:
        for clause in self.session.guide.clauses():
            if key.startswith(clause.key + "."):
                rest = key[len(clause.key) + 1 :]
                if rest and rest[0].isalpha():
                    return clause.key
        return None

    def _clause_changed(self, clause_key: str) -> None:
        if clause_key != self.current_clause():
            self.select_clause(clause_key)
        self.details.reload()
        self._update_clause_status()

    def _update_progress(self) -> None:
        report = self.session.report
        percent = 100 * report.completion
        self.progress.setText(
            self.tr("Answered %1 of %2 (%3 %)")
            .replace("%1", str(report.answered))
            .replace("%2", str(report.total))
            .replace("%3", f"{percent:.0f}")
        )

    def flush(self) -> None:
        """Save what is being typed: a checklist note, the clause's findings and people."""
        commit_open_editor(self.checklist)
        self.details.flush()

    def retranslate(self) -> None:
        self.round_label.setText(self.tr("&Round:"))
        self.new_round_button.setText(self.tr("&New round…"))
        self.model.headers = ["", self.tr("Item"), self.tr("Status"), self.tr("Note")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        # one short line (a wrapped hint was cut in a low pane); every key is in its tooltip
        # and under Help > Keyboard shortcuts (F1)
        self.keys_hint.setText(self.tr("Keys: 1–4 status · 0 clear · Enter note · F1 all keys"))
        self.keys_hint.setToolTip(
            self.tr(
                "Keys: 1 met · 2 partly met · 3 not met · 4 not applicable · 0 clear · "
                "Enter note · Ctrl+PgDown / Ctrl+PgUp next / previous clause · Alt+K checklist"
            )
        )
        self._update_progress()
        self._update_clause_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
