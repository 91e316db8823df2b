"""The Leadership step (guide 6.1): the governance organisation's key people (6.1.6 c), the
leader competency checklist (6.1.1) and the awareness actions for managers (6.1.3) and
employees (6.1.4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.diagnosis.scale import STATUSES, UNANSWERED
from dtbench.guide import load_guide
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Action, GovernanceMember
from dtbench.ui.diagnosis.checklist import ChecklistModel
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.rating_table import RatingTable
from dtbench.ui.kit.scale_labels import STATUS_COLOURS, status_label, ui_language
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

KEY_ROLE = Qt.ItemDataRole.UserRole
# The statuses a competency can have: the diagnosis statuses without "not applicable".
COMPETENCY_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s != "na")
STATUS_KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_1: "met",
    Qt.Key.Key_2: "partly",
    Qt.Key.Key_3: "not_met",
    Qt.Key.Key_0: UNANSWERED,
    Qt.Key.Key_Delete: UNANSWERED,
    Qt.Key.Key_Backspace: UNANSWERED,
}
GOVERNANCE_ITEM = "6.1.6.c"
# Where the guide suggests ways to raise awareness: (audience, items whose sub-items — or,
# without sub-items, the item itself — are the suggestions).
IDEA_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("managers", ("6.1.3.c",)),
    ("employees", ("6.1.4.a", "6.1.4.b", "6.1.4.c")),
)


def _options(options: tuple[cat.Option, ...]) -> Callable[[], list[tuple[str, str]]]:
    return lambda: option_pairs(options)


def _joined(parts: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(parts)


def trim_title(text: str) -> str:
    """A guide sentence as an action title: without its trailing punctuation."""
    trimmed = text.strip().rstrip("；;。，,：: ")
    if trimmed.endswith(".") and not trimmed.endswith("etc."):
        trimmed = trimmed.rstrip(".")
    return trimmed


def guide_ideas(lang: str) -> list[tuple[str, str, str]]:
    """The guide's suggested ways to raise awareness: (audience, guide key, text)."""
    guide = load_guide()
    out: list[tuple[str, str, str]] = []
    for audience, keys in IDEA_SOURCES:
        for key in keys:
            clause = guide.clause(key.rsplit(".", 1)[0])
            item = next(i for i in clause.items if i.key == key)
            if item.subitems:
                out.extend((audience, sub.key, sub.text.get(lang)) for sub in item.subitems)
            else:
                out.append((audience, item.key, item.text.get(lang)))
    return out


def reference(key: str) -> str:
    """6.1.3.c.2 → "6.1.3 c) 2)"; 6.1.4.a → "6.1.4 a)"."""
    parts = key.split(".")
    clause = ".".join(parts[:3])
    rest = "".join(f" {p})" for p in parts[3:])
    return clause + rest


