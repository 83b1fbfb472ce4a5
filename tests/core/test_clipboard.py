"""Pasted articles: browser selections (Chromium, Firefox, Windows CF_HTML) and plain text."""

from __future__ import annotations

import html

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.web.address import site_name
from desktop_app.core.web.clipboard import (
    WINDOWS_HTML_FORMAT,
    document_from_clipboard,
    source_address,
    split_cf_html,
)

HEADLINE = "خطة جديدة لإصلاح التعليم"
PARAGRAPHS = [
    "أعلن الوزير اليوم عن خطة جديدة لإصلاح التعليم في المدارس الحكومية، وقال إن الخطة تبدأ في العام المقبل.",
    '"The outlook remains uncertain," قال المحلل الاقتصادي في مقابلة مع Reuters يوم الاثنين.',
    "قَالَ الوَزِيرُ أَحْمَد إِنَّ القَرَارَ نِهَائِيٌّ وَلَا رَجْعَةَ فِيهِ.",
    "📌 ملاحظة: الاجتماع القادم في الساعة العاشرة 🗓️ صباحًا.",
]
ADDRESS = "https://www.example.org/ar/news/2024/05/01/التعليم"


def _markup(paragraphs: list[str]) -> str:
    return f"<h1>{html.escape(HEADLINE)}</h1>" + "".join(
        f"<p>{html.escape(p)}</p>" for p in paragraphs
    )


def chromium(fragment: str) -> str:
    """What Chromium puts under text/html for a selection."""
    return (
        '<meta charset="utf-8"><html><body>\r\n<!--StartFragment-->'
        f"{fragment}<!--EndFragment-->\r\n</body>\r\n</html>"
    )


def firefox(fragment: str) -> str:
    """What Firefox puts under text/html: the bare fragment (with its charset on Linux)."""
    return f'<meta http-equiv="content-type" content="text/html; charset=utf-8">{fragment}'


def cf_html(fragment: str, source: str) -> str:
    """The Windows "HTML Format" text: a header of byte offsets and the page's address."""
    head = "Version:0.9\r\nStartHTML:{:010d}\r\nEndHTML:{:010d}\r\nStartFragment:{:010d}\r\n"
    head += "EndFragment:{:010d}\r\nSourceURL:" + source + "\r\n"
    body = f"<html><body>\r\n<!--StartFragment-->{fragment}<!--EndFragment-->\r\n</body>\r\n</html>"
    n = len(head.format(0, 0, 0, 0).encode("utf-8"))
    start = n + body.encode("utf-8").index(b"<!--StartFragment-->") + len("<!--StartFragment-->")
    end = n + body.encode("utf-8").index(b"<!--EndFragment-->")
    return head.format(n, n + len(body.encode("utf-8")), start, end) + body


def words(texts: list[str]) -> list[str]:
    return " ".join(texts).split()


@pytest.mark.parametrize("wrap", [chromium, firefox], ids=["chromium", "firefox"])
def test_a_browser_selection_keeps_every_paragraph_word_for_word(wrap) -> None:  # type: ignore[no-untyped-def]
    doc = document_from_clipboard(wrap(_markup(PARAGRAPHS)), "\n".join(PARAGRAPHS), ADDRESS)
    assert [p.text for p in doc.paragraphs] == PARAGRAPHS
    assert words([p.text for p in doc.paragraphs]) == words(PARAGRAPHS)
    assert doc.title == HEADLINE
    assert doc.url == ADDRESS
    assert doc.source == "example.org"  # no site name in a selection: the host, without www.
    assert doc.format == "html"
    assert doc.language == "ar"
    assert [p.direction for p in doc.paragraphs] == ["rtl", "rtl", "rtl", "rtl"]


def test_windows_html_format_gives_its_source_address_and_drops_its_header() -> None:
    raw = cf_html(_markup(PARAGRAPHS[:2]), ADDRESS)
    text, source = split_cf_html(raw)
    assert source == ADDRESS and text.startswith("<html>")
    doc = document_from_clipboard(raw, "")
    assert [p.text for p in doc.paragraphs] == PARAGRAPHS[:2]
    assert doc.url == ADDRESS and doc.source == "example.org"
    assert not any("Version" in p.text or "SourceURL" in p.text for p in doc.paragraphs)
    formats = {WINDOWS_HTML_FORMAT: raw.encode("utf-8")}
    assert source_address(formats) == ADDRESS


