"""Hostile and broken inputs: every file and every typed text has limits in kind, size,
count, depth and characters, checked before the work, refused with a one-line message that
names the limit; the database is left as it was."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import threading
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from folders import read_only
from openpyxl import load_workbook
from sqlalchemy import event

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.engagement.records import ContactRecord
from dtbench.errors import UserError
from dtbench.input_rules import (
    MAX_JSON_DEPTH,
    MAX_LIST_ITEMS,
    FileTooLargeError,
    TextTooLongError,
    canonical_uuid,
    clean_text,
    json_depth_exceeds,
)
from dtbench.plan import service as plan
from dtbench.plan.records import Kpi
from dtbench.questionnaire import workbook as qn
from dtbench.sample import create_demo
from dtbench.store import open_store
from dtbench.store.database import Store
from dtbench.templates import library
from dtbench.transfer import package as pk

ILLEGAL = "\x00\x01\x07\x08\x0e\x1b\x1f\udfff\ufffe\uffff\ud800"
CONTROLS = "\x00\x01\x07\x08\x0e\x1b\x1f\ufffe\uffff"  # JSON cannot hold lone surrogates


def _english(exc: pytest.ExceptionInfo[UserError]) -> str:
    text = exc.value.message(lambda _context, source: source)
    assert "\n" not in text and "Traceback" not in text
    return text


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The sample engagement, exported once for the module."""
    folder = tmp_path_factory.mktemp("exported")
    store = open_store(folder / "source.sqlite3")
    try:
        uuid = create_demo(store)
        return uuid, pk.export_package(store, uuid, folder / "sample.dtbx")
    finally:
        store.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """A file database with one engagement, and its path (to compare before and after)."""
    path = tmp_path / "target.sqlite3"
    store = open_store(path)
    engagements.create_engagement(store, client_name="大连华信", title="已有项目")
    yield store, path
    store.close()


def _dump(store: Store) -> list[Any]:
    """Everything in the database, to show it is unchanged."""
    with store.session() as s:
        conn = s.connection()
        tables = [
            r[0]
            for r in conn.exec_driver_sql("select name from sqlite_master where type = 'table'")
        ]
        return [
            (t, sorted(map(repr, conn.exec_driver_sql(f'select * from "{t}"'))))
            for t in sorted(tables)
            if not t.startswith("sqlite_") and t != "alembic_version"
        ]


def _rebuilt(good: Path, out: Path, edit: Callable[[dict[str, Any]], Any]) -> Path:
    """A copy of a good .dtbx whose engagement data ``edit`` changes (or replaces, when it
    returns bytes), with the manifest's checksums brought in line."""
    with zipfile.ZipFile(good) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    data = json.loads(parts["engagement.json"])
    replaced = edit(data)
    body = replaced if isinstance(replaced, bytes) else json.dumps(data).encode()
    parts["engagement.json"] = body
    meta = json.loads(parts["manifest.json"])
    meta["engagement"]["uuid"] = data["engagement"]["uuid"]
    meta["members"]["engagement.json"] = {
        "sha256": hashlib.sha256(body).hexdigest(),
        "size": len(body),
    }
    parts["manifest.json"] = json.dumps(meta).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return out


