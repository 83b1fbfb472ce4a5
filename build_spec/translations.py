"""Refresh i18n/hamish_*.ts from the sources (pyside6-lupdate) and compile them (pyside6-lrelease).

Run: .venv/bin/python build_spec/translations.py

Arabic translates every message. English is the source language: its file holds only the
messages with plural forms ("%n article(s)" -> "1 article", "2 articles"); every other
English message shows its source text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["ar", "en"]
PLURAL_ONLY = {"en"}  # languages whose file holds only the messages with plural forms


def tool(name: str) -> str:
    """Path of a PySide6 tool next to the interpreter, else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    """Every Python file that holds translatable strings."""
    files = sorted((ROOT / "desktop_app" / "ui").rglob("*.py")) + [
        ROOT / "desktop_app" / "app.py",
        ROOT / "desktop_app" / "exporters.py",  # format names (QT_TRANSLATE_NOOP)
        ROOT / "desktop_app" / "core" / "messages.py",  # core messages by code
        ROOT / "desktop_app" / "core" / "importers" / "__init__.py",  # format names
    ]
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate_command(lang: str, ts: str) -> list[str]:
    """The pyside6-lupdate command that refreshes the .ts file of a language (run in ROOT)."""
    extra = ["-pluralonly"] if lang in PLURAL_ONLY else []
    return [tool("pyside6-lupdate"), *sources(), "-no-obsolete", *extra, "-ts", ts]


def lrelease_command(ts: str, qm: str) -> list[str]:
    """The pyside6-lrelease command that compiles a .ts file into a .qm file."""
    return [tool("pyside6-lrelease"), "-silent", ts, "-qm", qm]


def main() -> int:
    """Update and compile every translation."""
    for lang in LANGS:
        ts = f"i18n/hamish_{lang}.ts"
        subprocess.run(lupdate_command(lang, ts), cwd=ROOT, check=True)
        subprocess.run(lrelease_command(ts, f"i18n/hamish_{lang}.qm"), cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