def test_lists_quotes_tables_and_line_breaks_are_kept() -> None:
    fragment = (
        "<p>أبرز النقاط:</p><ul><li>النقطة الأولى</li><li>النقطة الثانية 📌</li></ul>"
        '<blockquote><p>"The outlook remains uncertain," قال المحلل.</p></blockquote>'
        "<div>السطر الأول من البيان<br>The IMF report cites وزارة المالية as its source.</div>"
        "<table><tr><th>البلد</th><th>النمو</th></tr><tr><td>مصر</td><td>3.5%</td></tr></table>"
        "<script>var x = 'لا تظهر';</script>"
    )
    doc = document_from_clipboard(firefox(fragment), "")
    got = [(p.text, p.kind) for p in doc.paragraphs]
    assert got == [
        ("أبرز النقاط:", "body"),
        ("النقطة الأولى", "list"),
        ("النقطة الثانية 📌", "list"),
        ('"The outlook remains uncertain," قال المحلل.', "quote"),
        ("السطر الأول من البيان", "body"),
        ("The IMF report cites وزارة المالية as its source.", "body"),
        ("البلد | النمو", "body"),
        ("مصر | 3.5%", "body"),
    ]
    assert doc.paragraphs[5].direction == "ltr"
    assert doc.title.startswith("أبرز النقاط:")  # no headline: the opening words
    assert doc.url == "" and doc.source == ""


def test_a_whole_page_gives_its_headline_without_the_site_and_its_site_name() -> None:
    page = (
        '<html lang="ar"><head><title>الوزير يعلن خطة المياه - جريدة الهامش</title>'
        '<meta property="og:site_name" content="جريدة الهامش">'
        '<base href="https://news.example.net/a/1">'
        '<link rel="canonical" href="https://news.example.net/a/1"></head><body>'
        "<nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a></nav>"
        "<h1>الوزير يعلن خطة المياه</h1>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p></body></html>"
    )
    doc = document_from_clipboard(page, "")
    assert doc.title == "الوزير يعلن خطة المياه"
    assert doc.source == "جريدة الهامش"
    assert doc.url == "https://news.example.net/a/1"  # the <base href>
    assert doc.canonical_url == ""  # a selection is a duplicate by its text, not its address
    assert [p.text for p in doc.paragraphs] == [PARAGRAPHS[0], PARAGRAPHS[2]]


def test_the_given_source_address_wins_over_base_href() -> None:
    page = (
        '<html><head><base href="https://other.example/"></head><body><p>نص قصير</p></body></html>'
    )
    doc = document_from_clipboard(page, "", "https://www.example.org/x")
    assert doc.url == "https://www.example.org/x" and doc.source == "example.org"


def test_plain_text_when_the_html_holds_no_text() -> None:
    text = f"{HEADLINE}\n\n" + "\n\n".join(PARAGRAPHS)
    doc = document_from_clipboard('<img src="photo.png">', text, ADDRESS)
    assert doc.format == "txt"
    assert doc.title == HEADLINE
    assert [p.text for p in doc.paragraphs] == PARAGRAPHS
    assert doc.url == ADDRESS and doc.source == "example.org"


def test_plain_text_without_a_title_line_takes_its_opening_words() -> None:
    doc = document_from_clipboard("", "قَالَ الوَزِيرُ 📌 إِنَّ القَرَارَ نِهَائِيٌّ.")
    assert [p.text for p in doc.paragraphs] == ["قَالَ الوَزِيرُ 📌 إِنَّ القَرَارَ نِهَائِيٌّ."]
    assert doc.title == "قَالَ الوَزِيرُ 📌 إِنَّ القَرَارَ نِهَائِيٌّ."
    assert doc.url == "" and doc.source == ""


@pytest.mark.parametrize(
    "markup,text", [("", ""), ("  \n", "\t \n"), ("<p> </p><script>x()</script>", "   ")]
)
def test_nothing_to_paste_is_refused(markup: str, text: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        document_from_clipboard(markup, text)
    assert caught.value.code == "clipboard.no_text"
    assert str(caught.value) == "the clipboard holds no text to make an article of"


def test_an_address_other_than_http_is_not_kept() -> None:
    doc = document_from_clipboard("<p>نص</p>", "", "file:///etc/passwd")
    assert doc.url == "" and doc.source == ""


def test_source_formats_of_firefox_and_chromium() -> None:
    moz = "https://ar.wikipedia.org/wiki/القاهرة".encode("utf-16-le")
    assert source_address({"text/x-moz-url-priv": moz}) == "https://ar.wikipedia.org/wiki/القاهرة"
    chrome = b"https://www.example.org/news?id=7"
    assert source_address({"chromium/x-source-url": chrome}) == "https://www.example.org/news?id=7"
    assert source_address({"text/x-moz-url-priv": b"about:blank"}) == ""
    assert source_address({"text/plain": b"https://example.org"}) == ""


def test_site_name() -> None:
    assert site_name("https://www.aljazeera.net/news/x") == "aljazeera.net"
    assert site_name("http://WWW.Example.ORG:8080/") == "example.org"
    assert site_name("https://xn--mgbh0fb.xn--kgbechtv/") == "مثال.إختبار"
    assert site_name("http://127.0.0.1:8000/a") == "127.0.0.1"
