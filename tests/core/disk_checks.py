"""Shared by the privacy and full-disk tests: files to import, a `hamish` child process, the
modes of a library folder, and a real small (or read-only) filesystem mounted for a test."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.child import run_hamish

ROOT = Path(__file__).resolve().parents[2]

ARABIC = "قال الوزير إن الاتفاق الجديد يخدم مصالح البلدين 📌"
HARAKAT = "قَالَ الوَزِيرُ أَحْمَد إِنَّ القَرَارَ نِهَائِيٌّ."
MIXED = "Reuters reported that «الاتفاق النهائي» was signed in Vienna 😀."


def sample_files(folder: Path, formats: tuple[str, ...] = ("html", "md", "docx")) -> list[Path]:
    """Arabic, vocalised, mixed and emoji articles as .html, .md, .docx (and .pdf) files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    if "html" in formats:
        p = folder / "مقال-الوزير.html"
        p.write_text(
            f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اجتماع الوزراء'
            f"</title></head><body><h1>اجتماع الوزراء</h1><p>{ARABIC}</p><p>{HARAKAT}</p>"
            "</body></html>",
            encoding="utf-8",
        )
        paths.append(p)
    if "md" in formats:
        p = folder / "mixed.md"
        p.write_text(f"# نص مختلط Mixed text\n\n{MIXED}\n\n{HARAKAT}\n", encoding="utf-8")
        paths.append(p)
    if "docx" in formats:
        import docx

        d = docx.Document()
        d.add_heading("تقرير الطاقة Energy report", 1)
        d.add_paragraph(ARABIC)
        d.add_paragraph("OPEC+ met in Vienna 🛢️ on Monday.")
        buf = io.BytesIO()
        d.save(buf)
        p = folder / "report.docx"
        p.write_bytes(buf.getvalue())
        paths.append(p)
    if "pdf" in formats:
        from tests.producers import Source
        from tests.producers.pdf import fpdf2_pdf

        [g] = fpdf2_pdf([Source("بيان وزارة الطاقة", (HARAKAT, "وأكد الوزير أن الإنتاج سيستمر."))])
        p = folder / "بيان.pdf"
        p.write_bytes(g.data)
        paths.append(p)
    return paths


def hamish(
    *args: str, umask: int = 0o022, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app ARGS` in a child process started with the given umask."""
    full = dict(os.environ if env is None else env)
    full["PYTHONPATH"] = str(ROOT) + os.pathsep + full.get("PYTHONPATH", "")
    full.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_hamish(full, *args, cwd=ROOT, timeout=timeout, umask=umask)


def modes(folder: Path) -> dict[str, int]:
    """Every file and folder under folder (itself as "."), by relative path: its mode bits."""
    out = {".": stat.S_IMODE(folder.stat().st_mode)}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            if not path.is_symlink():
                out[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return out


def _expected(folder: Path, name: str) -> set[int]:
    if (folder / name).is_dir():
        return {0o700}
    if name.endswith("_WRITELOCK"):  # Whoosh makes its lock file with os.open's default 0o777
        return {0o600, 0o700}
    return {0o600}


def assert_private(folder: Path) -> dict[str, int]:
    """Assert the library folder and every folder in it is 0700, every file 0600."""
    found = modes(folder)
    loose = {name: oct(mode) for name, mode in found.items() if mode not in _expected(folder, name)}
    assert not loose, f"not private: {loose}"
    return found


def posix_only() -> None:
    """Skip where file modes do not exist."""
    if os.name != "posix":
        pytest.skip("file modes are POSIX only (Windows keeps access in ACLs)")


@contextmanager
def small_disk(base: Path, size: str = "4m") -> Iterator[Path]:
    """A real tmpfs of this size mounted in base (skips the test where mounting is refused)."""
    posix_only()
    mount = shutil.which("mount")
    if mount is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root and mount(8)")
    point = base / f"disk-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    res = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        pytest.skip(f"mount is not permitted here: {res.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def remount_read_only(point: Path) -> None:
    """Make the mounted filesystem read-only (root cannot write it either)."""
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True, capture_output=True)


def fill_disk(point: Path, keep: int = 0) -> Path:
    """Fill a small filesystem with one file, leaving about keep bytes free."""
    filler = point / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                free = os.statvfs(point).f_bavail * os.statvfs(point).f_frsize
                if free <= keep:
                    break
                f.write(b"\0" * min(65536, max(free - keep, 1)))
                f.flush()
        except OSError:
            pass
    return filler
