"""Live changes on a firm's server: every committed transaction that changes an engagement
sends one notice (engagement and kinds) on the change channel, nothing for one rolled back;
presence says who else is in which engagement, step and clause."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text, update

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.plan import service as plan
from dtbench.store import notify, open_store
from dtbench.store.database import Store
from dtbench.store.models import Presence, utcnow
from dtbench.team import presence
from tests import pg


@pytest.fixture
def server() -> Iterator[tuple[str, str, str]]:
    """A migrated database and two consultants' logins that may use it."""
    pg.require_server()
    with pg.role("alice") as alice, pg.role("bob") as bob, pg.database() as url:
        admin = open_store(url)
        with admin.engine.begin() as conn:
            for login in (alice, bob):
                conn.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"'))
                conn.execute(text(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"'))
        admin.close()
        name = url.rsplit("/", 1)[-1]
        yield (
            pg.url_for(name, user=alice, password="secret-pw"),
            pg.url_for(name, user=bob, password="secret-pw"),
            url,
        )


@pytest.fixture
def two(server: tuple[str, str, str]) -> Iterator[tuple[Store, Store]]:
    first, second = open_store(server[0]), open_store(server[1])
    yield first, second
    first.close()
    second.close()


class Listener:
    """A bare psycopg connection listening on the channel, as another window would."""

    def __init__(self, url: str) -> None:
        import psycopg

        conninfo = url.replace("postgresql+psycopg://", "postgresql://")
        self.conn = psycopg.connect(conninfo, autocommit=True)
        self.conn.execute(f"LISTEN {notify.CHANNEL}")

    def notices(self, wait: float = 0.5) -> list[notify.Notice]:
        found = []
        for raw in self.conn.notifies(timeout=wait):
            notice = notify.parse(raw.payload)
            assert notice is not None, raw.payload
            found.append(notice)
        return found

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def listener(server: tuple[str, str, str]) -> Iterator[Listener]:
    heard = Listener(server[1])
    yield heard
    heard.close()


def _engagement(store: Store) -> tuple[str, str]:
    profile = engagements.create_engagement(store, client_name="Client", title="Audit")
    rounds = dx.ensure_rounds(store, profile.uuid, "Baseline")
    return profile.uuid, rounds[-1].uuid


def _changes(notices: list[notify.Notice]) -> list[tuple[Any, ...]]:
    return [(n.author, n.changes) for n in notices]


def test_one_notice_per_committed_transaction(two: tuple[Store, Store], listener: Listener):
    alice, _bob = two
    uuid, rnd = _engagement(alice)
    listener.notices()  # the engagement's creation
    dx.set_answer(alice, rnd, "7.3.1.a", status="met")
    dx.set_clause(alice, rnd, "7.3.1", "findings", "Paper records only.")
    heard = listener.notices()
    assert _changes(heard) == [
        (alice.author, ((uuid, frozenset({"answers"})),)),
        (alice.author, ((uuid, frozenset({"clauses"})),)),
    ]
    assert {n.sender for n in heard} == {notify.sender_of(alice.sessions)}


def test_a_transaction_of_many_rows_sends_one_notice(
    two: tuple[Store, Store], listener: Listener
) -> None:
    alice, _bob = two
    profile = engagements.create_engagement(alice, client_name="Client", title="Audit")
    heard = listener.notices()
    assert len(heard) == 1
    assert heard[0].changes == ((profile.uuid, frozenset({"engagements", "profile"})),)
    from dtbench.plan.records import Phase

    plan.add_item(alice, profile.uuid, Phase(name="Foundations"))
    # the plan, and the engagement's date in the list (not its profile)
    assert [n.changes for n in listener.notices()] == [
        ((profile.uuid, frozenset({"plan", "engagements"})),)
    ]


def test_nothing_is_heard_of_a_rolled_back_transaction(
    two: tuple[Store, Store], listener: Listener
) -> None:
    alice, _bob = two
    uuid, rnd = _engagement(alice)
    listener.notices()
    with pytest.raises(RuntimeError), alice.session() as s:
        from dtbench.store.models import Answer, AssessmentRound

        rid = s.query(AssessmentRound.id).filter_by(uuid=rnd).scalar()
        s.add(Answer(round_id=rid, key="7.3.1.a", status="met"))
        s.flush()
        raise RuntimeError("the consultant's save failed halfway")
    assert listener.notices() == []
    # and the next transaction does not carry what the failed one had written
    dx.set_clause(alice, rnd, "7.3.1", "findings", "x")
    assert [n.changes for n in listener.notices()] == [((uuid, frozenset({"clauses"})),)]


def test_reading_sends_nothing(two: tuple[Store, Store], listener: Listener) -> None:
    alice, bob = two
    uuid, rnd = _engagement(alice)
    listener.notices()
    dx.load_round(bob, rnd)
    engagements.list_engagements(bob)
    dx.list_rounds(bob, uuid)
    assert listener.notices() == []


def test_kinds_are_the_change_hubs() -> None:
    """A notice's kinds become the UI's change notices: the same names."""
    from dtbench.ui.kit.changes import KINDS

    sent = {kind for kinds, _via, _attribute in notify.KINDS_OF.values() for kind in kinds}
    assert sent <= KINDS


def test_presence_names_the_others_and_forgets_the_gone(
    two: tuple[Store, Store], listener: Listener, server: tuple[str, str, str]
) -> None:
    alice, bob = two
    uuid, _rnd = _engagement(alice)
    listener.notices()
    presence.announce(alice, uuid, "diagnosis", "7.3.1")
    heard = listener.notices()
    assert [n.changes for n in heard] == [((uuid, frozenset({"presence"})),)]
    seen = presence.who_is_where(bob)
    assert [(w.login, w.engagement, w.step, w.clause_key) for w in seen] == [
        (alice.author, uuid, "diagnosis", "7.3.1")
    ]
    assert presence.who_is_where(alice) == []  # not oneself
    presence.announce(alice, None)  # back on the list
    assert [(w.engagement, w.step) for w in presence.who_is_where(bob)] == [(None, "")]
    presence.leave(alice)  # closed the app: gone at once
    assert presence.who_is_where(bob) == []
    presence.announce(alice, uuid, "roadmap")
    # two minutes and more without a word: gone
    admin = open_store(server[2])
    with admin.engine.begin() as conn:
        conn.execute(update(Presence).values(seen_at=utcnow() - timedelta(minutes=3)))
    admin.close()
    assert presence.who_is_where(bob) == []


def test_presence_writes_no_record_change(two: tuple[Store, Store]) -> None:
    alice, _bob = two
    uuid, _rnd = _engagement(alice)
    before = engagements.get_profile(alice, uuid)
    with alice.engine.connect() as conn:
        entries = conn.scalar(text("SELECT count(*) FROM history"))
    presence.announce(alice, uuid, "diagnosis", "7.3.1")
    after = engagements.get_profile(alice, uuid)
    assert before == after
    with alice.engine.connect() as conn:  # nothing in the engagement's history either
        assert conn.scalar(text("SELECT count(*) FROM history")) == entries
