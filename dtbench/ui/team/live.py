"""Other consultants' changes, live: the server's notices become the window's change notices.

A connection of its own LISTENs on the change channel (``dtbench.store.notify``); Qt watches
its socket (QSocketNotifier) in the GUI thread, so no other thread touches a Qt object and
nothing polls. Each notice from another sender is published on the window's ChangeHub as
the :class:`Changes` the views already follow: the diagnosis and the plan reload
themselves, the engagement list reads itself again. The window's own saves come back as
notices too, with its own sender id: those are skipped (its views already show them).

A dropped connection is tried again every few seconds (a timer, no loop); once it is back,
every view reloads, since notices sent meanwhile were missed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from dtbench.store import notify
from dtbench.ui.kit.changes import KINDS, Changes

if TYPE_CHECKING:
    from dtbench.store.database import Store
    from dtbench.ui.kit.changes import ChangeHub

log = logging.getLogger(__name__)

RETRY_MS: Final = 5000  # after a dropped connection, the next try


class LiveChanges(QObject):
    """Listens to the server of ``store`` for as long as it is started."""

    presence_changed = Signal()  # someone moved to another engagement, step or clause
    connection_lost = Signal()  # once per drop
    reconnected = Signal()

    def __init__(self, store: Store, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.sender_id = notify.sender_of(store.sessions)
        self._conn: Any = None  # the psycopg connection listening
        self._notifier: QSocketNotifier | None = None
        self._lost = False
        self._stopped = False
        self._connecting = False  # an attempt is under way on a task thread
        self.notices_read = 0  # all notices heard, the window's own included
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._connect)

    @property
    def listening(self) -> bool:
        return self._conn is not None

    def start(self) -> None:
        self._stopped = False
        if not self.listening:
            self._connect()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        self._drop()

    def backend_pid(self) -> int | None:
        """The server process of the listening connection (for tests and diagnostics)."""
        return None if self._conn is None else int(self._conn.info.backend_pid)

    # ------------------------------------------------------------ connection
    def _connect(self) -> None:
        """Open the listening connection on a task thread: a server out of reach may take
        the system's connect timeout to say so, and the window must not freeze meanwhile."""
        from dtbench.ui.kit.tasks import run_task

        if self._connecting:
            return
        self._connecting = True
        store = self.store
        run_task(
            lambda _context: _listen(store),
            owner=self,
            on_success=self._attach,
            on_failure=self._attempt_failed,
        )

    def _attempt_failed(self, exc: BaseException) -> None:
        self._connecting = False
        log.info("live changes: cannot listen (%s)", exc.__class__.__name__)
        if not self._stopped:
            self._failed()

    def _attach(self, conn: Any) -> None:
        """The connection is listening: watch its socket (in the GUI thread)."""
        self._connecting = False
        if self._stopped or self._conn is not None:
            self._close_quietly(conn)
            return
        self._conn = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        if self._lost:
            self._lost = False
            self.reconnected.emit()
        # what was sent before the LISTEN (while away, or while it was being opened) was not
        # heard: every view reads itself again
        self.hub.publish(Changes.everything(), self)
        self.presence_changed.emit()

    def _drop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            self._close_quietly(self._conn)
        self._conn = None

    @staticmethod
    def _close_quietly(conn: Any) -> None:
        try:
            conn.close()
        except Exception:  # a dead connection may refuse even this
            log.debug("live changes: closing a dead connection failed", exc_info=True)

    def _failed(self) -> None:
        self._drop()
        if not self._lost:
            self._lost = True
            self.connection_lost.emit()
        self._retry.start()

    # ------------------------------------------------------------ notices
    def _readable(self) -> None:
        import psycopg

        conn = self._conn
        if conn is None:
            return
        try:
            heard = [n.payload for n in conn.notifies(timeout=0)]
        except psycopg.Error:
            self._failed()
            return
        if conn.closed or conn.broken:
            self._failed()  # the server went away: the socket would stay readable
            return
        self.notices_read += len(heard)
        self._deliver(heard)

    def _deliver(self, payloads: list[str]) -> None:
        """Publish what others changed: one notice per engagement for a burst of them."""
        by_engagement: dict[str | None, set[str]] = {}
        presence = False
        for text in payloads:
            notice = notify.parse(text)
            if notice is None or notice.sender == self.sender_id:
                continue
            for engagement, kinds in notice.changes:
                presence = presence or notify.PRESENCE in kinds
                if kinds & KINDS:
                    by_engagement.setdefault(engagement, set()).update(kinds & KINDS)
        for engagement, changed in by_engagement.items():
            self.hub.publish(Changes(engagement, frozenset(changed)), self)
        if presence:
            self.presence_changed.emit()


