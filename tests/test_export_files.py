"""Deliverables are written atomically: never half a file, an existing file replaced only on
success, a clear message for a locked file or a missing folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dtbench.deliverables.files import OutputFolderError, OutputLockedError, write_atomically
from dtbench.messages import translate


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_written_in_place_without_leftovers(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "建议书.docx"
    write_atomically(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert _names(tmp_path) == ["建议书.docx"]


def test_a_failure_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the client's copy")

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"the client's copy"
    assert _names(tmp_path) == ["plan.xlsx"]


def test_a_file_locked_by_another_program_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Word or Excel holds open: os.replace raises
    PermissionError. The old file stays and no temporary file is left behind."""
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")

    def locked(_src: object, _dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputLockedError) as raised:
        write_atomically(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["plan.xlsx"]
    assert "open in another program" in str(raised.value)


def test_locked_message_in_chinese() -> None:
    error = OutputLockedError("D:/客户/建议书.docx")
    text = error.message(lambda c, t: translate(c, t, "zh"))
    assert "D:/客户/建议书.docx" in text and "关闭" in text


def test_a_missing_folder_gets_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(OutputFolderError) as raised:
        write_atomically(tmp_path / "nowhere" / "x.docx", lambda tmp: tmp.write_bytes(b""))
    assert "nowhere" in str(raised.value)
