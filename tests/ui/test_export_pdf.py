"""PDF export through Qt: fonts, direction per block, marking and page X of Y on every page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.core.briefings import BriefingService
from desktop_app.core.export import ExportFailed
from desktop_app.core.library import Library
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.paragraphs import build_paragraphs
from desktop_app.ui.export_pdf import MARGIN_MM, export_pdf

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not PDFTOTEXT, reason="needs poppler-utils; .ci/run installs it")
MARGIN_PT = MARGIN_MM / 25.4 * 72
A4_WIDTH = 595.0


def words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, xMax, yMin, text) of every word."""
    from lxml import etree

    xml = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    out = []
    for n, page in enumerate(root.iter("{*}page"), 1):
        for w in page.iter("{*}word"):
            out.append(
                (n, float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMin")), w.text or "")
            )
    return out


def ink_extent(pdf: Path, page: int, y_top: float, y_bottom: float, tmp: Path) -> tuple[int, int]:
    """(leftmost, rightmost) inked x (pt) between two heights of a page rendered at 72 dpi.

    Measured on pixels because Qt's PDFs do not map every shaped Arabic glyph back to text.
    """
    base = tmp / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-gray",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(base),
        ],
        check=True,
        capture_output=True,
    )
    data = (base.with_suffix(".pgm")).read_bytes()
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4]
    xs = [
        x
        for y in range(max(0, int(y_top)), min(height, int(y_bottom) + 1))
        for x in range(width)
        if pixels[y * width + x] < 128
    ]
    return min(xs), max(xs)


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    return [p for p in text.decode("utf-8").split("\f") if p.strip()]


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    library = Library(tmp_path / "lib")
    doc = ImportedDocument(
        build_paragraphs(
            [
                "قال الوَزِيرُ إن تحالف OPEC+ سيخفض الإنتاج 📌.",
                "The minister said OPEC+ will cut output.",
            ]
        ),
        title="اجتماع الوزراء",
        source="رويترز",
        url="https://example.org/1",
        published="2024-05-01",
    )
    library.add_document(doc)
    yield library
    library.close()


@needs_poppler
def test_english_briefing_has_marking_and_page_x_of_y_on_every_page(
    qapp, lib: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    svc = BriefingService(lib)
    bid = svc.create("Weekly brief", marking="CONFIDENTIAL", summary="Prices will rise.").created
    sid = svc.add_section(bid, "Oil").created
    for i in range(120):
        svc.add_item(
            sid, text=f"Paragraph {i} about the OPEC+ meeting and its consequences for prices."
        )
    out = export_pdf(svc.get(bid), tmp_path / "brief.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "lib"]
    pages = page_texts(out)
    assert len(pages) >= 3
    for n, text in enumerate(pages, 1):
        assert text.count("CONFIDENTIAL") == 2, n
        assert f"Page {n} of {len(pages)}" in text
    assert "Executive summary" in pages[0] and "Paragraph 119 about" in pages[-1]


@needs_poppler
def test_arabic_blocks_run_right_to_left_with_amiri(qapp, lib: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = BriefingService(lib)
    bid = svc.create("إحاطة الطاقة", marking="سري", date="2026-12-01").created
    sid = svc.add_section(bid, "الطاقة").created
    svc.add_item(sid, highlight_id=lib.add_highlight_by_quote(1, "تحالف OPEC+ سيخفض").id)
    svc.add_item(sid, text="فقرة كتبها المحلل عن أسعار النفط في 2026-11-30")
    svc.add_item(sid, text="An English paragraph written by the analyst.")
    out = export_pdf(svc.get(bid), tmp_path / "ar.pdf")
    assert b"Amiri" in out.read_bytes()  # the bundled face is embedded
    ws = words(out)
    right = A4_WIDTH - MARGIN_PT
    date = next(w for w in ws if w[4] == "2026-11-30")  # the date reads in order after Arabic
    _left, ink_right = ink_extent(out, date[0], date[3] + 2, date[3] + 9, tmp_path)
    assert abs(ink_right - right) <= 3
    english = next(w for w in ws if w[4] == "An")
    assert abs(english[1] - MARGIN_PT) <= 3
    ink_left, _right = ink_extent(out, english[0], english[3] + 2, english[3] + 9, tmp_path)
    assert abs(ink_left - MARGIN_PT) <= 3
    assert any(w[4] == "OPEC+" for w in ws) and not any(w[4] == "+OPEC" for w in ws)
    footer = [w for w in ws if w[3] > 780]
    assert [w[4] for w in footer if w[4].isdigit()] == ["1", "1"]  # "الصفحة 1 من 1"


def test_hostile_text_and_bad_paths(qapp, lib: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = BriefingService(lib)
    bid = svc.create("عنوان\x00\u202e", marking="\x0bسري").created
    sid = svc.add_section(bid, "قسم\x0b").created
    svc.add_item(sid, text="nul\x00 \u202eعكس\u202c \ud800 " + "ملاحظة طويلة " * 8000)
    out = export_pdf(svc.get(bid), tmp_path / "h.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(ExportFailed, match="does not exist"):
        export_pdf(svc.get(bid), tmp_path / "missing" / "h.pdf")
