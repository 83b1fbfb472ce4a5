"""The core imports and works with PySide6 absent from the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, pkgutil, sys
import desktop_app.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "desktop_app.core.")]
for name in names:
    importlib.import_module(name)
import desktop_app.cli.main, desktop_app.exporters, desktop_app.app  # the command line loads Qt only for the window
assert "PySide6" not in sys.modules, [m for m in sys.modules if m.startswith("PySide6")]
print(len(names))
"""


def test_every_core_module_imports_without_pyside6() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 10


def test_no_core_source_mentions_qt() -> None:
    core = ROOT / "desktop_app" / "core"
    offenders = [p for p in core.rglob("*.py") if "PySide6" in p.read_text(encoding="utf-8")]
    assert offenders == []
