"""HTML pages (trafilatura): the article as written, without the site around it; metadata.

The text is trafilatura's main-content extraction after boilerplate is stripped, read back with
every line break kept (paragraphs separated by `<br>` are paragraphs). Metadata: the headline
without the site's name, the outlet's name, the article's own publication date as the outlet
printed it (never a date widget of the site's header), the author's name (never a URL).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from copy import deepcopy
from datetime import date
from email.utils import parsedate_tz
from itertools import takewhile
from typing import cast

from lxml import etree
from lxml import html as lxml_html

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers.common import language_code, make_document, safe_xml_parser
from desktop_app.core.importers.encoding import decode, decode_bom, strip_controls
from desktop_app.core.models import ImportedDocument, ParagraphKind
from desktop_app.core.text.paragraphs import build_paragraphs, clean_line

Block = tuple[str, ParagraphKind, int]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOILERPLATE_TAGS = (
    "nav",
    "aside",
    "footer",
    "form",
    "script",
    "style",
    "noscript",
    "iframe",
    "template",
)
_BOILERPLATE_ROLES = {"navigation", "complementary", "contentinfo", "banner", "search", "dialog"}
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(cookies?|consent|gdpr|comments?|comment-list|disqus|advert\w*|ads?|adv|"
    r"sponsor\w*|promo\w*|newsletter|subscribe|social|share|sharing|related|breadcrumbs?|"
    r"menu|navbar|sidebar|popup|modal|banner)(?:$|[\s_-])",
    re.I,
)
_KEEP = {"html", "body", "main", "article"}
# A <form> holding more than this share of the page's text is the page itself: ASP.NET WebForms
# wraps the whole body in one <form runat=server>; search, comment and login forms hold little.
_PAGE_FORM_SHARE = 0.5

# Lead (standfirst) containers by class or id. Trafilatura scores a lead that sits outside the
# body's container as page furniture and drops it; news CMSs name it with one of these words
# (sapo / chapo / chapeau on French CMSs, dek / deck in American newsrooms).
_LEAD_NAMES = re.compile(
    r"(?:^|[\s_-])(lead|lede|summary|sapo|chapo|chapeau|standfirst|intro|excerpt|teaser|"
    r"abstract|dek|deck|brief)(?:$|[\s_-])",
    re.I,
)
_LEAD_MIN_WORDS = 4  # shorter "lead" boxes are captions or labels ("lead-image" credits)
_LEAD_PROBE_WORDS = 5

# Paragraphs that sit inside the content container but are not the article, so trafilatura keeps
# them: links to other articles and the site's comment policy. Matched at the paragraph's start
# (related) or anywhere in a short paragraph (policy); news text does not open with these.
_RELATED = re.compile(
    r"^\W*(?:(?:اقرأ|إقرأ|اقرا|إقرا|شاهد|طالع)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|كذلك|المزيد)"
    r"|(?:اقرأ|إقرأ|اقرا|إقرا)\s*(?::|\.\.)"
    r"|(?:مواضيع|موضوعات|أخبار|اخبار|مقالات|قصص|روابط)\s+(?:ذات\s+صلة|متعلقة|مرتبطة|أخرى)"
    r"|ذات\s+صلة|related(?:\s+(?:articles?|stories|posts|news|topics))?\b|read\s+(?:also|more)\b"
    r"|see\s+also\b|more\s+on\s+this\b)",
    re.I,
)
_POLICY = re.compile(
    r"التعليقات\s+(?:المنشورة|الواردة)|(?:لا|ولا)\s+تعبر\s+(?:بالضرورة\s+)?عن\s+رأي"
    r"|تعبر\s+عن\s+رأي\s+(?:أصحابها|كاتبيها|كتابها)|comments?\s+(?:are|is)\s+moderated"
    r"|comments?\s+(?:do|does)\s+not\s+(?:necessarily\s+)?(?:reflect|represent)",
    re.I,
)
_POLICY_MAX_WORDS = 45
_LABEL_MAX_WORDS = 5  # "اقرأ أيضا" alone: a label whose list follows

# Title separators between the headline and the site's name: "- – — | :: « » · •".
_SEP = r"\s+(?:[-–—|·•«»~]|::|\|\||/)\s+"
_SEP_AT_START = re.compile(r"^" + _SEP)
_SEP_AT_END = re.compile(_SEP + r"$")
_URLISH = re.compile(r"https?:|www\.|/|@|\.(?:com|net|org|info)\b", re.I)
# Byline words before an author's name.
_BYLINE = re.compile(
    r"^\W*(?:by|written\s+by|بقلم|كتب|كتبت|كتبه|تقرير|إعداد|اعداد|تحرير|حوار)\b\s*[:：\-–—]?\s*",
    re.I,
)
_AUTHOR_MAX_WORDS = 8
# Author metadata that sites fill with profile URLs (Facebook's article:author is one by design).
_AUTHOR_META = {
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "twitter:creator",
    "byl",
    "parsely-author",
    "sailthru.author",
}

# Structured dates, in the order the article's own publication date is looked for.
_META_PUBLISHED = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
)
_META_DUBLIN_CORE = (
    "dc.date.issued",
    "dcterms.issued",
    "dc:date",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "scholarlyarticle",
    "report",
}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED_YMD = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})")

# Datelines. htmldate knows no Arabic month names or Arabic-Indic digits; an Arabic dateline
# ("القاهرة - 15 مارس 2024:", "عمان ١٥ آذار ٢٠٢٤ -") names the month in one of three systems:
# Egyptian/Gulf (from the European names), Levantine/Iraqi (Syriac names) and Maghrebi (French).
_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "يناير جانفي كانون_الثاني january jan",
        "فبراير فبرایر فيفري شباط february feb",
        "مارس آذار اذار أذار march mar",
        "أبريل ابريل إبريل أفريل افريل نيسان april apr",
        "مايو ماي أيار ايار may",
        "يونيو يونيه جوان حزيران june jun",
        "يوليو يوليه جويلية جويلة تموز july jul",
        "أغسطس اغسطس أوت اوت آب اب august aug",
        "سبتمبر أيلول ايلول september sep sept",
        "أكتوبر اكتوبر تشرين_الأول تشرين_الاول october oct",
        "نوفمبر تشرين_الثاني november nov",
        "ديسمبر كانون_الأول كانون_الاول december dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name.replace("_", " ")] = _n
_MONTH = "|".join(
    sorted((re.escape(m).replace(r"\ ", r"\s+") for m in _MONTHS), key=len, reverse=True)
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATELINE_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_MONTH})(?![^\W\d_])\s*[,،]?\s*(?:سنة\s+|عام\s+)?(\d{{4}})(?!\d)",
    re.I,
)
_DATELINE_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I)
_DATELINE_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DATE_ANY = re.compile(
    "|".join(p.pattern for p in (_DATELINE_DMY, _DATELINE_MDY, _DATELINE_NUMERIC))
    + r"|(?<!\d)\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)",
    re.I,
)
_CLOCK = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|صباحا|مساء|مساءً|صباحاً|am|pm|gmt|utc)?", re.I
)
# Words that go with a printed date: weekdays, "published", "updated", "at", "ago".
_DATE_WORDS = re.compile(
    r"(?:ال)?(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)|يوم|نشر|نُشر|في|بتاريخ"
    r"|تاريخ|النشر|آخر|اخر|تحديث|التحديث|محدث|الساعة|بتوقيت|مكة|القاهرة|غرينتش|جرينتش"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|published|updated|posted|on|at"
    r"|last|modified|gmt|utc|ص|م",
    re.I,
)
_DATE_ONLY_CHARS = 90
# A dateline opens the article: the date within its first characters, a separator soon after
# (a date further in is an event the text reports, not the day it was filed).
_DATELINE_START = 45
_DATELINE_WINDOW = 90  # characters searched: a date starting by _DATELINE_START ends here
_DATELINE_TAIL = re.compile(r"^\s*(?:م(?![^\W\d_])\.?)?\s*(?:[:：\-–—(،,]|$)")  # م: AD
_DATELINE_PARAGRAPHS = 2


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode page bytes: BOM, then the <meta> or <?xml?> charset, then the text rules."""
    found = decode_bom(data)
    if found is not None:
        return found
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            enc = codecs.lookup((m.group(1) or m.group(2)).decode("ascii")).name
        except LookupError:
            enc = ""
        if enc:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass  # the page lies about its charset: detect it instead
    return decode(data)


