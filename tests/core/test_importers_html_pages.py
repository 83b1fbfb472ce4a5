"""HTML import of news pages in the shapes real sites publish them (tests/producers/html.py).

Every shape with Arabic, mixed Arabic/English, harakat and emoji articles must read back word
for word, with the headline as title, the outlet as source, the article's own date and the
author's name; then one test for each rule: no words glued across <br>, the header's date of
the day ignored, the outlet's local date kept, author URLs rejected, titles without the site.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from html import escape

import pytest

from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.html import author_name, date_only, dateline_date
from desktop_app.core.models import ImportedDocument
from tests.producers import ARABIC, EMOJI, HARAKAT, MIXED, SOURCES, Generated, Source, words
from tests.producers import html as shapes

PAGES = shapes.pages(list(SOURCES))


@functools.cache
def imported(name: str) -> ImportedDocument:
    page = next(p for p in PAGES if p.name == name)
    return parse_bytes(page.data, page.name)


def nfc_words(paragraphs: list[str] | tuple[str, ...]) -> list[list[str]]:
    return [words(unicodedata.normalize("NFC", p)) for p in paragraphs]


def texts(doc: ImportedDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_every_shape_and_text_is_generated() -> None:
    assert len(PAGES) == len(shapes.SHAPES) * len(SOURCES)
    assert len({p.name for p in PAGES}) == len(PAGES)
    producers = {p.producer for p in PAGES}
    for shape in (
        "html-wordpress",
        "html-br-double",
        "html-br-single",
        "html-aspnet-form",
        "html-lead-div-lead",
        "html-title-headline-site",
        "html-title-site-headline",
        "html-lang-en",
        "html-jsonld-graph",
        "html-dateline-cairo",
        "html-dateline-amman",
        "html-author-url",
    ):
        assert shape in producers


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_reads_back_as_written(page: Generated) -> None:
    doc = imported(page.name)
    truth = page.source
    assert nfc_words(texts(doc)) == nfc_words(page.paragraphs)
    assert all(p.kind == "body" for p in doc.paragraphs)
    assert doc.title == truth.title
    assert doc.source == truth.source
    assert doc.published == truth.published
    assert doc.author == truth.author
    assert doc.language == truth.language
    text = "\n".join(texts(doc))
    for junk in shapes.FURNITURE:
        assert junk not in text, junk


@pytest.mark.parametrize("src", SOURCES, ids=["arabic", "mixed", "harakat", "emoji"])
@pytest.mark.parametrize("kind", list(shapes.LEADS))
def test_lead_is_the_first_paragraph(src: Source, kind: str) -> None:
    page = shapes.lead(src, 0, kind)
    doc = parse_bytes(page.data, page.name)
    assert words(doc.paragraphs[0].text) == words(unicodedata.normalize("NFC", src.paragraphs[0]))
    assert doc.paragraphs[0].kind == "body"
    assert len(doc.paragraphs) == len(src.paragraphs)


# -- targeted pages ----------------------------------------------------------------------------
HEADER = """<div class="top-bar"><span class="today-date">السبت 12 أكتوبر 2024</span>
<span class="date">12/10/2024</span></div>
<header><time datetime="2024-10-12">اليوم</time><nav><a href="/">الرئيسية</a></nav></header>"""


def page(
    body: str,
    *,
    head: str = "",
    title: str = "",
    lang: str = "ar",
    header: str = HEADER,
) -> bytes:
    """A page with a header bar showing today's date (12 October 2024) around `body`."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>{head}</head><body>{header}{body}"
        "<footer>جميع الحقوق محفوظة © 2024</footer></body></html>"
    ).encode()


def article_html(src: Source, joiner: str = "</p><p>", h1: bool = True) -> str:
    heading = f"<h1>{escape(src.title)}</h1>" if h1 else ""
    inner = joiner.join(escape(p) for p in src.paragraphs)
    return f"<article>{heading}<div class='body'><p>{inner}</p></div></article>"


TEXTS = pytest.mark.parametrize("src", SOURCES, ids=["arabic", "mixed", "harakat", "emoji"])


@TEXTS
@pytest.mark.parametrize("sep", ["<br>", "<br/>", "<br><br>", "<br />\n<br />", "<BR>"])
def test_line_breaks_separate_paragraphs_and_never_glue_words(src: Source, sep: str) -> None:
    body = f'<div id="articleBody">{sep.join(escape(p) for p in src.paragraphs)}</div>'
    doc = parse_bytes(page(body, title=src.title), "br.html")
    assert nfc_words(texts(doc)) == nfc_words(src.paragraphs)
    text = " ".join(texts(doc))
    for before, after in zip(src.paragraphs, src.paragraphs[1:], strict=False):
        assert before.split()[-1] + after.split()[0] not in text