class _Editor(RecordEditor):
    """A RecordEditor whose widest text column stretches (the others fit their contents),
    and whose Add puts the cursor into a chosen field."""

    def __init__(
        self,
        session: PlanSession,
        kind: str,
        fields: list[Field],
        make_new: Callable[[], Any],
        title_of: Callable[[Any], str],
        stretch: str,
        focus: str,
        validate_field: Callable[[str, str, Any], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.stretch = stretch
        self.focus_field = focus
        super().__init__(
            session, kind, fields, make_new, title_of, parent, validate_field=validate_field
        )

    def refresh(self) -> None:
        super().refresh()
        columns = [f for f in self.fields if f.column]
        header = self.table.horizontalHeader()
        for col, field in enumerate(columns):
            header.setSectionResizeMode(
                col,
                QHeaderView.ResizeMode.Stretch
                if field.name == self.stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
            for row in range(self.table.rowCount()):
                cell = self.table.item(row, col)
                if cell is not None:
                    cell.setToolTip(cell.text())

    def add(self) -> None:
        super().add()
        if self.uuid:
            self.editors[self.focus_field].setFocus()


class CompetencyModel(ChecklistModel):
    """The 6.1.1 lines with their ratings: the diagnosis's answers of the round it shows
    (an item is rated in one place only, a note a cancelled conflict left unsaved shown in
    both); a note typed in the table goes to ``save``."""

    def __init__(
        self, diagnosis: DiagnosisSession, save: Callable[[str, str], None], parent: QWidget
    ) -> None:
        super().__init__(diagnosis, parent)
        self.diagnosis = diagnosis
        self.save = save

    def save_note(self, key: str, note: str) -> None:
        self.save(key, note)


class CompetencyTable(RatingTable):
    """The 6.1.1 checklist: keys 1/2/3/0 set the current line's status and move on; Space
    (or a click on a status) opens the list of statuses; Enter edits the note."""

    def __init__(self, model: CompetencyModel, parent: QWidget | None = None) -> None:
        super().__init__(model, STATUS_KEYS, 40, parent)
        self.setObjectName("competencies")


class IdeasDialog(QDialog):
    """The guide's suggested ways (6.1.3 c, 6.1.4 a–c) to check and add as actions."""

    def __init__(self, existing: set[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ideas_dialog")
        lang = ui_language()
        self.setWindowTitle(self.tr("Ideas from the guide"))
        self.intro = QLabel(
            self.tr(
                "Check the ways the guide suggests that you want to plan as awareness "
                "actions. Space checks the current line."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.list_label = QLabel(self.tr("&Suggested ways:"), self)
        self.list = QListWidget(self)
        self.list.setObjectName("ideas")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_label.setBuddy(self.list)
        bold = QFont(self.font())
        bold.setBold(True)
        headings = {
            "managers": self.tr("Managers (guide 6.1.3 c)"),
            "employees": self.tr("Employees (guide 6.1.4 a–c)"),
        }
        current = ""
        for audience, key, text in guide_ideas(lang):
            if audience != current:
                current = audience
                head = QListWidgetItem(headings[audience])
                head.setFont(bold)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.list.addItem(head)
            title = trim_title(text)
            entry = QListWidgetItem(f"{reference(key)}  {title}")
            entry.setData(KEY_ROLE, (audience, title))
            entry.setToolTip(text)
            if (audience, title) in existing:
                entry.setFlags(Qt.ItemFlag.ItemIsSelectable)  # shown, not enabled
                entry.setText(
                    self.tr("%1 (already planned)").replace("%1", f"{reference(key)}  {title}")
                )
            else:
                entry.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                entry.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add checked"))
        ok.setObjectName("ideas_ok")
        ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _i: ok.setEnabled(bool(self.checked())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 700, 440)
        for row in range(self.list.count()):
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.list.setCurrentRow(row)
                break

    def checked(self) -> list[tuple[str, str]]:
        """(audience, title) of every checked suggestion, in the guide's order."""
        out: list[tuple[str, str]] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if (
                item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                and item.checkState() == Qt.CheckState.Checked
            ):
                audience, title = item.data(KEY_ROLE)
                out.append((str(audience), str(title)))
        return out


class LeadershipPage(QWidget):
    def __init__(
        self, session: PlanSession, diagnosis: DiagnosisSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.diagnosis = diagnosis
        self.ideas_dialog: IdeasDialog | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("leadership_tabs")

        # ---------------------------------------------------------- governance (6.1.6 c)
        governance = QWidget(self)
        self.governance_intro = QLabel(governance)
        self.governance_intro.setWordWrap(True)
        self.governance_intro.setStyleSheet("color: palette(mid);")
        self.unfilled = QLabel(governance)
        self.unfilled.setObjectName("unfilled_roles")
        self.unfilled.setWordWrap(True)
        self.governance = _Editor(
            session,
            "governance",
            self._governance_fields(),
            self._new_member,
            self._member_title,
            stretch="position",
            focus="name",
            validate_field=self._check_member,
            parent=governance,
        )
        gl = QVBoxLayout(governance)
        gl.addWidget(self.governance_intro)
        gl.addWidget(self.unfilled)
        gl.addWidget(self.governance, 1)

        # ---------------------------------------------------------- competencies (6.1.1)
        competencies = QWidget(self)
        self.competency_intro = QLabel(competencies)
        self.competency_intro.setWordWrap(True)
        self.competency_intro.setStyleSheet("color: palette(mid);")
        self.competency_label = QLabel(competencies)
        self.competency_summary = QLabel(competencies)
        self.competency_summary.setObjectName("competency_summary")
        self.competency_hint = QLabel(competencies)
        self.competency_hint.setWordWrap(True)
        self.competency_hint.setStyleSheet("color: palette(mid);")
        self.model = CompetencyModel(diagnosis, self._note_changed, self)
        self.table = CompetencyTable(self.model, competencies)
        self.competency_label.setBuddy(self.table)
        self.delegate = self.table.offer_statuses(self._status_options, "competency_status")
        self.delegate.chosen.connect(self._status_chosen)
        self.table.status_keyed.connect(self._status_chosen)
        cl = QVBoxLayout(competencies)
        cl.addWidget(self.competency_intro)
        cl.addWidget(self.competency_label)
        cl.addWidget(self.table, 1)
        cl.addWidget(self.competency_summary)
        cl.addWidget(self.competency_hint)

        # ---------------------------------------------------------- actions (6.1.3, 6.1.4)
        actions = QWidget(self)
        self.action_intro = QLabel(actions)
        self.action_intro.setWordWrap(True)
        self.action_intro.setStyleSheet("color: palette(mid);")
        self.action_summary = QLabel(actions)
        self.action_summary.setObjectName("action_summary")
        self.action_editor = _Editor(
            session,
            "action",
            self._action_fields(),
            self._new_action,
            self._action_title,
            stretch="title",
            focus="title",
            validate_field=self._check_action,
            parent=actions,
        )
        self.ideas_button = QPushButton(actions)
        self.ideas_button.setObjectName("ideas_button")
        self.ideas_button.clicked.connect(self.open_ideas)
        self.action_editor.extra_bar.addWidget(self.ideas_button)
        QWidget.setTabOrder(self.action_editor.down_button, self.ideas_button)
        QWidget.setTabOrder(self.ideas_button, self.action_editor.table)
        al = QVBoxLayout(actions)
        al.addWidget(self.action_intro)
        al.addWidget(self.action_summary)
        al.addWidget(self.action_editor, 1)

        self.tabs.addTab(governance, "")
        self.tabs.addTab(competencies, "")
        self.tabs.addTab(actions, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        diagnosis.answer_changed.connect(self._answer_changed)
        diagnosis.round_loaded.connect(self._show_ratings)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    # ------------------------------------------------------------ fields and records
    def _governance_fields(self) -> list[Field]:
        return [
            Field(
                "role", self.tr("Key role"), "choice", _options(cat.GOVERNANCE_ROLES), column=True
            ),
            Field("name", self.tr("Name"), "text", column=True),
            Field("position", self.tr("Position"), "text", column=True),
            Field("responsibilities", self.tr("Responsibilities"), "longtext"),
        ]

    def _governance_labels(self) -> dict[str, str]:
        return {
            "role": self.tr("&Key role:"),
            "name": self.tr("&Name:"),
            "position": self.tr("&Position:"),
            "responsibilities": self.tr("Responsi&bilities:"),
        }

    def _action_fields(self) -> list[Field]:
        return [
            Field("audience", self.tr("Audience"), "choice", _options(cat.AUDIENCES), column=True),
            Field("title", self.tr("Title"), "text", column=True),
            Field("owner", self.tr("Owner"), "text", column=True),
            Field("due", self.tr("Due"), "date", column=True),
            Field(
                "status", self.tr("Status"), "choice", _options(cat.ACTION_STATUSES), column=True
            ),
            Field("note", self.tr("Note"), "longtext"),
        ]

    def _action_labels(self) -> dict[str, str]:
        return {
            "audience": self.tr("A&udience:"),
            "title": self.tr("&Title:"),
            "owner": self.tr("O&wner:"),
            "due": self.tr("&Due:"),
            "status": self.tr("&Status:"),
            "note": self.tr("&Note:"),
        }

    def _members(self) -> list[GovernanceMember]:
        return [i.record for i in self.session.items("governance")]

    def unfilled_roles(self) -> list[str]:
        """Codes of the 6.1.6 c roles nobody is named for yet."""
        named = {m.role for m in self._members() if m.name.strip()}
        return [o.code for o in cat.GOVERNANCE_ROLES if o.code not in named]

    def _new_member(self) -> GovernanceMember:
        taken = {m.role for m in self._members()}
        free = [o.code for o in cat.GOVERNANCE_ROLES if o.code not in taken]
        return GovernanceMember(role=free[0] if free else "business_owner", name="")

    def _member_title(self, record: GovernanceMember) -> str:
        return record.name or cat.label(cat.GOVERNANCE_ROLES, record.role, ui_language())

    def _check_member(self, _uuid: str, name: str, value: Any) -> str | None:
        if name == "role" and not value:
            return self.tr("Every member of the governance organisation needs a role.")
        return None

    def _new_action(self) -> Action:
        current = self.action_editor.current_item()
        audience = current.record.audience if current is not None else "managers"
        return Action(audience=audience, title="")

    def _action_title(self, record: Action) -> str:
        return record.title or cat.label(cat.AUDIENCES, record.audience, ui_language())

    def _check_action(self, _uuid: str, name: str, value: Any) -> str | None:
        if name == "audience" and not value:
            return self.tr("Choose whom the action addresses.")
        if name == "status" and not value:
            return self.tr("Choose the status of the action.")
        return None

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        """Reload everything from the session."""
        self.governance.refresh()
        self.action_editor.refresh()
        self._show_ratings()
        self._show_unfilled()
        self._show_action_summary()

    def _answer_changed(self, key: str) -> None:
        if key.startswith(f"{cat.LEADERSHIP_CLAUSE}."):
            self._show_ratings()

    def _items_changed(self, kind: str) -> None:
        if kind == "governance":
            self._show_unfilled()
        elif kind == "action":
            self._show_action_summary()

    def _show_unfilled(self) -> None:
        lang = ui_language()
        missing = self.unfilled_roles()
        if missing:
            names = [cat.label(cat.GOVERNANCE_ROLES, code, lang) for code in missing]
            self.unfilled.setText(self.tr("Still to name: %1").replace("%1", _joined(names, lang)))
            self.unfilled.setStyleSheet(f"color: {STATUS_COLOURS['partly'].name()};")
        else:
            self.unfilled.setText(self.tr("All key roles of 6.1.6 c are named."))
            self.unfilled.setStyleSheet(f"color: {STATUS_COLOURS['met'].name()};")

    def _show_action_summary(self) -> None:
        lang = ui_language()
        records: list[Action] = [i.record for i in self.session.items("action")]
        parts = []
        for option in cat.AUDIENCES:
            mine = [r for r in records if r.audience == option.code]
            done = sum(1 for r in mine if r.status == "done")
            parts.append(
                self.tr("%1: %2 actions, %3 done")
                .replace("%1", option.label.get(lang))
                .replace("%2", str(len(mine)))
                .replace("%3", str(done))
            )
        self.action_summary.setText("   ·   ".join(parts))

    def _build_rows(self) -> None:
        """The 6.1.1 items and sub-items in the UI language (after a language change)."""
        current = self.table.current_row()
        self.model.set_clause(load_guide().clause(cat.LEADERSHIP_CLAUSE), ui_language())
        self.table.reset_rows(current)  # the same line as before
        self._show_competency_summary()

    def key_of(self, row: int) -> str:
        return self.model.key(row) if 0 <= row < self.model.rowCount() else ""

    def _show_ratings(self) -> None:
        self.model.refresh_all()
        self._show_competency_summary()

    def _show_competency_summary(self) -> None:
        keys = [self.model.key(row) for row in range(self.model.rowCount())]
        statuses = [s for s in (self.diagnosis.answer(k).status for k in keys) if s]
        total = self.model.rowCount()
        self.competency_summary.setText(
            self.tr("Rated %1 of %2: %3 met, %4 partly met, %5 not met")
            .replace("%1", str(len(statuses)))
            .replace("%2", str(total))
            .replace("%3", str(statuses.count("met")))
            .replace("%4", str(statuses.count("partly")))
            .replace("%5", str(statuses.count("not_met")))
        )

    def _status_options(self) -> list[tuple[str, str]]:
        return [(UNANSWERED, self.tr("Not assessed"))] + [
            (code, status_label(code)) for code in COMPETENCY_STATUSES
        ]

    # ------------------------------------------------------------ editing
    def _set_rating(self, key: str, text: str, **changes: str) -> None:
        """Rate a 6.1.1 line: the diagnosis's answer, in the round the diagnosis shows."""
        self.diagnosis.set_answer(key, text=text, **changes)

    def _status_chosen(self, row: int, status: str) -> None:
        key = self.key_of(row)
        if not key:
            return
        shown = status_label(status) if status else self.tr("Not assessed")
        text = self.tr("Competency %1: %2").replace("%1", reference(key)).replace("%2", shown)
        self._set_rating(key, text, status=status)

    def _note_changed(self, key: str, note: str) -> None:
        text = self.tr("Note on competency %1").replace("%1", reference(key))
        self._set_rating(key, text, note=note)

    def open_ideas(self) -> None:
        """Show the guide's suggestions; the checked ones become actions in one undo step."""
        self.flush()
        existing = {(a.audience, a.title) for a in (i.record for i in self.session.items("action"))}
        dialog = IdeasDialog(existing, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_ideas(dialog.checked()))
        dialog.destroyed.connect(lambda: setattr(self, "ideas_dialog", None))
        self.ideas_dialog = dialog
        dialog.open()

    def _add_ideas(self, chosen: list[tuple[str, str]]) -> None:
        records = [Action(audience=audience, title=title) for audience, title in chosen]
        if records:
            text = self.tr("Add %1 actions from the guide").replace("%1", str(len(records)))
            self.session.add_many(records, text)

    def flush(self) -> None:
        """Save typing still waiting (forms and an open note), and a competency's note a
        cancelled conflict left unsaved (asked about again)."""
        self.governance.flush()
        self.action_editor.flush()
        self.table.flush()

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        lang = ui_language()
        guide = load_guide()
        self.tabs.setTabText(0, self.tr("&Governance organisation"))
        self.tabs.setTabText(1, self.tr("Leader c&ompetencies"))
        self.tabs.setTabText(2, self.tr("Awareness a&ctions"))

        item = next(i for i in guide.clause("6.1.6").items if i.key == GOVERNANCE_ITEM)
        space = "" if lang == "zh" else " "
        said = space.join([item.text.get(lang), *(s.text.get(lang) for s in item.subitems)])
        self.governance_intro.setText(self.tr("Guide 6.1.6 c): %1").replace("%1", said))
        self.governance.relabel(self._governance_fields())
        for name, text in self._governance_labels().items():
            self.governance.labels[name].setText(text)

        clause = guide.clause(cat.LEADERSHIP_CLAUSE)
        self.competency_intro.setText(
            self.tr("Guide 6.1.1: %1").replace("%1", clause.purpose.get(lang))
        )
        self.competency_label.setText(self.tr("Leader competency chec&klist (6.1.1):"))
        self.competency_hint.setText(
            self.tr(
                "These are the diagnosis's answers to 6.1.1: a rating given here shows in the "
                "Diagnosis step and the other way round. Keys: 1 met, 2 partly met, 3 not met, "
                "0 not assessed (each moves to the next line). Space or a click on a status "
                "opens the list of statuses. Enter edits the note."
            )
        )
        self.model.set_headers(
            [
                self.tr("Ref."),
                self.tr("Competency or requirement"),
                self.tr("Status"),
                self.tr("Note"),
            ]
        )
        self._build_rows()

        self.action_intro.setText(
            self.tr(
                "Awareness actions for managers (6.1.3) and employees (6.1.4): what will be "
                "done, who is responsible and by when."
            )
        )
        self.ideas_button.setText(self.tr("&Ideas from the guide…"))
        self.action_editor.relabel(self._action_fields())
        for name, text in self._action_labels().items():
            self.action_editor.labels[name].setText(text)
        self._show_unfilled()
        self._show_action_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
