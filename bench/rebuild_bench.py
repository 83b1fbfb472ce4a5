"""Rebuild benchmark: the window on a library whose index must be rebuilt, close latency during
a rebuild, and the rebuild's total time; prints figures side by side, asserts nothing.

Usage: .venv/bin/python bench/rebuild_bench.py LIBDIR [--runs 5] [--baseline-rev REV]

LIBDIR is a library with a current index (e.g. /work/bench-libs/lib20k); it is never written:
every measurement runs on a copy in a temporary folder.

- `hamish gui --screenshot` from start to exit, median of --runs, with the index current, with
  the index folder deleted, and with the index of another version (its meta bumped), the three
  interleaved; targets: within 1.5x of the current case and under 3 s.
- close() of the index writer while a rebuild runs (after 0.5 to 14.5 s of it, --close-runs
  times: while it adds documents and while it commits them): median and worst; target at
  most 1 s.
- `hamish reindex` from start to exit (the rebuild in chunks), and a rebuild killed halfway
  then finished by `hamish check` (what the chunking and the resume cost).
With --baseline-rev (a git revision with the previous code, e.g. main), the same source at REV
is extracted into a temporary folder and measured beside: its window on a library needing a
rebuild, its close latency and its from-scratch `hamish reindex`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def extract(rev: str, dest: Path) -> Path:
    """The files of the app at a git revision, in dest (the repository is only read)."""
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "desktop_app", "resources", "i18n"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def env_for(src: Path, home: Path) -> dict[str, str]:
    """A child's environment: the app from src, settings in a temporary home."""
    return dict(
        os.environ,
        PYTHONPATH=str(src),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        HAMISH_CONFIG_DIR=str(home / "hamish"),
        QT_QPA_PLATFORM="offscreen",
    )


def fresh_copy(lib: Path, dest: Path) -> Path:
    """A copy of the library (and its index) at dest, replacing what was there."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(lib, dest, ignore=shutil.ignore_patterns("sessions"))
    return dest


def reset(kind: str, pristine: Path, lib: Path) -> None:
    """Give lib's index the state of kind: current, missing or another version."""
    index = lib / "index"
    if index.exists():
        shutil.rmtree(index)
    if kind == "missing":
        return
    shutil.copytree(pristine / "index", index)
    if kind == "version":
        code = (
            "import sys\n"
            "from whoosh import index\n"
            "ix = index.open_dir(sys.argv[1], indexname='MAIN')\n"
            "w = ix.writer()\n"
            "m = dict(ix.searcher().document(id='meta')['meta'])\n"
            "m['version'] = 'schema2-analyzer1'\n"
            "w.update_document(id='meta', kind='meta', meta=m)\n"
            "w.commit(merge=False)\n"
        )
        subprocess.run([PY, "-c", code, str(index)], check=True)


def screenshot(src: Path, lib: Path, home: Path) -> float:
    """Seconds from the start of `hamish gui --screenshot` to its exit."""
    png = home / "shot.png"
    args = [PY, "-m", "desktop_app", "--library", str(lib), "gui", "--screenshot", str(png)]
    t0 = time.perf_counter()
    subprocess.run(args, cwd=src, env=env_for(src, home), capture_output=True, check=False)
    return time.perf_counter() - t0


def index_state(src: Path, lib: Path, home: Path) -> str:
    """What the index says about itself after a run (version, cursor, documents)."""
    code = (
        "import sys\n"
        "from whoosh import index\n"
        "ix = index.open_dir(sys.argv[1], indexname='MAIN')\n"
        "m = ix.searcher().document(id='meta')['meta']\n"
        "print(m.get('version'), m.get('rebuild', ''), ix.doc_count() - 1, 'documents')\n"
    )
    r = subprocess.run(
        [PY, "-c", code, str(lib / "index")], env=env_for(src, home), capture_output=True, text=True
    )
    return r.stdout.strip() or r.stderr.strip().splitlines()[-1]


_CLOSE_PROBE = """
import sys, time
from pathlib import Path
from desktop_app.core.search.writer import IndexWriter
lib, delay = Path(sys.argv[1]), float(sys.argv[2])
w = IndexWriter(lib)
w.notify()  # as the window does: the writer finds no index and rebuilds
time.sleep(delay)
t0 = time.perf_counter()
w.close()
dt = time.perf_counter() - t0
print(dt, w._thread.is_alive())
"""


def close_latency(src: Path, lib: Path, home: Path, delay: float) -> tuple[float, bool]:
    """Seconds close() took after delay seconds of a rebuild; and whether the thread still ran."""
    r = subprocess.run(
        [PY, "-c", _CLOSE_PROBE, str(lib), str(delay)],
        cwd=src,
        env=env_for(src, home),
        capture_output=True,
        text=True,
        check=True,
    )
    dt, alive = r.stdout.split()
    return float(dt), alive == "True"


def reindex(src: Path, lib: Path, home: Path) -> tuple[float, dict[str, object]]:
    """`hamish reindex --json`: seconds from start to exit, and its report."""
    t0 = time.perf_counter()
    r = subprocess.run(
        [PY, "-m", "desktop_app", "--library", str(lib), "reindex", "--json"],
        cwd=src,
        env=env_for(src, home),
        capture_output=True,
        text=True,
        check=False,
    )
    dt = time.perf_counter() - t0
    try:
        return dt, json.loads(r.stdout)
    except ValueError:
        return dt, {"error": r.stderr.strip()[-200:]}


