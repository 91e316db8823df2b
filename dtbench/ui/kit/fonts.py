"""Make sure Chinese renders: find a CJK font or use the one shipped with the app."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from dtbench.paths import resource_path

PREFERRED = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimSun",
    "Hiragino Sans GB",
)


def chinese_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_chinese_font() -> str | None:
    """The family used for Chinese, registering a bundled font when the system has none.

    Returns None when no font can draw Chinese; the caller tells the user.
    """
    families = chinese_families()
    if not families:
        folder = resource_path("fonts")
        if folder.is_dir():
            for path in sorted(folder.glob("*.[ot]t[fc]")):
                QFontDatabase.addApplicationFont(str(path))
        families = chinese_families()
    if not families:
        return None
    for name in PREFERRED:
        if name in families:
            chosen = name
            break
    else:
        chosen = families[0]
    font = QGuiApplication.font()
    # Keep the platform's Latin font and fall back to the CJK family for Chinese glyphs.
    font.setFamilies([font.family(), chosen])
    QGuiApplication.setFont(font)
    return chosen
