"""Bad input: one-line reasons for every format, and a mixed import that loses nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import MAX_BYTES, extensions, parse_bytes
from desktop_app.core.importers.pdf import NO_TEXT
from desktop_app.core.library import Library
from tests.core.test_importers_docx import build as build_docx
from tests.core.test_importers_html import PAGE
from tests.core.test_importers_pdf import PARAS, paras_pdf, shaped_pdf


@pytest.mark.parametrize("name", [f"a{ext}" for ext in extensions()])
@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_empty_file(name: str, data: bytes) -> None:
    with pytest.raises(ImportFailed) as err:
        parse_bytes(data, name)
    assert str(err.value) == "empty file" and err.value.code == "import.empty"


@pytest.mark.parametrize(
    "name, ext", [("notes.xyz", ".xyz"), ("README", "(no extension)"), ("x.EXE", ".exe")]
)
def test_unsupported_type(name: str, ext: str) -> None:
    with pytest.raises(ImportFailed) as err:
        parse_bytes(b"some bytes", name)
    assert str(err.value) == f"unsupported file type {ext}"


def test_too_large() -> None:
    with pytest.raises(ImportFailed) as err:
        parse_bytes("نص".encode() * 600, "big.txt", max_bytes=1000)
    assert str(err.value).startswith("file too large: ")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    "data, name",
    [
        (b"PK\x03\x04" + b"\x00" * 50, "x.docx"),
        (b"%PDF-1.7\n" + b"\x00" * 50, "x.pdf"),
        (bytes(range(256)) * 8, "x.txt"),
        (bytes(range(256)) * 8, "x.md"),
        (b"<html><body>" + b"\x00" * 20 + b"</body></html>", "x.html"),
    ],
)
def test_damaged_files_give_one_line(data: bytes, name: str) -> None:
    with pytest.raises(ImportFailed) as err:
        parse_bytes(data, name)
    message = str(err.value)
    assert message and "\n" not in message and "Traceback" not in message


def _rows(folder: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(folder / "library.sqlite3")
    try:
        return conn.execute(
            "SELECT original_name, original_sha256 FROM articles ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_mixed_import_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = {
        "خبر.txt": "عنوان الخبر\n\nقال الوَزِيرُ إن الخطة جاهزة 📌.\nوأضاف أن التنفيذ يبدأ قريباً.".encode(
            "cp1256", "ignore"
        ),
        "مقال.md": "# عنوان\n\nفقرة عن **المياه** في البلاد.".encode(),
        "صفحة.html": PAGE.replace("{charset}", "utf-8").encode(),
        "تقرير.docx": build_docx(),
        "ملف.pdf": paras_pdf(),
    }
    whole_pdf = shaped_pdf(PARAS[:1])
    bad = {
        "empty.txt": (b"", "empty file"),
        "junk.txt": (bytes(range(256)) * 8, None),
        "broken.docx": (build_docx()[:900], "corrupt or truncated .docx file"),
        "cut.pdf": (whole_pdf[: len(whole_pdf) // 2], "corrupt or truncated PDF file"),
        "notes.xyz": (b"whatever", "unsupported file type .xyz"),
    }
    for name, data in good.items():
        (src / name).write_bytes(data)
    for name, (data, _) in bad.items():
        (src / name).write_bytes(data)
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 50, 50, style="F")
    (src / "scan.pdf").write_bytes(bytes(scan.output()))
    with (src / "big.txt").open("wb") as f:
        f.truncate(MAX_BYTES + 1)

    lib_dir = tmp_path / "lib"
    with Library(lib_dir) as lib:
        results = lib.import_paths([src, src / "notes.xyz"])
    by_name = {Path(r.path).name: r for r in results}
    assert set(by_name) == set(good) | set(bad) | {"scan.pdf", "big.txt"}
    for name in good:
        assert by_name[name].status == "imported", (name, by_name[name].error)
    for name, (_, reason) in bad.items():
        r = by_name[name]
        assert r.status == "failed" and r.article_id is None
        assert r.error and "\n" not in r.error
        if reason is not None:
            assert r.error == reason, name
    assert by_name["junk.txt"].error.startswith("undecodable bytes")
    assert by_name["scan.pdf"].error_code == NO_TEXT
    assert by_name["big.txt"].error_code == "import.too_large"
    assert by_name["notes.xyz"].error_params == {"ext": ".xyz"}
    assert by_name["big.txt"].error.startswith("file too large: ")

    rows = _rows(lib_dir)
    assert sorted(name for name, _ in rows) == sorted(good)
    kept = sorted(p.name for p in (lib_dir / "originals").rglob("*") if p.is_file())
    expected = sorted(hashlib.sha256(d).hexdigest() + Path(n).suffix for n, d in good.items())
    assert kept == expected
    assert not list(lib_dir.rglob("*.part"))