def _holds_content(el: etree._Element) -> bool:
    if el.tag in _KEEP:
        return True
    return next(el.iterdescendants("article", "main"), None) is not None


def _text_length(el: etree._Element) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def strip_boilerplate(root: etree._Element) -> None:
    """Remove navigation, sidebars, footers, cookie banners, ads and comment sections in place.

    A form that wraps most of the page (ASP.NET) stays: it holds the article.
    """
    doomed: list[etree._Element] = []
    page_chars = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "form":
            if not page_chars:
                body = root.find("body")
                page_chars = _text_length(body if body is not None else root) or 1
            if _text_length(el) <= page_chars * _PAGE_FORM_SHARE:
                doomed.append(el)
        elif tag in _BOILERPLATE_TAGS:
            doomed.append(el)
        elif tag == "header" and next(el.iterancestors("article", "main"), None) is None:
            doomed.append(el)
        elif (el.get("role") or "").lower() in _BOILERPLATE_ROLES:
            doomed.append(el)
        elif _BOILERPLATE_NAMES.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            doomed.append(el)
    for el in doomed:
        if not _holds_content(el):
            _remove(el)


def _lines(el: etree._Element, breaks: tuple[str, ...] = ("lb", "br")) -> list[str]:
    """The text of an element split at its line breaks.

    A plain text join (itertext) drops `<br>` and glues the words on either side of it
    ("جديدة<br>وقال" -> "جديدةوقال"); here each break ends a line.
    """
    out = [""]

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.text:
            out[-1] += node.text
        for child in node:
            if child.tag in breaks:
                out.append("")
            elif isinstance(child.tag, str) and child.tag not in ("script", "style"):
                walk(child)
            if child.tail:
                out[-1] += child.tail

    walk(el)
    return out


