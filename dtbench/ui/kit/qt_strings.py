"""Qt's own strings that Qt's Chinese catalogue (qtbase_zh_CN.qm) does not translate.

Qt 6's file dialog labels its fields "&Look in:" and "Files of &type:", while qtbase_zh_CN
still holds the older "Look in:" and "Files of type:", so the dialog showed English beside
Chinese. Marking them here puts them in dtbench's catalogue under Qt's own context; Qt
looks up its translators newest first and falls back to dtbench's for these.
``tests/test_ui_qt_translations.py`` opens Qt's dialogs in Chinese and fails on any English
label, so a string Qt adds later lands here too.
"""

from __future__ import annotations

from dtbench.errors import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
