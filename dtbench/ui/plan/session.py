"""The open engagement's plan, shared by the Strategy, Roadmap, KPI, Leadership and
Organization & culture pages: cached records, and every edit as an undoable command that is
saved at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dtbench.lazy import lazy_module
from dtbench.plan.investment import DERIVED
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, PlanItem, from_data, to_data
from dtbench.store.conflicts import Base, EditConflict
from dtbench.ui.kit.changes import PLAN
from dtbench.ui.kit.conflicts import Resolver, settle
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
        # the stored version of each record shown (item uuid, or "value:" + name): the base
        # its next save is checked against
        self._versions: dict[str, int] = {}
        # asks the consultant to settle a save someone else's change refused (the window
        # installs the conflict dialog); None: reported as an error
        self.resolver: Resolver | None = None
        self._conflicts: list[EditConflict] = []  # those settled in the edit being saved

    def open(self, engagement: str, language: str) -> None:
        self.engagement = engagement
        self.language = language
        for kind in ITEM_KINDS:
            self._reload_items(kind)
        for name in VALUE_KINDS:
            self._load_value(name)

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
        for one in (kind, *DERIVED.get(kind, ())):  # e.g. budgets summed from cost lines
            self._versions.update(plan.item_versions(self.store, self.engagement, one))
            self._items[one] = plan.list_items(self.store, self.engagement, one)
            self.items_changed.emit(one)

    def _load_value(self, name: str) -> None:
        value, version = plan.get_value_versioned(self.store, self.engagement, name)
        self._values[name] = value
        self._versions[f"value:{name}"] = version
        self.value_changed.emit(name)

    def _base(self, key: str, shown: Any) -> Base:
        return plan.record_base(self._versions.get(key, 0), shown)

    def _settled(
        self,
        save: Callable[[Any, Base | None], object],
        record: Any,
        base: Base,
    ) -> Any:
        """Save ``record`` against ``base``, letting the consultant settle a conflict
        (field by field); the record saved (None: they took the removal of the item)."""
        kind_type = type(record)

        def call(values: Mapping[str, object], b: Base | None) -> object:
            if "" in values:  # the item was removed meanwhile: kept (re-added) or not
                chosen = values[""]
                return None if chosen is None else save(chosen, None)
            return save(from_data(kind_type, dict(values)), b)

        saved = settle(call, dict(to_data(record)), base, self._ask)
        if "" in saved:
            return saved[""]
        return from_data(kind_type, saved)

    def _ask(self, conflict: EditConflict) -> dict[str, object] | None:
        if self.resolver is None:
            raise conflict
        self._conflicts.append(conflict)
        return self.resolver(conflict)

    def _theirs_in(self, record: Any) -> Any:
        """``record`` with the values of the conflicts just settled: what undo gives back
        (theirs, which the settled save replaced)."""
        fields = {c.field: c.theirs for k in self._conflicts for c in k.conflicts if c.field}
        if not fields or record is None:
            return record
        return from_data(type(record), {**to_data(record), **fields})

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
        engagement = self.engagement
        first = [self._base(uuid, old)]  # the base the view showed; later: the stored one
        wanted = [record]

        def save(target: Any) -> Any:
            shown = self.item(uuid)
            base = (
                first.pop()
                if first
                else self._base(uuid, target if shown is None else shown.record)
            )

            def write(chosen: Any, b: Base | None) -> object:
                if b is None:  # removed meanwhile and kept by the consultant: put back
                    return plan.add_item(
                        self.store, engagement, chosen, position=current.position, uuid=uuid
                    )
                return plan.update_item(self.store, uuid, chosen, base=b)

            return self._settled(write, target, base)

        before = [old]

        def redo() -> None:
            self._conflicts.clear()
            wanted[:] = [save(wanted[0]) or wanted[0]]
            before[:] = [self._theirs_in(before[0])]

        self._push(
            text,
            redo,
            lambda: save(before[0]),
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
        first = [self._base(f"value:{name}", self.value(name))]

        def save(target: Any) -> Any:
            base = first.pop() if first else self._base(f"value:{name}", self.value(name))

            def write(chosen: Any, b: Base | None) -> object:
                return plan.set_value(self.store, engagement, name, chosen, base=b)

            return self._settled(write, target, base)

        def after() -> None:
            if engagement == self.engagement:
                self._load_value(name)

        before = [old]

        def redo() -> None:
            self._conflicts.clear()
            save(record)
            before[:] = [self._theirs_in(before[0])]

        self._push(
            text,
            redo,
            lambda: save(before[0]),
            after,
            (PLAN,),
            f"{engagement}:{name}:{typing}" if typing else "",
        )
