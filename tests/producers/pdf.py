"""PDF files from real producers: Chromium's print to PDF, LibreOffice's PDF export, fpdf2.

Chromium (Skia) and LibreOffice draw Arabic lines left to right as they appear; LibreOffice
stretches justified Arabic lines with kashida; fpdf2 shapes with HarfBuzz. broken_pdf() rewrites
a real PDF's character maps the way broken fonts are broken, for the unreadable-layer refusal.
Every generator caches its files for the session (one Chromium run per file, one LibreOffice
run for all the files of a call).
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.resources
import io
import os
import random
import re
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tests.producers import ARABIC, CHROMIUM, SOFFICE, Generated, Source

AMIRI_DIR = Path(str(importlib.resources.files("fontpkg_amiri") / "files"))
AMIRI = AMIRI_DIR / "Amiri-Regular.ttf"
EMOJI_CHARS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")
TIMEOUT = 180

# An article long enough for two or three pages, in long paragraphs: page breaks fall inside them.
_LONG = Source(
    title="تقرير: موسم الحصاد في الريف بين الجفاف وارتفاع الأسعار",
    paragraphs=(
        "بدأ موسم الحصاد هذا العام في القرى الشمالية متأخرا بأسبوعين عن موعده المعتاد، بعدما "
        "تأخرت الأمطار الأولى وتراجعت كمياتها إلى أقل من نصف المعدل السنوي، وفق بيانات هيئة "
        "الأرصاد الجوية. ويقول المزارعون إن التأخير أربك خططهم كلها، من شراء البذور إلى استئجار "
        "الآلات، وإن كثيرين منهم اضطروا إلى الاقتراض من التجار بفوائد مرتفعة لتغطية نفقات الري "
        "الإضافية التي لم تكن في الحسبان.",
        "وفي قرية صغيرة على ضفاف النهر، وقف أبو خالد بين سنابل القمح القصيرة يقلب حبة بين أصابعه "
        "ويقول إن المحصول هذا العام لن يكفي لسداد الديون. وأضاف أن سعر كيس السماد تضاعف خلال "
        "عامين، وأن أجرة الحصادة ارتفعت مع ارتفاع سعر الوقود، بينما بقي سعر شراء القمح الذي "
        "تعلنه الحكومة على حاله منذ الموسم الماضي، وهو ما يجعل الزراعة في نظره تجارة خاسرة.",
        "من جهتها، قالت وزارة الزراعة في بيان إنها خصصت 120 مليون دينار لدعم صغار المزارعين، "
        "وإن الدفعة الأولى ستصرف قبل نهاية الشهر الجاري عبر المصارف الزراعية في المحافظات. وأوضح "
        "البيان أن الدعم يشمل تعويضا عن الخسائر التي سببها الجفاف في المناطق الأكثر تضررا، "
        "إضافة إلى قروض بلا فوائد لشراء مضخات تعمل بالطاقة الشمسية وشبكات ري بالتنقيط تقلل "
        "استهلاك المياه.",
        "لكن خبراء الاقتصاد الزراعي يرون أن هذه الإجراءات لا تعالج أصل المشكلة. ويقول الباحث "
        "في مركز الدراسات الريفية إن البلاد تخسر كل عام مساحات واسعة من الأراضي الصالحة للزراعة "
        "بسبب التصحر والزحف العمراني، وإن الاعتماد على الأمطار وحدها لم يعد ممكنا في ظل تغير "
        "المناخ. ويدعو الباحث إلى خطة وطنية طويلة الأمد لإدارة المياه الجوفية وحمايتها من الاستنزاف "
        "قبل فوات الأوان.",
        "وتشير أرقام منظمة الأغذية والزراعة إلى أن إنتاج الحبوب في المنطقة تراجع بنحو 15% خلال "
        "السنوات الخمس الأخيرة، في حين ارتفع الطلب بسبب النمو السكاني واتساع المدن. وتحذر المنظمة "
        "من أن استمرار هذا الاتجاه سيزيد الاعتماد على الاستيراد، ويجعل أسعار الخبز والمواد الأساسية "
        "رهينة لتقلبات الأسواق العالمية وأسعار الشحن، وهو ما ظهر بوضوح خلال الأزمات الأخيرة.",
        "في السوق المركزية للمدينة، يلمس الناس أثر ذلك مباشرة. تقول أم سعيد، وهي موظفة متقاعدة "
        "تشتري الخضار مرتين في الأسبوع، إن ما كانت تدفعه قبل عام ثمنا لسلة كاملة لم يعد يكفي "
        "اليوم إلا لنصفها. ويقول بائع الطماطم في الركن المقابل إن الزبائن صاروا يشترون بالحبة "
        "لا بالكيلو، وإن كثيرا منهم يسألون عن السعر ثم يمضون دون أن يشتروا شيئا.",
        "ويطالب اتحاد الفلاحين منذ سنوات بتحديث طريقة تسعير المحاصيل بحيث ترتبط بتكاليف الإنتاج "
        "الفعلية، وبإنشاء صندوق للتأمين الزراعي يعوض المزارعين عن خسائر الجفاف والصقيع والآفات. "
        "وقال رئيس الاتحاد في مؤتمر صحفي إن الحكومة وعدت بدراسة المقترحين، لكن شيئا لم يتغير على "
        "أرض الواقع حتى الآن، مضيفا أن صبر الفلاحين بدأ ينفد مع كل موسم جديد.",
        "ومع اقتراب نهاية الموسم، يستعد كثير من شباب القرى للهجرة إلى المدن بحثا عن عمل في البناء "
        "أو الخدمات، تاركين الأرض لآبائهم وأجدادهم. ويخشى أهل الريف أن تفرغ قراهم خلال عقد واحد "
        "إذا استمر الحال على ما هو عليه، وأن تتحول الحقول التي أطعمت أجيالا كاملة إلى أراض مهجورة "
        "تنتظر من يعيد إليها الحياة.",
    ),
    source="الجريدة",
    author="سارة الخطيب",
    published="2024-06-20",
)

LONG = Source(
    title=_LONG.title,
    paragraphs=tuple(" ".join(_LONG.paragraphs[i : i + 2]) for i in range(0, 8, 2)),
    source=_LONG.source,
    author=_LONG.author,
    published=_LONG.published,
)

# Justified paragraphs; the author typed two tatweel (مـحمد, الـسلام) that must stay.
KASHIDA = Source(
    title="أهالي المدينة يحتفلون بافتتاح الجسر الجديد",
    paragraphs=(
        ARABIC.paragraphs[0],
        "وقال مـحمد العلي، رئيس لجنة الأهالي، إن الجسر يختصر الطريق إلى المستشفى والمدارس، "
        "ودعا إلى الـسلام والتعاون بين الجميع من أجل مستقبل أفضل للمدينة وأهلها.",
        ARABIC.paragraphs[2],
    ),
    source="الجريدة",
)


def _stem(source: Source) -> str:
    text = "\n".join((source.title, *source.paragraphs))
    return "s" + hashlib.sha1(text.encode()).hexdigest()[:10]


def _workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"hamish-{prefix}-"))


@functools.cache
def font_covers(char: str) -> bool:
    """True when an installed font (fontconfig) has a glyph for char."""
    try:
        from fontTools.ttLib import TTFont

        out = subprocess.run(
            ["fc-list", "-f", "%{file}\\n", f":charset={ord(char):x}"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError, ImportError):
        return False
    for path in filter(None, out.splitlines()):
        try:
            with TTFont(path, fontNumber=0, lazy=True) as font:
                if ord(char) in (font.getBestCmap() or {}):
                    return True
        except Exception:  # noqa: BLE001 - a font fontTools cannot read has no say
            continue
    return False


def without_emoji(text: str) -> str:
    """Text with its emoji left out, as a producer without an emoji font writes it."""
    return " ".join(EMOJI_CHARS.sub(" ", text).split())


def chromium_draws(char: str) -> bool:
    """Whether Chromium has a font to draw char with (it leaves undrawn emoji out of the text)."""
    return font_covers(char)


def _emoji_expected(source: Source, drawn: bool) -> tuple[str, ...]:
    if drawn or not EMOJI_CHARS.search(" ".join(source.paragraphs)):
        return ()
    return tuple(without_emoji(p) for p in source.paragraphs)


# -- Chromium: print to PDF -------------------------------------------------------------------
def _html(source: Source) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in source.paragraphs)
    return (
        "<!doctype html><html dir=rtl lang=ar><head><meta charset=utf-8>"
        f"<title>{html.escape(source.title)}</title><style>"
        f"@font-face {{ font-family: Amiri; src: url('{AMIRI.as_uri()}'); }}"
        "@page { size: A5; margin: 1.5cm; }"
        "body { font-family: Amiri, 'Noto Naskh Arabic', serif; font-size: 15pt;"
        " line-height: 1.7; margin: 0; } p { margin: 0 0 1em; }"
        f"</style></head><body><h1>{html.escape(source.title)}</h1>{body}</body></html>"
    )


@functools.cache
def _chromium(sources: tuple[Source, ...]) -> tuple[Generated, ...]:
    if not CHROMIUM:
        return ()
    work = _workdir("chromium")
    out: list[Generated] = []
    for source in sources:
        stem = _stem(source)
        page = work / f"{stem}.html"
        page.write_text(_html(source), encoding="utf-8")
        pdf = work / f"{stem}.pdf"
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={work / 'profile'}",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        drawn = all(chromium_draws(ch) for ch in EMOJI_CHARS.findall(source.title))
        out.append(
            Generated(
                f"{stem}.pdf",
                pdf.read_bytes(),
                source,
                "chromium-print",
                _emoji_expected(source, drawn),
            )
        )
    return tuple(out)


def chromium_pdf(sources: Iterable[Source]) -> list[Generated]:
    """Each source printed to PDF by headless Chromium from an Arabic page (dir=rtl, Amiri).

    Empty when Chromium is not installed. A source's emoji are left out of `expected` when no
    installed font can draw them: Chromium then leaves them out of the text layer.
    """
    return list(_chromium(tuple(sources)))


# -- LibreOffice: .docx written with python-docx, exported to PDF -----------------------------
def _rtl_paragraph(doc: object, text: str, *, size: int, justify: bool, heading: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    par = doc.add_paragraph()  # type: ignore[attr-defined]
    ppr = par._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "240" if heading else "160")
    ppr.append(spacing)
    if justify and not heading:
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), "both")
        ppr.append(jc)
    _rtl_run(par, text, size)


def _rtl_run(par: object, text: str, size: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = par.add_run(text)  # type: ignore[attr-defined]
    rpr = run._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attr}"), "Amiri")
    rpr.append(fonts)
    rpr.append(OxmlElement("w:rtl"))
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(size * 2))
        rpr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def _page_field(par: object) -> None:
    """A PAGE field (the page number) at the end of a paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    par._p.append(field)  # type: ignore[attr-defined]


