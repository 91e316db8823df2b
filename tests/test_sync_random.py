"""Two laptops and the server edit overlapping and separate records (answers, notes, levels,
findings, plan records) and synchronise in random order, the connection cut at random
points. Checked after every step: a conflict is raised exactly for the fields both sides
changed to different values; after a sync both sides hold what the three-way rule (and the
decisions) say, so no edit acknowledged by a sync is lost; a cut sync leaves the server as
it was, or (cut after the server's commit) is finished by the next one. The history goes
with the data: after a sync both sides hold the same entries, each once (plus one per
decided conflict); a cut one leaves both histories as they were.

The seed is printed; DTBENCH_SYNC_SEED=<seed> replays a run.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pg
import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.guide import load_guide
from dtbench.plan import service as plans
from dtbench.plan.records import Action
from dtbench.plan.service import replace_struct
from dtbench.store import Store, open_store
from dtbench.store.models import Engagement, HistoryEntry
from dtbench.team.errors import CommitUnknownError, ConnectionLostError
from dtbench.team.offline import take_offline
from dtbench.team.sync import Decision, apply_sync, finish_pending, keep_all, plan_sync

STEPS = int(os.environ.get("DTBENCH_SYNC_STEPS", "200"))
STATUSES = ("", "met", "partly", "not_met", "na")
Field = tuple[str, str]  # (record, field) as the plan names it
Values = dict[Field, Any]


@pytest.fixture
def server() -> Iterator[Store]:
    pg.require_server()
    with pg.database() as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


class World:
    """The engagement's tracked fields as each database holds them."""

    def __init__(self, engagement: str, round_uuid: str) -> None:
        guide = load_guide()
        clauses = [c.key for c in guide.clauses()][:3]
        keys = sorted(guide.all_keys() - set(clauses))
        self.engagement = engagement
        self.round = round_uuid
        self.items = keys[:3]
        self.clauses = clauses
        self.counter = 0

    def values(self, store: Store) -> Values:
        data = dx.load_round(store, self.round)
        out: Values = {}
        for key in self.items:
            answer = data.answers.get(key)
            name = f"answer:{self.round}:{key}"
            out[(name, "status")] = answer.status if answer else ""
            out[(name, "note")] = answer.note if answer else ""
        for key in self.clauses:
            clause = data.clauses.get(key)
            name = f"clause:{self.round}:{key}"
            out[(name, "findings")] = clause.findings if clause else ""
            out[(name, "current_level")] = clause.current if clause else None
        for item in plans.list_items(store, self.engagement, "action"):
            out[(f"item:{item.uuid}", "data.title")] = item.record.title
            out[(f"item:{item.uuid}", "data.note")] = item.record.note
        return out

    def text(self, who: str) -> str:
        self.counter += 1
        return f"{who}-{self.counter}"

    def edit(self, rng: random.Random, store: Store, who: str) -> str:
        kind = rng.choice(("status", "note", "note", "findings", "level", "item", "item", "add"))
        if kind in ("status", "note"):
            key = rng.choice(self.items)
            if kind == "status":
                dx.set_answer(store, self.round, key, status=rng.choice(STATUSES))
            else:
                note = "" if rng.random() < 0.2 else self.text(who)
                dx.set_answer(store, self.round, key, note=note)
            return f"{who} {kind} {key}"
        if kind in ("findings", "level"):
            key = rng.choice(self.clauses)
            if kind == "findings":
                dx.set_clause(store, self.round, key, "findings", self.text(who))
            else:
                dx.set_clause(store, self.round, key, "current", rng.choice((None, 1, 2, 3, 4, 5)))
            return f"{who} {kind} {key}"
        items = plans.list_items(store, self.engagement, "action")
        if kind == "add" or not items:
            plans.add_item(
                store, self.engagement, Action(audience="managers", title=self.text(who))
            )
            return f"{who} adds an action"
        item = rng.choice(items)
        field = rng.choice(("title", "note"))
        record = replace_struct(item.record, **{field: self.text(who)})
        plans.update_item(store, item.uuid, record)
        return f"{who} action {field}"


def _history(store: Store, engagement: str) -> set[tuple[Any, ...]]:
    """The engagement's history entries, but a laptop's own note of taking it offline. The
    author is left out: a laptop's entries take the login when they go up (checked apart)."""
    with store.session() as s:
        eid = s.scalar(select(Engagement.id).where(Engagement.uuid == engagement))
        rows = s.scalars(select(HistoryEntry).where(HistoryEntry.engagement_id == eid))
        return {
            (r.uuid, r.at, r.kind, r.record, r.field, r.old, r.new)
            for r in rows
            if not (r.field == "*" and r.new == '"taken offline"')
        }


def _authors(store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(HistoryEntry.author).distinct()))


def _expected(base: Values, mine: Values, theirs: Values) -> tuple[Values, set[Field]]:
    """The three-way rule, independently of the code under test."""
    out: Values = {}
    clashes: set[Field] = set()
    for f in set(base) | set(mine) | set(theirs):
        b, m, t = base.get(f), mine.get(f), theirs.get(f)
        if m in (t, b):
            out[f] = t
        elif t == b:
            out[f] = m
        else:
            clashes.add(f)
    return out, clashes


