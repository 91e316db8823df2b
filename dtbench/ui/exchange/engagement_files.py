"""Export and import engagement files (.dtbx).

``export_package(shell)`` saves the open engagement (or the one selected in the list);
``import_package(shell)`` reads a file, and when its engagement is already in the database
asks whether to replace it, keep both, or cancel. Problems become a message, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dtbench.engagement.errors import NotFoundError
from dtbench.errors import UserError
from dtbench.ui.kit.changes import KINDS, Changes
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.tasks import TaskContext, run_task, show_failure

if TYPE_CHECKING:
    from dtbench.transfer.package import Clash, Decision, ImportResult, Package
    from dtbench.ui.kit.shell import Shell

SUFFIX = ".dtbx"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _file_filter() -> str:
    return QCoreApplication.translate(
        "PackageUi", "dtbench engagement files (*.dtbx);;All files (*)"
    )


Done = Callable[[Any], None]


def _nothing(_result: object) -> None:
    pass


def default_file_name(client: str, title: str) -> str:
    """A file name from the client and title, without characters Windows refuses."""
    name = _UNSAFE.sub("-", f"{client}-{title}").strip(" .-")
    return (name or "engagement")[:120] + SUFFIX


def export_package(shell: Shell, done: Done = _nothing) -> None:
    """Ask where to save the open or selected engagement and write its engagement file (off
    the GUI thread); ``done(path)`` follows, with None when nothing was written."""
    from dtbench.engagement import service
    from dtbench.transfer import package

    store = shell.store
    if store is None:
        done(None)
        return
    uuid = shell.current_engagement()
    if not uuid:
        shell.show_error(
            QCoreApplication.translate(
                "PackageUi", "Select the engagement to export in the list first."
            )
        )
        done(None)
        return
    try:
        profile = service.get_profile(store, uuid)
    except (UserError, NotFoundError) as exc:
        shell.show_error(describe(exc))
        done(None)
        return
    path, _filter = QFileDialog.getSaveFileName(
        shell.window(),
        QCoreApplication.translate("PackageUi", "Export engagement file"),
        str(Path.home() / default_file_name(profile.client_name, profile.title)),
        _file_filter(),
    )
    if not path:
        done(None)
        return
    target = Path(path)
    if not target.suffix:
        target = target.with_name(target.name + SUFFIX)

    def written(result: Path) -> None:
        shell.status(
            QCoreApplication.translate("PackageUi", "Engagement exported to %1.").replace(
                "%1", str(result)
            )
        )
        done(result)

    def failed(error: BaseException) -> None:
        show_failure(shell.window(), error)
        done(None)

    run_task(
        lambda _context: package.export_package(store, uuid, target),
        owner=shell.window(),
        on_success=written,
        on_failure=failed,
        label=QCoreApplication.translate("PackageUi", "Writing the engagement file…"),
        modal=True,
    )


def ask_clash(shell: Shell, package: Package, clash: Clash) -> Decision | None:
    """Replace, keep both, or None to cancel (the default, also on Escape)."""
    box = QMessageBox(shell.window())
    box.setObjectName("package_clash")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PackageUi", "Import engagement"))
    where = QCoreApplication.translate("PackageUi", " (in the trash)") if clash.in_trash else ""
    box.setText(
        QCoreApplication.translate("PackageUi", "“%1 — %2”%3 is already in this database.")
        .replace("%1", clash.client_name)
        .replace("%2", clash.title)
        .replace("%3", where)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "PackageUi",
            "Replace it with the engagement from %1, or keep both (the imported one is added "
            "as a copy marked “imported”)? Nothing is merged.",
        ).replace("%1", package.path.name)
    )
    replace = box.addButton(
        QCoreApplication.translate("PackageUi", "&Replace"), QMessageBox.ButtonRole.DestructiveRole
    )
    replace.setObjectName("replace")
    keep = box.addButton(
        QCoreApplication.translate("PackageUi", "&Keep both"), QMessageBox.ButtonRole.AcceptRole
    )
    keep.setObjectName("keep_both")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return "replace"
    if clicked is keep:
        return "keep_both"
    return None


def import_package(shell: Shell, done: Done = _nothing) -> None:
    """Ask for an engagement file and import it (reading and writing off the GUI thread);
    ``done(uuid)`` follows with the imported engagement's id, None when nothing changed."""
    from dtbench.transfer import package

    store = shell.store
    if store is None:
        done(None)
        return
    path, _filter = QFileDialog.getOpenFileName(
        shell.window(),
        QCoreApplication.translate("PackageUi", "Import engagement file"),
        str(Path.home()),
        _file_filter(),
    )
    if not path:
        done(None)
        return

    def failed(error: BaseException) -> None:
        show_failure(shell.window(), error)
        done(None)

    def read(context: TaskContext) -> tuple[Package, Clash | None]:
        opened = package.read_package(path)
        return opened, package.find_clash(store, opened)

    def decide(found: tuple[Package, Clash | None]) -> None:
        opened, clash = found
        decision: Decision | None = None
        if clash is not None:
            decision = ask_clash(shell, opened, clash)
            if decision is None:
                shell.status(
                    QCoreApplication.translate(
                        "PackageUi", "Import cancelled; nothing was changed."
                    )
                )
                done(None)
                return
            if decision == "replace":
                shell.release_engagement(clash.uuid)  # no page writes over the imported one
        run_task(
            lambda _context: package.import_package(store, opened, decision),
            owner=shell.window(),
            on_success=imported,
            on_failure=failed,
            label=QCoreApplication.translate("PackageUi", "Importing the engagement…"),
            modal=True,
        )

    def imported(result: ImportResult) -> None:
        shell.changes.publish(Changes(result.uuid, KINDS))
        if result.replaced:
            message = QCoreApplication.translate(
                "PackageUi", "“%1” was replaced by the imported engagement."
            )
        elif result.kept_both:
            message = QCoreApplication.translate(
                "PackageUi", "The engagement was imported as a copy: “%1”."
            )
        else:
            message = QCoreApplication.translate("PackageUi", "Engagement “%1” imported.")
        shell.status(message.replace("%1", result.title))
        done(result.uuid)

    run_task(
        read,
        owner=shell.window(),
        on_success=decide,
        on_failure=failed,
        label=QCoreApplication.translate("PackageUi", "Reading the engagement file…"),
        modal=True,
    )
