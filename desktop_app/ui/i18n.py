"""Interface language: Hamish's own translation plus Qt's, and the layout direction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.core.text.direction import is_rtl_language
from desktop_app.resources import i18n_path

_installed: list[QTranslator] = []


def install_translators(app: QApplication, lang: str | None) -> str:
    """Load hamish_<lang>.qm and qtbase_<lang>.qm; set the UI direction; returns the language."""
    code = (lang or QLocale.system().name()).split("_")[0].lower() or "en"
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if code != "en":
        ours = QTranslator(app)
        if ours.load(str(i18n_path(f"hamish_{code}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    if is_rtl_language(code) or _translated_direction() == "RTL":
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        QLocale.setDefault(
            QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
            if code == "ar"
            else QLocale(code)
        )
    else:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale.system() if lang is None else QLocale(code))
    return code


def _translated_direction() -> str:
    return QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION")
