"""PDF import of files made by real producers, compared word for word with what the author wrote.

Chromium (print to PDF), LibreOffice (PDF export of a right-to-left .docx) and fpdf2 (HarfBuzz)
draw Arabic lines left to right as they appear on the page; the importer must give back the
reading order. Harakat are compared after NFC (shaping may put a letter's marks in another
order). Producers that cannot draw an emoji (no emoji font: fpdf2 with Amiri always, Chromium
on a machine without one) leave it out of the text layer: the rest is compared.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import unicodedata

import pytest
from bidi import get_display
from fpdf import FPDF
from pypdf import PdfReader

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.pdf import (
    UNREADABLE,
    Line,
    drop_running_heads,
    implausible_share,
    join_lines,
    layout_paragraphs,
    order_score,
)
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.bidi import logical_line
from desktop_app.core.text.normalize import TATWEEL
from tests.producers import (
    ARABIC,
    CHROMIUM,
    EMOJI,
    HARAKAT,
    MIXED,
    SOFFICE,
    Generated,
    Source,
    words,
)
from tests.producers.pdf import (
    AMIRI,
    KASHIDA,
    LONG,
    broken_pdf,
    chromium_pdf,
    fpdf2_pdf,
    libreoffice_pdf,
    without_emoji,
)

SAMPLES = {"arabic": ARABIC, "mixed": MIXED, "harakat": HARAKAT, "emoji": EMOJI}
needs_chromium = pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed")
needs_soffice = pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed")


# -- generated files, once per session -----------------------------------------------------------
def _pick(files: list[Generated], source: Source) -> Generated:
    return next(g for g in files if g.source == source)


def chromium_files() -> list[Generated]:
    return chromium_pdf((*SAMPLES.values(), LONG))


def libreoffice_files() -> list[Generated]:
    return libreoffice_pdf(SAMPLES.values())


def libreoffice_justified() -> list[Generated]:
    return libreoffice_pdf((*SAMPLES.values(), KASHIDA, LONG), justify=True)


def libreoffice_running() -> list[Generated]:
    return libreoffice_pdf((LONG,), running=True)


def fpdf2_files() -> list[Generated]:
    return fpdf2_pdf(SAMPLES.values())


@functools.cache
def imported(g: Generated) -> ImportedDocument:
    return parse_bytes(g.data, g.name)


# -- comparisons ---------------------------------------------------------------------------------
def nfc_words(text: str) -> list[str]:
    return words(unicodedata.normalize("NFC", text))


def expected_title(g: Generated) -> str:
    return without_emoji(g.source.title) if g.expected else g.source.title


def assert_word_for_word(doc: ImportedDocument, g: Generated) -> None:
    """The headline as a heading, then the body paragraphs, each word for word."""
    head, body = doc.paragraphs[0], doc.paragraphs[1:]
    assert head.kind == "heading"
    assert nfc_words(head.text) == nfc_words(expected_title(g))
    assert [p.kind for p in body] == ["body"] * len(body)
    assert [nfc_words(p.text) for p in body] == [nfc_words(p) for p in g.paragraphs]
    assert doc.title in (g.source.title, expected_title(g))  # metadata, or the headline


def remark(doc: ImportedDocument, code: str) -> int:
    counts = [r.params.get("count") for r in doc.remarks if r.code == code]
    return int(counts[0]) if counts and isinstance(counts[0], int) else 0


def page_texts(g: Generated) -> list[list[str]]:
    """Lines of each page as poppler's pdftotext reads them, for checks independent of ours."""
    tool = shutil.which("pdftotext")
    if not tool:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = len(PdfReader(io.BytesIO(g.data)).pages)
    out: list[list[str]] = []
    for n in range(1, pages + 1):
        text = subprocess.run(
            [tool, "-f", str(n), "-l", str(n), "-", "-"],
            input=g.data,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode("utf-8")
        strip = str.maketrans("", "", "\u202a\u202b\u202c\u200e\u200f\f")
        out.append([ln.translate(strip) for ln in text.splitlines() if ln.strip()])
    return out


def crossing_paragraphs(g: Generated) -> set[int]:
    """Paragraphs of the source that have lines on two pages (read by pdftotext)."""
    bags = [set(words(p)) for p in g.source.paragraphs]

    def owner(line: str) -> int | None:
        found = set(words(line))
        score, best = max((len(found & bag), i) for i, bag in enumerate(bags))
        return best if score >= max(3, len(found) // 2) else None

    crossing: set[int] = set()
    pages = page_texts(g)
    for before, after in zip(pages, pages[1:], strict=False):
        last = [o for ln in before if (o := owner(ln)) is not None][-1:]
        first = [o for ln in after if (o := owner(ln)) is not None][:1]
        if last and first and last == first:
            crossing.add(first[0])
    return crossing


# -- Chromium ------------------------------------------------------------------------------------
@needs_chromium
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_chromium_print_reads_word_for_word(sample: str) -> None:
    g = _pick(chromium_files(), SAMPLES[sample])
    doc = imported(g)
    assert_word_for_word(doc, g)
    # Skia draws every Arabic line left to right: each was put back in reading order.
    assert remark(doc, "import.remark_visual_order") >= len(g.paragraphs)
    assert remark(doc, "import.remark_kashida") == 0


@needs_chromium
def test_chromium_emoji_without_an_emoji_font_leaves_the_rest_intact() -> None:
    g = _pick(chromium_files(), EMOJI)
    text = " ".join(p.text for p in imported(g).paragraphs)
    if g.expected:  # no font on this machine draws the emoji: Chromium leaves them out
        assert "🌸" not in text and "\ufffd" not in text
    else:
        assert "🌸" in text and "🎉" in text


@needs_chromium
def test_chromium_paragraph_across_pages_is_one_paragraph() -> None:
    g = _pick(chromium_files(), LONG)
    assert len(PdfReader(io.BytesIO(g.data)).pages) >= 2
    assert crossing_paragraphs(g), "the article should have a paragraph across a page break"
    assert_word_for_word(imported(g), g)


# -- LibreOffice ---------------------------------------------------------------------------------
@needs_soffice
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_libreoffice_pdf_reads_word_for_word(sample: str) -> None:
    g = _pick(libreoffice_files(), SAMPLES[sample])
    doc = imported(g)
    assert_word_for_word(doc, g)
    assert doc.author == g.source.author
    assert remark(doc, "import.remark_visual_order") >= len(g.paragraphs)


@needs_soffice
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_libreoffice_justified_kashida_lines_are_reassembled(sample: str) -> None:
    g = _pick(libreoffice_justified(), SAMPLES[sample])
    doc = imported(g)
    assert_word_for_word(doc, g)
    assert TATWEEL not in " ".join(p.text for p in doc.paragraphs)


@needs_soffice
def test_libreoffice_kashida_long_article_across_pages() -> None:
    g = _pick(libreoffice_justified(), LONG)
    assert crossing_paragraphs(g), "the article should have a paragraph across a page break"
    doc = imported(g)
    assert_word_for_word(doc, g)
    assert TATWEEL not in " ".join(p.text for p in doc.paragraphs)
    # Every paragraph but its last line is justified, with kashida in most lines.
    assert remark(doc, "import.remark_kashida") >= len(g.paragraphs)


@needs_soffice
def test_libreoffice_kashida_keeps_the_tatweel_the_author_typed() -> None:
    g = _pick(libreoffice_justified(), KASHIDA)
    doc = imported(g)
    assert_word_for_word(doc, g)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "مـحمد" in text and "الـسلام" in text
    assert text.count(TATWEEL) == 2
    assert remark(doc, "import.remark_kashida") >= 2


@needs_soffice
def test_libreoffice_running_heads_dropped_paragraphs_across_pages() -> None:
    g = libreoffice_running()[0]
    pages = page_texts(g)
    assert len(pages) >= 2
    assert all(any("ملف الأسبوع" in ln for ln in page) for page in pages)  # the header
    assert crossing_paragraphs(g), "the article should have a paragraph across a page break"
    doc = imported(g)
    assert_word_for_word(doc, g)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "ملف الأسبوع" not in text and "صفحة" not in text
    assert remark(doc, "import.remark_running_heads") == 2  # the header and the page footer


# -- fpdf2 (HarfBuzz) ----------------------------------------------------------------------------
@pytest.mark.parametrize("sample", list(SAMPLES))
def test_fpdf2_harfbuzz_reads_word_for_word(sample: str) -> None:
    g = _pick(fpdf2_files(), SAMPLES[sample])
    doc = imported(g)
    assert_word_for_word(doc, g)  # Amiri has no emoji: fpdf2 leaves them out (g.expected)
    assert remark(doc, "import.remark_kashida") == 0


@pytest.mark.parametrize("sample", ["arabic", "mixed", "emoji"])
def test_tatweel_runs_of_justification_are_dropped(sample: str) -> None:
    g = fpdf2_pdf([SAMPLES[sample]], stretch=True)[0]
    raw = "".join(page.extract_text() for page in PdfReader(io.BytesIO(g.data)).pages)
    assert TATWEEL * 3 in raw
    doc = imported(g)
    assert_word_for_word(doc, g)
    assert TATWEEL not in " ".join(p.text for p in doc.paragraphs)
    assert remark(doc, "import.remark_kashida") >= 1


# Latin words followed by numbers (one left-to-right run each), and single harakat with no
# space beside them to tell on which side of its letter the producer draws a mark.
LATIN_NUMBERS = Source(
    title="طائرات F-16 تصل قبل نهاية العام",
    paragraphs=(
        "وقال المسؤول إن طائرات F-16 وصواريخ S-400 ستبحث في اجتماع بمستوى Track 1.5 الشهر المقبل.",
        "وأضاف أن لقاح COVID-19 متوفر، وأن الوزارة تيسّر توزيعه على من أجرَوا التسجيل.",
    ),
)


@pytest.mark.parametrize("producer", ["fpdf2", "chromium", "libreoffice"])
def test_latin_runs_with_numbers_and_lone_harakat_read_exactly(producer: str) -> None:
    if {"chromium": CHROMIUM, "libreoffice": SOFFICE}.get(producer, "fpdf2") is None:
        pytest.skip(f"{producer} is not installed")
    make = {"fpdf2": fpdf2_pdf, "chromium": chromium_pdf, "libreoffice": libreoffice_pdf}
    g = make[producer]([LATIN_NUMBERS])[0]
    doc = imported(g)
    assert [p.text for p in doc.paragraphs[1:]] == list(LATIN_NUMBERS.paragraphs)  # exactly
    assert doc.paragraphs[0].text == LATIN_NUMBERS.title


def test_a_labelled_page_number_is_dropped_even_on_one_page() -> None:
    page = _page("نص الخبر الأول", "نص الخبر الثاني", "الصفحة 1 من 1")
    kept, _ = drop_running_heads([page])
    assert [ln.text for ln in kept[0]] == ["نص الخبر الأول", "نص الخبر الثاني"]
    page = _page("Page 3 of 9", "نص الخبر", "7 أيام في الأسبوع")
    kept, _ = drop_running_heads([page])
    assert [ln.text for ln in kept[0]] == ["نص الخبر", "7 أيام في الأسبوع"]


# -- reading order decided per line ---------------------------------------------------------------
def _logical_pdf(lines: list[str], shaped_lines: list[str]) -> bytes:
    """A page whose first lines are stored in reading order and drawn right to left (each
    letter on its own, words from the right margin; numbers left to right inside their place),
    then lines shaped by HarfBuzz, which fpdf2 stores left to right (visual order)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Amiri", fname=str(AMIRI))
    pdf.set_font("Amiri", size=14)
    y = 30.0
    for line in lines:
        right = 190.0
        for word in line.split(" "):
            width = pdf.get_string_width(word)
            if word.isdigit():
                x = right - width
                for ch in word:  # a number reads left to right
                    pdf.text(x, y, ch)
                    x += pdf.get_string_width(ch)
            else:
                x = right
                for ch in word:
                    x -= pdf.get_string_width(ch)
                    pdf.text(x, y, ch)
            right -= width + pdf.get_string_width(" ")
        y += 12
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ara")
    pdf.set_y(y)
    for line in shaped_lines:
        pdf.multi_cell(0, 12, line, align="R")
    return bytes(pdf.output())


def test_lines_in_reading_order_are_not_flipped_and_visual_ones_are() -> None:
    logical = ["قال وزير الزراعة إن الخطة تشمل 120 قرضا", "ورحب اتحاد المزارعين بالقرار"]
    shaped = ["وأضاف الوزير أن المرحلة الأولى ستبدأ في الشهر المقبل"]
    data = _logical_pdf(logical, shaped)
    reader = PdfReader(io.BytesIO(data))
    assert "قال" in reader.pages[0].extract_text()  # the text layer is in reading order
    doc = parse_bytes(data, "mixed-order.pdf")
    assert [p.text for p in doc.paragraphs] == [" ".join(logical), shaped[0]]
    assert remark(doc, "import.remark_visual_order") == 1  # only the shaped line


# -- unreadable text layers -----------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["cjk", "pua", "soup"])
def test_text_layer_with_a_wrong_character_map_is_refused(kind: str) -> None:
    g = broken_pdf(_pick(fpdf2_files(), ARABIC), kind)
    with pytest.raises(ImportFailed) as err:
        parse_bytes(g.data, g.name)
    assert err.value.code == UNREADABLE and "OCR" in str(err.value)


@needs_soffice
@pytest.mark.parametrize("kind", ["cjk", "soup"])
def test_libreoffice_layer_with_a_wrong_character_map_is_refused(kind: str) -> None:
    g = broken_pdf(_pick(libreoffice_files(), MIXED), kind)
    with pytest.raises(ImportFailed) as err:
        parse_bytes(g.data, g.name)
    assert err.value.code == UNREADABLE


PLAUSIBLE = {
    "arabic": " ".join(ARABIC.paragraphs),
    "mixed": " ".join(MIXED.paragraphs),
    "harakat": " ".join(HARAKAT.paragraphs),
    "emoji": " ".join(EMOJI.paragraphs),
    "english": "The minister said the talks will continue next week in Vienna.",
    "french": "Le ministre a déclaré que les négociations reprendront à Genève; cœur, façade, Œuvre.",
    "turkish": "Dışişleri Bakanı, görüşmelerin önümüzdeki hafta İstanbul'da süreceğini söyledi.",
    "chinese": "外交部长表示，谈判将于下周在维也纳继续举行。",
}


@pytest.mark.parametrize("sample", list(PLAUSIBLE))
def test_real_text_is_plausible(sample: str) -> None:
    assert implausible_share(PLAUSIBLE[sample]) < 0.05


def test_soup_is_implausible() -> None:
    assert implausible_share("丂ĉ丏 ŋ丐Ŧ 且 丕ŉ", rtl_page=True) > 0.9
    assert implausible_share("\ue001\ue002 \ue003", rtl_page=False) == 1.0
    assert implausible_share("丂丏丐 且丕 世丗丘", rtl_page=False) > 0.9  # Han spaced like words


def _latin_pdf(paragraphs: list[str]) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Amiri", fname=str(AMIRI))
    pdf.set_font("Amiri", size=13)
    for text in paragraphs:
        pdf.multi_cell(0, 8, text)
        pdf.ln(6)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "The minister said the agreement serves both countries and that talks will "
            "continue next week in Vienna with all the parties.",
            "Analysts expect OPEC+ to extend the cuts (again) into 2025.",
        ],
        [
            "Le ministre a déclaré que l'accord sert les deux pays et que les négociations "
            "reprendront la semaine prochaine à Genève, où l'œuvre commune se poursuivra.",
            "Les analystes prévoient une hausse de 3,5 % des prix à la consommation.",
        ],
    ],
    ids=["english", "french"],
)
def test_latin_pdfs_still_import(paragraphs: list[str]) -> None:
    doc = parse_bytes(_latin_pdf(paragraphs), "latin.pdf")
    assert [p.text for p in doc.paragraphs] == paragraphs
    assert all(p.direction == "ltr" for p in doc.paragraphs)
    assert doc.remarks == ()


# -- the parts: running heads, reading order of a line, the text-only fallback ------------------
def _page(*texts: str) -> list[Line]:
    return [Line(t, y=700.0 - 20 * i, size=12.0) for i, t in enumerate(texts)]


def test_running_heads_and_page_numbers_are_dropped() -> None:
    # Chapter numbers that go up with the page, in body lines, stay: they differ in their words.
    lines = [
        ("يبدأ الموسم في الشمال", "وتأخرت الأمطار هذا العام"),
        ("وقال المزارعون إن الخسائر كبيرة", "ودعوا الحكومة إلى التعويض"),
        ("ورحب الاتحاد بالقرار", "لكنه طالب بالمزيد"),
        ("وفي المدينة ارتفعت الأسعار", "وقل الإقبال على السوق"),
    ]
    pages = [
        _page("الجريدة - ملف الأسبوع", f"{a} في الفصل {n}", b, f"صفحة {n + 4}")
        for n, (a, b) in enumerate(lines)
    ]
    kept, dropped = drop_running_heads(pages)
    assert dropped == 2  # the header, and the footer with its page number
    assert [[ln.text for ln in page] for page in kept] == [
        [f"{a} في الفصل {n}", b] for n, (a, b) in enumerate(lines)
    ]


def test_a_running_head_with_a_number_in_its_name_is_dropped() -> None:
    body = ["يبدأ الموسم في الشمال", "وتأخرت الأمطار", "ورحب الاتحاد بالقرار", "وارتفعت الأسعار"]
    pages = [_page("france24 - ملف الأسبوع", text, str(n + 1)) for n, text in enumerate(body)]
    kept, dropped = drop_running_heads(pages)
    assert dropped == 2  # the header and the page number
    assert [[ln.text for ln in page] for page in kept] == [[text] for text in body]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["في شهر ديسمبر/", "كانون الأول"], "في شهر ديسمبر/كانون الأول"),
        (["قال مسؤول لـ", "CNN إن"], "قال مسؤول لـCNN إن"),
        (["ثلاثة آلاف مشجع (", "2586) حضروا"], "ثلاثة آلاف مشجع (2586) حضروا"),
        (["رسوم 25 بالمئة على الفولاذ و", "10 بالمئة على الألومنيوم"], None),
        (["وسم #رؤية_", "2030 اليوم"], "وسم #رؤية_2030 اليوم"),
        (["وقال الوزير", "إن الخطة 🌾 جاهزة"], "وقال الوزير إن الخطة 🌾 جاهزة"),
        (["The plan (a draft) was", "received by all."], "The plan (a draft) was received by all."),
    ],
)
def test_lines_join_without_a_space_where_a_word_was_broken(
    lines: list[str], joined: str | None
) -> None:
    want = joined or "رسوم 25 بالمئة على الفولاذ و10 بالمئة على الألومنيوم"
    assert join_lines(lines) == want


def test_short_particles_are_no_evidence_of_reversed_words() -> None:
    # 'ولا' and 'لا' end like a word read back to front ('الو' starts like one read forward).
    line = "ولا أحكام ولا قضاء ولا أي حاجة يجب إيقاف المنتج"
    assert order_score(line) >= 0
    assert order_score(line) > order_score(line[::-1])


def test_a_ragged_paragraph_runs_on_over_a_page_break() -> None:
    # The page's last line ends a sentence short of the margin, but the next page's first word
    # would not have fitted there: the paragraph goes on.
    full = "وقال المدرب إن الفريق قدم مباراة كبيرة أمام منافس قوي في الدور الأول"
    end = "وأقيمت المباراة بمدينة ليون الفرنسية."
    page1 = [
        Line(full, y=700, size=14, x0=90, x1=522),
        Line(end, y=672, size=14, x0=300, x1=522),
    ]
    page2 = [
        Line(
            "وخسر مرسيليا أمام سالزبورغ في المباراة الأخرى من الدور", y=700, size=14, x0=95, x1=522
        ),
        Line("وتقام المباراة النهائية الشهر المقبل.", y=672, size=14, x0=320, x1=522),
    ]
    # End far from the margin: a new paragraph.
    assert len(layout_paragraphs([page1, page2])) == 2
    # End a word's width from the margin: the same paragraph.
    longer = "وأقيمت المباراة على ملعب المدينة الكبير أمام جمهور غفير بمدينة ليون الفرنسية."
    page1[1] = Line(longer, y=672, size=14, x0=112, x1=522)
    paragraphs = layout_paragraphs([page1, page2])
    assert len(paragraphs) == 1 and "الفرنسية. وخسر مرسيليا" in paragraphs[0].text


def test_lines_repeated_on_few_pages_or_numbered_otherwise_stay() -> None:
    pages = [
        _page("مقدمة", "نص أول"),
        _page("مقدمة", "نص ثان"),
        _page("الفصل 3", "نص ثالث"),
        _page("الفصل 3", "نص رابع"),
    ]
    kept, dropped = drop_running_heads(pages)
    assert dropped == 0 and sum(len(p) for p in kept) == 8
    # On both pages of a two-page file, a line is a running head (most pages).
    kept, dropped = drop_running_heads(pages[:2])
    assert dropped == 1 and [ln.text for p in kept for ln in p] == ["نص أول", "نص ثان"]


@pytest.mark.parametrize(
    "logical",
    [
        "اجتمع قادة الحلف (NATO) في واشنطن يوم 9 يوليو 2024.",
        "ارتفع الإنفاق بنسبة 18% هذا العام، وقال Jens Stoltenberg إن الرقم 3.5 مليار.",
        "جَاءَ الرَّبِيعُ الطَّلْقُ يَخْتَالُ ضَاحِكًا 🌸 مِنَ الحُسْنِ",
        "طائرات F-16 ولقاح COVID-19 وهاتف iPhone 15 Pro بمستوى (Track 1.5) في 2024.",
    ],
)
def test_logical_line_undoes_drawing_order(logical: str) -> None:
    # The line drawn left to right, brackets named by the character typed (as LibreOffice does).
    typed = get_display(logical, base_dir="R")
    if "(" in typed and typed.index("(") < typed.index(")"):
        typed = typed.translate(str.maketrans("()", ")("))  # a get_display that mirrors
    assert logical_line(list(typed), rtl=True, mirrored=False) == logical
    # ... named by the shape drawn, mirrored in right-to-left text (as Chromium does).
    shaped = typed.translate(str.maketrans("()", ")("))
    assert logical_line(list(shaped), rtl=True, mirrored=True) == logical


def test_rotated_text_is_read_without_positions() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    with pdf.rotation(90, x=100, y=150):
        pdf.text(60, 150, "The minister said the talks will continue next week.")
    doc = parse_bytes(bytes(pdf.output()), "rotated.pdf")
    assert [p.text for p in doc.paragraphs] == [
        "The minister said the talks will continue next week."
    ]
