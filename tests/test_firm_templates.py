"""The firm's template library on a real server: deleting a firm template (``dtbench template
delete NAME --firm`` and the app's template library), allowed to the consultant who saved it
and to the administrator only, enforced by the server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.team import server
from dtbench.templates import library
from tests import pg
from tests.test_team_access import PASSWORD, Team, run

NAME = "公司模板"


@pytest.fixture
def firm() -> Iterator[Team]:
    """A firm's server set up by ``team init``; consultants A and B (and a lead)."""
    pg.require_server()
    with ExitStack() as stack:
        group = stack.enter_context(pg.role("grp"))
        lead = stack.enter_context(pg.role("lead"))
        a = stack.enter_context(pg.role("cona"))
        b = stack.enter_context(pg.role("conb"))
        admin_url = stack.enter_context(pg.database())
        server.init(admin_url, lead, group=group)
        for login in (a, b):
            server.add_consultant(admin_url, login, PASSWORD)
        database = make_url(admin_url).database
        assert database
        yield Team(admin_url, database, group, lead, a, b, reader=lead)


def _firm_names(store: Store) -> list[str]:
    return [t.title("zh") for t in library.list_templates(store=store) if t.firm]


def _saved_by(firm: Team, login: str) -> Store:
    """``login``'s store, with the firm template NAME saved by them from the sample."""
    store = firm.open(login)
    demo = create_demo(store)
    library.save_firm_template(store, demo, NAME, ["scope", "plan"], "for everyone")
    return store


def test_a_consultant_deletes_their_own_firm_template_for_everyone(firm: Team, capsys) -> None:  # type: ignore[no-untyped-def]
    mine = _saved_by(firm, firm.a)
    colleague = firm.open(firm.b)
    try:
        assert _firm_names(colleague) == [NAME]
        assert run("template", "list", "--db", firm.url(firm.a)) == 0
        listed = [line for line in capsys.readouterr().out.splitlines() if NAME in line]
        assert len(listed) == 1 and "[firm library]" in listed[0]
        assert run("template", "delete", NAME, "--firm", "--db", firm.url(firm.a)) == 0
        assert capsys.readouterr().err == ""
        assert _firm_names(colleague) == [] and _firm_names(mine) == []
    finally:
        mine.close()
        colleague.close()


def test_someone_elses_firm_template_is_refused_with_a_message(firm: Team, capsys) -> None:  # type: ignore[no-untyped-def]
    from dtbench.messages import translate

    mine = _saved_by(firm, firm.a)
    colleague = firm.open(firm.b)
    try:
        assert run("template", "delete", NAME, "--firm", "--db", firm.url(firm.b)) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert f"was saved by {firm.a}" in err and "Nothing was changed" in err
        assert _firm_names(colleague) == [NAME] == _firm_names(mine)
        # The app's way refuses the same; a rename (a delete under the old name) too, and
        # leaves no copy under the new name.
        (theirs,) = [t for t in library.list_templates(store=colleague) if t.firm]
        with pytest.raises(library.FirmTemplateNotYoursError) as refused:
            library.delete_template(theirs, colleague)
        assert firm.a in refused.value.message(translate)
        with pytest.raises(library.FirmTemplateNotYoursError):
            library.rename_template(theirs, "改名", colleague)
        assert _firm_names(mine) == [NAME]
        # Replacing it with B's own is deleting A's too: refused, A's kept as it was.
        demo = create_demo(colleague)
        with pytest.raises(library.FirmTemplateNotYoursError):
            library.save_firm_template(colleague, demo, NAME, ["scope"], replace=True)
        (kept,) = [t for t in library.list_templates(store=mine) if t.firm]
        assert (kept.author, kept.description.zh) == (firm.a, "for everyone")
        assert set(kept.parts) != {"scope"}  # A's parts, not B's
        # The server itself refuses it, not only dtbench: B's own DELETE through the driver.
        engine = create_engine(firm.url(firm.b))
        try:
            with pytest.raises(DBAPIError) as raw, engine.begin() as conn:
                conn.execute(text("DELETE FROM templates"))
            assert getattr(raw.value.orig, "sqlstate", None) == "42501"
            with pytest.raises(DBAPIError) as raw, engine.begin() as conn:
                conn.execute(text("UPDATE templates SET author = current_user, data = '{}'"))
            assert getattr(raw.value.orig, "sqlstate", None) == "42501"
        finally:
            engine.dispose()
        assert _firm_names(mine) == [NAME]
        # The administrator (the database's owner) may delete any.
        admin = make_url(firm.admin_url).render_as_string(hide_password=False)
        assert run("template", "delete", NAME, "--firm", "--db", admin) == 0
        assert _firm_names(colleague) == []
    finally:
        mine.close()
        colleague.close()


