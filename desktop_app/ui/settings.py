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
