"""Reading fonts: Amiri (bundled through fontpkg-amiri) serves Arabic, a Latin face serves Latin."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase

AMIRI = "Amiri"
# Latin reading faces, best first; one without Arabic glyphs lets Amiri serve Arabic.
LATIN_FACES = ["Charter", "Georgia", "Cambria", "DejaVu Serif", "Liberation Serif", "Noto Serif"]
_registered: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled Amiri faces with Qt once; returns the families registered."""
    if _registered:
        return _registered
    folder = resources.files("fontpkg_amiri") / "files"  # a dependency: never optional
    names = ["Amiri-Regular.ttf", "Amiri-Bold.ttf", "Amiri-Italic.ttf", "Amiri-BoldItalic.ttf"]
    for name in names:
        path = folder / name
        if not path.is_file():
            continue
        fid = QFontDatabase.addApplicationFont(str(path))
        if fid >= 0:
            for fam in QFontDatabase.applicationFontFamilies(fid):
                if fam not in _registered:
                    _registered.append(fam)
    return _registered


def _latin_face() -> str | None:
    families = set(QFontDatabase.families())
    for fam in LATIN_FACES:
        if (
            fam in families
            and QFontDatabase.WritingSystem.Arabic not in QFontDatabase.writingSystems(fam)
        ):
            return fam
    return None


def reading_font(point_size: float, family: str = "") -> QFont:
    """The reader's font: a Latin face first (no Arabic glyphs), then Amiri for Arabic.

    A family chosen in Preferences comes first; Amiri still serves Arabic when it has none.
    """
    register_fonts()
    font = QFont()
    amiri = AMIRI if AMIRI in _registered else None
    first = family if family else _latin_face()
    families = list(dict.fromkeys(f for f in (first, amiri) if f))
    if families:
        font.setFamilies(families)
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