def killed_then_checked(src: Path, lib: Path, home: Path, after: float) -> tuple[float, float, str]:
    """A `hamish reindex` killed (SIGKILL) after some seconds, then `hamish check` finishing it:
    (seconds until the kill, seconds of the check, the check's reason)."""
    env = env_for(src, home)
    args = [PY, "-m", "desktop_app", "--library", str(lib)]
    proc = subprocess.Popen([*args, "reindex"], cwd=src, env=env, stdout=subprocess.DEVNULL)
    t0 = time.perf_counter()
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    t_kill = time.perf_counter() - t0
    t0 = time.perf_counter()
    r = subprocess.run(
        [*args, "check", "--json"], cwd=src, env=env, capture_output=True, text=True, check=False
    )
    t_check = time.perf_counter() - t0
    try:
        reason = str(json.loads(r.stdout).get("reason", ""))
    except ValueError:
        reason = r.stderr.strip()[-200:]
    return t_kill, t_check, reason


def segments(lib: Path) -> int:
    """Segment files in the library's index."""
    return len(list((lib / "index").glob("*.seg")))


def med(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s of {', '.join(f'{x:.2f}' for x in xs)}"


def main() -> int:
    """Run every measurement and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("library")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--close-runs", type=int, default=11)
    ap.add_argument("--baseline-rev", default="")
    ap.add_argument("--skip-reindex", action="store_true", help="leave out the rebuild times")
    args = ap.parse_args()
    pristine = Path(args.library)
    if not (pristine / "library.sqlite3").exists() or not (pristine / "index").is_dir():
        print(f"rebuild_bench: no library with an index at {pristine}")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="hamish-rebuild-bench-"))
    try:
        home = tmp / "home"
        home.mkdir()
        lib = fresh_copy(pristine, tmp / "lib")
        base_src = extract(args.baseline_rev, tmp / "baseline") if args.baseline_rev else None
        print(f"library: {pristine} (copied to {lib}); this code: {ROOT}")
        if base_src is not None:
            print(f"baseline: the code at {args.baseline_rev} (extracted to {base_src})")

        # -- the window ----------------------------------------------------------------------
        times: dict[str, list[float]] = {"current": [], "missing": [], "version": []}
        states: dict[str, str] = {}
        for _ in range(args.runs):
            for kind in times:
                reset(kind, pristine, lib)
                times[kind].append(screenshot(ROOT, lib, home))
                states[kind] = index_state(ROOT, lib, home)
        cur = statistics.median(times["current"])
        print("\nhamish gui --screenshot, start to exit:")
        print(f"  index current:              {med(times['current'])}")
        for kind, label in (
            ("missing", "index folder deleted:"),
            ("version", "index of another version:"),
        ):
            m = statistics.median(times[kind])
            print(
                f"  {label:27s} {med(times[kind])} = {m / cur:.2f}x the current case"
                " (target <= 1.5x and < 3 s)"
            )
            print(f"    index left at exit: {states[kind]}")
        if base_src is not None:
            reset("missing", pristine, lib)
            t = screenshot(base_src, lib, home)
            print(f"  baseline, index folder deleted (1 run): {t:.2f} s = {t / cur:.1f}x")

        # -- close latency during a rebuild --------------------------------------------------
        n = args.close_runs
        delays = [0.5 + 14.0 * i / max(1, n - 1) for i in range(n)]
        lat: list[float] = []
        alive = 0
        for d in delays:
            reset("missing", pristine, lib)
            dt, still = close_latency(ROOT, lib, home, d)
            lat.append(dt)
            alive += still
        print("\nIndexWriter.close() while a rebuild runs (after 0.5 to 14.5 s of it):")
        print(f"  {med(lat)}; worst {max(lat):.2f} s (target <= 1 s)")
        print(f"  writer threads still running after close: {alive}")
        if base_src is not None:
            reset("missing", pristine, lib)
            dt, still = close_latency(base_src, lib, home, 2.0)
            print(f"  baseline (1 run, after 2 s): {dt:.2f} s; thread still running: {still}")

        # -- the rebuild's total time --------------------------------------------------------
        if not args.skip_reindex:
            print("\nhamish reindex, start to exit (the whole library):")
            t_new, rep = reindex(ROOT, lib, home)
            seg_new = segments(lib)
            print(f"  in chunks (this code):     {t_new:.1f} s  {rep}  ({seg_new} segments)")
            if base_src is not None:
                t_old, rep = reindex(base_src, lib, home)
                seg_old = segments(lib)
                print(f"  from scratch (baseline):   {t_old:.1f} s  {rep}  ({seg_old} segments)")
                print(f"  ratio: {t_new / t_old:.2f}x")
            t_kill, t_check, reason = killed_then_checked(ROOT, lib, home, t_new / 2)
            print(
                f"  killed after {t_kill:.1f} s, then hamish check finished it in {t_check:.1f} s:"
                f" {t_kill + t_check:.1f} s in all ({(t_kill + t_check) / t_new:.2f}x one go);"
                f" check said: {reason}"
            )
            ok = subprocess.run(
                [PY, "-m", "desktop_app", "--library", str(lib), "check", "--no-repair", "--json"],
                cwd=ROOT,
                env=env_for(ROOT, home),
                capture_output=True,
                text=True,
            )
            print(f"  then check --no-repair: {ok.stdout.strip()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
