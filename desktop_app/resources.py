"""Find bundled resources, also inside a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """Return the folder that holds `resources/` and `i18n/` (sys._MEIPASS when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Return the path of a file under `resources/`."""
    return resource_root().joinpath("resources", *parts)


def i18n_path(*parts: str) -> Path:
    """Return the path of a file under `i18n/`."""
    return resource_root().joinpath("i18n", *parts)
