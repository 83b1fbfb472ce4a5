"""HTML import: the article without menus, ads, banners, comments; metadata; charsets."""

from __future__ import annotations

import codecs

import pytest

from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.html import decode_html

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>الوزير يعلن خطة المياه - جريدة الهامش</title>
<meta name="author" content="سارة علي">
<meta property="og:site_name" content="جريدة الهامش">
<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">
</head>
<body>
<header><div class="logo">جريدة الهامش</div>
<nav class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. <button>موافق</button></div>
<aside class="ads"><div class="ad">إعلان: اشترِ الآن بخصم خمسين بالمئة على كل المنتجات</div></aside>
<main>
<article>
<h1>الوزير يعلن خطة المياه</h1>
<p>أعلن الوَزِيرُ يوم الثلاثاء خطة جديدة لإدارة المياه في البلاد، تشمل بناء ثلاثة سدود وتحديث شبكات الري في المحافظات الجنوبية خلال السنوات الخمس المقبلة.</p>
<p>وقال الوزير في مؤتمر صحفي إن الخطة ستكلف نحو ملياري دولار، وإن تمويلها سيأتي من الموازنة العامة ومن قروض ميسرة قدمتها مؤسسات دولية مثل World Bank 📌.</p>
<h2>ردود الفعل</h2>
<p>رحب نواب في البرلمان بالخطة، لكنهم طالبوا بجدول زمني واضح ورقابة مستقلة على الإنفاق، وحذروا من تكرار تجارب سابقة لم تكتمل فيها المشاريع.</p>
<blockquote><p>هذه الخطة هي الأكبر منذ عشرين عاماً، ونحن نراقب تنفيذها عن كثب.</p></blockquote>
<ul><li>بناء ثلاثة سدود جديدة في الجنوب</li><li>تحديث شبكات الري القديمة</li></ul>
<p>ويتوقع خبراء أن تخفف الخطة من آثار الجفاف الذي ضرب المنطقة في السنوات الأخيرة، إذا نفذت في موعدها.</p>
</article>
<section id="comments" class="comments"><h3>التعليقات</h3>
<div class="comment"><p>تعليق: كلام جميل لكن لن يتحقق شيء من هذا أبداً.</p></div>
<div class="comment"><p>تعليق آخر: متى تبدأ الأعمال في مدينتنا؟</p></div></section>
</main>
<footer><p>جميع الحقوق محفوظة © جريدة الهامش ٢٠٢٤</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>
"""

# The h1 is the headline: the title, not a paragraph.
ARTICLE = [
    (
        "body",
        0,
        "أعلن الوَزِيرُ يوم الثلاثاء خطة جديدة لإدارة المياه في البلاد، تشمل بناء ثلاثة سدود وتحديث شبكات الري في المحافظات الجنوبية خلال السنوات الخمس المقبلة.",
    ),
    (
        "body",
        0,
        "وقال الوزير في مؤتمر صحفي إن الخطة ستكلف نحو ملياري دولار، وإن تمويلها سيأتي من الموازنة العامة ومن قروض ميسرة قدمتها مؤسسات دولية مثل World Bank 📌.",
    ),
    ("heading", 2, "ردود الفعل"),
    (
        "body",
        0,
        "رحب نواب في البرلمان بالخطة، لكنهم طالبوا بجدول زمني واضح ورقابة مستقلة على الإنفاق، وحذروا من تكرار تجارب سابقة لم تكتمل فيها المشاريع.",
    ),
    ("quote", 0, "هذه الخطة هي الأكبر منذ عشرين عاماً، ونحن نراقب تنفيذها عن كثب."),
    ("list", 1, "بناء ثلاثة سدود جديدة في الجنوب"),
    ("list", 1, "تحديث شبكات الري القديمة"),
    (
        "body",
        0,
        "ويتوقع خبراء أن تخفف الخطة من آثار الجفاف الذي ضرب المنطقة في السنوات الأخيرة، إذا نفذت في موعدها.",
    ),
]
BOILERPLATE = [
    "الرئيسية",
    "ملفات تعريف الارتباط",
    "إعلان",
    "تعليق",
    "جميع الحقوق",
    "سياسة الخصوصية",
    "التعليقات",
]


def page(charset: str = "utf-8") -> str:
    return PAGE.replace("{charset}", charset)


def joined(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_article_without_boilerplate_keeps_structure_and_metadata() -> None:
    doc = parse_bytes(page().encode("utf-8"), "water.html")
    assert [(p.kind, p.level, p.text) for p in doc.paragraphs] == ARTICLE
    text = joined(doc)
    for junk in BOILERPLATE:
        assert junk not in text, junk
    assert doc.title == "الوزير يعلن خطة المياه"
    assert (doc.author, doc.source, doc.published) == ("سارة علي", "جريدة الهامش", "2024-03-05")
    assert doc.language == "ar" and doc.format == "html" and doc.encoding == "utf-8"
    assert all(p.direction == "rtl" for p in doc.paragraphs)


@pytest.mark.parametrize(
    "charset, codec", [("windows-1256", "cp1256"), ("ISO-8859-6", "iso8859_6")]
)
def test_meta_charset_is_honoured(charset: str, codec: str) -> None:
    html = page(charset).replace(" 📌", "").replace("٢٠٢٤", "2024").replace("©", "")
    doc = parse_bytes(html.encode(codec), "water.htm")
    assert doc.encoding == codecs.lookup(codec).name
    assert doc.paragraphs[0].text == ARTICLE[0][2]
    assert doc.title == "الوزير يعلن خطة المياه"


def test_charset_detected_without_meta() -> None:
    html = page().replace('<meta charset="{charset}">', "").replace('<meta charset="utf-8">', "")
    html = html.replace(" 📌", "").replace("٢٠٢٤", "2024")
    text, enc = decode_html(html.encode("cp1256"))
    assert enc == "cp1256" and "الوَزِيرُ" in text


def test_bom_beats_meta() -> None:
    data = codecs.BOM_UTF16_LE + page("windows-1256").encode("utf-16-le")
    doc = parse_bytes(data, "water.html")
    assert doc.paragraphs[0].text == ARTICLE[0][2]


def test_short_page_drops_menu_banner_and_comments() -> None:
    html = """<html lang="ar"><head><title>خبر قصير</title></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/a">سياسة</a></li></ul></nav>