def test_deleting_a_name_not_in_the_firm_library(firm: Team, capsys) -> None:  # type: ignore[no-untyped-def]
    """A clear line and exit 2; a template of that name on this computer is not the one
    meant and stays."""
    mine = _saved_by(firm, firm.a)
    try:
        local = library.save_template(mine, create_demo(mine), "只在本机", ["scope"])
        code = run("template", "delete", "只在本机", "--firm", "--db", firm.url(firm.a))
        assert code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no template called “只在本机” in the firm's library" in err
        assert local.is_file() and _firm_names(mine) == [NAME]
    finally:
        mine.close()


def test_a_server_out_of_reach_deletes_nothing(firm: Team, capsys) -> None:  # type: ignore[no-untyped-def]
    mine = _saved_by(firm, firm.a)
    try:
        local = library.save_template(mine, create_demo(mine), NAME, ["scope"])
        closed = make_url(firm.url(firm.a)).set(port=1).render_as_string(hide_password=False)
        assert run("template", "delete", NAME, "--firm", "--db", closed) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "cannot be reached" in err
        assert PASSWORD not in err
        assert local.is_file() and _firm_names(mine) == [NAME]
    finally:
        mine.close()


def test_the_library_dialog_deletes_a_firm_template_after_confirming(  # type: ignore[no-untyped-def]
    qtbot, translations, firm: Team, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.exchange.templates import TemplateLibraryDialog
    from dtbench.ui.kit.changes import ChangeHub

    mine = _saved_by(firm, firm.a)
    other = _saved_by_other(firm)

    class Shell:  # B's window, as far as the library dialog sees it
        store = other
        changes = ChangeHub()

        def ui_language(self) -> str:
            return "en"

    try:
        dialog = TemplateLibraryDialog(Shell(), "en", None)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)

        def select(name: str) -> None:
            for n in range(dialog.view.topLevelItemCount()):
                item = dialog.view.topLevelItem(n)
                if item.text(0) == name:
                    dialog.view.setCurrentItem(item)
                    return
            raise AssertionError(name)

        asked: list[str] = []
        warned: list[str] = []

        def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
            return lambda _p, _t, text, *a, **k: asked.append(text) or reply

        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
        # A's template, seen by B: B is told who may delete it; nothing deleted.
        select(NAME)
        monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
        dialog.delete_button.click()
        assert "for everyone" in asked[-1]
        assert len(warned) == 1 and f"was saved by {firm.a}" in warned[0]
        assert _firm_names(mine) == [NAME, OTHER]
        # B's own: not without confirming, then gone for everyone.
        select(OTHER)
        monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
        dialog.delete_button.click()
        assert _firm_names(mine) == [NAME, OTHER]
        monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
        dialog.delete_button.click()
        assert _firm_names(mine) == [NAME]
        assert OTHER not in [
            dialog.view.topLevelItem(n).text(0) for n in range(dialog.view.topLevelItemCount())
        ]
        assert len(warned) == 1
    finally:
        mine.close()
        other.close()


OTHER = "咨询师乙的模板"


def _saved_by_other(firm: Team) -> Store:
    store = firm.open(firm.b)
    demo = create_demo(store)
    library.save_firm_template(store, demo, OTHER, ["scope"])
    return store
