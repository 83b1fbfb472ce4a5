"""Window settings (geometry, docks, reader preferences) in QSettings; tests redirect the path."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    """The application's QSettings, always an INI file (QSettings.setPath redirects it)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Hamish", "Hamish")


def get_int(key: str, default: int) -> int:
    """An integer setting."""
    value = settings().value(key, default)
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def get_float(key: str, default: float) -> float:
    """A float setting."""
    value = settings().value(key, default)
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def get_str(key: str, default: str) -> str:
    """A string setting."""
    value = settings().value(key, default)
    return str(value) if value is not None else default


def put(key: str, value: object) -> None:
    """Store a setting."""
    settings().setValue(key, value)


# Keys the Preferences dialog writes; their readers use these names.
LANGUAGE = "ui/language"  # "" follows the system, else "ar" or "en"; read at start
DIGITS = "ui/digits"  # "latin" or "arabic"; read at start
FONT_FAMILY = "reader/fontFamily"  # "" is the default reading face (Amiri for Arabic)
EXPORT_TEMPLATE = "export/template"  # a .docx/.dotx whose styles Word exports borrow, or ""
EXPORT_MARKING = "export/marking"  # the handling marking new briefings start with
LANGUAGES = ("ar", "en")


def chosen_language() -> str | None:
    """The interface language chosen in Preferences ("ar", "en"), or None to follow the system."""
    code = get_str(LANGUAGE, "").strip().lower()
    return code if code in LANGUAGES else None


def chosen_digits(language: str) -> str:
    """The digits chosen for the interface: "latin" or "arabic" (Arabic-Indic in Arabic)."""
    value = get_str(DIGITS, "").strip().lower()
    if value in ("latin", "arabic"):
        return value
    return "arabic" if language == "ar" else "latin"
