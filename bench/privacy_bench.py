"""What privacy costs when a library is opened: tightening an old loose library once, and the
check on every later open.

Usage: python bench/privacy_bench.py [--files N]

Makes a library-like folder of N originals in 256 shard folders with 0755/0644 modes, then
prints the time to tighten it (walk once, chmod each) and the time of prepare_folder() on the
now private folder (one stat: no walk).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core import private  # noqa: E402


def main() -> None:
    """Build the folder, time both steps, print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20000)
    args = parser.parse_args()
    old = os.umask(0o022)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "library"
        for i in range(args.files):
            shard = root / "originals" / f"{i % 256:02x}"
            shard.mkdir(parents=True, exist_ok=True)
            (shard / f"{i:06d}.html").write_bytes(b"<p>x</p>")
        os.umask(old)
        started = time.perf_counter()
        changed = private.tighten(root)
        walk = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(100):
            private.prepare_folder(root)
        check = (time.perf_counter() - started) / 100
    print(f"tighten {changed} files and folders: {walk * 1000:.0f} ms")
    print(f"prepare_folder on a private library: {check * 1e6:.0f} us")


if __name__ == "__main__":
    main()