def _docx(source: Source, justify: bool, running: bool) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement

    doc = Document()
    doc.core_properties.title = source.title
    doc.core_properties.author = source.author
    _rtl_paragraph(doc, source.title, size=20, justify=False, heading=True)
    for text in source.paragraphs:
        _rtl_paragraph(doc, text, size=14, justify=justify, heading=False)
    if running:
        section = doc.sections[0]
        head = section.header.paragraphs[0]
        head._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        _rtl_run(head, f"{source.source or 'الجريدة'} - ملف الأسبوع", 10)
        foot = section.footer.paragraphs[0]
        foot._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        _rtl_run(foot, "صفحة ", 10)
        _page_field(foot)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@functools.cache
def _libreoffice(
    sources: tuple[Source, ...], justify: bool, running: bool
) -> tuple[Generated, ...]:
    if not SOFFICE:
        return ()
    work = _workdir("soffice")
    files: list[Path] = []
    for source in sources:
        path = work / f"{_stem(source)}.docx"
        path.write_bytes(_docx(source, justify, running))
        files.append(path)
    # Amiri from the fontpkg-amiri package, for LibreOffice through fontconfig.
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{html.escape(str(AMIRI_DIR))}</dir><cachedir>{work / 'fc-cache'}</cachedir>"
        "</fontconfig>",
        encoding="utf-8",
    )
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )
    producer = "libreoffice-pdf" + ("-justified" if justify else "")
    return tuple(
        Generated(path.with_suffix(".pdf").name, path.with_suffix(".pdf").read_bytes(), s, producer)
        for path, s in zip(files, sources, strict=True)
    )


