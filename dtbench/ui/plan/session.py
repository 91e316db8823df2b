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
from dtbench.ui.kit.conflicts import AsksOnConflict, Draft, Resolver, Unresolved, settle
from dtbench.ui.kit.undo import StackedEdits

if TYPE_CHECKING:
    from dtbench.plan import service as plan
    from dtbench.store.database import Store
    from dtbench.ui.kit.changes import ChangeHub, Changes
else:
    plan = lazy_module("dtbench.plan.service")


def record_key(uuid: str = "", value: str = "") -> str:
    """The key of a record in versions and drafts: an item's uuid, or "value:" + name."""
    return uuid or f"value:{value}"


def field_path(field: str, *parts: str) -> str:
    """Where a draft is kept in a record: a field ("notes"), or a part of one, a table's cell
    ("targets/data_thinking/note") or a rating ("traits/openness/now")."""
    return "/".join((field, *parts))


def _in(path: str, fields: Mapping[str, object]) -> bool:
    """Whether a draft's path is in one of ``fields`` ("targets/behaviour/note": targets)."""
    return path.split("/", 1)[0] in fields


_MISSING = object()


def _at(data: Mapping[str, Any], path: str, missing: Any = None) -> Any:
    """The value at ``path`` in a record's data (``missing`` where there is none: a row
    not stored)."""
    value: Any = data
    for part in path.split("/"):
        if not isinstance(value, Mapping) or part not in value:
            return missing
        value = value[part]
    return value


