"""Issue 17's day, end to end on a real server set up by ``dtbench team init``: two
consultants on one engagement, one of them offline on site; after synchronising every edit of
both is there or was shown to them as a conflict and decided; a non-member sees nothing."""

from __future__ import annotations

from pathlib import Path

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.sample import create_demo
from dtbench.store import open_store
from dtbench.team import members, server
from dtbench.team.history import clause_history
from dtbench.team.offline import offline_copies, take_offline
from dtbench.team.sync import Decision, apply_sync, synchronise
from tests import pg

ITEMS = {key: [p.key for p in load_guide().clause(key).checkpoints()] for key in ("7.3.1", "7.3.2")}


def test_two_consultants_one_offline_then_synchronised(tmp_path: Path) -> None:
    pg.require_server()
    with (
        pg.role("alice") as alice,
        pg.role("bob") as bob,
        pg.role("carol") as carol,
        pg.database(migrated=False) as admin_url,
    ):
        server.init(admin_url, alice)
        for login in (bob, carol):
            server.add_consultant(admin_url, login, "secret-pw")
        db = admin_url.rsplit("/", 1)[1]
        on_server = {
            login: open_store(pg.url_for(db, user=login, password="secret-pw"))
            for login in (alice, bob, carol)
        }
        uuid = create_demo(on_server[alice])  # alice creates it: she is its lead
        members.set_member(on_server[alice], uuid, bob, "member")
        rnd = dx.list_rounds(on_server[alice], uuid)[-1].uuid

        # Alice takes the engagement to the client's site; no network there.
        laptop = open_store(tmp_path / "alice.sqlite3")
        take_offline(on_server[alice], laptop, [uuid])
        assert "secret-pw" not in offline_copies(laptop)[uuid].server_url  # kept nowhere
        dx.set_answer(laptop, rnd, ITEMS["7.3.1"][0], status="met", note="现场确认：已上线 MES")
        dx.set_clause(laptop, rnd, "7.3.1", "findings", "Alice：排产已在 MES 中完成。")
        dx.set_clause(laptop, rnd, "7.3.2", "current", 3)

        # Bob works on the server meanwhile: another clause, and the same finding.
        dx.set_answer(on_server[bob], rnd, ITEMS["7.3.2"][0], status="partly", note="Bob 的记录")
        dx.set_clause(on_server[bob], rnd, "7.3.1", "findings", "Bob：排产仍用 Excel。")

        # Back at the office: exactly the finding both changed is shown, nothing else.
        plan, result = synchronise(laptop, on_server[alice], uuid)
        assert result is None
        assert [(c.field, c.local, c.server) for c in plan.conflicts] == [
            ("findings", "Alice：排产已在 MES 中完成。", "Bob：排产仍用 Excel。")
        ]
        assert plan.conflicts[0].server_author == bob
        merged = "Bob：排产仍用 Excel。\nAlice：现场核实后，排产已在 MES 中完成。"
        apply_sync(plan, {plan.conflicts[0].key: Decision("merge", merged)})

        for store in (on_server[bob], laptop):  # the server and the laptop agree
            data = dx.load_round(store, rnd)
            assert data.answers[ITEMS["7.3.1"][0]].note == "现场确认：已上线 MES"
            assert data.answers[ITEMS["7.3.2"][0]].note == "Bob 的记录"
            assert data.clauses["7.3.1"].findings == merged
            assert data.clauses["7.3.2"].current == 3
        # Who changed what is kept on the server.
        authors = {c.author for c in clause_history(on_server[bob], rnd, "7.3.1")}
        assert {alice, bob} <= authors
        # Carol, a consultant of the firm but not a member, sees nothing of it.
        assert service.list_engagements(on_server[carol]) == []
        for store in (*on_server.values(), laptop):
            store.close()