# ---------------------------------------------------------------- 1. nesting
def test_depth_check_counts_levels_not_brackets_in_text() -> None:
    assert json_depth_exceeds(b"[" * 100_000 + b"]" * 100_000)
    assert not json_depth_exceeds(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH)
    assert json_depth_exceeds(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    wide = json.dumps({"text": "[[[{{{" * 1000, "list": [[1, {"a": [2]}]] * 5000})
    assert not json_depth_exceeds(wide.encode())


def test_an_engagement_file_nested_thousands_deep_is_refused(
    exported: tuple[str, Path], target: tuple[Store, Path], tmp_path: Path
) -> None:
    store, _path = target

    def deep(data: dict[str, Any]) -> bytes:
        body = json.dumps(data).encode()
        nested = b'{"x":' + b"[" * 50_000 + b"]" * 50_000 + b"}"
        return body.replace(b'"plan_items": [', b'"plan_items": [' + nested + b",", 1)

    bad = _rebuilt(exported[1], tmp_path / "deep.dtbx", deep)
    before = _dump(store)
    with pytest.raises(UserError) as refused:
        pk.import_package(store, bad)
    assert f"nested more than {MAX_JSON_DEPTH} levels" in _english(refused)
    assert "deep.dtbx" in _english(refused)
    assert _dump(store) == before


def test_a_template_nested_thousands_deep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.dtbt"
    data = json.loads((library.builtin_dir() / "trading_services.json").read_text(encoding="utf-8"))
    text = json.dumps(data).replace('"parts": {', '"parts": {"notes": ' + "[" * 50_000, 1)
    path.write_text(text + "]" * 50_000, encoding="utf-8")
    with pytest.raises(library.TemplateError) as refused:
        library.load_template(path)
    assert f"nested more than {MAX_JSON_DEPTH} levels" in _english(refused)
    with pytest.raises(library.TemplateError):
        library.import_template(path)
    assert list(library.user_dir().iterdir()) == []


# ---------------------------------------------------------------- 2. integers
@pytest.mark.parametrize(
    ("where", "edit"),
    [
        ("round number", lambda d: d["rounds"][0].update(number=2**63)),
        ("plan position", lambda d: d["plan_items"][0].update(position=2**63 + 5)),
        ("level", lambda d: d["rounds"][0]["clauses"][0].update(current_level=2**64)),
        ("negative", lambda d: d["rounds"][0].update(number=-(2**63) - 1)),
    ],
)
def test_integers_the_database_cannot_hold_are_refused(
    exported: tuple[str, Path],
    target: tuple[Store, Path],
    tmp_path: Path,
    where: str,
    edit: Callable[[dict[str, Any]], None],
) -> None:
    store, _path = target
    bad = _rebuilt(exported[1], tmp_path / "big.dtbx", edit)
    before = _dump(store)
    with pytest.raises(pk.BadContentError) as refused:
        pk.import_package(store, bad)
    assert "big.dtbx cannot be imported: the engagement in it is not valid" in _english(refused)
    assert _dump(store) == before


# ---------------------------------------------------------------- 3. special files
def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def _never_blocks(call: Callable[[], object]) -> BaseException | None:
    """Run ``call`` on a thread; fail the test (instead of hanging) if it does not end."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock a reader waiting on a pipe, then fail
        for path in _open_pipes:
            with open(path, "wb"):
                pass
        pytest.fail("reading a special file did not end")
    return outcome[0]


_open_pipes: list[Path] = []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
@pytest.mark.parametrize("reader", ["package", "template", "questionnaire"])
def test_a_pipe_a_device_or_a_folder_is_refused_at_once(
    tmp_path: Path, target: tuple[Store, Path], kind: str, reader: str
) -> None:
    store, _path = target
    suffix = {"package": ".dtbx", "template": ".dtbt", "questionnaire": ".xlsx"}[reader]
    if kind == "fifo":
        path = _fifo(tmp_path, "input" + suffix)
        _open_pipes[:] = [path]
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / ("input" + suffix)
        path.mkdir()
    call: Callable[[], object] = {
        "package": lambda: pk.import_package(store, path),
        "template": lambda: library.load_template(path),
        "questionnaire": lambda: qn.read_questionnaire(path),
    }[reader]
    before = _dump(store)
    error = _never_blocks(call)
    assert isinstance(error, UserError), repr(error)
    text = error.message(lambda _c, source: source)
    assert "\n" not in text and path.name in text
    assert "not a regular file" in text
    assert _dump(store) == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.dtbx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * 4096)
    monkeypatch.setattr(pk, "MAX_FILE_BYTES", 2048)
    with pytest.raises(FileTooLargeError) as refused:
        pk.read_package(big)
    assert "big.dtbx was refused: it is larger than 2,048 bytes" in _english(refused)
    template = tmp_path / "big.dtbt"
    template.write_bytes(b" " * (library.MAX_BYTES + 1))
    with pytest.raises(library.TemplateError) as refused_template:
        library.load_template(template)
    assert "larger than 5 MB" in _english(refused_template)
    sheet = tmp_path / "big.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\0" * 4096)
    monkeypatch.setattr(qn, "MAX_FILE_BYTES", 3 * 1024 * 1024 * 1024)
    monkeypatch.setattr(os, "stat", _claiming(os.stat, sheet, 4 * 1024**3))
    with pytest.raises(FileTooLargeError) as refused_sheet:
        qn.read_questionnaire(sheet)
    assert "big.xlsx was refused: it is larger than 3 GB" in _english(refused_sheet)


def _claiming(real: Callable[..., os.stat_result], path: Path, size: int) -> Any:
    """os.stat that says ``path`` has ``size`` bytes (no test writes gigabytes)."""

    def fake(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        result = real(target, *args, **kwargs)
        if Path(target) == path:
            values = list(result)
            values[6] = size  # st_size
            return os.stat_result(values)
        return result

    return fake


# ---------------------------------------------------------------- 4. counts
def test_a_template_with_too_many_entries_is_refused_naming_the_limit(tmp_path: Path) -> None:
    kpi = {"category": "digital_operations", "name": "K", "targets": {}, "initiatives": []}
    data = {
        "format": library.FORMAT,
        "version": 1,
        "name": "many",
        "parts": {"kpis": [kpi] * (MAX_LIST_ITEMS + 1)},
    }
    path = tmp_path / "many.dtbt"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(library.TemplateError) as refused:
        library.load_template(path)
    message = _english(refused)
    assert "“kpis” has 5,001 entries, more than the 5,000 dtbench accepts" in message


def test_an_engagement_file_with_too_many_plan_items_is_refused(
    exported: tuple[str, Path], target: tuple[Store, Path], tmp_path: Path
) -> None:
    store, _path = target

    def many(data: dict[str, Any]) -> None:
        kpi = next(i for i in data["plan_items"] if i["kind"] == "kpi")
        data["plan_items"] += [
            {**kpi, "uuid": f"00000000-0000-4000-8000-{n:012d}", "position": n}
            for n in range(MAX_LIST_ITEMS + 1)
        ]

    bad = _rebuilt(exported[1], tmp_path / "many.dtbx", many)
    before = _dump(store)
    with pytest.raises(pk.BadContentError) as refused:
        pk.import_package(store, bad)
    assert f"more than {MAX_LIST_ITEMS}" in _english(refused)
    assert _dump(store) == before


def test_a_questionnaire_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        for n in range(qn.MAX_PARTS + 1):
            zf.writestr(f"xl/x{n}.xml", b"")
    with pytest.raises(UserError) as refused:
        qn.read_questionnaire(path)
    assert "has 1,001 entries, more than the 1,000" in _english(refused)


# ---------------------------------------------------------------- 5. a far-away cell
def test_a_cell_at_the_last_row_of_the_sheet_is_neither_slow_nor_big(
    store: Store, tmp_path: Path
) -> None:
    demo = create_demo(store)
    path = qn.export_questionnaire(store, demo, tmp_path / "q.xlsx")
    wb = load_workbook(path)
    wb["问卷"].cell(1_048_576, 1, "x")
    wb.save(path)
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        questionnaire = qn.read_questionnaire(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert questionnaire.engagement == demo and questionnaire.answers
    assert peak < 60 * 1024 * 1024  # the whole sheet in memory is over a gigabyte


# ---------------------------------------------------------------- 6. a large template
def test_creating_from_a_large_template_takes_a_fixed_number_of_queries(
    store: Store, tmp_path: Path
) -> None:
    def statements(count: int) -> int:
        kpis = [{"category": "digital_operations", "name": f"KPI {n}"} for n in range(count)]
        data = {
            "format": library.FORMAT,
            "version": 1,
            "name": f"kpis {count}",
            "parts": {"kpis": kpis},
        }
        path = tmp_path / f"k{count}.dtbt"
        path.write_text(json.dumps(data), encoding="utf-8")
        template = library.load_template(path)
        seen: list[str] = []

        def count_it(*args: Any) -> None:
            seen.append(str(args[2]))

        engine = store.engine
        event.listen(engine, "before_cursor_execute", count_it)
        try:
            uuid = library.create_from_template(store, template, f"客户{count}")
        finally:
            event.remove(engine, "before_cursor_execute", count_it)
        assert len(plan.list_items(store, uuid, "kpi")) == count
        positions = [i.position for i in plan.list_items(store, uuid, "kpi")]
        assert positions == list(range(count))
        return sum(1 for sql in seen if sql.lstrip().upper().startswith("SELECT"))

    # Adding KPIs one by one read the whole list again for each: quadratic. Now the
    # queries do not depend on how many there are.
    assert statements(10) == statements(120)


# ---------------------------------------------------------------- 7. identity
@pytest.mark.parametrize(
    "written",
    [
        lambda u: u + "\n",
        lambda u: " " + u.upper() + " ",
        lambda u: "{" + u.replace("-", "") + "}",
        lambda u: "urn:uuid:" + u,
    ],
)
def test_the_same_engagement_is_recognised_however_its_id_is_written(
    exported: tuple[str, Path],
    tmp_path: Path,
    written: Callable[[str], str],
) -> None:
    uuid, good = exported
    store = open_store(tmp_path / "db.sqlite3")
    try:
        pk.import_package(store, good)

        def rewrite(data: dict[str, Any]) -> None:
            data["engagement"]["uuid"] = written(data["engagement"]["uuid"])

        variant = _rebuilt(good, tmp_path / "variant.dtbx", rewrite)
        before = _dump(store)
        with pytest.raises(pk.EngagementExistsError):
            pk.import_package(store, variant)
        assert _dump(store) == before
        result = pk.import_package(store, variant, "replace")
        assert result.uuid == uuid
        assert [e.uuid for e in engagements.list_engagements(store)] == [uuid]
    finally:
        store.close()


def test_an_id_that_is_not_a_uuid_is_refused(
    exported: tuple[str, Path], target: tuple[Store, Path], tmp_path: Path
) -> None:
    store, _path = target

    def rewrite(data: dict[str, Any]) -> None:
        data["engagement"]["uuid"] = "not-a-uuid-but-long-enough-0123456789"

    bad = _rebuilt(exported[1], tmp_path / "id.dtbx", rewrite)
    before = _dump(store)
    with pytest.raises(pk.BadContentError) as refused:
        pk.import_package(store, bad)
    assert "is not an id" in _english(refused)
    assert _dump(store) == before


def test_canonical_uuid_forms() -> None:
    canonical = "0e0b1c2d-0000-4000-8000-000000000001"
    for form in (canonical, canonical.upper(), "{" + canonical + "}", canonical + "\r\n"):
        assert canonical_uuid(form) == canonical
    for form in ("", "x" * 36, canonical[:-1] + "_", canonical + "0", "0x" + canonical[2:]):
        assert canonical_uuid(form) is None


# ---------------------------------------------------------------- 8. characters and length
def test_clean_text_keeps_line_breaks_and_drops_what_xml_cannot_hold() -> None:
    assert clean_text("a\x0bb\x0cc\r\nd\re\tf" + ILLEGAL + "g") == "a\nb\nc\nd\ne\tfg"
    assert clean_text("中文 ok\n") == "中文 ok\n"


def test_every_setter_stores_clean_text(store: Store, tmp_path: Path) -> None:
    profile = engagements.create_engagement(
        store, client_name="华\x0b信" + ILLEGAL, title="项目\x1b", industry="制造\x07"
    )
    uuid = profile.uuid
    engagements.set_field(store, uuid, "notes", "第一行\x0b第二行\r\n第三行" + ILLEGAL)
    engagements.set_field(store, uuid, "region", "大连\x1b[0m")
    engagements.set_field(store, uuid, "existing_systems", ["ERP\x07", "MES"])
    engagements.set_field(store, uuid, "contacts", (ContactRecord("王\x0b工", role="\x1b"),))
    stored = engagements.get_profile(store, uuid)
    assert (stored.client_name, stored.title, stored.industry) == ("华\n信", "项目", "制造")
    assert stored.notes == "第一行\n第二行\n第三行"
    assert stored.region == "大连[0m"
    assert stored.existing_systems == ("ERP", "MES")
    assert stored.contacts == (ContactRecord("王\n工", role=""),)
    rnd = dx.ensure_rounds(store, uuid, "基线\x07")[0]
    dx.set_answer(store, rnd.uuid, "5.2.d", status="met", note="说明\x0b" + ILLEGAL)
    dx.set_clause(store, rnd.uuid, "5.2", "findings", "发现\x0c问题\x1b")
    dx.rename_round(store, rnd.uuid, "第一轮\x08")
    data = dx.load_round(store, rnd.uuid)
    assert data.answers["5.2.d"].note == "说明\n"
    assert data.clauses["5.2"].findings == "发现\n问题"
    assert dx.list_rounds(store, uuid)[0].name == "第一轮"
    item = plan.add_item(
        store, uuid, Kpi(category="digital_operations", name="K\x0b1", unit="%\x1b")
    )
    assert (item.record.name, item.record.unit) == ("K\n1", "%")
    plan.update_item(
        store, item.uuid, Kpi(category="digital_operations", name="K\x07", definition="\ud800")
    )
    [kpi] = plan.list_items(store, uuid, "kpi")
    assert (kpi.record.name, kpi.record.definition) == ("K", "")
    # What a person typed can now go into Excel: the questionnaire export works.
    qn.export_questionnaire(store, uuid, tmp_path / "q.xlsx")


def test_a_ten_megabyte_note_is_refused_and_not_stored(store: Store) -> None:
    uuid = engagements.create_engagement(store, client_name="客户", title="项目").uuid
    rnd = dx.ensure_rounds(store, uuid, "基线")[0]
    before = _dump(store)
    huge = "很长的说明" * 2_000_000
    for call in (
        lambda: engagements.set_field(store, uuid, "notes", huge),
        lambda: dx.set_answer(store, rnd.uuid, "5.2.d", note=huge),
        lambda: dx.set_clause(store, rnd.uuid, "5.2", "findings", huge),
        lambda: plan.add_item(
            store, uuid, Kpi(category="digital_operations", name="K", definition=huge)
        ),
    ):
        with pytest.raises(TextTooLongError) as refused:
            call()
        assert "(10,000,000 characters): at most 100,000 characters" in _english(refused)
        assert "很长的说明很长的说明" in _english(refused)
    assert _dump(store) == before


def test_imported_engagements_and_templates_bring_clean_text(
    exported: tuple[str, Path], tmp_path: Path
) -> None:
    def dirty(data: dict[str, Any]) -> None:
        data["engagement"]["notes"] = "甲\x0b乙\x1b" + CONTROLS
        data["client"]["region"] = "大连\x07"
        data["rounds"][0]["answers"][0]["note"] = "说明\x0c"
        kpi = next(i for i in data["plan_items"] if i["kind"] == "kpi")
        kpi["data"]["name"] = "指标\x1b"

    good = exported[1]
    file = tmp_path / "dirty.dtbx"
    file.write_bytes(_rebuilt(good, tmp_path / "x.dtbx", dirty).read_bytes())
    store = open_store(tmp_path / "db.sqlite3")
    try:
        uuid = pk.import_package(store, file).uuid
        profile = engagements.get_profile(store, uuid)
        assert (profile.notes, profile.region) == ("甲\n乙", "大连")
        notes = [
            a.note
            for a in dx.load_round(store, dx.list_rounds(store, uuid)[0].uuid).answers.values()
        ]
        assert "说明\n" in notes
        names = [i.record.name for i in plan.list_items(store, uuid, "kpi")]
        assert "指标" in names
    finally:
        store.close()
    template = tmp_path / "dirty.dtbt"
    data = json.loads((library.builtin_dir() / "trading_services.json").read_text(encoding="utf-8"))
    data["parts"]["notes"] = "备注\x0b第二行\x1b" + ILLEGAL
    template.write_text(json.dumps(data), encoding="utf-8")
    assert library.load_template(template).parts["notes"] == "备注\n第二行"


def test_a_long_text_in_an_engagement_file_is_refused(
    exported: tuple[str, Path], target: tuple[Store, Path], tmp_path: Path
) -> None:
    store, _path = target

    def long_note(data: dict[str, Any]) -> None:
        kpi = next(i for i in data["plan_items"] if i["kind"] == "kpi")
        kpi["data"]["definition"] = "x" * 200_000

    bad = _rebuilt(exported[1], tmp_path / "long.dtbx", long_note)
    before = _dump(store)
    with pytest.raises(TextTooLongError) as refused:
        pk.import_package(store, bad)
    assert "at most 100,000 characters" in _english(refused)
    assert _dump(store) == before


# ---------------------------------------------------------------- 9. read-only folders
def test_exporting_a_template_into_a_read_only_folder_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dtbench.cli.template import register, run

    folder = tmp_path / "只读"
    folder.mkdir()
    read_only(monkeypatch, folder)
    template = library.find_template("trading_services")
    with pytest.raises(UserError) as refused:
        library.export_template(template, folder / "t.dtbt")
    assert f"The folder {folder} does not exist or cannot be written" in _english(refused)
    assert list(folder.iterdir()) == []
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    register(sub, common)
    args = parser.parse_args(["template", "export", "trading_services", str(folder / "t.dtbt")])
    with pytest.raises(SystemExit) as exited:
        run(args)
    _out, err = capsys.readouterr()
    assert exited.value.code == 2 and err.count("\n") == 1 and str(folder) in err
    assert list(folder.iterdir()) == []


def test_a_failed_template_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, data: bytes) -> int:
        with open(self, "wb") as stream:
            stream.write(data[:10])
        raise OSError(28, "No space left on device")

    template = library.find_template("trading_services")
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(UserError) as refused:
        library.export_template(template, folder / "t.dtbt")
    assert "The disk is full" in _english(refused)
    assert list(folder.iterdir()) == []


def test_exporting_an_engagement_into_a_read_only_folder_is_one_line(
    exported: tuple[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from dtbench.cli import main

    db = tmp_path / "db.sqlite3"
    store = open_store(db)
    try:
        pk.import_package(store, exported[1])
    finally:
        store.close()
    folder = tmp_path / "只读"
    folder.mkdir()
    read_only(monkeypatch, folder)
    with pytest.raises(SystemExit) as exited:
        main(["package", "export", exported[0], str(folder / "e.dtbx"), "--db", str(db)])
    code = exited.value.code
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert f"The folder {folder} does not exist or cannot be written" in err
    assert list(folder.iterdir()) == []
