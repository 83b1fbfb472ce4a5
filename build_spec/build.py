"""Build the desktop application (one folder) with PyInstaller: `python build_spec/build.py`.

Run it with the interpreter Hamish is installed in (`.venv/bin/python` after `python3 dev.py
test`). It installs PyInstaller when missing, builds `dist/hamish-<version>/` from
`build_spec/hamish.spec`, and prints where the application is, its size and how long it took.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER = "pyinstaller>=6.10,<7"


def folder_size(path: Path) -> int:
    """Bytes in every file under path (links not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _project() -> dict[str, str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def app_folder(dist: Path) -> Path:
    """Where a build into dist puts the application: dist/<name>-<version> from pyproject.toml."""
    project = _project()
    return dist / f"{project['name']}-{project['version']}"


def executable(dist: Path) -> Path:
    """The built application's executable (hamish, or hamish.exe on Windows)."""
    name = _project()["name"]
    return app_folder(dist) / (f"{name}.exe" if sys.platform == "win32" else name)


def main(argv: list[str] | None = None) -> int:
    """Install PyInstaller if needed, build, and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ModuleNotFoundError:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                PYINSTALLER,
            ],
            check=True,
        )
    app = app_folder(args.dist)
    t0 = time.perf_counter()
    code = subprocess.call(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(args.work),
            str(ROOT / "build_spec" / "hamish.spec"),
        ],
        cwd=ROOT,
    )
    took = time.perf_counter() - t0
    if code != 0:
        print(f"build: PyInstaller failed (exit {code}) after {took:.0f} s", file=sys.stderr)
        return code
    size = folder_size(app)
    print(f"build: {executable(args.dist)} ({size / 1e6:.0f} MB in {app}, built in {took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