@TEXTS
def test_line_breaks_inside_one_paragraph(src: Source) -> None:
    doc = parse_bytes(page(article_html(src, "<br>"), title=src.title), "p.html")
    assert nfc_words(texts(doc)) == nfc_words(src.paragraphs)


def test_the_glued_word_of_the_issue_never_appears() -> None:
    short = "أعلنت الحكومة خطة جديدة<br>وقال الوزير إن التنفيذ يبدأ غدا"
    for body in (f"<div>{short}</div>", f"<p>{short}</p>", f"<article><p>{short}</p></article>"):
        doc = parse_bytes(page(body, header=""), "glue.html")
        assert "جديدةوقال" not in " ".join(texts(doc))
        assert texts(doc) == ["أعلنت الحكومة خطة جديدة", "وقال الوزير إن التنفيذ يبدأ غدا"]


@TEXTS
def test_page_wrapped_in_one_form_imports(src: Source) -> None:
    body = (
        '<form method="post" action="./News.aspx?id=1" id="form1">'
        '<input type="hidden" name="__VIEWSTATE" value="abc">'
        f"{article_html(src)}</form>"
    )
    doc = parse_bytes(page(body, title=src.title), "form.html")
    assert nfc_words(texts(doc)) == nfc_words(src.paragraphs)


def test_small_forms_are_still_boilerplate() -> None:
    body = (
        '<form action="/search"><p>ابحث في الموقع عن الأخبار والتقارير والمقالات</p></form>'
        + article_html(ARABIC)
        + '<form id="newsletter-box"><p>اشترك في النشرة البريدية لتصلك الأخبار يوميا</p></form>'
    )
    doc = parse_bytes(page(body, title=ARABIC.title), "forms.html")
    assert texts(doc) == list(ARABIC.paragraphs)


@TEXTS
@pytest.mark.parametrize(
    "junk",
    [
        "التعليقات المنشورة لا تعبر عن رأي الموقع وإنما تعبر عن رأي أصحابها.",
        "Comments are moderated and do not reflect the views of the site.",
        "اقرأ أيضا: أسعار الذهب اليوم في السوق المحلية",
        "مواضيع ذات صلة: حالة الطقس غدا",
        "Related: Gold prices today in the local market",
    ],
)
def test_comment_policy_and_related_links_are_dropped(src: Source, junk: str) -> None:
    body = article_html(src).replace("</div></article>", f"<p>{escape(junk)}</p></div></article>")
    doc = parse_bytes(page(body, title=src.title), "junk.html")
    assert nfc_words(texts(doc)) == nfc_words(src.paragraphs)


def test_related_label_drops_its_list_but_not_the_article() -> None:
    body = article_html(ARABIC).replace(
        "</div></article>",
        "<h3>اقرأ أيضا</h3><ul><li><a href='/1'>أسعار الذهب اليوم في السوق</a></li>"
        "<li><a href='/2'>حالة الطقس غدا في العاصمة</a></li></ul></div></article>",
    )
    doc = parse_bytes(page(body, title=ARABIC.title), "rel.html")
    assert texts(doc) == list(ARABIC.paragraphs)


def test_a_sentence_mentioning_related_topics_is_kept() -> None:
    kept = "وناقش الاجتماع مواضيع ذات صلة بالأمن الغذائي، وقال الوزير إن التعليقات ستدرس."
    src = Source(ARABIC.title, (*ARABIC.paragraphs, kept))
    doc = parse_bytes(page(article_html(src), title=src.title), "kept.html")
    assert texts(doc)[-1] == kept


def test_teaser_after_the_body_is_not_a_lead() -> None:
    body = article_html(ARABIC).replace(
        "</div></article>",
        "</div><div class='teaser'>مهرجان الربيع يعود إلى المدينة هذا الأسبوع بعد غياب طويل</div>"
        "</article>",
    )
    doc = parse_bytes(page(body, title=ARABIC.title), "teaser.html")
    assert texts(doc)[0] == ARABIC.paragraphs[0]


# -- titles and site names ---------------------------------------------------------------------
@TEXTS
@pytest.mark.parametrize(
    "pattern",
    ["{h} - {s}", "{s} - {h}", "{h} | {s}", "{h} :: {s}", "{h} – {s}", "{s} | {h}"],
)
def test_title_is_the_headline_and_the_stripped_part_the_source(src: Source, pattern: str) -> None:
    site = "Al Jazeera" if "|" in pattern else "المدينة نيوز"
    full = pattern.format(h=src.title, s=site)
    doc = parse_bytes(page(article_html(src), title=full), "t.html")
    assert (doc.title, doc.source) == (src.title, site)