def _listen(store: Store) -> Any:
    """A psycopg connection of its own, LISTENing on the change channel (task thread: it
    touches no Qt object). Through the store's engine: the same server, login and password."""
    raw = store.engine.raw_connection()
    conn: Any = raw.driver_connection
    raw.detach()  # ours for good: the pool never hands it to a save
    try:
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {notify.CHANNEL}")
    except BaseException:
        conn.close()
        raise
    return conn


ANNOUNCE_MS: Final = 30_000  # "still here", well inside presence.STALE_AFTER
SETTLE_MS: Final = 300  # a place held this long is announced


class PresenceKeeper(QObject):
    """Says where this window's consultant is (shortly after it changes, and every half
    minute) and reads where the others are (on a presence notice, and with each "still
    here"). While the server is out of reach it stays quiet: a window must not freeze on
    a hint."""

    others_changed = Signal(object)  # list[Whereabouts]

    def __init__(
        self, store: Store, live: LiveChanges | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.reachable = True  # follows the live connection
        if live is not None:
            live.connection_lost.connect(lambda: setattr(self, "reachable", False))
            live.reconnected.connect(lambda: setattr(self, "reachable", True))
            live.presence_changed.connect(self.refresh)
        self._place: tuple[str | None, str, str] | None = None
        self._announced: tuple[str | None, str, str] | None = None
        self.others: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setInterval(ANNOUNCE_MS)
        self._timer.timeout.connect(self._still_here)
        self._timer.start()
        # walking through clauses with the arrow keys announces once, where it stops
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SETTLE_MS)
        self._soon.timeout.connect(self._announce)

    def stop(self) -> None:
        """The window closes or leaves this database: the others see it gone at once."""
        self._timer.stop()
        self._soon.stop()
        if self._announced is not None and self.reachable:
            from dtbench.team import presence

            try:
                presence.leave(self.store)
            except Exception as exc:  # presence is a hint: never an error dialog
                log.info("presence: cannot leave (%s)", exc.__class__.__name__)

    def place(self, engagement: str | None, step: str = "", clause_key: str = "") -> None:
        """The consultant is now in ``engagement`` (None: the list), ``step``, ``clause_key``."""
        self._place = (engagement, step, clause_key)
        if self._place != self._announced:
            self._soon.start()

    def _still_here(self) -> None:
        if self._place is not None:
            self._announce()
        self.refresh()

    def _announce(self) -> None:
        from dtbench.team import presence

        if self._place is None or not self.reachable:
            return
        try:
            presence.announce(self.store, *self._place)
        except Exception as exc:  # presence is a hint: never an error dialog
            log.info("presence: cannot announce (%s)", exc.__class__.__name__)
            return
        self._announced = self._place

    def refresh(self) -> None:
        from dtbench.team import presence

        if not self.reachable:
            return
        try:
            others = presence.who_is_where(self.store)
        except Exception as exc:  # as above
            log.info("presence: cannot read (%s)", exc.__class__.__name__)
            return

        def places(found: list[Any]) -> list[tuple[str, str | None, str, str]]:
            return [(w.login, w.engagement, w.step, w.clause_key) for w in found]

        if places(others) != places(self.others):
            self.others = others
            self.others_changed.emit(others)
