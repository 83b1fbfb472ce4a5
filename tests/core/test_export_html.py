"""HTML export: one self-contained page, read back with lxml's HTML parser."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

from desktop_app.core.briefing_models import Briefing
from desktop_app.core.briefings import BriefingService
from desktop_app.core.library import Library
from desktop_app.core.text.direction import detect_direction
from desktop_app.exporters import BY_NAME, EXPORTERS, for_path
from tests.core.export_checks import make_briefing

BLOCKS = {
    "html", "body", "header", "footer", "main", "article", "section", "nav", "aside", "div",
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "pre", "address", "figure",
    "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody",
    "tfoot", "tr", "td", "th",
}  # fmt: skip
LEAVES = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd"}
ADDRESS = re.compile(r"(?:https?|javascript):\S*")
MARKING = "سري — للاستخدام الرسمي فقط"


def export(briefing: Briefing, path: Path) -> tuple[str, HtmlElement]:
    """Export through the registry row; the file's text and its parsed tree."""
    out = BY_NAME["html"].export(briefing, path)
    assert out == path
    raw = path.read_bytes()
    return raw.decode("utf-8"), lxml.html.document_fromstring(raw)


def blocks(root: HtmlElement) -> list[HtmlElement]:
    return [el for el in root.iter() if isinstance(el.tag, str) and el.tag in BLOCKS]


def leaf_texts(root: HtmlElement) -> list[str]:
    return [el.text_content() for el in blocks(root) if el.tag in LEAVES]


def block_of(root: HtmlElement, text: str) -> HtmlElement:
    """The one leaf block whose whole text is text."""
    found = [el for el in blocks(root) if el.tag in LEAVES and el.text_content() == text]
    assert len(found) == 1, (text, len(found))
    return found[0]


def lang_of(el: HtmlElement) -> str:
    return str(el.xpath("ancestor-or-self::*[@lang][1]/@lang")[0])


def test_every_block_has_the_direction_of_its_own_text(
    filled_library: Library, tmp_path: Path
) -> None:
    svc, bid, _ = make_briefing(filled_library)
    _, root = export(svc.get(bid), tmp_path / "b.html")
    assert root.tag == "html" and root.get("lang") == "ar-SA" and root.get("dir") == "rtl"
    assert root.body.get("dir") == "rtl"
    found = blocks(root)
    assert len(found) > 40
    for el in found:
        assert el.get("dir") in ("rtl", "ltr"), lxml.html.tostring(el)[:200]
        parent = el.getparent()
        if el.tag in ("html", "body") or parent is None or parent.tag == "body":
            continue
        # Majority of strong letters, as the project's helper decides; addresses do not vote.
        expected = detect_direction(ADDRESS.sub("", el.text_content()), parent.get("dir"))
        assert el.get("dir") == expected, lxml.html.tostring(el, encoding="unicode")[:300]
    for text in [
        "تحالف OPEC+ لم يحسم قراره بعد 📌",
        "قال الوَزِيرُ إن الاتفاق الجديد",
        "فقرة كتبها المحلل عن أسعار Brent في 2026-11-30.",
        "حلف شمال الأطلسي (NATO) في اجتماع مغلق",
        "الطاقة",
    ]:
        assert block_of(root, text).get("dir") == "rtl", text
        assert lang_of(block_of(root, text)) == "ar-SA", text
    for text in [
        "Analysts expect OPEC+ to extend the cuts",
        "An English paragraph written by the analyst.",
        "The outlook for NATO talks is unclear.",
        "«الاتفاق النهائي» was signed in Vienna",  # more Latin letters than Arabic
        "Security (NATO)",
    ]:
        assert block_of(root, text).get("dir") == "ltr", text
        assert lang_of(block_of(root, text)) == "en", text
    # The Arabic quote's container and its English neighbour differ, each from its own text.
    quotes = root.findall(".//blockquote")
    assert [q.get("dir") for q in quotes] == ["rtl", "rtl", "ltr", "rtl", "ltr"]


def test_no_block_is_aligned_to_a_fixed_side(filled_library: Library, tmp_path: Path) -> None:
    svc, bid, _ = make_briefing(filled_library)
    raw, root = export(svc.get(bid), tmp_path / "b.html")
    css = "\n".join(s.text_content() for s in root.iter("style"))
    assert "text-align: start" in css and "border-inline-start" in css
    assert not re.search(r"\b(left|right)\b", css), css
    assert root.xpath("//*[@align or @style]") == []


