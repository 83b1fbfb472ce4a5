"""Render the Word export with LibreOffice and measure where the words land (pdftotext -bbox)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop_app.core.export.docx_builder import export_docx
from desktop_app.core.library import Library
from tests.core.export_checks import make_briefing

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT),
    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext); .ci/run installs them",
)
TOLERANCE = 3.0  # pt


@dataclass(frozen=True)
class Line:
    page: int
    x_min: float
    x_max: float
    y_min: float
    words: tuple[str, ...]

    def has(self, word: str) -> bool:
        """True when the line has the word (pdftotext gives Arabic words in visual order)."""
        return word in self.words or word[::-1] in self.words


def amiri_fonts_conf(tmp: Path) -> Path | None:
    """A fontconfig file adding the bundled Amiri faces, so LibreOffice renders with them."""
    try:
        import fontpkg_amiri
    except ModuleNotFoundError:
        return None
    conf = tmp / "fonts.conf"
    conf.write_text(
        f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{fontpkg_amiri.ROOT / "files"}</dir><cachedir>{tmp / "fc-cache"}</cachedir></fontconfig>""",
        encoding="utf-8",
    )
    return conf


def to_pdf(src: Path, out_dir: Path) -> Path:
    """Convert with a fresh LibreOffice profile (two runs sharing one lose output silently)."""
    profile = out_dir / "lo-profile"
    env = dict(os.environ)
    conf = amiri_fonts_conf(out_dir)
    if conf is not None:
        env["FONTCONFIG_FILE"] = str(conf)
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    pdf = out_dir / (src.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


def lines_of(pdf: Path) -> tuple[list[Line], float]:
    """Every text line with its box, and the page width (pt)."""
    xml = subprocess.run(
        [PDFTOTEXT, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    out: list[Line] = []
    width = 0.0
    for n, page in enumerate(root.iter("{*}page"), 1):
        width = float(page.get("width"))
        for line in page.iter("{*}line"):
            words = tuple(w.text or "" for w in line.iter("{*}word"))
            out.append(
                Line(
                    n,
                    float(line.get("xMin")),
                    float(line.get("xMax")),
                    float(line.get("yMin")),
                    words,
                )
            )
    return out, width


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Line], float, float, float]:
    tmp = tmp_path_factory.mktemp("render")
    from tests.conftest import ARABIC_PARAGRAPHS, ENGLISH_PARAGRAPHS, MIXED_PARAGRAPHS, make_doc

    lib = Library(tmp / "lib")
    lib.add_document(
        make_doc(ARABIC_PARAGRAPHS, "اجتماع الوزراء", source="رويترز", published="2022-03-15")
    )
    lib.add_document(
        make_doc(ENGLISH_PARAGRAPHS, "Ministers meet", source="Reuters", published="2021-11-02")
    )
    lib.add_document(
        make_doc(MIXED_PARAGRAPHS, "نص مختلط Mixed text", source="BBC", published="2022-06-30")
    )
    svc, bid, _ = make_briefing(lib)
    src = export_docx(svc.get(bid), tmp / "briefing.docx")
    lib.close()
    section = docx.Document(str(src)).sections[0]
    left, right = section.left_margin.pt, section.page_width.pt - section.right_margin.pt
    lines, width = lines_of(to_pdf(src, tmp))
    assert abs(width - section.page_width.pt) < 1
    return lines, left, right, width


def find(lines: list[Line], word: str) -> list[Line]:
    found = [ln for ln in lines if ln.has(word)]
    assert found, f"no rendered line has {word!r}"
    return found


def test_arabic_lines_end_at_the_right_margin(rendered) -> None:  # type: ignore[no-untyped-def]
    lines, _left, right, _ = rendered
    for word in ("كتبها", "الطاقة", "المحللون", "المقبل"):
        for ln in find(lines, word):
            if ln.page == 1 or word != "الطاقة":
                assert abs(ln.x_max - right) <= TOLERANCE, (word, ln)


def test_english_lines_start_at_the_left_margin(rendered) -> None:  # type: ignore[no-untyped-def]
    lines, left, _right, _ = rendered
    for word in ("paragraph", "Security", "outlook"):
        for ln in find(lines, word):
            assert abs(ln.x_min - left) <= TOLERANCE, (word, ln)


def test_quotes_are_indented_from_the_side_they_start_on(rendered) -> None:  # type: ignore[no-untyped-def]
    lines, left, right, _ = rendered
    arabic_quote = find(lines, "يحسم")[0]
    english_quote = find(lines, "Analysts")[0]
    assert arabic_quote.x_max < right - 20 and abs(arabic_quote.x_max - (right - 28)) <= TOLERANCE
    assert english_quote.x_min > left + 20 and abs(english_quote.x_min - (left + 28)) <= TOLERANCE


def test_latin_inside_arabic_keeps_its_order(rendered) -> None:  # type: ignore[no-untyped-def]
    lines, _left, right, _ = rendered
    arabic_lines = [ln for ln in lines if ln.has("يحسم") or ln.has("التحقق")]
    assert arabic_lines
    for ln in arabic_lines:
        assert any(w.startswith("OPEC+") for w in ln.words), ln.words
        assert not any(w.startswith("+OPEC") or w == "+" for w in ln.words), ln.words
    nato = find(lines, "الأطلسي")[0].words
    # Brackets resolved right-to-left are drawn mirrored: pdftotext then reports the logical ")"
    # on the left of NATO and "(" on its right, which the page shows as "(NATO)".
    i = nato.index("NATO") if "NATO" in nato else -1
    assert "(NATO)" in nato or (i > 0 and nato[i - 1 : i + 2] == (")", "NATO", "(")), nato
    assert any("2026-11-30" in w for w in find(lines, "كتبها")[0].words)


def test_marking_and_page_numbers_on_every_page(rendered) -> None:  # type: ignore[no-untyped-def]
    lines, _left, _right, _ = rendered
    pages = max(ln.page for ln in lines)
    assert pages >= 2
    for n in range(1, pages + 1):
        on_page = [ln for ln in lines if ln.page == n]
        assert sum(ln.has("فقط") for ln in on_page) == 2, n  # header and footer
        footer = max((ln for ln in on_page if ln.has("الصفحة")), key=lambda ln: ln.y_min)
        assert str(n) in footer.words and str(pages) in footer.words, footer.words
