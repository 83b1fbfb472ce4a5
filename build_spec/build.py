"""Build a folder app with PyInstaller: `python build_spec/build.py` (from the project venv)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Install PyInstaller if needed and run the spec."""
    try:
        import PyInstaller  # noqa: F401
    except ModuleNotFoundError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6"], check=True)
    spec = ROOT / "build_spec" / "hamish.spec"
    return subprocess.call(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", str(spec)], cwd=ROOT
    )


if __name__ == "__main__":
    sys.exit(main())
