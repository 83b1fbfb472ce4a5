"""`hamish import` of a folder of small .txt files, this checkout against another, alternating.

Usage: .venv/bin/python bench/import_folder_bench.py CORPUS.jsonl.gz --baseline DIR
                                                   [--files 2000] [--rounds 3]

DIR is another checkout of Hamish (e.g. `git archive REV | tar -x -C /tmp/base`). Each round
imports the same files into a new library with each checkout in turn (a child process each);
prints the wall time, articles a second and peak RSS (ru_maxrss of the child and what it
started) of every run and the medians. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_files(corpus: Path, folder: Path, count: int) -> None:
    """The first `count` corpus articles as title, blank line, one paragraph a line."""
    folder.mkdir(parents=True)
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= count:
                break
            article = json.loads(line)
            text = f"{article['title']}\n\n{article['text']}\n"
            (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")


def run(checkout: Path, folder: Path, library: Path) -> tuple[float, int, int]:
    """(seconds, imported, peak RSS in bytes) of `hamish import` run from a checkout."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    cmd = [sys.executable, "-m", "desktop_app", "import", "--library", str(library), "--json"]
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "out = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(time.perf_counter() - t)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(out.stdout)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=checkout,
        check=True,
    )
    seconds, peak, rest = done.stdout.split("\n", 2)
    imported = sum(1 for r in json.loads(rest) if r["status"] == "imported")
    return float(seconds), imported, int(peak) * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        write_files(args.corpus, folder, args.files)
        times: dict[str, list[float]] = {"baseline": [], "this": []}
        for r in range(args.rounds):
            for label, checkout in (("baseline", args.baseline), ("this", ROOT)):
                library = Path(tmp) / f"lib-{label}-{r}"
                seconds, imported, peak = run(checkout, folder, library)
                times[label].append(seconds)
                print(
                    f"round {r + 1} {label:8}  {seconds:6.2f} s  {imported / seconds:6.0f} articles/s"
                    f"  {imported} imported  peak {peak / 1e6:.0f} MB",
                    flush=True,
                )
        base, this = (statistics.median(times[k]) for k in ("baseline", "this"))
        print(f"median baseline {base:.2f} s, this {this:.2f} s, ratio {this / base:.3f}")


if __name__ == "__main__":
    main()
