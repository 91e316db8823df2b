"""Templates in the GUI: save an engagement as a template, the template library (preview,
rename, delete, import, export) and a new engagement from a template.

Entry points for the main window's menus: ``save_as_template``, ``open_template_library``
and ``new_from_template``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.engagement.records import LANGUAGES
from dtbench.errors import UserError
from dtbench.lazy import lazy_module
from dtbench.ui.kit.changes import ENGAGEMENTS, TEMPLATES, Changes
from dtbench.ui.kit.date_field import DateField
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.labels import language_label
from dtbench.ui.kit.tasks import TaskContext, run_task, show_failure
from dtbench.ui.kit.window_fit import resize_within_screen

if TYPE_CHECKING:
    from dtbench.store.database import Store
    from dtbench.templates import library
    from dtbench.templates.library import Template
    from dtbench.ui.kit.shell import Shell
else:
    library = lazy_module("dtbench.templates.library")

PATH_ROLE = Qt.ItemDataRole.UserRole


def part_label(part: str) -> str:
    """The name of a template part in the UI language."""
    return {
        "scope": QCoreApplication.translate("Templates", "Scope and weights"),
        "targets": QCoreApplication.translate("Templates", "Target levels"),
        "phases": QCoreApplication.translate("Templates", "Roadmap phases"),
        "initiatives": QCoreApplication.translate("Templates", "Initiatives"),
        "kpis": QCoreApplication.translate("Templates", "KPIs"),
        "strategy": QCoreApplication.translate("Templates", "Strategy (vision and choices)"),
        "governance": QCoreApplication.translate(
            "Templates", "Governance roles and positions (without names)"
        ),
        "actions": QCoreApplication.translate("Templates", "Awareness actions"),
        "change_steps": QCoreApplication.translate("Templates", "Change steps"),
        "resistance": QCoreApplication.translate("Templates", "Resistance register"),
        "organization": QCoreApplication.translate("Templates", "Organization design (targets)"),
        "culture": QCoreApplication.translate("Templates", "Culture targets and trait targets"),
        "notes": QCoreApplication.translate("Templates", "Engagement notes"),
    }.get(part, part)


# ---------------------------------------------------------------- save as template
class SaveTemplateDialog(QDialog):
    """Name the template and choose what carries over from the engagement."""

    def __init__(
        self, store: Store, engagement: str, default_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._engagement = engagement
        self.saved_path: Path | None = None
        self.name_edit = QLineEdit(default_name, self)
        self.name_edit.setObjectName("name")
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        counts = self._counts()
        self.checks: dict[str, QCheckBox] = {}
        for part in library.PARTS:
            box = QCheckBox(self)
            box.setObjectName(f"part_{part}")
            box.setChecked(part in library.DEFAULT_PARTS)
            box.toggled.connect(self._update_ok)
            self.checks[part] = box
        self._counts_by_part = counts
        self.diagnosis_group = QGroupBox(self)
        self.plan_group = QGroupBox(self)
        self.org_group = QGroupBox(self)
        self.org_all = QCheckBox(self)
        self.org_all.setObjectName("org_all")
        self.org_all.setTristate(False)
        self.org_all.clicked.connect(self._set_org)
        for group, parts in (
            (self.diagnosis_group, ("scope", "targets")),
            (self.plan_group, ("phases", "initiatives", "kpis", "strategy", "notes")),
            (self.org_group, library.ORG_CULTURE_PARTS),
        ):
            box_layout = QVBoxLayout(group)
            if group is self.org_group:
                box_layout.addWidget(self.org_all)
            for part in parts:
                box_layout.addWidget(self.checks[part])
            box_layout.addStretch(1)
        for part in library.ORG_CULTURE_PARTS:
            self.checks[part].toggled.connect(self._sync_org)
        self.never = QLabel(self)
        self.never.setWordWrap(True)
        # On a firm's server the template may go to the firm's library, for everyone.
        self.firm = QCheckBox(self)
        self.firm.setObjectName("firm_library")
        self.firm.setVisible(store.path is None)  # offered, not chosen for the consultant
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        self.description_label = QLabel(self)
        self.description_label.setBuddy(self.description)
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.description_label, self.description)
        grid = QGridLayout()
        grid.addWidget(self.diagnosis_group, 0, 0)
        grid.addWidget(self.plan_group, 1, 0)
        grid.addWidget(self.org_group, 0, 1, 2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(grid)
        layout.addWidget(self.never)
        layout.addWidget(self.firm)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self.retranslate()
        self._sync_org()
        self._update_ok()
        resize_within_screen(self, 720, self.sizeHint().height())

    def _counts(self) -> dict[str, int]:
        from dtbench.diagnosis import service as dx
        from dtbench.plan import service as plan

        counts: dict[str, int] = {part: 0 for part in library.LIST_PARTS}
        for item in plan.list_items(self._store, self._engagement):
            for part, kind in library.LIST_PARTS.items():
                if item.kind == kind:
                    counts[part] += 1
        counts["scope"] = len(dx.get_scope(self._store, self._engagement))
        rounds = dx.list_rounds(self._store, self._engagement)
        if rounds:
            clauses = dx.load_round(self._store, rounds[-1].uuid).clauses
            counts["targets"] = sum(c.target is not None for c in clauses.values())
        else:
            counts["targets"] = 0
        return counts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Save as template"))
        self.name_label.setText(self.tr("&Name:"))
        self.description_label.setText(self.tr("&Description:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Machining SMEs (MES first)"))
        self.diagnosis_group.setTitle(self.tr("Diagnosis"))
        self.plan_group.setTitle(self.tr("Plan"))
        self.org_group.setTitle(self.tr("Organization and culture"))
        self.org_all.setText(self.tr("&All organization and culture items"))
        for part, box in self.checks.items():
            count = self._counts_by_part.get(part)
            label = part_label(part)
            box.setText(f"{label} ({count})" if count is not None else label)
        self.never.setText(
            self.tr(
                "Never carried over: the client's name and contacts, answers, findings, "
                "current levels and KPI baselines. People's names are removed, owners cleared "
                "and statuses reset; dates become offsets from the start of the plan."
            )
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save template"))
        self.firm.setText(self.tr("Save to the &firm library (every consultant can use it)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_org(self, checked: bool) -> None:
        for part in library.ORG_CULTURE_PARTS:
            self.checks[part].setChecked(checked)

    def _sync_org(self) -> None:
        states = [self.checks[p].isChecked() for p in library.ORG_CULTURE_PARTS]
        self.org_all.blockSignals(True)
        self.org_all.setChecked(all(states))
        self.org_all.blockSignals(False)

    def parts(self) -> set[str]:
        return {part for part, box in self.checks.items() if box.isChecked()}

    def _update_ok(self) -> None:
        ok = bool(self.name_edit.text().strip()) and bool(self.parts())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def save(self) -> None:
        name = self.name_edit.text().strip()
        description = self.description.toPlainText().strip()
        save = library.save_template
        if self.firm.isChecked():

            def save(*args: Any, **kwargs: Any) -> Path:
                return library.save_firm_template(*args, **kwargs).path

        try:
            try:
                path = save(self._store, self._engagement, name, self.parts(), description)
            except library.TemplateExistsError:
                if not self._confirm_replace(name):
                    return
                path = save(
                    self._store, self._engagement, name, self.parts(), description, replace=True
                )
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe(exc))
            return
        self.saved_path = path
        self.accept()

    def _confirm_replace(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace template"),
            self.tr("A template called “%1” already exists. Replace it?").replace("%1", name),
        )
        return answer == QMessageBox.StandardButton.Yes


def save_as_template(shell: Shell) -> Path | None:
    """File ▸ Save as template…: the open (or selected) engagement; returns the file."""
    uuid = shell.current_engagement()
    store = shell.store
    if uuid is None or store is None:
        shell.show_error(
            QCoreApplication.translate(
                "Templates", "Open or select an engagement to save as a template."
            )
        )
        return None
    from dtbench.engagement import service as engagements

    profile = engagements.get_profile(store, uuid)
    dialog = SaveTemplateDialog(store, uuid, profile.industry, shell.window())
    dialog.exec()
    if dialog.saved_path is not None:
        shell.changes.publish(Changes.of(None, TEMPLATES))
        shell.status(
            QCoreApplication.translate("Templates", "Template saved: %1").replace(
                "%1", dialog.saved_path.name
            )
        )
    return dialog.saved_path


# ---------------------------------------------------------------- new engagement from a template
class NewFromTemplateDialog(QDialog):
    """Choose a template and give the new client's name and the engagement's title."""

    def __init__(
        self,
        templates: list[Template],
        language: str,
        current: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._templates = templates
        self._language = language
        self.template = QComboBox(self)
        self.template.setObjectName("template")
        for n, t in enumerate(templates):
            self.template.addItem(t.title(language), str(t.path))
            if current is not None and t.path == current:
                self.template.setCurrentIndex(n)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setObjectName("about")
        self.client = QLineEdit(self)
        self.client.setObjectName("client")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(LANGUAGES.index(language) if language in LANGUAGES else 0)
        self.start = DateField(self, optional=False)
        self.start.setObjectName("start")
        self.start.set_date_value(library.next_month_start())
        self.start.textChanged.connect(lambda _t: self._update_ok())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel(self) for _ in range(5)]
        self.form = QFormLayout()
        for label, field in zip(
            self.labels,
            (self.template, self.client, self.title_edit, self.language, self.start),
            strict=True,
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.about.setMinimumHeight(self.about.fontMetrics().lineSpacing() * 5)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.form.insertRow(1, self.about)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.client.textChanged.connect(self._update_ok)
        self.template.currentIndexChanged.connect(self._show_about)
        self.language.currentIndexChanged.connect(self._show_about)
        self.retranslate()
        self._show_about()
        self._update_ok()
        resize_within_screen(self, 560, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New engagement from template"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Template:"),
                self.tr("&Client name:"),
                self.tr("T&itle:"),
                self.tr("Deliverable &language:"),
                self.tr("Plan &starts on:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.client.setPlaceholderText(self.tr("e.g. 大连某装备制造有限公司"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&reate"))
        self._show_about()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen(self) -> Template | None:
        index = self.template.currentIndex()
        return self._templates[index] if 0 <= index < len(self._templates) else None

    def _show_about(self) -> None:
        chosen = self.chosen()
        lang = str(self.language.currentData() or self._language)
        self.about.setText(chosen.description.get(self._language) if chosen else "")
        self.title_edit.setPlaceholderText(library.DEFAULT_TITLE.get(lang))

    def _update_ok(self) -> None:
        ok = (
            bool(self.client.text().strip())
            and self.chosen() is not None
            and not self.start.problem()
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def plan_start(self) -> date:
        value = self.start.date_value()
        assert value is not None  # OK waits for a right date
        return value

    def creation(self, store: Store) -> Callable[[TaskContext], str]:
        """The work of creating the engagement as chosen (run off the GUI thread)."""
        chosen = self.chosen()
        assert chosen is not None
        client, title = self.client.text(), self.title_edit.text()
        language, start = str(self.language.currentData()), self.plan_start()
        return lambda _context: library.create_from_template(
            store, chosen, client, title, language, plan_start=start
        )


def _create_and_open(
    shell: Shell,
    templates: list[Template],
    current: Path | None,
    parent: QWidget,
    done: Callable[[str | None], None],
) -> None:
    """Ask for the new engagement's details, create it off the GUI thread and open it;
    ``done(uuid)`` follows (None when cancelled). A refusal shows the dialog again."""
    dialog = NewFromTemplateDialog(templates, shell.ui_language(), current, parent)

    def ask() -> None:
        store = shell.store
        if store is None or dialog.exec() != QDialog.DialogCode.Accepted:
            done(None)
            return
        run_task(
            dialog.creation(store),
            owner=parent,
            on_success=created,
            on_failure=failed,
            label=QCoreApplication.translate("Templates", "Creating the engagement…"),
            modal=True,
        )

    def failed(error: BaseException) -> None:
        if not isinstance(error, UserError):
            show_failure(parent, error)
            done(None)
            return
        QMessageBox.warning(parent, dialog.windowTitle(), describe(error))
        ask()

    def created(uuid: str) -> None:
        shell.changes.publish(Changes.of(uuid, ENGAGEMENTS))
        shell.open_engagement(uuid)
        shell.status(
            QCoreApplication.translate("Templates", "Engagement created from the template.")
        )
        done(uuid)

    ask()


def new_from_template(
    shell: Shell, done: Callable[[str | None], None] = lambda _uuid: None
) -> None:
    """File ▸ New engagement from template…: ``done(uuid)`` follows with the new
    engagement's id (None when cancelled)."""
    problems: list[library.TemplateError] = []
    templates = library.list_templates(problems, shell.store)
    if not templates:
        shell.show_error(
            QCoreApplication.translate("Templates", "There are no templates to start from.")
        )
        done(None)
        return
    _create_and_open(shell, templates, None, shell.window(), done)


