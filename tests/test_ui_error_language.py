"""An error message is entirely in the UI language: the system's reason is translated with it,
never "无法使用该数据库：…: folder not found" (issue 16, point 5)."""

from __future__ import annotations

import errno
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from dtbench.atomic_files import output_error
from dtbench.store import open_store
from dtbench.store.errors import StoreError
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow

ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")  # a word, not a name (Word, WPS, Excel)


def _words_beside(message: str, *quoted: str) -> list[str]:
    """English words of ``message`` once the quoted details (paths) are taken out."""
    for text in quoted:
        message = message.replace(text, "")
    return ENGLISH_WORD.findall(message)


def test_a_missing_folder_is_said_in_chinese(
    qtbot, window: MainWindow, translations: Translations, tmp_path: Path, monkeypatch
) -> None:
    translations.apply("zh")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    folder = tmp_path / "gone"
    assert not window.switch_database(str(folder / "x.sqlite3"))
    assert shown == [f"文件夹 {folder} 不存在，无法在那里打开或创建数据库。"]
    try:
        open_store(folder / "x.sqlite3")
    except StoreError as exc:
        assert _words_beside(describe(exc), str(folder)) == []


def test_the_systems_reasons_are_translated(translations: Translations, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    for code in (errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EIO, errno.EBUSY):
        error = output_error(target, OSError(code, "English words from the system"))
        translations.apply("zh")
        chinese = describe(error)
        assert _words_beside(chinese, str(target)) == [], chinese
        translations.apply("en")
        assert "English words" not in describe(error)  # ours, in both languages
    # a rare reason without a translation keeps the system's words rather than nothing
    odd = output_error(target, OSError(errno.EXDEV, "Invalid cross-device link"))
    assert "Invalid cross-device link" in describe(odd)
    assert QCoreApplication.translate("Reasons", "permission denied") == "permission denied"


def test_a_system_error_reaching_the_ui_is_said_in_its_language(
    translations: Translations, tmp_path: Path
) -> None:
    """An OSError no message names (a file gone under a running task) still reads in the UI
    language, with its file, in the app and on the command line."""
    from dtbench.errors import os_reason_text
    from dtbench.messages import translate

    gone = tmp_path / "报告.docx"
    exc = FileNotFoundError(errno.ENOENT, "No such file or directory", str(gone))
    translations.apply("zh")
    text = describe(exc)
    assert text.startswith(f"{gone}：") and _words_beside(text, str(gone)) == []
    assert os_reason_text(exc, lambda c, t: translate(c, t, "zh")) == text.split("：", 1)[1]
    translations.apply("en")
    assert describe(exc) == f"{gone}: the file or folder does not exist"
