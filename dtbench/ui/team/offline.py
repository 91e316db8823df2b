"""File ▸ Take offline… and File ▸ Synchronise…

*Take offline* (when the app is connected to the firm's server): pick engagements (those
you are a member of), copy them into this computer's own database, off the GUI thread.
*Synchronise* (an offline copy open or selected): read both sides off the GUI thread; with
conflicts, the merge screen (``merge_dialog``) decides them before anything is written; then
the changes are written with progress and a change notice tells every view.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox

from dtbench.ui.kit.changes import KINDS, Changes
from dtbench.ui.kit.tasks import TaskContext, run_task

if TYPE_CHECKING:
    from dtbench.store import Store
    from dtbench.team.sync import Decision, SyncPlan, SyncResult
    from dtbench.ui.kit.shell import Shell


def on_server(store: Store | None) -> bool:
    """Whether the app is connected to a firm's server (a PostgreSQL database)."""
    return store is not None and store.url.startswith("postgresql")


# ---------------------------------------------------------------- take offline
def _candidates(store: Store) -> list[tuple[str, str, str, bool]]:
    """(uuid, title, client, mine) of the server's engagements, not in the trash."""
    from sqlalchemy import select

    from dtbench.store.models import Client, Engagement, Member

    with store.session() as s:
        mine = set(s.scalars(select(Member.engagement_id).where(Member.login == store.author)))
        rows = s.execute(
            select(Engagement.id, Engagement.uuid, Engagement.title, Client.name)
            .join(Client)
            .where(Engagement.deleted_at.is_(None))
            .order_by(Engagement.title)
        ).all()
    return [(uuid, title, client, eid in mine) for eid, uuid, title, client in rows]