def test_latin_runs_inside_arabic_are_isolated(filled_library: Library, tmp_path: Path) -> None:
    svc, bid, _ = make_briefing(filled_library)
    raw, root = export(svc.get(bid), tmp_path / "b.html")

    def runs(text: str, d: str) -> list[str]:
        return [s.text_content() for s in block_of(root, text).xpath(f".//span[@dir='{d}']")]

    assert runs("تحالف OPEC+ لم يحسم قراره بعد 📌", "ltr") == ["OPEC+"]
    assert runs("فقرة كتبها المحلل عن أسعار Brent في 2026-11-30.", "ltr") == [
        "Brent",
        "2026-11-30",
    ]
    assert runs("حلف شمال الأطلسي (NATO) في اجتماع مغلق", "ltr") == ["(NATO)"]
    assert runs("التاريخ: 2026-12-01", "ltr") == ["2026-12-01"]
    assert runs("«الاتفاق النهائي» was signed in Vienna", "rtl") == ["الاتفاق النهائي"]
    # A block of one script needs no run of its own.
    assert runs("An English paragraph written by the analyst.", "ltr") == []
    assert runs("قال الوَزِيرُ إن الاتفاق الجديد", "ltr") == []
    # The spans do the work of the LRMs the Word export adds: none in the page's text.
    assert "\u200e" not in raw and "\u200f" not in raw


def test_every_text_appears_word_for_word(filled_library: Library, tmp_path: Path) -> None:
    svc, bid, _ = make_briefing(filled_library)
    briefing = svc.get(bid)
    _, root = export(briefing, tmp_path / "b.html")
    texts = leaf_texts(root)
    assert root.findtext(".//title") == "إحاطة الطاقة والأمن"
    assert [h.text_content() for h in root.iter("h1")] == ["إحاطة الطاقة والأمن"]
    expected = [
        "أسواق النفط والأمن",
        "إعداد: فريق التحليل",
        "التاريخ: 2026-12-01",
        "الملخص التنفيذي",
        "يتوقع المحللون أن يمدد تحالف OPEC+ التخفيضات.",
        "The outlook for NATO talks is unclear.",
        "الطاقة",
        "Security (NATO)",
        "المصادر",
    ]
    items = briefing.items()
    assert len(items) == 9
    for item in items:
        expected += [ln for ln in item.text.splitlines() if ln.strip()]
        expected += [ln for ln in item.note.splitlines() if ln.strip()]
    assert "قال الوَزِيرُ إن الاتفاق الجديد" in expected  # harakat
    assert "تحالف OPEC+ لم يحسم قراره بعد 📌" in expected  # emoji
    assert "ملاحظة: يجب التحقق من موقف OPEC+ قبل النشر." in expected  # a highlight's note
    assert "A free-standing note by the analyst about OPEC+ quotas." in expected  # a note item
    for text in expected:
        assert text in texts, text
    # Quotes, notes and free text come in the briefing's order.
    order = [texts.index(t) for t in (items[0].text, items[0].note, items[1].text, items[8].text)]
    assert order == sorted(order)
    # Each note carries the label on its own line.
    labels = root.xpath("//div[@class='note']/p[1]")
    assert [p.text_content() for p in labels] == ["ملاحظة المحلل"] * 3


def test_marking_heads_and_closes_the_page(filled_library: Library, tmp_path: Path) -> None:
    svc, bid, _ = make_briefing(filled_library)
    _, root = export(svc.get(bid), tmp_path / "b.html")
    page = root.body.find("div")
    assert page is not None
    first, last = page[0], page[-1]
    assert first.tag == "header" and first.text_content().strip() == MARKING
    assert last.tag == "footer" and last.text_content().strip() == MARKING
    assert first.xpath("p/@class") == last.xpath("p/@class") == ["marking"]
    assert root.body.text_content().count(MARKING) == 2
    svc.update(bid, marking="")
    _, root = export(svc.get(bid), tmp_path / "b.html")
    assert root.xpath("//header | //footer") == []


def test_page_is_self_contained(filled_library: Library, tmp_path: Path) -> None:
    svc, bid, _ = make_briefing(filled_library)
    raw, root = export(svc.get(bid), tmp_path / "b.html")
    assert raw.startswith("<!DOCTYPE html>\n")
    assert root.getroottree().docinfo.doctype == "<!DOCTYPE html>"
    assert root.xpath("/html/head/meta[1]/@charset") == ["utf-8"]
    assert len(root.xpath("/html/head/style")) == 1
    assert root.xpath("//script | //link | //img | //iframe | //object | //embed") == []
    assert root.xpath("//@src | //@srcset | //@background | //@style") == []
    assert [a for el in root.iter() for a in el.attrib if a.startswith("on")] == []
    css = root.findtext(".//style")
    assert "@import" not in css.lower() and "url(" not in css.lower() and "//" not in css
    stacks = " ".join(css.split())
    assert '"Amiri", "Noto Naskh Arabic", "Traditional Arabic", "Times New Roman", serif' in stacks
    # Only http(s) addresses become links; the javascript: one stays text.
    hrefs = root.xpath("//a/@href")
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert "javascript:alert(1)" in root.body.text_content()


