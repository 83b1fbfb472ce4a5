"""Interface language: translations, layout direction, digits, and names shown in the interface.

The digits of the Arabic interface follow the setting `ui/digits` ("arabic": ٠١٢٣, the default;
"latin": 0123). `%Ln` in translations and every number shown through `format_number()` obey it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.core.messages import QT_TRANSLATE_NOOP
from desktop_app.core.text.direction import is_rtl_language
from desktop_app.resources import i18n_path
from desktop_app.ui.settings import chosen_digits

LABELS_CONTEXT = "Labels"
LANGUAGES_CONTEXT = "Languages"

# The six labels a new library starts with (core/storage/migrations.py stores them in English).
# A label still bearing one of these names is shown in the interface language; a renamed one
# is shown as the user wrote it.
DEFAULT_LABEL_NAMES = {
    "Key claim": QT_TRANSLATE_NOOP("Labels", "Key claim"),
    "Quote": QT_TRANSLATE_NOOP("Labels", "Quote"),
    "Figure": QT_TRANSLATE_NOOP("Labels", "Figure"),
    "Question": QT_TRANSLATE_NOOP("Labels", "Question"),
    "Contradiction": QT_TRANSLATE_NOOP("Labels", "Contradiction"),
    "Follow-up": QT_TRANSLATE_NOOP("Labels", "Follow-up"),
}

# Languages the importers detect or commonly find declared; others fall back to Qt's name.
LANGUAGE_NAMES = {
    "ar": QT_TRANSLATE_NOOP("Languages", "Arabic"),
    "en": QT_TRANSLATE_NOOP("Languages", "English"),
    "fa": QT_TRANSLATE_NOOP("Languages", "Persian"),
    "ur": QT_TRANSLATE_NOOP("Languages", "Urdu"),
    "ps": QT_TRANSLATE_NOOP("Languages", "Pashto"),
    "ku": QT_TRANSLATE_NOOP("Languages", "Kurdish"),
    "ckb": QT_TRANSLATE_NOOP("Languages", "Central Kurdish"),
    "fr": QT_TRANSLATE_NOOP("Languages", "French"),
    "de": QT_TRANSLATE_NOOP("Languages", "German"),
    "es": QT_TRANSLATE_NOOP("Languages", "Spanish"),
    "it": QT_TRANSLATE_NOOP("Languages", "Italian"),
    "tr": QT_TRANSLATE_NOOP("Languages", "Turkish"),
    "ru": QT_TRANSLATE_NOOP("Languages", "Russian"),
    "he": QT_TRANSLATE_NOOP("Languages", "Hebrew"),
    "el": QT_TRANSLATE_NOOP("Languages", "Greek"),
    "zh": QT_TRANSLATE_NOOP("Languages", "Chinese"),
}

_installed: list[QTranslator] = []
_language = "en"


def install_translators(app: QApplication, lang: str | None) -> str:
    """Load hamish_<lang>.qm and qtbase_<lang>.qm, set direction and digits; returns the language."""
    global _language
    code = (lang or QLocale.system().name()).split("_")[0].lower() or "en"
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    ours = QTranslator(app)
    # English has a file too: its plural forms ("1 article", "2 articles"). A language Hamish
    # is not translated into reads English, so it gets those forms as well.
    if ours.load(str(i18n_path(f"hamish_{code}.qm"))) or ours.load(str(i18n_path("hamish_en.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    if code != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    _language = code
    rtl = is_rtl_language(code) or _translated_direction() == "RTL"
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    if rtl or lang is not None:
        QLocale.setDefault(interface_locale(code, digits()))
    else:
        QLocale.setDefault(QLocale.system())
    return code


def interface_language() -> str:
    """The language code of the interface ("ar", "en", ...), as installed last."""
    return _language


def digits() -> str:
    """The digits of numbers in the interface: "arabic" or "latin" (setting `ui/digits`).

    The Arabic interface defaults to Arabic-Indic digits; other interfaces always use Latin ones.
    """
    return chosen_digits(_language) if _language == "ar" else "latin"


def interface_locale(code: str, digit_style: str) -> QLocale:
    """The locale that formats numbers for an interface language and digit style."""
    if code == "ar":
        # Egypt writes Arabic-Indic digits, the Emirates Latin ones; both read Arabic.
        country = (
            QLocale.Country.Egypt if digit_style == "arabic" else QLocale.Country.UnitedArabEmirates
        )
        return QLocale(QLocale.Language.Arabic, country)
    return QLocale(code)


def apply_digits() -> str:
    """Read `ui/digits` again and make it the default for numbers (after Preferences changed it);
    returns the digit style now in use. Text already on screen keeps its digits until redrawn."""
    style = digits()
    if _language == "ar":
        QLocale.setDefault(interface_locale("ar", style))
    return style


def format_number(n: int, *, grouping: bool = True) -> str:
    """A whole number in the interface's digits (٣ or 3); grouping=False for years and ids."""
    loc = QLocale()
    if not grouping:
        loc.setNumberOptions(loc.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    return loc.toString(n)


def format_digits(text: str) -> str:
    """Text whose ASCII digits are written in the interface's digits ("2024" -> "٢٠٢٤")."""
    zero = QLocale().zeroDigit()
    if zero == "0":
        return text
    base = ord(zero)
    return "".join(chr(base + ord(c) - 48) if "0" <= c <= "9" else c for c in text)


def label_display_name(name: str) -> str:
    """A label's name in the interface language if it is one of the six defaults, else as is."""
    source = DEFAULT_LABEL_NAMES.get(name)
    return QCoreApplication.translate(LABELS_CONTEXT, source) if source else name


def label_stored_name(shown: str, stored: str) -> str:
    """The name to store for a label edited in the interface: unchanged if still the shown name."""
    return stored if shown == label_display_name(stored) else shown


def language_name(code: str) -> str:
    """A language's name in the interface language ("ar" -> "العربية" in the Arabic interface)."""
    source = LANGUAGE_NAMES.get(code.split("-")[0].split("_")[0].lower())
    if source:
        return QCoreApplication.translate(LANGUAGES_CONTEXT, source)
    loc = QLocale(code)
    if loc.language() != QLocale.Language.C:
        return QLocale.languageToString(loc.language())
    return code


def _translated_direction() -> str:
    return QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION")
