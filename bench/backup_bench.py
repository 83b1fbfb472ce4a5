"""Backups: the automatic backup on closing, a .zip of the whole library, and restoring it.

Usage: python bench/backup_bench.py [--articles N] [--originals-mb M]

Builds a library of N generated Arabic and English articles (each with a highlight and a note)
and M MB of original files in a temporary folder, then prints wall times: today's automatic
backup (first, then when it exists already), writing the archive with and without originals,
checking it, and restoring it into a new folder. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.backup import auto_backup  # noqa: E402
from desktop_app.core.backup_archive import inspect_archive, write_archive  # noqa: E402
from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.restore import restore  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs  # noqa: E402

WORDS = "قال الوزير إن الاتفاق الجديد يخدم مصالح البلدين the minister said agreement 📌".split()


def build(folder: Path, articles: int, originals_mb: int) -> Library:
    """A library of generated articles with highlights, notes and original files."""
    rnd = random.Random(7)
    lib = Library(folder)
    for i in range(articles):
        paras = [" ".join(rnd.choice(WORDS) for _ in range(60)) for _ in range(8)]
        doc = ImportedDocument(build_paragraphs(paras), title=f"مقال {i}", format="txt")
        aid = lib.add_document(doc).article_id or 0
        lib.add_highlight(aid, 0, 10, note=f"ملاحظة {i}")
    for i in range(originals_mb):
        data = rnd.randbytes(1 << 20)
        lib._keep_original(f"{i:064x}", "x.pdf", data)
    return lib


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn()
    print(f"{label:<44} {time.perf_counter() - t:8.3f} s")
    return out


def main() -> None:
    """Print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--originals-mb", type=int, default=50)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hamish-backup-bench-"))
    try:
        lib = timed(
            "build the library", lambda: build(tmp / "lib", args.articles, args.originals_mb)
        )
        db = (tmp / "lib" / "library.sqlite3").stat().st_size
        print(f"database {db / 2**20:.1f} MB, originals {args.originals_mb} MB")
        day = date(2026, 1, 5)
        timed("automatic backup (first of the day)", lambda: auto_backup(lib.conn, lib.folder, day))
        t = time.perf_counter()
        for _ in range(1000):
            auto_backup(lib.conn, lib.folder, day)
        print(
            f"{'automatic backup (made already), each':<44} {(time.perf_counter() - t) / 1000 * 1e6:8.1f} µs"
        )
        lib.close()
        timed(".zip without originals", lambda: write_archive(tmp / "lib", tmp / "a.zip"))
        timed(
            ".zip with originals (written and read back)",
            lambda: write_archive(tmp / "lib", tmp / "b.zip", True),
        )
        print(
            f"archive sizes: {(tmp / 'a.zip').stat().st_size / 2**20:.1f} MB, {(tmp / 'b.zip').stat().st_size / 2**20:.1f} MB"
        )
        info = timed("check the archive (inspect)", lambda: inspect_archive(tmp / "b.zip"))
        shutil.rmtree(info.database.parent)
        timed("restore into a new folder", lambda: restore(tmp / "b.zip", tmp / "new"))
        timed("restore in place", lambda: restore(tmp / "b.zip", tmp / "lib"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
