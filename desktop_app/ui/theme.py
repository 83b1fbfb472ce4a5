"""Reading themes (light, dark, sepia) from resources/themes/*.json; system follows dark mode."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

from desktop_app.resources import resource_path

THEMES = ("light", "dark", "sepia")


@dataclass(frozen=True)
class Theme:
    """Colours of the reading view."""

    name: str
    background: str
    text: str
    muted: str
    link: str
    selection: str
    selection_text: str
    highlight_alpha: int
    find_match: str

    def color(self, attr: str) -> QColor:
        """A colour attribute as QColor."""
        return QColor(getattr(self, attr))


def system_theme() -> str:
    """'dark' when the system uses a dark colour scheme, else 'light'."""
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve(name: str | None) -> str:
    """A concrete theme name for a setting ('system' or None follows the system)."""
    if name in THEMES:
        return str(name)
    return system_theme()


def load_theme(name: str | None) -> Theme:
    """Load a theme by name ('system' picks light or dark)."""
    concrete = resolve(name)
    data = json.loads(resource_path("themes", f"{concrete}.json").read_text(encoding="utf-8"))
    fields = {k: data[k] for k in Theme.__dataclass_fields__ if k in data}
    fields["name"] = concrete
    return Theme(**fields)


def blend(colors: list[QColor], alpha: int, background: QColor) -> QColor:
    """The colour of overlapping highlights: each label colour laid over the paper in turn."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    a = alpha / 255.0
    for c in colors:
        r = r * (1 - a) + c.redF() * a
        g = g * (1 - a) + c.greenF() * a
        b = b * (1 - a) + c.blueF() * a
    out = QColor()
    out.setRgbF(r, g, b)
    return out