def _with(data: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``data`` with ``value`` at ``path`` (none there when ``value`` is _MISSING)."""
    head, _, rest = path.partition("/")
    out = dict(data)
    if rest:
        inner = out.get(head)
        if isinstance(inner, Mapping):
            out[head] = _with(inner, rest, value)
        elif value is not _MISSING:
            out[head] = _with({}, rest, value)
    elif value is _MISSING:
        out.pop(head, None)
    else:
        out[head] = value
    return out


class PlanSession(AsksOnConflict, StackedEdits, QObject):
    items_changed = Signal(str)  # kind
    value_changed = Signal(str)  # name
    # a draft was kept, replaced or dropped: (record key, field)
    drafts_changed = Signal(str, str)
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
        self._settling = False  # the conflict dialog is open
        self.cancelled = 0  # conflicts the consultant cancelled (closing asks: any now?)
        # (record key, field path) → typing a conflict left unsaved; kept across reloads (a
        # colleague's change notice) and while another record is shown. The path is a field,
        # or a part of one (a cell of a table, a rating: ``field_path``)
        self._drafts: dict[tuple[str, str], Draft] = {}
        # (record key, field path) → the base of typing in progress: what the field showed
        # when the consultant began typing, kept while a reload brings others' changes
        self._pins: dict[tuple[str, str], Base] = {}

    def open(self, engagement: str, language: str) -> None:
        if engagement != self.engagement:
            self._drafts.clear()  # another engagement's records
            self._pins.clear()
        self.engagement = engagement
        self.language = language
        # every kind in two queries (not two per kind), each list announced once
        self._versions.update(plan.item_versions(self.store, engagement))
        self._items = {kind: [] for kind in ITEM_KINDS}
        for item in plan.list_items(self.store, engagement):
            self._items.setdefault(item.kind, []).append(item)
        for kind in ITEM_KINDS:
            self.items_changed.emit(kind)
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

    # ------------------------------------------------------------ drafts
    def draft(self, key: str, field: str) -> Draft | None:
        """Typing in ``field`` (a field path) of record ``key`` a cancelled conflict left
        unsaved."""
        return self._drafts.get((key, field))

    def has_drafts(self, key: str = "") -> bool:
        """Whether record ``key`` (any record: "") keeps typing not saved."""
        return any(k == key or not key for k, _f in self._drafts)

    def drafts(self) -> dict[tuple[str, str], Draft]:
        """Every draft by (record key, field), in the order kept."""
        return dict(self._drafts)

    def discard_drafts(self) -> None:
        """Forget every draft (the consultant chose to discard them)."""
        for key, field in list(self._drafts):
            self.drop_draft(key, field)

    def drop_draft(self, key: str, field: str) -> None:
        """Forget a draft and the base of typing (the field was typed back to what is
        stored: nothing to save)."""
        self._pins.pop((key, field), None)
        if self._drafts.pop((key, field), None) is not None:
            self.drafts_changed.emit(key, field)

    def editing(self, key: str, field: str) -> None:
        """The consultant began typing in ``field`` of record ``key``: what it shows now is
        the base its saves are checked against, even when others' changes are loaded
        meanwhile (a colleague's change notice)."""
        if key and (key, field) not in self._pins and (key, field) not in self._drafts:
            self._pins[(key, field)] = self._base(key, self._shown(key))

    def _shown(self, key: str) -> Any:
        if key.startswith("value:"):
            return self.value(key.removeprefix("value:"))
        item = self.item(key)
        return None if item is None else item.record

    def _draft_base(self, key: str, changed: Mapping[str, object], shown: Any) -> Base:
        """The base of a save changing ``changed``: when it saves a draft or typing (a field
        or a part of one), what the view shows now with those parts as they showed when
        they were typed, at the earliest version typed on (a colleague's change of them
        since is asked about; his change of another part, loaded meanwhile, is not);
        else what the view shows."""
        typed = [(p, d.base) for (k, p), d in self._drafts.items() if k == key and _in(p, changed)]
        typed += [(p, b) for (k, p), b in self._pins.items() if k == key and _in(p, changed)]
        if not typed:
            return self._base(key, shown)
        values = dict(to_data(shown)) if shown is not None else {}
        for path, base in typed:
            values = _with(values, path, _at(base.values, path, _MISSING))
        return Base(min(base.version for _p, base in typed), values)

    def _saving_typed(
        self, key: str, typing: str, mine: Any, base: Base, save: Callable[[], Any]
    ) -> Any:
        """``save()``, keeping the typed field (path) as a draft when a conflict leaves it
        unsaved (cancelled, or no one to ask), and dropping its draft once saved, with every
        other draft of the record the save wrote (a table saved whole saves the drafts its
        other cells show)."""
        try:
            saved = save()
        except (Unresolved, EditConflict):
            if typing:
                self._pins.pop((key, typing), None)
                self._drafts[(key, typing)] = Draft(_at(to_data(mine), typing), base)
                self.drafts_changed.emit(key, typing)
            raise
        if typing:
            self.drop_draft(key, typing)
        if saved is not None:
            data = to_data(saved)
            for k, path in [(k, p) for (k, p), d in self._drafts.items() if k == key]:
                if _at(data, path) == self._drafts[(k, path)].value:
                    self.drop_draft(k, path)  # saved as typed
        return saved

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
        if current is None or current.record == record or self._settling:
            return
        old = current.record
        kind = current.kind
        engagement = self.engagement
        # the base the view showed (a draft's: when it was typed); later: the stored one
        first = [self._draft_base(uuid, _changed(old, record), old)]
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
            target = wanted[0]
            shown = self.item(uuid)
            base = (
                first[0] if first else self._base(uuid, target if shown is None else shown.record)
            )
            saved = self._saving_typed(uuid, typing, target, base, lambda: save(target))
            wanted[:] = [saved or target]
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
        if old == record or self._settling:
            return
        engagement = self.engagement
        key = record_key(value=name)
        first = [self._draft_base(key, _changed(old, record), self.value(name))]

        def save(target: Any) -> Any:
            base = first.pop() if first else self._base(key, self.value(name))

            def write(chosen: Any, b: Base | None) -> object:
                return plan.set_value(self.store, engagement, name, chosen, base=b)

            return self._settled(write, target, base)

        def after() -> None:
            if engagement == self.engagement:
                self._load_value(name)

        before = [old]

        def redo() -> None:
            self._conflicts.clear()
            base = first[0] if first else self._base(key, self.value(name))
            self._saving_typed(key, typing, record, base, lambda: save(record))
            before[:] = [self._theirs_in(before[0])]

        self._push(
            text,
            redo,
            lambda: save(before[0]),
            after,
            (PLAN,),
            f"{engagement}:{name}:{typing}" if typing else "",
        )


def _changed(old: Any, new: Any) -> dict[str, object]:
    """The fields ``new`` changes in ``old`` (None: a new record), with their new values."""
    before = {} if old is None else dict(to_data(old))
    return {k: v for k, v in to_data(new).items() if before.get(k) != v}