def libreoffice_pdf(
    sources: Iterable[Source], justify: bool = False, running: bool = False
) -> list[Generated]:
    """Each source as a right-to-left .docx (Amiri) exported to PDF by LibreOffice, in one run.

    justify: justified paragraphs, which LibreOffice stretches with kashida (Arabic text, a font
    with a tatweel glyph), drawn as glyphs that have no character in the text layer.
    running: a running header (the outlet's name) and footer (a page number) on every page.
    Empty when LibreOffice is not installed.
    """
    return list(_libreoffice(tuple(sources), justify, running))


# -- fpdf2 with HarfBuzz -------------------------------------------------------------------------
def _fpdf(source: Source, stretch: bool) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(source.title)
    pdf.set_author(source.author)
    pdf.add_page()
    pdf.add_font("Amiri", fname=str(AMIRI))
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ara")
    pdf.set_font("Amiri", size=20)
    pdf.multi_cell(0, 12, source.title, align="R")
    pdf.ln(4)
    pdf.set_font_size(14)
    for text in source.paragraphs:
        pdf.multi_cell(0, 9, _stretched(text) if stretch else text, align="R")
        pdf.ln(4)
    return bytes(pdf.output())


# A joining letter followed by another letter (not by a tatweel the author typed: "لـCNN").
_STRETCHABLE = re.compile(r"(?<=[بتثنيسشصضطظعغفقكلمهج])(?=[\u0621-\u063a\u0641-\u064a])")