# ---------------------------------------------------------------- the library
class TemplateLibraryDialog(QDialog):
    """Built-in and saved templates: preview, rename, delete, import, export, and start a new
    engagement from one."""

    def __init__(self, shell: Shell | None, language: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._language = language
        self.created: str | None = None
        self.templates: list[Template] = []
        self.view = QTreeWidget(self)
        self.view.setObjectName("templates")
        self.view.setRootIsDecorated(False)
        self.view.setColumnCount(3)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAllColumnsShowFocus(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("preview")
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new")
        self.rename_button = QPushButton(self)
        self.rename_button.setObjectName("rename")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("delete")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (
            self.new_button,
            self.rename_button,
            self.delete_button,
            self.import_button,
            self.export_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addLayout(row)
        self.new_button.clicked.connect(self.new_engagement)
        self.rename_button.clicked.connect(lambda: self.rename())
        self.delete_button.clicked.connect(lambda: self.delete())
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export())
        self.view.currentItemChanged.connect(self._selected)
        self.view.itemActivated.connect(lambda *_: self.new_engagement())
        resize_within_screen(self, 940, 560)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------ content
    def refresh(self, select: Path | None = None) -> None:
        problems: list[library.TemplateError] = []
        current = self.current()
        select = select or (current.path if current else None)
        store = self._shell.store if self._shell is not None else None
        self.templates = library.list_templates(problems, store)
        self.view.clear()
        chosen: QTreeWidgetItem | None = None
        for t in self.templates:
            item = QTreeWidgetItem(
                [
                    t.title(self._language),
                    self.tr("Built-in")
                    if t.builtin
                    else self.tr("The firm's")
                    if t.firm
                    else self.tr("Mine"),
                    t.industry.get(self._language),
                ]
            )
            item.setData(0, PATH_ROLE, str(t.path))
            item.setToolTip(0, t.description.get(self._language))
            self.view.addTopLevelItem(item)
            if select is not None and t.path == select:
                chosen = item
        for column in range(3):
            self.view.resizeColumnToContents(column)
        if chosen is None and self.view.topLevelItemCount():
            chosen = self.view.topLevelItem(0)
        if chosen is not None:
            self.view.setCurrentItem(chosen)
        self.problems.setVisible(bool(problems))
        self.problems.setText(
            "\n".join(
                [self.tr("These template files cannot be used:")] + [describe(p) for p in problems]
            )
        )
        self._selected()

    def current(self) -> Template | None:
        item = self.view.currentItem()
        if item is None:
            return None
        path = Path(str(item.data(0, PATH_ROLE)))
        return next((t for t in self.templates if t.path == path), None)

    def _selected(self, *_args: object) -> None:
        t = self.current()
        self.preview.setHtml(self.preview_html(t) if t else "")
        for button in (self.new_button, self.export_button):
            button.setEnabled(t is not None)
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(t is not None and not t.builtin)

    def preview_html(self, t: Template) -> str:
        from dtbench.guide import load_guide

        lang = self._language
        guide = load_guide()
        contents = t.contents()

        def clause(key: str) -> str:
            try:
                return guide.clause(key).label(lang)
            except KeyError:
                return key

        esc = html.escape
        out = [f"<h3>{esc(t.title(lang))}</h3>"]
        if t.industry.get(lang):
            head = esc(self.tr("Industry:"))
            out.append(f"<p><b>{head}</b> {esc(t.industry.get(lang))}</p>")
        if t.description.get(lang):
            out.append(f"<p>{esc(t.description.get(lang))}</p>")
        head = esc(self.tr("Contains:"))
        out.append(f"<p><b>{head}</b></p><ul>")
        if "scope" in t.parts:
            out.append(
                "<li>"
                + esc(
                    self.tr("Scope: %1 clause(s) out of scope, %2 weighted")
                    .replace("%1", str(len(contents.out_of_scope)))
                    .replace("%2", str(len(contents.weights)))
                )
                + "</li>"
            )
        if "targets" in t.parts:
            out.append(
                "<li>"
                + esc(
                    self.tr("Target levels for %1 clause(s)").replace(
                        "%1", str(len(contents.targets))
                    )
                )
                + "</li>"
            )
        for part, count in contents.counts.items():
            if part in t.parts:
                out.append(f"<li>{esc(part_label(part))}: {count}</li>")
        for part in contents.values:
            out.append(f"<li>{esc(part_label(part))}</li>")
        out.append("</ul>")
        if contents.out_of_scope:
            head = esc(self.tr("Out of scope:"))
            out.append(f"<p><b>{head}</b><br>")
            out.append("<br>".join(esc(clause(k)) for k in contents.out_of_scope) + "</p>")
        if contents.weights:
            head = esc(self.tr("Weighted clauses:"))
            out.append(f"<p><b>{head}</b><br>")
            out.append(
                "<br>".join(
                    f"{esc(clause(k))} × {w:g}" for k, w in sorted(contents.weights.items())
                )
                + "</p>"
            )
        phases = {p["id"]: p.get("name", "") for p in t.parts.get("phases", [])}
        initiatives = t.parts.get("initiatives", [])
        if phases or initiatives:
            out.append(f"<p><b>{esc(part_label('initiatives'))}:</b></p>")
            for pid, name in [*phases.items(), ("", "")]:
                titles = [i.get("title", "") for i in initiatives if i.get("phase", "") == pid]
                if pid and name:
                    out.append(f"<p><i>{esc(name)}</i></p>")
                if titles:
                    out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in titles) + "</ul>")
        return "".join(out)

    # ------------------------------------------------------------ commands
    def _store(self) -> Store | None:
        return self._shell.store if self._shell is not None else None

    def _warn(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), describe(exc))

    def rename(self, name: str | None = None) -> None:
        t = self.current()
        if t is None or t.builtin:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename template"), self.tr("New name:"), text=t.title(self._language)
            )
            if not ok:
                return
        try:
            renamed = library.rename_template(t, name, self._store())
        except UserError as exc:
            self._warn(exc)
            return
        self._published()
        self.refresh(renamed.path)

    def delete(self, *, confirm: bool = True) -> None:
        t = self.current()
        if t is None or t.builtin:
            return
        if confirm:
            if t.firm:  # on the server: gone for every consultant of the firm
                question = self.tr(
                    "Delete the firm's template “%1” for everyone? This cannot be undone."
                )
            else:
                question = self.tr("Delete the template “%1” for good? This cannot be undone.")
            answer = QMessageBox.question(
                self,
                self.tr("Delete template"),
                question.replace("%1", t.title(self._language)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            library.delete_template(t, self._store())
        except UserError as exc:
            self._warn(exc)  # refused (saved by someone else), or the server out of reach
        self._published()
        self.refresh()

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a template"),
                str(Path.home()),
                self.tr("dtbench templates (*.dtbt *.json);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            try:
                imported = library.import_template(path)
            except library.TemplateExistsError as exc:
                answer = QMessageBox.question(
                    self,
                    self.tr("Import a template"),
                    describe(exc) + "\n\n" + self.tr("Replace the template in the library?"),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                imported = library.import_template(path, replace=True)
        except UserError as exc:
            self._warn(exc)
            return
        self._published()
        self.refresh(imported.path)

    def _published(self) -> None:
        """Tell the application that the template library changed."""
        if self._shell is not None:
            self._shell.changes.publish(Changes.of(None, TEMPLATES))

    def export(self, path: Path | None = None) -> Path | None:
        t = self.current()
        if t is None:
            return None
        if path is None:
            suggested = Path.home() / f"{t.title(self._language)}{library.SUFFIX}"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export a template"),
                str(suggested),
                self.tr("dtbench templates (*.dtbt)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written: Path = library.export_template(t, path)
        except UserError as exc:
            self._warn(exc)
            return None
        return written

    def new_engagement(self) -> None:
        t = self.current()
        if t is None or self._shell is None:
            return
        _create_and_open(self._shell, self.templates, t.path, self, self._created)

    def _created(self, uuid: str | None) -> None:
        if uuid is not None:
            self.created = uuid
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Template library"))
        self.view.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Industry")])
        self.new_button.setText(self.tr("&New engagement…"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.import_button.setText(self.tr("&Import…"))
        self.export_button.setText(self.tr("E&xport…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self._shell is not None:
                self._language = self._shell.ui_language()
            self.retranslate()
            if self.templates:
                self.refresh()
        super().changeEvent(event)


def open_template_library(shell: Shell) -> str | None:
    """File ▸ Template library…; returns the engagement created from it, if any."""
    dialog = TemplateLibraryDialog(shell, shell.ui_language(), shell.window())
    dialog.exec()
    return dialog.created