def _text(el: etree._Element) -> str:
    return " ".join(_lines(el))


def _split(el: etree._Element, kind: ParagraphKind) -> list[Block]:
    return [(line, kind, 0) for line in _lines(el)]


def xml_blocks(el: etree._Element, quote: bool = False, depth: int = 0) -> list[Block]:
    """Paragraphs of trafilatura's XML output: head -> heading, quote, list items, table rows.

    A paragraph's line breaks (`<lb/>`) separate paragraphs: news sites write paragraphs as
    text separated by `<br>` in one container, which trafilatura keeps as one `<p>`.
    """
    out: list[Block] = []
    for child in el:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend") or "h2"
            level = int(rend[1:]) if re.fullmatch(r"h[1-6]", rend) else 2
            out.append((_text(child), "heading", level))
        elif tag == "p":
            out.extend(_split(child, "quote" if quote else "body"))
        elif tag == "quote":
            if len(child) and any(c.tag in ("p", "list", "head") for c in child):
                out.extend(xml_blocks(child, True, depth))
            else:
                out.extend(_split(child, "quote"))
        elif tag == "list":
            for item in child:
                if item.tag != "item":
                    continue
                nested = [c for c in item if c.tag == "list"]
                for c in nested:
                    item.remove(c)
                out.append((_text(item), "list", depth + 1))
                for c in nested:
                    wrapper = etree.Element("x")
                    wrapper.append(c)
                    out.extend(xml_blocks(wrapper, quote, depth + 1))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_text(c).strip() for c in row if c.tag == "cell"]
                out.append((" | ".join(c for c in cells if c), "body", 0))
        elif tag in ("div", "main", "section"):
            out.extend(xml_blocks(child, quote, depth))
        elif tag in ("graphic", "ref", "lb"):
            continue
        else:
            out.extend(_split(child, "quote" if quote else "body"))
    return out