<div class="cookie-banner">نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.</div>
<div><p>ارتفعت أسعار النفط اليوم بنسبة طفيفة.</p></div>
<div class="comments"><p>تعليق القارئ: هذا خبر قديم جدا ولا جديد فيه.</p></div>
<footer>جميع الحقوق محفوظة</footer></body></html>"""
    doc = parse_bytes(html.encode(), "short.html")
    assert [p.text for p in doc.paragraphs] == ["ارتفعت أسعار النفط اليوم بنسبة طفيفة."]
    assert doc.title == "خبر قصير"


def test_english_page_language_from_lang_attribute() -> None:
    html = """<html lang="en-GB"><head><title>Minutes</title></head><body><article>
<h1>Minutes of the meeting</h1><p>The minister said the agreement serves both countries and
that talks will go on next week in Vienna.</p><p>«الاتفاق النهائي» was signed later in Vienna by both sides.</p>
</article></body></html>"""
    doc = parse_bytes(html.encode(), "m.html")
    assert doc.language == "en"
    assert doc.title == "Minutes of the meeting"
    assert doc.paragraphs[0].kind == "body"
    assert doc.paragraphs[0].text.startswith(
        "The minister said the agreement serves both countries and that"
    )
    assert doc.paragraphs[-1].direction == "ltr"


def test_text_language_wins_over_the_page_lang() -> None:
    html = "<html lang='fr'><head><title>T</title></head><body><p>نص عربي في صفحة فرنسية.</p></body></html>"
    assert parse_bytes(html.encode(), "f.html").language == "ar"
    french = "<html lang='fr'><body><p>Le ministre a annoncé un nouveau plan.</p></body></html>"
    assert parse_bytes(french.encode(), "f.html").language == "fr"


def test_xhtml_with_xml_declaration() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="iso-8859-6"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar"><head><title>بيان</title>'
        "</head><body><p>أصدرت الوزارة بياناً حول خطة المياه الجديدة في البلاد.</p></body></html>"
    )
    doc = parse_bytes(xhtml.encode("iso8859_6"), "x.xhtml.html")
    assert [p.text for p in doc.paragraphs] == [
        "أصدرت الوزارة بياناً حول خطة المياه الجديدة في البلاد."
    ]
    assert doc.encoding == "iso8859-6"
