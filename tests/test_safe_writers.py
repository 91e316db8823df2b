"""The writers never fail with a traceback on what people or disks do: a full disk or a
folder in the way is one clear line, the old file untouched."""

from __future__ import annotations

import errno
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dtbench.cli import main
from dtbench.deliverables.xlsx_cells import is_own_formula
from dtbench.messages import translate
from dtbench.sample import create_demo
from dtbench.store.database import Store

# ------------------------------------------------------------------ disk full, bad targets
COMMANDS = {
    "export-docx": lambda uuid, f, db: ["export", uuid, "--docx", f, "--db", db],
    "export-xlsx": lambda uuid, f, db: ["export", uuid, "--xlsx", f, "--db", db],
    "package": lambda uuid, f, db: ["package", "export", uuid, f, "--db", db],
    "questionnaire": lambda uuid, f, db: ["questionnaire", "export", uuid, f, "--db", db],
}
NAMES = {
    "export-docx": "proposal.docx",
    "export-xlsx": "plan.xlsx",
    "package": "engagement.dtbx",
    "questionnaire": "questionnaire.xlsx",
}


def _fill_the_disk(monkeypatch: pytest.MonkeyPatch, err: int = errno.ENOSPC) -> None:
    """The second member written to any zip (docx, xlsx, dtbx) finds the disk full."""
    original = zipfile.ZipFile.writestr
    calls = {"n": 0}

    def writestr(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(err, "No space left on device")
        original(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)


def _cli(args: list[str]) -> int:
    """Exit code of the command run in this process (so the disk can be "filled")."""
    try:
        return main(args)
    except SystemExit as exc:
        return int(exc.code or 0)


def _seed(store: Store, db_path: Path) -> str:
    uuid = create_demo(store)
    store.close()
    return uuid


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_full_disk_is_one_line_and_the_old_file_stays(
    kind: str,
    store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    uuid = _seed(store, db_path)
    monkeypatch.setenv("DTBENCH_LANG", "en")
    out = tmp_path / "out"
    out.mkdir()
    target = out / NAMES[kind]
    target.write_bytes(b"the copy the client has")
    _fill_the_disk(monkeypatch)
    assert _cli(COMMANDS[kind](uuid, str(target), str(db_path))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "The disk is full" in err and str(target) in err
    assert target.read_bytes() == b"the copy the client has"
    assert [p.name for p in out.iterdir()] == [NAMES[kind]]


@pytest.mark.parametrize("err", [errno.EIO, errno.EROFS, errno.EDQUOT, errno.EACCES])
def test_other_write_errors_are_one_line_too(
    err: int,
    store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    uuid = _seed(store, db_path)
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    _fill_the_disk(monkeypatch, err)
    assert _cli(COMMANDS["export-xlsx"](uuid, str(target), str(db_path))) == 2
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and str(target) in line and "Traceback" not in line
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_folder_in_place_of_the_file_is_refused(
    kind: str,
    store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    uuid = _seed(store, db_path)
    monkeypatch.setenv("DTBENCH_LANG", "en")
    folder = tmp_path / NAMES[kind]
    (folder / "inside").mkdir(parents=True)
    assert _cli(COMMANDS[kind](uuid, str(folder), str(db_path))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a folder" in err
    assert (folder / "inside").is_dir()


def test_the_disk_full_message_in_chinese() -> None:
    from dtbench.deliverables.files import OutputDiskFullError

    text = OutputDiskFullError("D:/客户/建议书.docx").message(lambda c, t: translate(c, t, "zh"))
    assert "D:/客户/建议书.docx" in text and "磁盘" in text


# ------------------------------------------------------------------ short excerpts
def _all_user_errors() -> list[type[Any]]:
    import importlib
    import pkgutil

    import dtbench
    from dtbench.errors import UserError

    for info in pkgutil.walk_packages(dtbench.__path__, "dtbench."):
        if not info.name.startswith(("dtbench.ui", "dtbench.__main__", "dtbench.store.migr")):
            importlib.import_module(info.name)
    found: list[type[Any]] = []
    todo: list[type[Any]] = [UserError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_message_quotes_a_huge_detail_in_short() -> None:
    """A cell of a million characters (with line breaks) makes a short one-line message."""
    huge = "=HYPERLINK(" + "长文本\n" * 250_000 + ")"
    from dtbench.errors import UserError

    classes = _all_user_errors()
    assert len(classes) > 20
    for cls in classes:
        if cls.__init__ is not UserError.__init__:
            continue  # a subclass with arguments of its own: they end up in details too
        error = cls(huge, huge)
        for lang in ("en", "zh"):
            text = error.message(lambda c, t, lang=lang: translate(c, t, lang))
            assert len(text) < 1000 and "\n" not in text, cls.__name__
            assert "=HYPERLINK(长文本" in text or "%1" not in cls.template, cls.__name__


# ------------------------------------------------------------------ person text in writers
FORMULAS = ('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)")
CONTROLS = "a\x0bb\x0cc\x1bd\x07e\x00f"  # Word's line break, form feed, ESC, BEL, NUL


def _is_person_text(value: str) -> bool:
    """The demo's texts are Chinese: a string with a CJK character is a person's text (codes,
    keys and dates are ASCII)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in value)


def _poison(store: Store, uuid: str, make: Callable[[str, int], str]) -> int:
    """Rewrite every person text of the engagement (profile, notes, findings, answers' notes,
    plan items and values…) with ``make(original, n)``; returns how many were rewritten."""
    from sqlalchemy import select
    from sqlalchemy.orm.attributes import flag_modified

    from dtbench.store import models as m

    count = 0

    def walk(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str) and _is_person_text(value):
            count += 1
            return make(value, count)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    with store.session() as s:
        for model in (
            m.Client,
            m.Contact,
            m.Engagement,
            m.AssessmentRound,
            m.Answer,
            m.ClauseAssessment,
            m.Evidence,
            m.PlanItem,
            m.PlanValue,
        ):
            for row in s.scalars(select(model)):
                for column in model.__table__.columns:
                    if column.primary_key or column.foreign_keys:
                        continue
                    value = getattr(row, column.key)
                    new = walk(value)
                    if new != value:
                        setattr(row, column.key, new)
                        flag_modified(row, column.key)
    return count


def _cells(path: Path) -> list[Any]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def _export_all(store: Store, uuid: str, out: Path, lang: str = "zh") -> tuple[Path, Path, Path]:
    from dtbench.deliverables.export import ExportRequest, run_export
    from dtbench.questionnaire.workbook import export_questionnaire

    docx, xlsx = out / "proposal.docx", out / "plan.xlsx"
    run_export(store, ExportRequest(engagement=uuid, docx=docx, xlsx=xlsx, lang=lang))
    questionnaire = export_questionnaire(store, uuid, out / "questionnaire.xlsx", lang=lang)
    return docx, xlsx, questionnaire


def test_person_text_is_never_a_formula_in_excel(store: Store, tmp_path: Path) -> None:
    uuid = create_demo(store)
    count = _poison(store, uuid, lambda text, n: FORMULAS[n % len(FORMULAS)] + text)
    assert count > 100
    _, xlsx, questionnaire = _export_all(store, uuid, tmp_path)
    for path in (xlsx, questionnaire):
        seen = set()
        for cell in _cells(path):
            # the only formulas are dtbench's own (a total, a score), never a person's text
            formula = cell.data_type == "f"
            assert not formula or is_own_formula(cell.value), (path.name, cell.coordinate)
            if isinstance(cell.value, str) and not formula:
                for formula in FORMULAS:
                    if cell.value.startswith(formula):
                        seen.add(formula)
                        assert _is_person_text(cell.value)  # the text reads the same
        assert seen == set(FORMULAS), path.name


def test_the_text_reads_the_same_in_the_cell(store: Store, tmp_path: Path) -> None:
    from dtbench.engagement import service

    uuid = create_demo(store)
    client = '=HYPERLINK("http://x","大连澜岳")'
    service.set_field(store, uuid, "client_name", client)
    _, xlsx, questionnaire = _export_all(store, uuid, tmp_path)
    for path in (xlsx, questionnaire):
        texts = [c for c in _cells(path) if c.value == client]
        assert texts and all(c.data_type == "s" for c in texts), path.name


def _soffice() -> str | None:
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def test_control_characters_are_written(store: Store, tmp_path: Path) -> None:
    """Pasted control characters in every person text: both exports and the questionnaire
    are written, open, read as typed (Word's U+000B as a line break), and LibreOffice
    converts them."""
    import os
    import subprocess

    from docx import Document

    uuid = create_demo(store)
    count = _poison(store, uuid, lambda text, n: f"{CONTROLS}{text}\x0b{FORMULAS[n % 4]}")
    assert count > 100
    out = tmp_path / "out"
    out.mkdir()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        docx, xlsx, questionnaire = _export_all(store, uuid, out)
    missing = [str(w.message) for w in seen if "missing from font" in str(w.message)]
    assert missing == []  # the charts drew no box for a control character
    body = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "a\nb\ncdef" in body
    for path in (xlsx, questionnaire):
        values = [c.value for c in _cells(path) if isinstance(c.value, str)]
        assert any(v.startswith("a\nb\ncdef") for v in values), path.name
        assert not any(ch in v for v in values for ch in "\x0b\x0c\x1b\x07\x00")
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    home = tmp_path / "lo-home"
    home.mkdir()
    # A profile of its own: one shared with another running LibreOffice hands it the work.
    profile = f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}"
    result = subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out)]
        + [str(p) for p in (docx, xlsx, questionnaire)],
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    for path in (docx, xlsx, questionnaire):
        assert path.with_suffix(".pdf").stat().st_size > 1000, path.name


def test_a_text_longer_than_a_cell_is_cut_visibly(store: Store, tmp_path: Path) -> None:
    uuid = create_demo(store)
    long_text = "很长的说明。" * 7_000  # 42,000 characters: more than a cell holds
    _poison(store, uuid, lambda text, n: long_text if n % 25 == 7 else text)
    docx, xlsx, questionnaire = _export_all(store, uuid, tmp_path)
    for path in (xlsx, questionnaire):
        values = [c.value for c in _cells(path) if isinstance(c.value, str)]
        assert all(len(v) <= 32_767 for v in values)
        cut = [v for v in values if v.startswith("很长的说明。") and len(v) > 30_000]
        assert cut and all("Word" in v and "32,767" in v for v in cut), path.name
    from docx import Document

    words = "".join(p.text for p in Document(str(docx)).paragraphs)
    assert long_text in words  # the Word proposal has it whole


def test_a_ten_megabyte_note_is_written_whole(store: Store, tmp_path: Path) -> None:
    from docx import Document

    uuid = create_demo(store)
    huge = "巨" * 3_500_000  # 10.5 MB in UTF-8: more than libxml2 takes in one text node
    _poison(store, uuid, lambda text, n: huge if n == 3 else text)
    docx, xlsx, questionnaire = _export_all(store, uuid, tmp_path)
    document = Document(str(docx))
    assert any(p.text.count("巨") == len(huge) for p in document.paragraphs) or any(
        cell.text.count("巨") == len(huge)
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    )
    for path in (xlsx, questionnaire):
        assert all(len(str(c.value or "")) <= 32_767 for c in _cells(path))


def test_every_cell_value_goes_through_the_one_writer() -> None:
    """No code but dtbench/deliverables/xlsx_cells.py sets a cell's value (``ws.cell(r, c,
    value)``, ``cell.value = …``, ``ws.append``): a new sheet cannot bring formulas back."""
    import ast

    root = Path(__file__).resolve().parent.parent / "dtbench"
    allowed = root / "deliverables" / "xlsx_cells.py"
    found = []
    for path in sorted(root.rglob("*.py")):
        if path == allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                owner = ast.unparse(node.func.value)
                if name == "cell" and (len(node.args) > 2 or node.keywords):
                    found.append(f"{path.name}:{node.lineno}")
                if name == "append" and owner in ("ws", "sheet", "worksheet"):
                    found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Assign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr in ("value", "_value"):
                        found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_xml_text_keeps_everything_but_what_xml_forbids() -> None:
    from dtbench.deliverables.safe_text import xml_text
    from dtbench.deliverables.xlsx_cells import fit_cell

    assert (
        xml_text("a\x0bb\x0cc\r\nd\re\x1bf\x07g\x00h\ud800i\ufffej\tk") == "a\nb\nc\nd\nefghij\tk"
    )
    assert xml_text("普通文本 😀") == "普通文本 😀"
    emoji = "😀" * 20_000  # 40,000 UTF-16 units: cut on a whole character
    cut = fit_cell(emoji, "en")
    assert len(cut.encode("utf-16-le")) // 2 <= 32_767 and cut.startswith("😀" * 16_000)
    from dtbench.deliverables.xlsx_cells import was_cut

    assert was_cut(cut) and was_cut(fit_cell("长" * 40_000, "zh"))
    assert not was_cut("长" * 40) and not was_cut(fit_cell("长" * 40, "zh"))


# ------------------------------------------------------------------ firm templates
def _risky_template(folder: Path, suffix: str = ".docx") -> Path:
    """A firm template with macros, an attached template on a server, a web link, and fields
    fetching a picture and a text from elsewhere (in the header and footer, which the
    proposal keeps)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    section = document.sections[0]
    header = section.header
    link = header.part.relate_to("http://evil.example/", RT.HYPERLINK, is_external=True)
    header._element.append(
        parse_xml(
            f"<w:p {nsdecls('w', 'r')}>"
            f'<w:hyperlink r:id="{link}"><w:r><w:t>澜岳官网</w:t></w:r></w:hyperlink>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
            '"http://evil.example/logo.png" \\d </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            "<w:r><w:t>图片占位</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
    )
    section.footer._element.append(
        parse_xml(
            f"<w:p {nsdecls('w')}>"
            '<w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\server\\\\x.docx&quot; ">'
            "<w:r><w:t>引用文本</w:t></w:r></w:fldSimple></w:p>"
        )
    )
    settings = document.settings
    attached = document.part._settings_part.relate_to(
        "file:///\\\\server\\share\\firm.dotm",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
        is_external=True,
    )
    settings.element.insert(
        0, parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{attached}"/>')
    )
    plain = folder / "plain.docx"
    document.save(str(plain))
    target = folder / f"firm-template{suffix}"
    vba_type = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"DUMMY").replace(
                    b"application/vnd.openxmlformats-officedocument.DUMMY",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
                data = data.replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.'
                    b'vbaProject"/></Types>',
                )
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdVba" Type="{vba_type}" '
                    f'Target="vbaProject.bin"/></Relationships>'.encode(),
                )
            dst.writestr(info, data)
        dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 pretend VBA")
    return target


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("suffix", [".docx", ".docm"])
def test_a_template_brings_no_macros_links_or_fetching_fields(
    suffix: str,
    store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import docx

    template = _risky_template(tmp_path, suffix)
    before = _parts(template)
    assert b"macroEnabled" in before["[Content_Types].xml"] and "word/vbaProject.bin" in before
    uuid = _seed(store, db_path)
    monkeypatch.setenv("DTBENCH_LANG", "en")
    out = tmp_path / "proposal.docx"
    args = ["export", uuid, "--docx", str(out), "--template", str(template), "--db", str(db_path)]
    assert _cli(args) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    # one line says what the template lost (another may say the contents await page numbers)
    said_of_template = [line for line in captured.err.splitlines() if str(template) in line]
    assert len(said_of_template) == 1
    for said in ("macros", "outside the document", "INCLUDEPICTURE"):
        assert said in said_of_template[0]
    parts = _parts(out)
    assert not [n for n in parts if "vba" in n.lower()]
    types = parts["[Content_Types].xml"]
    assert b"macroEnabled" not in types and b"vbaProject" not in types
    assert b"wordprocessingml.document.main+xml" in types
    for name, data in parts.items():
        if name.endswith(".rels"):
            assert b"External" not in data, name
        if name.endswith(".xml"):
            for code in (b"INCLUDEPICTURE", b"INCLUDETEXT", b"attachedTemplate", b"evil"):
                assert code not in data, (name, code)
    document = docx.Document(str(out))  # still a sound document; the shown texts stay
    section = document.sections[0]
    header = "".join(p.text for p in section.header.paragraphs)
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert "澜岳官网" in header and "图片占位" in header and "引用文本" in footer
    assert b"SEQ" in parts["word/document.xml"]  # dtbench's own fields are kept


def test_a_clean_template_says_nothing_and_the_notice_reads_in_chinese(tmp_path: Path) -> None:
    import docx

    from dtbench.deliverables.docx_template import check_template

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    assert check_template(plain) is None
    notice = check_template(_risky_template(tmp_path))
    assert notice is not None
    text = notice.message(lambda c, t: translate(c, t, "zh"))
    assert "宏" in text and "、" in text and "firm-template.docx" in text


def test_the_export_dialog_says_what_the_template_leaves_out(  # type: ignore[no-untyped-def]
    qtbot, window, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.exchange.export_dialog import ExportDialog

    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid)
    assert window.workspace is not None
    dialog = ExportDialog(store, window.workspace.plan, uuid, "澜岳", "zh", window)
    qtbot.addWidget(dialog)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    template = _risky_template(tmp_path)
    assert dialog.set_template(template)
    assert dialog.template.text() == str(template)
    assert len(shown) == 1 and "macros" in shown[0] and "INCLUDEPICTURE" in shown[0]
