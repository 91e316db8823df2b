"""The writers never fail with a traceback on what people or disks do: a full disk or a
folder in the way is one clear line, the old file untouched."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path
from typing import Any

import pytest

from dtbench.cli import main
from dtbench.diagnosis.demo import create_demo
from dtbench.messages import translate
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
    classes = _all_user_errors()
    assert len(classes) > 20
    for cls in classes:
        try:
            error = cls(huge, huge)
        except TypeError:  # a subclass with its own fixed arguments
            continue
        for lang in ("en", "zh"):
            text = error.message(lambda c, t, lang=lang: translate(c, t, lang))
            assert len(text) < 1000 and "\n" not in text, cls.__name__
            assert "=HYPERLINK(长文本" in text or "%1" not in cls.template, cls.__name__