def _stretched(text: str) -> str:
    """Text with runs of tatweel inserted in every fourth word, as kashida justification does."""
    words = text.split(" ")
    for i in range(1, len(words), 4):
        words[i] = _STRETCHABLE.sub("\u0640\u0640\u0640", words[i], count=1)
    return " ".join(words)


@functools.cache
def _fpdf2(sources: tuple[Source, ...], stretch: bool) -> tuple[Generated, ...]:
    producer = "fpdf2-harfbuzz" + ("-tatweel" if stretch else "")
    return tuple(
        Generated(
            f"{_stem(s)}.pdf", _fpdf(s, stretch), s, producer, _emoji_expected(s, drawn=False)
        )
        for s in sources
    )


def fpdf2_pdf(sources: Iterable[Source], stretch: bool = False) -> list[Generated]:
    """Each source written by fpdf2 with HarfBuzz shaping, right to left, in Amiri.

    Amiri has no emoji and fpdf2 leaves out what the font cannot draw: `expected` has the
    paragraphs without emoji. stretch: runs of tatweel (U+0640) inserted in words, the way
    producers that justify with tatweel characters write justified lines.
    """
    return list(_fpdf2(tuple(sources), stretch))


# -- text layers with wrong character maps ----------------------------------------------------
_KINDS = {
    # Han ideographs for the letters, the spaces kept: a CJK-looking text spaced like Arabic.
    "cjk": [chr(c) for c in range(0x4E00, 0x4E00 + 400)],
    # Private-use code points.
    "pua": [chr(c) for c in range(0xE000, 0xE000 + 400)],
    # Han and Latin-Extended letters mixed: 'soup'.
    "soup": [chr(c) for c in range(0x4E00, 0x4E00 + 200)] + [chr(c) for c in range(0x0100, 0x0180)],
}


def broken_pdf(g: Generated, kind: str, seed: int = 7) -> Generated:
    """A copy of g whose fonts map the codes of their Arabic glyphs to the wrong characters.

    kind: "cjk", "pua" or "soup" (see _KINDS). Spaces, digits and punctuation keep their
    characters, as they do when a font's map is off for its letters only.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    rng = random.Random(seed)
    pool = _KINDS[kind]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(g.data)))
    done: set[int] = set()
    for page in writer.pages:
        fonts = page["/Resources"].get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            if id(font) in done or "/ToUnicode" not in font:
                continue
            done.add(id(font))
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            width = 4 if font.get("/Subtype") == "/Type0" else 2
            entries: list[str] = []
            pairs = [
                pair
                for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, flags=re.S)
                for pair in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)
            ]
            for code, target in pairs:
                chars = bytes.fromhex(target).decode("utf-16-be", "replace")
                if any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc" for ch in chars):
                    chars = rng.choice(pool)
                entries.append(f"<{code}> <{chars.encode('utf-16-be').hex().upper()}>")
            body = "\n".join(
                f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar"
                for chunk in (entries[i : i + 100] for i in range(0, len(entries), 100))
            )
            stream = DecodedStreamObject()
            stream.set_data(
                (
                    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                    f"1 begincodespacerange\n<{'0' * width}> <{'F' * width}>\n"
                    f"endcodespacerange\n{body}\n"
                    "endcmap CMapName currentdict /CMap defineresource pop end end\n"
                ).encode("latin-1")
            )
            font[NameObject("/ToUnicode")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return Generated(
        g.name.replace(".pdf", f"-{kind}.pdf"), out.getvalue(), g.source, f"{g.producer}-{kind}"
    )
