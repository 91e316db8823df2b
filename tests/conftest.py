"""Every test runs offscreen with its own DTBENCH_HOME (data folder, settings) and database."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's settings and caches must not touch the real home folder.
os.environ.setdefault("XDG_CONFIG_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "dtb-cfg"))
# An export lays the proposal out with LibreOffice to number its table of contents (10–30 s);
# the tests of that (tests/test_toc.py) turn it on, the other exports go without it.
os.environ["DTBENCH_SOFFICE"] = "none"
# Charts are kept on disk across runs (dtbench.reports.chart_cache): a module's fixtures run
# before DTBENCH_HOME points into the test's folder, so the suite keeps none; the tests of
# the cache turn it on in their own folder.
os.environ["DTBENCH_CHART_CACHE"] = "off"

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def collect_garbage() -> Iterator[None]:
    """After each test (its widgets closed by then), free what it left in reference cycles.

    A page a test builds by itself is a top-level widget owned by Python; left in a cycle, the
    garbage collector would destroy it at an arbitrary later moment, possibly inside a Qt
    callback of another test, after the Python side of its own children is gone (a crash
    the application cannot meet: there every page has a parent that destroys it).

    What is left after that lives on (modules, caches, the QApplication): frozen, so that the
    next test's collection, and every automatic one, looks only at what came since. Without
    this each collection scanned everything the process had ever kept, and grew to most of a
    second per test: a third of the suite's time."""
    yield
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def fresh_chart_cache() -> None:
    """Each test draws its charts: none kept in memory by an earlier test answers for it."""
    import sys

    cache = sys.modules.get("dtbench.reports.chart_cache")
    if cache is not None:
        cache.clear_memory()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("DTBENCH_HOME", str(folder))
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("DTBENCH_DB", raising=False)
    monkeypatch.delenv("DTBENCH_LANG", raising=False)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "engagements.sqlite3"


# The store suite: these modules' tests that take ``store`` run on SQLite and on a real
# PostgreSQL server (tests/pg.py), the firm server's engine.
BOTH_ENGINES = frozenset(
    {
        "test_store",
        "test_diagnosis_store",
        "test_one_rating",
        "test_plan_core",
        "test_interviews",
        "test_fieldwork",
        "test_findings",
        "test_risks_core",
        "test_blueprint",
        "test_investment",
        "test_templates",
        "test_benchmark",
        "test_package",
        "test_questionnaire",
        "test_demo",
        "test_demo_english",
        "test_team",
        "test_history",
        "test_conflicts",
    }
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    wanted = "store" in metafunc.fixturenames and module in BOTH_ENGINES
    if wanted and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The store's database engine: "sqlite" unless the test is in the store suite."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty database file made once per test process, as ``open_store`` creates one;
    each test's ``store`` starts from a copy (the migrations run once, not for every test:
    a tenth of a second each, a thousand times). tests/test_store.py checks that a copy is
    what creating gives, and the tests of creating and migrating call ``open_store`` on a
    path of their own."""
    from dtbench.store import open_store

    path = tmp_path_factory.mktemp("template") / "engagements.sqlite3"
    open_store(path).close()
    return path


@pytest.fixture
def store(engine: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[object]:
    import shutil

    from dtbench.store import open_store

    if engine == "sqlite" and not db_path.exists():
        shutil.copyfile(request.getfixturevalue("sqlite_template"), db_path)
    if engine == "postgresql":
        from tests import pg

        with pg.database() as url:
            opened = open_store(url)
            yield opened
            opened.close()
        return
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def other(store):  # type: ignore[no-untyped-def]
    """A colleague's client on the test's database (author "lintao")."""
    import dataclasses

    from dtbench.store import open_store

    colleague = open_store(store.url)
    colleague.sessions.kw["info"] = {"author": "lintao"}
    yield dataclasses.replace(colleague, author="lintao")
    colleague.close()


@pytest.fixture
def translations(qapp):  # type: ignore[no-untyped-def]
    """The UI in English unless a test switches; restored to English afterwards. The
    application's font is set as the app sets it (Latin family, CJK fallback), whatever test
    ran before in this process: layouts measured by a test are the ones users get."""
    from dtbench.ui.kit.fonts import ensure_chinese_font
    from dtbench.ui.kit.translations import Translations

    ensure_chinese_font()

    t = Translations(qapp)
    t.apply("en")
    yield t
    t.apply("en")


@pytest.fixture
def window(qtbot, store, translations):  # type: ignore[no-untyped-def]
    """The main window on the test's database, shown offscreen."""
    from dtbench.store import open_store
    from dtbench.ui.shell.main_window import MainWindow

    w = MainWindow(store, translations, open_store=open_store)
    qtbot.addWidget(w, before_close_func=close_without_questions)
    w.show()
    return w


def close_without_questions(window):  # type: ignore[no-untyped-def]
    """Before a test's window closes: typing it left that meets a conflict is cancelled and
    every draft discarded (else closing asks, in a dialog nobody answers: the run hangs)."""
    ws = window.workspace
    if ws is None:
        return
    ws.session.resolver = ws.plan.resolver = lambda _conflict: None
    ws.leave()
    ws.discard_drafts()


@pytest.fixture
def export_dialog(qtbot, window, store, tmp_path):  # type: ignore[no-untyped-def]
    """The export dialog of the Chinese sample, open in the window, writing into tmp_path;
    it does not offer to open what it wrote."""
    from dtbench.sample import create_demo
    from dtbench.ui.exchange.export_dialog import ExportDialog

    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid)
    ws = window.workspace
    assert ws is not None
    d = ExportDialog(store, ws.plan, uuid, "澜岳", "zh", window)
    qtbot.addWidget(d)
    d.word_path.setText(str(tmp_path / "proposal.docx"))
    d.excel_path.setText(str(tmp_path / "plan.xlsx"))
    d._offer_to_open = lambda: None
    return d


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile i18n/*.ts the way the build does, when the .qm files are missing or stale
    (and dtbench's modules to bytecode).

    ``pip install -e .`` compiles them too; this keeps a test run right after editing a .ts.
    With pytest-xdist the controller compiles before it starts the workers, which leave it.
    """
    if hasattr(session.config, "workerinput"):
        return
    import compileall
    import importlib.util

    # Bytecode cached once, as Python does on a user's machine: with PYTHONDONTWRITEBYTECODE
    # set (as on some CI machines) every worker and every `python -m dtbench` of the tests
    # would compile the modules it imports again.
    compileall.compile_dir(ROOT / "dtbench", quiet=1)

    spec = importlib.util.spec_from_file_location(
        "dtbench_build", ROOT / "packaging" / "dtbench_build.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    i18n = ROOT / "i18n"
    stale = any(
        not (qm := ts.with_suffix(".qm")).exists() or qm.stat().st_mtime < ts.stat().st_mtime
        for ts in i18n.glob("*.ts")
    )
    if stale:
        build.compile_translations(i18n)
