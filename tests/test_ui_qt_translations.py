"""Qt's own dialogs follow the UI language, key names stay English (issue 16, point 5)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _file_dialog_labels(qtbot, accept: QFileDialog.AcceptMode) -> list[str]:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "x")
    # Qt's own dialog (the one the translations concern); native ones follow the system.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(accept)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    texts += [button.text() for button in box.buttons()]
    return texts


def test_qt_dialogs_chinese_key_names_english_under_the_chinese_ui(qtbot, translations) -> None:  # type: ignore[no-untyped-def]
    translations.apply("zh")
    assert "qtbase_zh_CN.qm" not in translations.missing
    for accept in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        texts = _file_dialog_labels(qtbot, accept)
        assert texts
        english = [t for t in texts if LATIN_WORD.search(t)]
        assert english == [], f"Qt's file dialog shows English under the Chinese UI: {english}"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert [b.text() for b in box.buttons()] == ["是(&Y)", "否(&N)"]
    # key names stay as printed on the keyboard, as Chinese desktop software writes them
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Ctrl+Return").toString(native) == "Ctrl+Return"
    assert QKeySequence("Alt+Left").toString(native) == "Alt+Left"


def test_qt_strings_return_to_english_with_the_ui(qtbot, translations) -> None:  # type: ignore[no-untyped-def]
    translations.apply("zh")
    translations.apply("en")
    texts = _file_dialog_labels(qtbot, QFileDialog.AcceptMode.AcceptOpen)
    assert "&Look in:" in texts and "File &name:" in texts
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Ctrl+Return").toString(native) == "Ctrl+Return"
