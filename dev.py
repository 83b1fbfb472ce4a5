#!/usr/bin/env python3
"""Set up Hamish in a local virtual environment and run it or its tests.

    python3 dev.py run [hamish arguments...]   set up, then open the application
    python3 dev.py test [pytest arguments...]  set up, then run the whole test suite

Only the standard library is used here, so this works on a fresh machine with Python 3.11+
on Windows, macOS and Linux.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def _venv_python() -> Path:
    """Return the interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _ensure_env(extras: str) -> Path:
    """Create the environment and (re)install the project when pyproject.toml changed."""
    py = _venv_python()
    if not py.exists():
        print("dev.py: creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".hamish-installed-{extras or 'base'}"
    if not stamp.exists() or stamp.read_text() != digest:
        target = f".[{extras}]" if extras else "."
        print(f"dev.py: installing {target} into .venv ...", flush=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target],
            cwd=ROOT,
            check=True,
        )
        stamp.write_text(digest)
    return py


def main(argv: list[str]) -> int:
    """Dispatch `run` or `test`."""
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        py = _ensure_env("")
        return subprocess.call([str(py), "-m", "desktop_app", *rest], cwd=ROOT)
    py = _ensure_env("test")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
