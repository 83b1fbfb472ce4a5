"""Find bundled resources: in an installed package, in a checkout, and inside a PyInstaller build.

The checkout keeps them at its top (`resources/`, `i18n/`); a wheel or a plain `pip install .`
carries them inside the package as `desktop_app/assets` and `desktop_app/translations`
(see setup.py); the frozen application has the same layout under `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

# Folder inside the package -> folder at the top of a checkout.
_CHECKOUT_NAMES = {"assets": "resources", "translations": "i18n"}


def _folder(name: str) -> Path:
    """The folder that holds one kind of bundled file (`assets` or `translations`)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "desktop_app" / name
    packaged = resources.files("desktop_app") / name
    if packaged.is_dir():
        return Path(str(packaged))
    # An editable install or a source checkout: the package's parent holds the top-level folders.
    return Path(__file__).resolve().parent.parent / _CHECKOUT_NAMES[name]


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled file: themes, icons, the demo set (`resources/` in a checkout)."""
    return _folder("assets").joinpath(*parts)


def i18n_path(*parts: str) -> Path:
    """Return the path of a compiled translation (`i18n/` in a checkout)."""
    return _folder("translations").joinpath(*parts)
