"""The open engagement's plan, shared by the Strategy, Roadmap, KPI, Leadership and
Organization & culture pages: cached records, and every edit as an undoable command that is
saved at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dtbench.lazy import lazy_module
from dtbench.plan.investment import DERIVED
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, PlanItem
from dtbench.ui.kit.changes import PLAN
from dtbench.ui.kit.undo import StackedEdits

if TYPE_CHECKING:
    from dtbench.plan import service as plan
    from dtbench.store.database import Store
    from dtbench.ui.kit.changes import ChangeHub, Changes
else:
    plan = lazy_module("dtbench.plan.service")


class PlanSession(StackedEdits, QObject):
    items_changed = Signal(str)  # kind
    value_changed = Signal(str)  # name
    error = Signal(str)

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = undo_stack
        self.hub = hub
        if hub is not None:
            hub.changed.connect(self._heard)
        self.engagement = ""
        self.language = "zh"
        self._items: dict[str, list[PlanItem]] = {kind: [] for kind in ITEM_KINDS}
        self._values: dict[str, Any] = {}

    def open(self, engagement: str, language: str) -> None:
        self.engagement = engagement
        self.language = language
        for kind in ITEM_KINDS:
            self._reload_items(kind)
        for name in VALUE_KINDS:
            self._values[name] = plan.get_value(self.store, engagement, name)
            self.value_changed.emit(name)

    def reload(self) -> None:
        """Read every record again (they changed elsewhere)."""
        if self.engagement:
            self.open(self.engagement, self.language)

    def _heard(self, changes: Changes, source: object) -> None:
        if source is not self and self.engagement and changes.touches(self.engagement, (PLAN,)):
            self.reload()

    # ------------------------------------------------------------ reading
    def items(self, kind: str) -> list[PlanItem]:
        return list(self._items[kind])

    def item(self, uuid: str) -> PlanItem | None:
        for items in self._items.values():
            for item in items:
                if item.uuid == uuid:
                    return item
        return None

    def value(self, name: str) -> Any:
        """The single record (an empty one before an engagement is open)."""
        if name not in self._values:
            return VALUE_KINDS[name]()
        return self._values[name]

    def _reload_items(self, kind: str) -> None:
        self._items[kind] = plan.list_items(self.store, self.engagement, kind)
        self.items_changed.emit(kind)
        for other in DERIVED.get(kind, ()):  # e.g. budgets summed from cost lines
            self._items[other] = plan.list_items(self.store, self.engagement, other)
            self.items_changed.emit(other)

    # ------------------------------------------------------------ edits
    def add(self, record: Any, text: str, position: int | None = None) -> str:
        """Add a record; returns the new item's uuid (kept by undo/redo)."""
        kind = next(k for k, t in ITEM_KINDS.items() if isinstance(record, t))
        engagement = self.engagement
        made: list[PlanItem] = []

        def redo() -> None:
            uuid = made[0].uuid if made else None
            pos = made[0].position if made else position
            made[:] = [plan.add_item(self.store, engagement, record, position=pos, uuid=uuid)]

        self._push(
            text,
            redo,
            lambda: plan.remove_item(self.store, made[0].uuid) if made else None,
            lambda: self._reload_items(kind),
            (PLAN,),
        )
        return made[0].uuid if made else ""

    def add_many(self, records: list[Any], text: str) -> None:
        """Add several records as one undo step (accepted suggestions, starter KPIs)."""
        if not records:
            return
        kinds = {next(k for k, t in ITEM_KINDS.items() if isinstance(r, t)) for r in records}
        engagement = self.engagement
        made: list[PlanItem] = []

        def redo() -> None:
            if made:
                again = [
                    plan.add_item(
                        self.store, engagement, m.record, position=m.position, uuid=m.uuid
                    )
                    for m in made
                ]
                made[:] = again
            else:
                made[:] = [plan.add_item(self.store, engagement, r) for r in records]

        def undo() -> None:
            for m in reversed(made):
                plan.remove_item(self.store, m.uuid)

        def after() -> None:
            for kind in kinds:
                self._reload_items(kind)

        self._push(text, redo, undo, after, (PLAN,))

    def update(self, uuid: str, record: Any, text: str, typing: str = "") -> None:
        """Replace an item's record; ``typing`` names the field being typed (its saves merge
        into one undo step)."""
        current = self.item(uuid)
        if current is None or current.record == record:
            return
        old = current.record
        kind = current.kind
        self._push(
            text,
            lambda: plan.update_item(self.store, uuid, record),
            lambda: plan.update_item(self.store, uuid, old),
            lambda: self._reload_items(kind),
            (PLAN,),
            f"{uuid}:{typing}" if typing else "",
        )

    def remove(self, uuid: str, text: str) -> None:
        current = self.item(uuid)
        if current is None:
            return
        engagement = self.engagement
        self._push(
            text,
            lambda: plan.remove_item(self.store, uuid),
            lambda: plan.add_item(
                self.store,
                engagement,
                current.record,
                position=current.position,
                uuid=current.uuid,
            ),
            lambda: self._reload_items(current.kind),
            (PLAN,),
        )

    def move(self, uuid: str, position: int, text: str) -> None:
        current = self.item(uuid)
        if current is None or current.position == position:
            return
        old = current.position
        self._push(
            text,
            lambda: plan.move_item(self.store, uuid, position),
            lambda: plan.move_item(self.store, uuid, old),
            lambda: self._reload_items(current.kind),
            (PLAN,),
        )

    def set_value(self, name: str, record: Any, text: str, typing: str = "") -> None:
        """Replace a plan value; ``typing`` names the field being typed (its saves merge into
        one undo step)."""
        old = self._values.get(name)
        if old == record:
            return
        engagement = self.engagement

        def after() -> None:
            self._values[name] = plan.get_value(self.store, engagement, name)
            self.value_changed.emit(name)

        self._push(
            text,
            lambda: plan.set_value(self.store, engagement, name, record),
            lambda: plan.set_value(self.store, engagement, name, old),
            after,
            (PLAN,),
            f"{engagement}:{name}:{typing}" if typing else "",
        )