@TEXTS
def test_og_site_name_is_stripped_without_h1(src: Source) -> None:
    head = (
        f'<meta property="og:title" content="{escape(src.title)} - اليوم السابع">'
        '<meta property="og:site_name" content="اليوم السابع">'
    )
    doc = parse_bytes(page(article_html(src, h1=False), head=head, title="x"), "og.html")
    assert (doc.title, doc.source) == (src.title, "اليوم السابع")


def test_headline_with_a_dash_is_kept_whole() -> None:
    headline = "غزة - القصف يتواصل لليوم الخامس على التوالي"
    src = Source(headline, ARABIC.paragraphs)
    doc = parse_bytes(page(article_html(src), title=f"{headline} - الجريدة"), "dash.html")
    assert (doc.title, doc.source) == (headline, "الجريدة")
    doc = parse_bytes(page(article_html(src, h1=False), title=headline), "dash2.html")
    assert (doc.title, doc.source) == (headline, "")


def test_json_ld_publisher_is_the_source() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": MIXED.title}
    ld["publisher"] = {"@type": "Organization", "name": "وكالة الأنباء"}
    head = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    doc = parse_bytes(page(article_html(MIXED, h1=False), head=head, title="x"), "ld.html")
    assert (doc.title, doc.source) == (MIXED.title, "وكالة الأنباء")


# -- dates -------------------------------------------------------------------------------------
@TEXTS
def test_header_date_widget_is_not_the_date(src: Source) -> None:
    doc = parse_bytes(page(article_html(src), title=src.title), "widget.html")
    assert doc.published == ""
    assert nfc_words(texts(doc)) == nfc_words(src.paragraphs)


@pytest.mark.parametrize(
    "stamp, day",
    [
        ("2024-03-15T23:30:00+03:00", "2024-03-15"),
        ("2024-03-15T01:30:00+03:00", "2024-03-15"),
        ("2024-03-14T22:30:00Z", "2024-03-14"),
        ("2024-03-14T22:30:00-05:00", "2024-03-14"),
        ("Fri, 15 Mar 2024 01:30:00 +0300", "2024-03-15"),
    ],
)
@pytest.mark.parametrize("where", ["meta", "json-ld", "json-ld-graph", "time", "dc"])
def test_date_is_the_day_the_outlet_printed(stamp: str, day: str, where: str) -> None:
    head, body = "", article_html(HARAKAT)
    if where == "meta":
        head = f'<meta property="article:published_time" content="{stamp}">'
    elif where == "dc":
        head = f'<meta name="DC.date.issued" content="{stamp}">'
    elif where == "time":
        body = body.replace("<div class='body'>", f"<time datetime='{stamp}'>x</time><div>")
    else:
        node = {"@type": "NewsArticle", "headline": HARAKAT.title, "datePublished": stamp}
        graph = [{"@type": "WebPage", "datePublished": "2019-01-01T00:00:00Z"}, node]
        data = {"@context": "https://schema.org", "@graph": graph} if "graph" in where else node
        head = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
    doc = parse_bytes(page(body, head=head, title=HARAKAT.title), "d.html")
    assert doc.published == day


def test_published_meta_beats_modified_and_json_ld() -> None:
    head = (
        '<meta property="article:modified_time" content="2024-10-12T09:00:00+03:00">'
        '<meta property="article:published_time" content="2024-03-15T01:30:00+03:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2024-03-10"}</script>'
    )
    doc = parse_bytes(page(article_html(EMOJI), head=head, title=EMOJI.title), "o.html")
    assert doc.published == "2024-03-15"


def test_time_of_other_articles_is_not_the_date() -> None:
    latest = (
        "<div class='latest-news'><h3>آخر الأخبار</h3><ul>"
        "<li><a href='/1'>خبر آخر عن الطقس</a> <time datetime='2024-10-11'>أمس</time></li>"
        "</ul></div>"
    )
    body = f"<div class='page'><h1>{escape(ARABIC.title)}</h1><div class='text'>"
    body += "".join(f"<p>{escape(p)}</p>" for p in ARABIC.paragraphs) + f"</div></div>{latest}"
    doc = parse_bytes(page(body, title=ARABIC.title), "latest.html")
    assert doc.published == ""
    stamped = body.replace("</h1>", "</h1><time datetime='2024-03-15T01:30:00+03:00'>x</time>")
    doc = parse_bytes(page(stamped, title=ARABIC.title), "stamped.html")
    assert doc.published == "2024-03-15"