def test_user_text_with_markup_is_escaped(filled_library: Library, tmp_path: Path) -> None:
    lib = filled_library
    evil_url = 'https://example.org/q?a=1&b="2"&c=<x>'
    lib.update_metadata(2, url=evil_url, source="R&D <Wire>")
    hid = lib.add_highlight_by_quote(
        2, "Analysts expect OPEC+ to extend the cuts", note="<script>alert(1)</script> & co"
    ).id
    svc = BriefingService(lib)
    bid = svc.create("<b>Bold</b> & \u202eتقرير", marking="A&B <i>x</i>").created
    sid = svc.add_section(bid, "<h1>قسم</h1>").created
    svc.add_item(sid, highlight_id=hid)
    svc.add_item(sid, text='<img src=x onerror="alert(1)"> نص & "quotes"')
    raw, root = export(svc.get(bid), tmp_path / "b.html")
    assert root.xpath("//script | //img | //b | //i | //@onerror") == []
    assert len(root.xpath("//h1")) == 1 and root.findtext(".//title") == "<b>Bold</b> & تقرير"
    texts = leaf_texts(root)
    for text in [
        "<b>Bold</b> & تقرير",
        "<h1>قسم</h1>",
        "<script>alert(1)</script> & co",
        '<img src=x onerror="alert(1)"> نص & "quotes"',
        "A&B <i>x</i>",
    ]:
        assert text in texts, text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in raw
    assert "\u202e" not in raw
    links = root.xpath("//a")
    assert [a.get("href") for a in links] == [evil_url, evil_url]
    assert links[1].text_content() == evil_url
    assert "R&D <Wire>" in root.xpath("//blockquote/p[@class='cite']")[0].text_content()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html", "lib"]  # no .part left


def test_sources_appendix_lists_each_article_once(filled_library: Library, tmp_path: Path) -> None:
    svc, bid, _ = make_briefing(filled_library)
    _, root = export(svc.get(bid), tmp_path / "b.html")
    section = root.xpath("//section[@class='sources']")
    assert len(section) == 1 and section[0].findtext("h2") == "المصادر"
    entries = section[0].xpath("./ol/li")
    assert [li.text_content() for li in entries] == [
        "رويترز، اجتماع الوزراء، 2022-03-15، https://example.org/ar/1",
        "Reuters, Ministers meet, 2021-11-02, https://example.org/en/2",
        "BBC, نص مختلط Mixed text, 2022-06-30, javascript:alert(1)",
    ]
    assert [li.get("dir") for li in entries] == ["rtl", "ltr", "ltr"]
    assert [li.xpath("string(.//a/@href)") for li in entries] == [
        "https://example.org/ar/1",
        "https://example.org/en/2",
        "",
    ]
    # Three quotes of article 1, each cited under its quote with the title as the link.
    cites = root.xpath("//blockquote/p[@class='cite']")
    arabic = [p for p in cites if p.text_content() == "— رويترز، اجتماع الوزراء، 2022-03-15"]
    assert len(arabic) == 3
    for p in arabic:
        assert p.xpath("string(.//cite)") == "اجتماع الوزراء"
        assert p.xpath(".//cite/a/@href") == ["https://example.org/ar/1"]


def test_english_briefing_is_left_to_right(library: Library, tmp_path: Path) -> None:
    svc = BriefingService(library)
    summary = "Prices rose after the ministers met in Vienna."
    bid = svc.create("Energy brief", language="en-US", summary=summary).created
    sid = svc.add_section(bid, "Outlook").created
    svc.add_item(sid, text="قال الوزير إن الاتفاق يخدم البلدين.")
    _, root = export(svc.get(bid), tmp_path / "b.html")
    assert (root.get("lang"), root.get("dir"), root.body.get("dir")) == ("en-US", "ltr", "ltr")
    assert block_of(root, "Executive summary").get("dir") == "ltr"
    arabic = block_of(root, "قال الوزير إن الاتفاق يخدم البلدين.")
    assert (arabic.get("dir"), lang_of(arabic)) == ("rtl", "ar-SA")
    # The default language tag (ar-SA) does not make an English briefing right-to-left.
    svc.update(bid, language="ar-SA")
    _, root = export(svc.get(bid), tmp_path / "b.html")
    assert (root.get("lang"), root.get("dir")) == ("en", "ltr")
    assert lang_of(block_of(root, "قال الوزير إن الاتفاق يخدم البلدين.")) == "ar-SA"


def test_registry_row() -> None:
    html = BY_NAME["html"]
    assert for_path("x.html") is html and for_path("Briefing.HTML") is html
    assert (html.extension, html.label, html.templates) == (".html", "Web page for e-mail", False)
    names = [e.name for e in EXPORTERS]
    assert names.index("html") == names.index("md") + 1