def take_offline(shell: Shell) -> None:
    """Ask which engagements and copy them into this computer's database."""
    from dtbench.team.offline import local_database
    from dtbench.ui.kit.pick_dialog import PickDialog, PickRow

    server = shell.store
    if server is None or not on_server(server):
        QMessageBox.information(
            shell.window(),
            QCoreApplication.translate("OfflineUi", "Take offline"),
            QCoreApplication.translate(
                "OfflineUi",
                "Connect to the firm's server first: engagements are taken offline from it.",
            ),
        )
        return
    found = _candidates(server)
    assigned = [row for row in found if row[3]] or found  # a firm without members yet: all
    if not assigned:
        shell.status(
            QCoreApplication.translate("OfflineUi", "No engagement on the server to take offline.")
        )
        return
    current = shell.current_engagement()
    dialog = PickDialog(
        QCoreApplication.translate("OfflineUi", "Take offline"),
        QCoreApplication.translate(
            "OfflineUi",
            "Tick the engagements to copy into this computer's database. You work on them "
            "without a network and synchronise them when connected again.",
        ),
        [
            QCoreApplication.translate("OfflineUi", "Engagement"),
            QCoreApplication.translate("OfflineUi", "Client"),
        ],
        # The engagement open (or selected) is the one usually taken along: ticked already.
        [
            PickRow((title, client), ticked=uuid == current)
            for uuid, title, client, _mine in assigned
        ],
        QCoreApplication.translate("OfflineUi", "Take offline"),
        parent=shell.window(),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    uuids = [assigned[i][0] for i in dialog.chosen()]
    if not uuids:
        return
    target = local_database()

    def work(context: TaskContext) -> list[str]:
        from dtbench.store import open_store
        from dtbench.team.offline import take_offline as copy

        local = open_store(target)
        try:
            return copy(
                server,
                local,
                uuids,
                lambda title, done, total: context.progress(
                    QCoreApplication.translate("OfflineUi", "Copying “%1”…").replace("%1", title)
                    if title
                    else "",
                    done,
                    total,
                ),
            )
        finally:
            local.close()

    def done(titles: list[str]) -> None:
        answer = QMessageBox.question(
            shell.window(),
            QCoreApplication.translate("OfflineUi", "Take offline"),
            QCoreApplication.translate(
                "OfflineUi",
                "%1 engagements are now in this computer's database (%2). Open it to work on "
                "them offline?",
            )
            .replace("%1", str(len(titles)))
            .replace("%2", str(target)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            shell.reopen_database(str(target))

    run_task(
        work,
        owner=shell.window(),
        on_success=done,
        label=QCoreApplication.translate("OfflineUi", "Copying the engagements…"),
        modal=True,
    )


# ---------------------------------------------------------------- synchronise
def _server_url(url: str, ask: Any) -> str | None:
    """The server's URL with the password: asked for when the URL names a login and the
    environment gives none (PGPASSWORD); None when the consultant cancels."""
    from sqlalchemy.engine import make_url

    from dtbench.team.credentials import password_for

    parsed = make_url(url)
    if not parsed.username or parsed.password or os.environ.get("PGPASSWORD"):
        return url
    if password_for(url):  # kept in the keyring when connecting
        return url
    password, ok = ask(parsed.username, parsed.host or "")
    if not ok:
        return None
    return parsed.set(password=password).render_as_string(hide_password=False)


def _ask_password(shell: Shell) -> Any:
    def ask(login: str, host: str) -> tuple[str, bool]:
        return QInputDialog.getText(
            shell.window(),
            QCoreApplication.translate("OfflineUi", "Synchronise"),
            QCoreApplication.translate("OfflineUi", "Password of %1 on %2:")
            .replace("%1", login)
            .replace("%2", host),
            QLineEdit.EchoMode.Password,
        )

    return ask


def synchronise(shell: Shell, ask: Any = None) -> None:
    """Synchronise the open or selected engagement with the server it was taken from."""
    from dtbench.team.offline import offline_copies

    local = shell.store
    engagement = shell.current_engagement()
    if local is None or engagement is None:
        return
    copy = offline_copies(local).get(engagement)
    if copy is None:
        QMessageBox.information(
            shell.window(),
            QCoreApplication.translate("OfflineUi", "Synchronise"),
            QCoreApplication.translate(
                "OfflineUi",
                "This engagement was not taken offline from a firm's server: there is nothing "
                "to synchronise it with.",
            ),
        )
        return
    url = _server_url(copy.server_url, ask or _ask_password(shell))
    if url is None:
        return

    def plan_work(_context: TaskContext) -> SyncPlan:
        from dtbench.team.offline import open_server
        from dtbench.team.sync import plan_sync

        server = open_server(url)
        try:
            return plan_sync(local, server, engagement)
        except BaseException:
            server.close()
            raise

    def planned(plan: SyncPlan) -> None:
        decisions: dict[tuple[str, str], Decision] = {}
        if plan.conflicts:
            from dtbench.ui.team.merge_dialog import MergeDialog

            dialog = MergeDialog(plan, shell.window())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                plan.server.close()
                shell.status(
                    QCoreApplication.translate(
                        "OfflineUi", "Synchronisation cancelled: nothing was written."
                    )
                )
                return
            decisions = dialog.decisions()
        apply(plan, decisions)

    def apply(plan: SyncPlan, decisions: dict[tuple[str, str], Decision]) -> None:
        def work(context: TaskContext) -> SyncResult:
            from dtbench.team.sync import apply_sync

            def progress(_label: str, done: int, total: int) -> None:
                context.progress(
                    QCoreApplication.translate("OfflineUi", "Sending and receiving the changes…"),
                    done,
                    total,
                )

            try:
                return apply_sync(plan, decisions, progress)
            finally:
                plan.server.close()

        def failed(error: BaseException) -> None:
            # Whatever the server did, this computer's view may have moved (a sync finished
            # from its journal): every view reloads.
            shell.changes.publish(Changes(engagement, KINDS))
            from dtbench.ui.kit.tasks import show_failure

            show_failure(shell.window(), error)

        run_task(
            work,
            owner=shell.window(),
            on_success=done,
            on_failure=failed,
            label=QCoreApplication.translate("OfflineUi", "Sending and receiving the changes…"),
            modal=True,
        )

    def done(result: SyncResult) -> None:
        shell.changes.publish(Changes(engagement, KINDS))
        shell.status(
            QCoreApplication.translate("OfflineUi", "Synchronised: %1 records sent, %2 received.")
            .replace("%1", str(result.sent))
            .replace("%2", str(result.received))
        )

    run_task(
        plan_work,
        owner=shell.window(),
        on_success=planned,
        label=QCoreApplication.translate("OfflineUi", "Comparing with the server…"),
        modal=True,
    )