@pytest.mark.parametrize(
    "line, day",
    [
        ("القاهرة - 15 مارس 2024:", "2024-03-15"),
        ("عمان ١٥ آذار ٢٠٢٤ -", "2024-03-15"),
        ("بيروت - 3 تشرين الثاني 2023 (رويترز) -", "2023-11-03"),
        ("الجزائر في 7 جويلية 2022 -", "2022-07-07"),
        ("الرياض ٩ يونيو ٢٠٢١ م،", "2021-06-09"),
        ("طهران ۱۲ فبراير ۲۰۲۰ -", "2020-02-12"),
        ("DUBAI, March 15, 2024 -", "2024-03-15"),
        ("غزة 15/3/2024 -", "2024-03-15"),
    ],
)
@TEXTS
def test_dateline_gives_the_date(line: str, day: str, src: Source) -> None:
    first = f"{line} {src.paragraphs[0]}"
    dated = Source(src.title, (first, *src.paragraphs[1:]))
    doc = parse_bytes(page(article_html(dated), title=src.title), "dl.html")
    assert doc.published == day
    assert nfc_words(texts(doc)) == nfc_words(dated.paragraphs)


def test_date_in_the_prose_is_no_dateline() -> None:
    assert dateline_date(MIXED.paragraphs[0]) == ""  # "... في واشنطن يوم 9 يوليو 2024 لبحث"
    assert dateline_date("قال الوزير يوم 15 مارس 2024 إن الخطة جاهزة") == ""
    assert dateline_date("القاهرة - 15 مارس 2024: أعلنت الحكومة") == "2024-03-15"
    assert dateline_date("القاهرة - 31 فبراير 2024: أعلنت الحكومة") == ""


def test_date_lines_are_not_paragraphs() -> None:
    assert date_only("نشر في: الأحد ١٥ آذار ٢٠٢٤ - 10:30 ص")
    assert date_only("Published on March 15, 2024 at 10:00 GMT")
    assert not date_only("قال الوزير يوم 15 مارس 2024 إن الخطة جاهزة")
    body = article_html(ARABIC).replace("<div class='body'>", "<p>الجمعة 15 مارس 2024</p><div>")
    doc = parse_bytes(page(body, title=ARABIC.title), "dated.html")
    assert texts(doc) == list(ARABIC.paragraphs)
    assert doc.published == "2024-03-15"


# -- authors -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, name",
    [
        ("By Ahmad Ali", "Ahmad Ali"),
        ("بقلم: أحمد علي", "أحمد علي"),
        ("كتب سارة الخطيب", "سارة الخطيب"),
        ("https://www.facebook.com/ahmad.ali", ""),
        ("/author/ahmad-ali", ""),
        ("@ahmad_ali", ""),
        ("www.example.com/ahmad", ""),
        ("أحمد علي; https://twitter.com/x", "أحمد علي"),
        ("", ""),
    ],
)
def test_author_is_a_name_or_nothing(value: str, name: str) -> None:
    assert author_name(value) == name


@TEXTS
@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="https://www.facebook.com/ahmad.ali">',
        '<meta property="article:author" content="https://www.facebook.com/ahmad.ali">',
        '<meta name="author" content="/author/ahmad-ali">',
        '<meta name="author" content="@ahmad_ali">',
    ],
)
def test_author_url_without_byline_gives_no_author(src: Source, head: str) -> None:
    doc = parse_bytes(page(article_html(src), head=head, title=src.title), "a.html")
    assert doc.author == ""


@pytest.mark.parametrize(
    "byline, name",
    [
        ('<p class="byline">By <span class="author">Ahmad Ali</span></p>', "Ahmad Ali"),
        ('<div class="author">بقلم: أحمد علي</div>', "أحمد علي"),
    ],
)
def test_author_from_the_byline_when_meta_is_a_url(byline: str, name: str) -> None:
    head = '<meta name="author" content="https://www.facebook.com/ahmad.ali">'
    body = article_html(ARABIC).replace("<div class='body'>", f"{byline}<div>")
    doc = parse_bytes(page(body, head=head, title=ARABIC.title), "b.html")
    assert doc.author == name
    assert texts(doc) == list(ARABIC.paragraphs)


# -- language ----------------------------------------------------------------------------------
@TEXTS
def test_arabic_page_marked_english_is_arabic(src: Source) -> None:
    doc = parse_bytes(page(article_html(src), title=src.title, lang="en-US"), "l.html")
    assert doc.language == "ar"
