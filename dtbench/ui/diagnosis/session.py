"""The open engagement's diagnosis, shared by the Scope, Diagnosis and Dashboard pages.

It keeps the current round's answers in memory, writes every edit through an undoable
command at once, recomputes the scores (well under a millisecond) and tells the pages what
changed. The cache is its own: a change made elsewhere (a questionnaire applied, an
engagement file imported) arrives as a change notice and the session reloads itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dtbench.diagnosis.records import (
    AnswerRecord,
    ClauseRecord,
    EvidenceRecord,
    RoundData,
    RoundRecord,
    StoredFile,
)
from dtbench.diagnosis.scale import BASELINE_NAME
from dtbench.diagnosis.scoring import IN_SCOPE, Report, ScopeEntry, score
from dtbench.lazy import lazy_module
from dtbench.store.conflicts import Base, EditConflict
from dtbench.ui.kit.changes import ANSWERS, CLAUSES, DIAGNOSIS, EVIDENCE, PLAN, ROUNDS, SCOPE
from dtbench.ui.kit.conflicts import AsksOnConflict, Draft, Resolver, Unresolved, settle
from dtbench.ui.kit.labels import bracketed, separator
from dtbench.ui.kit.undo import StackedEdits

if TYPE_CHECKING:
    from dtbench.diagnosis import service as dx
    from dtbench.guide import Guide
    from dtbench.plan import service as plan
    from dtbench.plan.records import Fieldwork
    from dtbench.store.database import Store
    from dtbench.ui.kit.changes import ChangeHub, Changes
else:
    dx = lazy_module("dtbench.diagnosis.service")
    plan = lazy_module("dtbench.plan.service")

NOTE = "note"  # the field of a line's note, as its draft and the base of its typing are kept


class DiagnosisSession(AsksOnConflict, StackedEdits, QObject):
    """State and edits of one engagement's diagnosis."""

    rounds_changed = Signal()
    round_loaded = Signal()
    answer_changed = Signal(str)  # checkpoint key
    clause_changed = Signal(str)  # clause key
    evidence_changed = Signal(str)  # clause key
    scope_changed = Signal()
    report_changed = Signal()
    interviews_changed = Signal()  # the plan's interviews, or the one in progress
    # a conflict the consultant cancelled: (clause or item key, field, their unsaved value);
    # the page keeps that value in its field, marked, for the next save to ask again
    conflict_kept = Signal(str, str, object)
    error = Signal(str)

    def __init__(
        self,
        store: Store,
        guide: Guide,
        undo_stack: QUndoStack,
        parent: QObject,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.guide = guide
        self.stack = undo_stack
        self.hub = hub
        if hub is not None:
            hub.changed.connect(self._heard)
        self.engagement = ""
        self.language = "zh"
        self.rounds: list[RoundRecord] = []
        self.scope: dict[str, ScopeEntry] = {}
        self.data = RoundData(RoundRecord("", 0, ""))
        self.report: Report = score(guide, {})
        self._reports: dict[str, Report] = {}
        # The engagement's interviews (uuid → record) and the one in progress: what is
        # recorded meanwhile is also kept as what that interview said.
        self.interviews: dict[str, Fieldwork] = {}
        self.interview = ""
        # Asks the consultant to settle a save someone else's change refused (the window
        # installs the conflict dialog); None: the conflict is reported as an error.
        self.resolver: Resolver | None = None
        # (round, key, field) → the base of typing in progress: what the field showed when
        # the consultant began typing, kept while a reload brings others' changes
        self._pins: dict[tuple[str, str, str], Base] = {}
        # (round, clause key, field) → typing a conflict left unsaved: shown again (marked)
        # whenever that clause is, never in another clause's field
        self._drafts: dict[tuple[str, str, str], Draft] = {}
        self._settling = False
        self._conflicts: list[EditConflict] = []  # those the consultant settled in an edit
        self.cancelled = 0  # conflicts the consultant cancelled (closing asks: any now?)

    # ------------------------------------------------------------ loading
    def open(self, engagement: str, language: str) -> None:
        """Show the engagement's latest round; round names follow its deliverable language."""
        if engagement != self.engagement:
            self._drafts.clear()  # another engagement's rounds (asked about before: the shell)
            self._pins.clear()
        self.engagement = engagement
        self.language = language
        self.rounds = dx.ensure_rounds(self.store, engagement, BASELINE_NAME.get(language))
        self.scope = dx.get_scope(self.store, engagement)
        self._reports.clear()
        self.rounds_changed.emit()
        self.select_round(self.rounds[-1].uuid)
        self.scope_changed.emit()
        self.interview = ""
        self._load_interviews()

    def _load_interviews(self) -> None:
        from dtbench.plan.interviews import interviews

        items = interviews(plan.list_items(self.store, self.engagement, "fieldwork"))
        self.interviews = {i.uuid: i.record for i in items}
        if self.interview not in self.interviews:
            self.interview = ""
        self.interviews_changed.emit()

    def set_interview(self, uuid: str) -> None:
        """Make ``uuid`` the interview in progress ("" for none)."""
        self.interview = uuid if uuid in self.interviews else ""
        self.interviews_changed.emit()

    def reload(self) -> None:
        """Read everything again (the records changed elsewhere), staying on the round shown
        when it still exists."""
        if not self.engagement:
            return
        shown = self.data.round.uuid
        self.rounds = dx.list_rounds(self.store, self.engagement) or dx.ensure_rounds(
            self.store, self.engagement, BASELINE_NAME.get(self.language)
        )
        self.scope = dx.get_scope(self.store, self.engagement)
        self._reports.clear()
        self.rounds_changed.emit()
        uuids = [r.uuid for r in self.rounds]
        self._load_round(shown if shown in uuids else uuids[-1])
        self.scope_changed.emit()

    def _heard(self, changes: Changes, source: object) -> None:
        if source is not self and self.engagement and changes.touches(self.engagement, DIAGNOSIS):
            self.reload()
        if self.engagement and changes.touches(self.engagement, frozenset((PLAN,))):
            self._load_interviews()

    @property
    def round(self) -> RoundRecord:
        return self.data.round

    def select_round(self, uuid: str) -> None:
        if uuid == self.data.round.uuid and self.engagement:
            return
        self._load_round(uuid)

    def _load_round(self, uuid: str) -> None:
        self.data = dx.load_round(self.store, uuid)
        self._rescore()
        self.round_loaded.emit()

    def _rescore(self) -> None:
        self.report = score(self.guide, self.data.statuses(), self.data.levels(), self.scope)
        self._reports[self.data.round.uuid] = self.report
        self.report_changed.emit()

    def report_of(self, round_uuid: str) -> Report:
        """The scores of any round (cached; the current round is always up to date)."""
        if round_uuid not in self._reports:
            # Every round not scored yet, in one light read: the dashboard asks for all of
            # them in turn, and ten whole rounds (notes, evidence, interviews) froze it.
            wanted = [r.uuid for r in self.rounds if r.uuid not in self._reports]
            if round_uuid not in wanted:
                wanted.append(round_uuid)
            self._reports.update(dx.round_reports(self.store, self.engagement, wanted, self.scope))
        return self._reports[round_uuid]

    def in_scope(self, clause_key: str) -> bool:
        return self.scope.get(clause_key, IN_SCOPE).in_scope

    def answer(self, key: str) -> AnswerRecord:
        return self.data.answers.get(key, AnswerRecord())

    def clause(self, key: str) -> ClauseRecord:
        return self.data.clauses.get(key, ClauseRecord())

    def evidence(self, clause_key: str) -> list[EvidenceRecord]:
        return list(self.data.evidence.get(clause_key, ()))

    # ------------------------------------------------------------ edits
    def _in_round(self, round_uuid: str, refresh: Callable[[], None]) -> Callable[[], None]:
        """After an edit (or its undo): show that round, update the cache, rescore."""

        def after() -> None:
            if round_uuid != self.data.round.uuid:
                self.select_round(round_uuid)
            refresh()

        return after

    def set_answer(
        self, key: str, *, status: str | None = None, note: str | None = None, text: str = ""
    ) -> None:
        old = self.answer(key)
        new = AnswerRecord(
            old.status if status is None else status, old.note if note is None else note
        )
        if new == old or self._settling:
            return
        rnd = self.data.round.uuid
        interview = self.interview
        said = self.data.heard.get(interview, {}).get(key, AnswerRecord())
        clause_key = self._clause_of(key)
        people = self._with_interviewee(clause_key, interview)
        # a note is kept as a draft when a conflict is cancelled; its base is what the line
        # showed when its editor opened (or when it was kept); later: the stored one
        typed = NOTE if note is not None else ""
        first = [(self._pins.get((rnd, key, NOTE)) if typed else None) or self._answer_base(key)]
        values: dict[str, object] = {"status": new.status, "note": new.note}
        before: dict[str, object] = {"status": old.status, "note": old.note}

        def save(wanted: dict[str, object], via: str) -> dict[str, object]:
            base = first.pop() if first else self._answer_base(key)

            def call(v: Mapping[str, object], b: Base | None) -> object:
                return dx.set_answer(
                    self.store,
                    rnd,
                    key,
                    status=str(v["status"]),
                    note=str(v["note"]),
                    interview=via,
                    base=b,
                )

            return self._settled(call, wanted, base, key, typed)

        def redo() -> None:
            self._conflicts.clear()
            values.update(save(values, interview))
            for conflict in self._conflicts:  # settled: undo gives back theirs
                before.update({c.field: c.theirs for c in conflict.conflicts})
            if people is not None:
                dx.set_clause(self.store, rnd, clause_key, "interviewees", people[1])

        def undo() -> None:
            save(before, "")
            if interview:
                dx.set_heard(self.store, rnd, interview, key, status=said.status, note=said.note)
            if people is not None:
                dx.set_clause(self.store, rnd, clause_key, "interviewees", people[0])

        def refresh() -> None:
            stored, version = dx.load_answer_versioned(self.store, rnd, key)
            if stored == AnswerRecord():
                self.data.answers.pop(key, None)
                self.data.versions.answers.pop(key, None)
            else:
                self.data.answers[key] = stored
                self.data.versions.answers[key] = version
            self._refresh_heard(rnd, clause_key if people is not None else "")
            self._rescore()
            self.answer_changed.emit(key)

        self._push(
            text,
            redo,
            undo,
            self._in_round(rnd, refresh),
            (ANSWERS, CLAUSES) if interview else (ANSWERS,),
        )

    def _clause_of(self, key: str) -> str:
        """The clause an item or sub-item belongs to ("7.3.3.e.2" → "7.3.3")."""
        for clause in self.guide.clauses():
            if key.startswith(clause.key + ".") and key[len(clause.key) + 1 :][:1].isalpha():
                return clause.key
        return key

    def _with_interviewee(self, clause_key: str, interview: str) -> tuple[str, str] | None:
        """The clause's interviewees before and after adding the person of ``interview``
        ("王建国（总经理）"), None when there is no interview or the person is named already:
        the interviewees text and the fieldwork drafted from it stay coherent."""
        from dtbench.plan.fieldwork import name_and_role, split_people

        record = self.interviews.get(interview)
        if record is None or not record.subject.strip():
            return None
        before = self.clause(clause_key).interviewees
        named = {name_and_role(p)[0] for p in split_people(before)}
        if record.subject.strip() in named:
            return None
        person = record.subject.strip()
        lang = "en" if self.language == "en" else "zh"
        if record.role.strip():
            person = bracketed(person, record.role.strip(), lang)
        return before, f"{before}{separator(lang)}{person}" if before.strip() else person

    def _refresh_heard(self, rnd: str, clause_key: str = "") -> None:
        """Read again what the interviews said (and, when it changed, the clause's
        interviewees)."""
        self.data.heard.clear()
        self.data.heard.update(dx.load_heard(self.store, rnd))
        if clause_key:
            self.data.clauses[clause_key] = dx.load_clause(self.store, rnd, clause_key)
            self.clause_changed.emit(clause_key)
        self.interviews_changed.emit()

    def set_clause(
        self, clause_key: str, name: str, value: object, text: str = "", typing: bool = False
    ) -> None:
        """Set one field of a clause; ``typing``: saves of one burst of typing are one undo
        step."""
        old_record = self.clause(clause_key)
        old = getattr(old_record, name)
        rnd = self.data.round.uuid
        pin = (rnd, clause_key, name)
        if old == value:
            self.drop_draft(clause_key, name)  # typed back to what is stored: nothing to save
            return
        if self._settling:
            return  # the field left for the conflict dialog: that dialog saves
        # findings typed during an interview are also kept as that interview's
        interview = self.interview if name == "findings" else ""
        said = self.data.heard.get(interview, {}).get(clause_key, AnswerRecord())
        first = [self._pins.get(pin) or self._clause_base(clause_key)]
        values: dict[str, object] = {name: value}
        before: dict[str, object] = {name: old}

        def save(wanted: dict[str, object], via: str) -> dict[str, object]:
            base = first.pop() if first else self._clause_base(clause_key)

            def call(v: Mapping[str, object], b: Base | None) -> object:
                return dx.set_clause(self.store, rnd, clause_key, name, v[name], via, base=b)

            return self._settled(call, wanted, base, clause_key, name)

        def redo() -> None:
            self._conflicts.clear()
            values.update(save(values, interview))
            for conflict in self._conflicts:  # settled: undo gives back theirs
                before.update({c.field: c.theirs for c in conflict.conflicts})

        def undo() -> None:
            save(before, "")
            if interview:
                dx.set_heard(self.store, rnd, interview, clause_key, note=said.note)

        def refresh() -> None:
            record, version = dx.load_clause_versioned(self.store, rnd, clause_key)
            self.data.clauses[clause_key] = record
            if version:
                self.data.versions.clauses[clause_key] = version
            if interview:
                self._refresh_heard(rnd)
            self._rescore()
            self.clause_changed.emit(clause_key)

        self._push(
            text,
            redo,
            undo,
            self._in_round(rnd, refresh),
            (CLAUSES,),
            f"{rnd}:{clause_key}:{name}:{interview}" if typing else "",
        )

    # ------------------------------------------------------------ concurrent edits
    def _answer_base(self, key: str) -> Base:
        return dx.answer_base(self.data.versions.answers.get(key, 0), self.answer(key))

    def _clause_base(self, clause_key: str) -> Base:
        return dx.clause_base(
            self.data.versions.clauses.get(clause_key, 0), self.clause(clause_key)
        )

    def draft(self, key: str, field: str) -> Draft | None:
        """Typing in ``field`` of clause ``key`` (this round) a cancelled conflict left
        unsaved."""
        return self._drafts.get((self.data.round.uuid, key, field))

    def drafts(self) -> dict[tuple[str, str, str], Draft]:
        """Every draft (of any round) by (round, clause key, field), in the order kept."""
        return dict(self._drafts)

    def discard_drafts(self) -> None:
        """Forget every draft and the base of its typing (the consultant discards them)."""
        for pin in list(self._drafts):
            self._pins.pop(pin, None)
            self._drafts.pop(pin, None)

    def drop_draft(self, key: str, field: str) -> None:
        """Forget a draft and the base of typing (typed back to what is stored)."""
        pin = (self.data.round.uuid, key, field)
        self._pins.pop(pin, None)
        self._drafts.pop(pin, None)

    def editing_answer(self, key: str) -> None:
        """The consultant opened a line's note to type in it: what the line shows now is the
        base of that save, even when others' changes are loaded meanwhile."""
        pin = (self.data.round.uuid, key, NOTE)
        if pin not in self._pins:
            self._pins[pin] = self._answer_base(key)

    def editing(self, clause_key: str, name: str) -> None:
        """The consultant began typing in a clause's field: what it shows now is the base
        its saves are checked against, even when others' changes are loaded meanwhile."""
        pin = (self.data.round.uuid, clause_key, name)
        if clause_key and pin not in self._pins:
            self._pins[pin] = self._clause_base(clause_key)

    def _settled(
        self,
        save: Callable[[Mapping[str, object], Base | None], object],
        values: dict[str, object],
        base: Base,
        key: str,
        name: str,
    ) -> dict[str, object]:
        """Save ``values`` against ``base``, letting the consultant settle a conflict; the
        values saved. Cancelled: the base stays pinned (the next save asks again) and the
        page is told to keep the value typed."""
        pin = (self.data.round.uuid, key, name)
        try:
            saved = settle(save, values, base, self._ask)
        except (Unresolved, EditConflict):  # cancelled, or no one to ask: nothing saved
            if name:
                self._pins[pin] = base
                self._drafts[pin] = Draft(values[name], base)
                self.conflict_kept.emit(key, name, values[name])
            raise
        self._pins.pop(pin, None)
        self._drafts.pop(pin, None)
        return saved

    def set_scope(self, changes: Mapping[str, ScopeEntry], text: str = "") -> None:
        old = {k: self.scope.get(k, IN_SCOPE) for k in changes}
        changes = {k: v for k, v in changes.items() if old[k] != v}
        if not changes:
            return
        old = {k: old[k] for k in changes}
        engagement = self.engagement

        def refresh() -> None:
            self.scope = dx.get_scope(self.store, engagement)
            self._reports.clear()
            self._rescore()
            self.scope_changed.emit()

        self._push(
            text,
            lambda: dx.set_scope(self.store, engagement, changes),
            lambda: dx.set_scope(self.store, engagement, old),
            refresh,
            (SCOPE,),
        )

    def attach_evidence(
        self, rnd: str, clause_key: str, stored: StoredFile, text: str = ""
    ) -> None:
        """Attach a file already stored (read and kept off the GUI thread) to a clause of
        round ``rnd`` (the round shown when the consultant chose the file)."""
        added: list[EvidenceRecord] = []

        def redo() -> None:
            if added:
                dx.restore_evidence(self.store, rnd, added[0])
            else:
                added.append(dx.attach_evidence(self.store, rnd, clause_key, stored))

        self._push(
            text,
            redo,
            lambda: dx.remove_evidence(self.store, added[0].uuid) if added else None,
            self._in_round(rnd, lambda: self._reload_evidence(rnd, clause_key)),
            (EVIDENCE,),
        )

    def remove_evidence(self, record: EvidenceRecord, text: str = "") -> None:
        rnd = self.data.round.uuid
        self._push(
            text,
            lambda: dx.remove_evidence(self.store, record.uuid),
            lambda: dx.restore_evidence(self.store, rnd, record),
            self._in_round(rnd, lambda: self._reload_evidence(rnd, record.clause_key)),
            (EVIDENCE,),
        )

    def _reload_evidence(self, rnd: str, clause_key: str) -> None:
        fresh = dx.load_round(self.store, rnd)
        self.data = replace(self.data, evidence=fresh.evidence)
        self.evidence_changed.emit(clause_key)

    def new_round(self, name: str, assessed_on: date | None = None, text: str = "") -> None:
        engagement = self.engagement
        created: list[RoundRecord] = []
        previous = self.data.round.uuid

        def redo() -> None:
            created[:] = [dx.new_round(self.store, engagement, name, assessed_on)]

        def undo() -> None:
            if created:
                dx.delete_round(self.store, created[0].uuid)
                self._reports.pop(created[0].uuid, None)

        def after() -> None:
            self.rounds = dx.list_rounds(self.store, engagement)
            self.rounds_changed.emit()
            uuids = [r.uuid for r in self.rounds]
            if created and created[0].uuid in uuids:
                self.select_round(created[0].uuid)
            elif previous in uuids:
                self._load_round(previous)
            else:
                self.select_round(uuids[-1])

        self._push(text, redo, undo, after, (ROUNDS,))