def _cut(store: Store, rng: random.Random) -> Any:
    """Cut the server's connection at a random statement, or just after its commit, or not."""
    how = rng.choice(("none", "none", "statement", "statement", "commit"))
    if how == "none":
        return how, lambda: None
    if how == "commit":

        def after_commit(_session: Any) -> None:
            raise OperationalError("COMMIT", {}, Exception("connection lost after commit"))

        event.listen(store.sessions, "after_commit", after_commit)
        return how, lambda: event.remove(store.sessions, "after_commit", after_commit)
    limit = rng.randint(1, 14)
    seen = {"n": 0}

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen["n"] += 1
        if seen["n"] >= limit:
            raise OperationalError(statement[:40], {}, Exception("server closed the connection"))

    event.listen(store.engine, "before_cursor_execute", before)
    return f"statement {limit}", lambda: event.remove(store.engine, "before_cursor_execute", before)


def test_random_edits_and_syncs_lose_nothing(server: Store, tmp_path: Path) -> None:
    seed = int(os.environ.get("DTBENCH_SYNC_SEED", str(time.time_ns() % 1_000_000)))
    print(f"seed {seed} (DTBENCH_SYNC_SEED={seed} replays it)")
    rng = random.Random(seed)
    profile = engagements.create_engagement(server, client_name="Client", title="Plant")
    round_uuid = dx.ensure_rounds(server, profile.uuid, "Baseline")[0].uuid
    world = World(profile.uuid, round_uuid)
    for _ in range(3):
        world.edit(rng, server, "server")
    laptops: dict[str, Store] = {}
    bases: dict[str, Values] = {}
    for name in ("A", "B"):
        laptops[name] = open_store(tmp_path / f"{name}.sqlite3")
        take_offline(server, laptops[name], [profile.uuid])
        bases[name] = world.values(server)
    log: list[str] = []
    tally: dict[str, int] = {}
    try:
        for step in range(STEPS):
            who = rng.choice(("server", "A", "B", "A", "B", "sync A", "sync B", "sync A", "sync B"))
            if not who.startswith("sync"):
                store = server if who == "server" else laptops[who]
                log.append(world.edit(rng, store, who))
                continue
            name = who.split()[1]
            laptop = laptops[name]
            finish_pending(laptop, server, profile.uuid)
            mine, theirs = world.values(laptop), world.values(server)
            expected, clashes = _expected(bases[name], mine, theirs)
            plan = plan_sync(laptop, server, profile.uuid)
            found = {c.key for c in plan.conflicts}
            context = f"seed {seed}, step {step}, {who}; before: {log[-6:]}"
            assert found == clashes, context
            decisions: dict[Field, Decision] = {}
            for c in plan.conflicts:
                choice = rng.choice(("mine", "theirs", "merge"))
                # only a free text is merged (an answer's status is one of STATUSES)
                if choice == "merge" and c.mergeable:
                    decisions[c.key] = Decision("merge", f"{c.local}+{c.server}")
                    expected[c.key] = f"{c.local}+{c.server}"
                else:
                    choice = "theirs" if choice == "merge" else choice
                    decisions[c.key] = Decision(choice)
                    expected[c.key] = c.local if choice == "mine" else c.server
            history = (_history(laptop, profile.uuid), _history(server, profile.uuid))
            how, restore = _cut(server, rng)
            try:
                apply_sync(plan, decisions)
                outcome = "done"
            except ConnectionLostError:
                outcome = "lost"
            except CommitUnknownError:
                outcome = "unknown"
            finally:
                restore()
            log.append(f"{who} ({len(found)} conflicts, cut: {how}) → {outcome}")
            tally[outcome] = tally.get(outcome, 0) + 1
            tally["conflicts"] = tally.get("conflicts", 0) + len(found)
            context = f"seed {seed}, step {step}, {who}; before: {log[-6:]}"
            after = world.values(server)
            if outcome == "lost":
                assert after == theirs, context  # the server as it was
                assert world.values(laptop) == mine, context
                # and so is the history on both sides: nothing half copied
                assert (_history(laptop, profile.uuid), _history(server, profile.uuid)) == (
                    history
                ), context
                continue
            assert after == expected, context  # every acknowledged edit is on the server
            # every entry of this laptop is on the server once, those of the server here;
            # new are only the decisions, one per conflict at most
            on_server = _history(server, profile.uuid)
            decided = on_server - history[0] - history[1]
            assert on_server >= history[0] | history[1], context
            asked = {c.record.replace("item:", "plan:") for c in plan.conflicts}
            assert {e[3] for e in decided} <= asked, context
            assert len(decided) <= len(plan.conflicts), context
            assert _authors(server) == {server.author}, context  # never this laptop's user
            if outcome == "done":
                assert world.values(laptop) == expected, context
                assert _history(laptop, profile.uuid) == on_server, context
            bases[name] = expected
        # At the end everyone synchronises twice: the three databases agree.
        for name in ("A", "B", "A", "B"):
            finish_pending(laptops[name], server, profile.uuid)
            mine, theirs = world.values(laptops[name]), world.values(server)
            expected, clashes = _expected(bases[name], mine, theirs)
            plan = plan_sync(laptops[name], server, profile.uuid)
            assert {c.key for c in plan.conflicts} == clashes, f"seed {seed}, final"
            expected.update({c.key: c.local for c in plan.conflicts})
            apply_sync(plan, keep_all(plan, "mine"))
            bases[name] = expected
        print(f"syncs and conflicts: {tally}")
        final = world.values(server)
        assert world.values(laptops["A"]) == world.values(laptops["B"]) == final, f"seed {seed}"
        # and one history, each entry once, on all three
        histories = [_history(store, profile.uuid) for store in (*laptops.values(), server)]
        assert histories[0] == histories[1] == histories[2], f"seed {seed}"
    finally:
        for store in laptops.values():
            store.close()
