"""Try Hamish as an analyst gets it, away from the checkout: installed, and frozen.

    python build_spec/smoke.py install          pip install . (not editable) into a fresh
                                                virtual environment, then run it
    python build_spec/smoke.py frozen DIST      run the application built into DIST
                                                (build.py --dist DIST; default dist/)

Each run happens in an empty temporary folder with an empty home (so no settings, library or
checkout is found by accident) and offscreen. `install` runs `hamish --version`, `hamish
selftest` and `hamish --lang ar gui --screenshot`; `frozen` runs `--version` and `selftest`.
Every command must exit 0 and print nothing on stderr. Exit 0 when all of them pass.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

import build  # build_spec/ is on the path when a script here runs

ROOT = Path(__file__).resolve().parent.parent


def run_in_empty_home(cmd: list[str], work: Path) -> bool:
    """Run cmd in work with HOME (and the XDG folders) empty; print its output; True on success."""
    home = work / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAMISH_", "XDG_", "PYTHON"))}
    env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - t0
    shown = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))
    ok = proc.returncode == 0 and not proc.stderr.strip()
    print(f"smoke: {'ok  ' if ok else 'FAIL'} {shown} (exit {proc.returncode}, {took:.1f} s)")
    for line in proc.stdout.splitlines():
        print(f"    {line}")
    for line in proc.stderr.splitlines():
        print(f"    stderr: {line}")
    return ok


def check_install(work: Path) -> bool:
    """A fresh virtual environment, `pip install .`, and the three commands."""
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    t0 = time.perf_counter()
    subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            str(ROOT),
        ],
        check=True,
    )
    print(f"smoke: pip install . took {time.perf_counter() - t0:.0f} s")
    hamish = str(bin_dir / "hamish")
    shot = work / "window-ar.png"
    results = [
        run_in_empty_home([hamish, "--version"], work),
        run_in_empty_home([hamish, "selftest"], work),
        run_in_empty_home([hamish, "--lang", "ar", "gui", "--screenshot", str(shot)], work),
    ]
    if results[-1] and not (shot.exists() and shot.stat().st_size > 10_000):
        print(f"smoke: FAIL the screenshot {shot} is missing or blank")
        results.append(False)
    return all(results)


def check_frozen(dist: Path, work: Path) -> bool:
    """The built application's --version and selftest."""
    exe = build.executable(dist)
    if not exe.exists():
        print(f"smoke: FAIL no application at {exe}")
        return False
    return all(
        [
            run_in_empty_home([str(exe), "--version"], work),
            run_in_empty_home([str(exe), "selftest"], work),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Parse, run in a temporary folder, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("install")
    frozen = sub.add_parser("frozen")
    frozen.add_argument("dist", type=Path, nargs="?", default=ROOT / "dist")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hamish-smoke-") as tmp:
        work = Path(tmp)
        ok = (
            check_install(work)
            if args.what == "install"
            else check_frozen(args.dist.resolve(), work)
        )
    print(f"smoke: {args.what}: {'passed' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
