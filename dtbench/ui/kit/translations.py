"""Switch the UI language at run time: dtbench's catalogue plus Qt's own (qtbase)."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from dtbench.paths import i18n_dir
from dtbench.ui.kit.qt_strings import QT_STRINGS

LANGUAGES = ("zh", "en")


def system_language() -> str:
    """'zh' when the system locale is Chinese, else 'en'."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class EnglishKeyNames(QTranslator):
    """Key names stay English in every language: menus read "Ctrl+Enter" and "Alt+Left", as
    Chinese desktop software writes them (WPS, VS Code), never Qt's "Ctrl+回车" or
    "Alt+左方向" beside keys printed in English on the keyboard. Installed last, it is asked
    first: it answers Qt's key names (context QShortcut) with the English and leaves every
    other text to the catalogues below it."""

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None is Qt's null string: "not here", the next catalogue is asked
        return source if context == "QShortcut" else None

    def isEmpty(self) -> bool:
        return False


class Translations(QObject):
    """Holds the installed translators; emits ``changed`` after a switch.

    Installing a translator makes Qt send LanguageChange to every widget, which re-runs its
    ``retranslate()``; guide content follows ``language``. In Chinese, Qt's own catalogue
    (qtbase_zh_CN) translates Qt's dialogs; dtbench's adds the few ``QT_STRINGS`` Qt's lacks;
    key names stay English (``EnglishKeyNames``). Switching to English removes them all.
    """

    supplemented = QT_STRINGS

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.language = "en"
        self.missing: list[str] = []

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "en"
        app = QCoreApplication.instance()
        assert app is not None
        for old in self._translators:
            app.removeTranslator(old)
        self._translators.clear()
        self.missing.clear()
        if language == "zh":
            own = QTranslator(self)
            if own.load(str(i18n_dir() / "dtbench_zh_CN.qm")):
                self._translators.append(own)
            else:
                self.missing.append("dtbench_zh_CN.qm")
            qt = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load("qtbase_zh_CN", qt_dir):
                self._translators.append(qt)
            else:
                self.missing.append("qtbase_zh_CN.qm")
            self._translators.append(EnglishKeyNames(self))
        for translator in self._translators:
            app.installTranslator(translator)
        QLocale.setDefault(
            QLocale(QLocale.Language.Chinese if language == "zh" else QLocale.Language.English)
        )
        self.language = language
        # Deliver the LanguageChange events now so every view is retranslated before the
        # guide content follows ``changed``.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(language)