def _fallback_blocks(root: etree._Element) -> list[Block]:
    out: list[Block] = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        tag = cast(str, el.tag)  # tags are str in a parsed tree
        if tag.startswith("h"):
            out.append((_text(el), "heading", int(tag[1])))
        elif tag == "li":
            out.append((_text(el), "list", 1))
        elif tag == "blockquote":
            if el.find(".//p") is None:
                out.extend(_split(el, "quote"))
        elif next(el.iterancestors("blockquote"), None) is not None:
            out.extend(_split(el, "quote"))
        else:
            out.extend(_split(el, "body"))
    if not any(kind == "body" for _, kind, _ in out):
        # no paragraph markup at all: the text of the body, one paragraph a line break
        body = root.find("body")
        out.extend(_split(body if body is not None else root, "body"))
    return out


# -- metadata ----------------------------------------------------------------------------------
def _norm(text: str | None) -> str:
    return clean_line(text or "")


# Zero-width and bidi marks: trafilatura drops them from the text, metadata keeps them.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _key(text: str | None) -> str:
    """A text for comparing extracted blocks with metadata: normalized, no invisible marks."""
    return _norm(_INVISIBLE.sub("", text or ""))


def _meta_content(root: etree._Element, names: tuple[str, ...]) -> str:
    """The content of the first <meta> (property, name or itemprop) in `names` order."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in names and key not in found:
            content = _norm(el.get("content"))
            if content:
                found[key] = content
    return next((found[n] for n in names if n in found), "")


def _canonical_link(root: etree._Element) -> str:
    """The href of <link rel="canonical">, as written (relative addresses too)."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href")).strip()
    return ""


def _drop_author_urls(root: etree._Element) -> None:
    """Remove author <meta> elements holding a URL, path or handle, not a name.

    trafilatura would make a name of "/author/ahmad-ali" ("Author; Ahmad-Ali") and take a
    profile URL's place from the byline, where the name is.
    """
    for el in list(root.iter("meta")):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").lower()
        if key in _AUTHOR_META and _URLISH.search(el.get("content") or ""):
            _remove(el)


def _json_ld(root: etree._Element) -> list[dict[str, object]]:
    """Every JSON-LD object of the page, @graph members included, nested objects not."""
    out: list[dict[str, object]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return out


def _types(obj: dict[str, object]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values if v}


def _name_of(value: object, nodes: dict[str, dict[str, object]]) -> str:
    """The name of a JSON-LD Person / Organization, inline or by @id, or a plain string."""
    if isinstance(value, list):
        return next((n for n in (_name_of(v, nodes) for v in value) if n), "")
    if isinstance(value, dict):
        ref = value.get("@id")
        if "name" not in value and isinstance(ref, str) and ref in nodes:
            value = nodes[ref]
        name = value.get("name")
        return _norm(name) if isinstance(name, str) else ""
    return _norm(value) if isinstance(value, str) else ""


class _LinkedData:
    """What a page's JSON-LD says about its article: headline, publisher, date."""

    def __init__(self, root: etree._Element) -> None:
        objects = _json_ld(root)
        nodes = {str(o["@id"]): o for o in objects if isinstance(o.get("@id"), str)}
        # the article's own node first: a WebPage or ImageObject carries dates of its own
        articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
        ordered = articles + [o for o in objects if o not in articles]
        self.headline = next(
            (_norm(h) for o in articles if isinstance(h := o.get("headline"), str) and h.strip()),
            "",
        )
        self.publisher = next(
            (n for o in ordered if (n := _name_of(o.get("publisher"), nodes))), ""
        )
        self.published = next(
            (d for o in ordered if (d := _local_date(o.get("datePublished")))), ""
        )


def _valid(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _local_date(value: object) -> str:
    """The date as written in a timestamp, in the outlet's own time zone (never UTC-converted).

    "2024-03-15T01:30:00+03:00" is 2024-03-15, the day the outlet printed (2024-03-14 in UTC).
    """
    if not isinstance(value, str) or not value.strip():
        return ""
    m = _ISO.match(value) or _SLASHED_YMD.match(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    parsed = parsedate_tz(value)  # RFC 2822, as some feeds-minded CMSs write it
    if parsed is not None:
        return _valid(parsed[0], parsed[1], parsed[2])
    return ""


def _head_date(root: etree._Element, url: str) -> str:
    """htmldate's reading of the page's <head> only (the many date meta spellings it knows).

    Only the head: in the body htmldate also reads elements classed "date", which on news sites
    include the header bar's date of the day.
    """
    from htmldate import find_date

    head = root.find("head")
    if head is None:
        return ""
    page = lxml_html.Element("html")
    page.append(cast(lxml_html.HtmlElement, deepcopy(head)))
    page.append(lxml_html.Element("body"))
    found = find_date(page, extensive_search=False, original_date=True, url=url or None)
    return _local_date(found)


def _time_date(root: etree._Element) -> str:
    """The datetime of the article's <time>: in the <article>, marked as the publication time,
    or next to the h1 (a page's lists of other articles carry <time> elements of their own)."""
    article = next(root.iter("article"), None)
    h1 = next(root.iter("h1"), None)
    # the h1's parent or grandparent, below <body>
    near_h1 = list(
        takewhile(
            lambda a: a.tag not in ("body", "html"), h1.iterancestors() if h1 is not None else ()
        )
    )[:2]
    scopes = [s for s in (article, *near_h1[-1:]) if s is not None]
    times = [t for scope in scopes for t in scope.iter("time") if t.get("datetime")]
    marked = [
        t
        for t in root.iter("time")
        if t.get("datetime")
        and "publish" in f"{t.get('class') or ''} {t.get('itemprop') or ''}".lower()
    ]
    return next((d for t in marked + times if (d := _local_date(t.get("datetime")))), "")


def dateline_date(text: str) -> str:
    """The date of a dateline opening `text` ("القاهرة - 15 مارس 2024:"), or ""."""
    text = text.translate(_DIGITS)
    for pattern, order in ((_DATELINE_DMY, "dmy"), (_DATELINE_MDY, "mdy"), (_DATELINE_NUMERIC, "")):
        m = pattern.search(text, 0, _DATELINE_WINDOW)
        if m is None or m.start() > _DATELINE_START:
            continue
        if not _DATELINE_TAIL.match(text[m.end() :]):
            continue  # prose goes on after a date it reports; a dateline ends in a separator
        if order == "dmy":
            day, month, year = int(m.group(1)), _MONTHS[_month_key(m.group(2))], int(m.group(3))
        elif order == "mdy":
            month, day, year = _MONTHS[_month_key(m.group(1))], int(m.group(2)), int(m.group(3))
        else:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        found = _valid(year, month, day)
        if found:
            return found
    return ""


def date_only(text: str) -> bool:
    """True for a line that is only a date (with a weekday, a time, "نشر في"): page metadata.

    Article templates print the date in its own element next to the body, and trafilatura
    keeps it as a paragraph when the article is short.
    """
    text = text.translate(_DIGITS)
    if len(text) > _DATE_ONLY_CHARS:
        return False
    rest, found = _DATE_ANY.subn(" ", text)
    if not found:
        return False
    rest = _DATE_WORDS.sub(" ", _CLOCK.sub(" ", rest))
    return re.search(r"[^\W\d_]", rest) is None


def _month_key(name: str) -> str:
    return " ".join(name.lower().split())


def _published(
    root: etree._Element, linked: _LinkedData, blocks: list[Block], url: str = ""
) -> str:
    """The article's own publication date: structured metadata first, then its dateline."""
    found = (
        _local_date(_meta_content(root, _META_PUBLISHED))
        or linked.published
        or _local_date(_meta_content(root, _META_DUBLIN_CORE))
        or _head_date(root, url)
        or _time_date(root)
    )
    if found:
        return found
    body = [text for text, kind, _ in blocks if kind == "body"][:_DATELINE_PARAGRAPHS]
    return next((d for text in body if (d := dateline_date(text))), "")


def author_name(value: str | None) -> str:
    """A person's name from an author field or byline; "" for URLs, paths and handles.

    "By Ahmad Ali" -> "Ahmad Ali", "بقلم: أحمد علي" -> "أحمد علي"; several names stay
    separated by "; ".
    """
    names: list[str] = []
    for part in re.split(r"\s*[;|]\s*", _norm(value)):
        part = _BYLINE.sub("", part).strip(" :-–—،,")
        if not part or _URLISH.search(part) or len(part.split()) > _AUTHOR_MAX_WORDS:
            continue
        if not re.search(r"[^\W\d_]", part):
            continue
        if part not in names:
            names.append(part)
    return "; ".join(names)


def _strip_sep(text: str, at_start: bool) -> str | None:
    """`text` without the separator it starts (or ends) with; None when there is none."""
    m = (_SEP_AT_START if at_start else _SEP_AT_END).search(text)
    if m is None:
        return None
    return _norm(text[m.end() :] if at_start else text[: m.start()])


def _headline(
    candidates: list[str], h1s: list[str], sites: list[str], page_title: str = ""
) -> tuple[str, str]:
    """The headline and the site name stripped from it.

    Sites write "headline - site", "site - headline", "headline | site", "headline :: site" in
    og:title and <title>. The headline is the h1 when a title is the h1 plus a separated part
    (that part is the site name), or the title without a known site name (og:site_name,
    publisher) at either end.
    """
    h1s = [h for h in h1s if h not in sites]  # a logo in an h1 is no headline
    exact = ""
    split: list[tuple[str, str]] = []  # (h1, the separated part)
    for cand in candidates:
        for h1 in h1s:
            if cand == h1:
                exact = exact or h1
            elif cand.startswith(h1) and (rest := _strip_sep(" " + cand[len(h1) :], True)):
                split.append((h1, rest))
            elif cand.endswith(h1) and (rest := _strip_sep(cand[: -len(h1)] + " ", False)):
                split.append((h1, rest))
    if split:
        # of "headline - site", the headline is the longer part (an h1 logo is the shorter)
        h1, site = next(
            (hs for hs in split if hs[0] == exact), max(split, key=lambda hs: len(hs[0]))
        )
        return exact or h1, site
    for cand in candidates:
        for known in sites:
            if cand.endswith(known) and (rest := _strip_sep(cand[: -len(known)] + " ", False)):
                return exact or rest, known
            if cand.startswith(known) and (rest := _strip_sep(" " + cand[len(known) :], True)):
                return exact or rest, known
    # no site name to strip: the declared headline (og:title, JSON-LD), else the h1, else <title>
    declared = [c for c in candidates if c != page_title]
    return exact or next(iter(declared + h1s + candidates), ""), ""


def _h1s(root: etree._Element) -> list[str]:
    """The texts of the page's h1 elements, those inside an <article> first."""
    inside = [h for h in root.iter("h1") if next(h.iterancestors("article"), None) is not None]
    others = [h for h in root.iter("h1") if h not in inside]
    out: list[str] = []
    for h in inside + others:
        text = _norm(_text(h))
        if text and text not in out:
            out.append(text)
    return out


def _lead(root: etree._Element, body_start: str) -> etree._Element | None:
    """The lead (standfirst) element before the article's body, or None.

    `body_start` is the body's first paragraph: a "lead" box after it (a teaser of another
    article, say) is not this article's lead.
    """
    probe = " ".join(_key(body_start).split()[:_LEAD_PROBE_WORDS])
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "article"):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        # a lead is one paragraph, not a container of the article
        if (
            _LEAD_NAMES.search(names)
            and el.find(".//h1") is None
            and len(el.findall(".//p")) <= 1
            and len(_text(el).split()) >= _LEAD_MIN_WORDS
        ):
            return el
        if probe and any(probe in _key(t) for t in (el.text, el.tail) if t):
            return None  # the body starts here: no lead before it
    return None


def _furniture(blocks: list[Block]) -> list[Block]:
    """Blocks without related-article links and comment policies (see _RELATED, _POLICY)."""
    out: list[Block] = []
    dropping_list = False
    for text, kind, level in blocks:
        line = _norm(text)
        n_words = len(line.split())
        if dropping_list and kind == "list":
            continue
        dropping_list = False
        if _RELATED.match(line):
            # a label alone ("اقرأ أيضا", "Related:") heads a list of links: drop the list too
            dropping_list = n_words <= _LABEL_MAX_WORDS
            continue
        if n_words <= _POLICY_MAX_WORDS and _POLICY.search(line):
            continue
        out.append((text, kind, level))
    return out


def _remove(el: etree._Element) -> None:
    """Take an element out of its tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if el.tail and el.tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _extract(root: lxml_html.HtmlElement) -> list[Block]:
    """The main text's blocks by trafilatura (else every paragraph), furniture dropped."""
    import trafilatura

    xml = trafilatura.extract(
        root, output_format="xml", include_comments=False, include_tables=True, favor_precision=True
    )
    blocks = list(_iter_blocks(xml))
    return _furniture(blocks or _fallback_blocks(root))


def _iter_blocks(xml: str | None) -> Iterator[Block]:
    if not xml:
        return
    doc = etree.fromstring(xml.encode("utf-8"), safe_xml_parser())
    main = doc.find("main")
    yield from xml_blocks(main if main is not None else doc)


def parse(data: bytes, name: str) -> ImportedDocument:
    """Parse an HTML page: the article text by trafilatura after boilerplate is stripped."""
    import trafilatura

    text, encoding = decode_html(data)
    # lxml refuses a str that still carries an XML encoding declaration (XHTML pages); and its
    # HTML parser keeps control characters that its tree then refuses to be given back.
    text = strip_controls(_XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1))
    try:
        # (lxml's HTML parser never expands an entity a DTD declares; no network, no huge tree)
        root = lxml_html.document_fromstring(
            text, parser=lxml_html.HTMLParser(no_network=True, huge_tree=False)
        )
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(
            code="import.html_unreadable", reason=str(exc).splitlines()[0] if str(exc) else "?"
        ) from exc
    page_lang = language_code(root.get("lang") or root.get("xml:lang"))
    # trafilatura's metadata for the author (meta, JSON-LD, bylines) and the canonical URL; its
    # date (htmldate over the whole page) would take a header's date of the day: see _published.
    _drop_author_urls(root)
    meta = trafilatura.extract_metadata(
        root, date_config={"extensive_search": False, "original_date": True}
    )
    linked = _LinkedData(root)
    declared = _canonical_link(root) or _meta_content(root, ("og:url",))
    og_title = _meta_content(root, ("og:title", "twitter:title"))
    title_el = root.find(".//title")
    page_title = _norm(title_el.text_content()) if title_el is not None else ""
    site_name = _meta_content(root, ("og:site_name",)) or linked.publisher

    strip_boilerplate(root)
    blocks = _extract(root)
    h1s = _h1s(root)
    candidates = [c for c in dict.fromkeys((og_title, linked.headline, page_title)) if c]
    known_sites = [s for s in (site_name, _meta_content(root, ("application-name",))) if s]
    title, stripped_site = _headline(candidates, h1s, known_sites, page_title)
    # the headline is the title, not a paragraph (trafilatura may move it, or keep it as a <p>)
    headlines = {_key(t) for t in (title, *h1s)}

    def article(blocks: list[Block]) -> list[Block]:
        return [b for b in blocks if _key(b[0]) not in headlines and not date_only(b[0])]

    dated = blocks  # date lines stay for the dateline search
    paragraphs_blocks = article(blocks)
    first_body = next((b[0] for b in paragraphs_blocks if b[1] == "body"), "")
    lead_el = _lead(root, first_body)
    if lead_el is not None:
        lead = _norm(_text(lead_el))
        rest = [b for b in paragraphs_blocks if _key(b[0]) != _key(lead)]
        if not any(kind == "body" for _, kind, _ in rest):
            # trafilatura took the lead for the whole article: the body without it
            _remove(lead_el)
            rest = [b for b in article(_extract(root)) if _key(b[0]) != _key(lead)]
        paragraphs_blocks = [(lead, "body", 0), *rest]
        dated = [(lead, "body", 0), *dated]
    url = (meta.url if meta else "") or ""
    published = _published(root, linked, dated, url)

    author = author_name(meta.author if meta else "")
    paragraphs = build_paragraphs(paragraphs_blocks)
    return make_document(
        paragraphs,
        name,
        "html",
        title=title,
        language=page_lang,
        encoding=encoding,
        author=author,
        source=site_name or stripped_site,
        url=url,
        published=published,
        canonical_url=declared,
    )
