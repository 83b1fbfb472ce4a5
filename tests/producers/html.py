"""Web pages in the shapes Arabic news sites publish them, for the HTML importer.

Each generator lays one source article out the way a family of real sites does (the style it
imitates is named in its docstring; the page furniture is our own text, no real page is copied)
and returns a Generated whose `source` says what the importer must read back: the headline as
the title, the paragraphs, the outlet's name as `source`, the publication date the outlet
printed, the author (a name, or "" when the page names nobody).

Every page carries the furniture real pages have around an article: a header bar showing
today's date (never the article's), menus, share bars, related-article lists, comment policies
and footers with a copyright year.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from html import escape

from tests.producers import Generated, Source

DEFAULT_SITE = "بوابة الخبر"  # the outlet, for sources that do not name one
TODAY = "السبت 12 أكتوبر 2024"  # a header bar's date of the day, never the article's
TODAY_NUMERIC = "12/10/2024"
MONTHS_EG = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
MONTHS_LEVANT = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
COMMENT_POLICY_AR = "التعليقات المنشورة لا تعبر عن رأي الموقع وإنما تعبر عن رأي أصحابها فقط."
COMMENT_POLICY_EN = "Comments are moderated and will appear after approval by the editors."
# Phrases of the page furniture (distinctive enough not to occur in an article): none of them
# may reach the imported text.
FURNITURE = (
    TODAY,
    TODAY_NUMERIC,
    "الرئيسية",
    "فيسبوك",
    "اقرأ أيضا",
    "مواضيع ذات صلة",
    "مقالات ذات صلة",
    "أسعار الذهب اليوم",
    "الأكثر قراءة",
    "جميع الحقوق محفوظة",
    "اترك تعليقا",
    "التعليقات المنشورة",
    "Comments are moderated",
    "Related:",
    "Read more",
    "__VIEWSTATE",
    "صورة أرشيفية",
    "الوسوم:",
    "طباعة",
    "All rights reserved",
)

Shape = Callable[[Source, int], Generated]

# Corpus texts were scraped with the sites' "read also" links still in them, one a line; those
# lines are links to other articles, not this article's text.
READ_ALSO = re.compile(
    r"^\W*(?:(?:اقرأ|إقرأ|اقرا|إقرا|شاهد)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|المزيد)"
    r"|(?:اقرأ|إقرأ|اقرا|إقرا)\s*(?::|\.\.)|(?:قصص|مواضيع|أخبار|مقالات)\s+ذات\s+صلة)"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _slug(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _site(src: Source) -> str:
    return src.source or DEFAULT_SITE


def article(src: Source) -> Source:
    """The source without its "read also" lines (see READ_ALSO) and without a first paragraph
    that repeats the headline (scraped text often starts with it): what the article says."""
    kept = [p for p in src.paragraphs if not READ_ALSO.match(p)]
    headline = src.title.split()
    while kept and kept[0].split() == headline:
        kept.pop(0)
    return replace(src, paragraphs=tuple(kept)) if tuple(kept) != src.paragraphs else src


def _truth(src: Source, **changes: str) -> Source:
    # a page shows runs of spaces as one: the headline as a reader sees it
    title = unicodedata.normalize("NFC", " ".join(src.title.split()))
    return replace(article(src), title=title, source=_site(src), **changes)


def _stamp(published: str, clock: str) -> str:
    """An ISO timestamp on the day the outlet printed; `clock` is e.g. "01:30:00+03:00"."""
    if len(published) != 10:
        return published  # a year or a month only: written as is
    return f"{published}T{clock}"


def _day_month_year(published: str) -> tuple[int, int, int] | None:
    if len(published) != 10:
        return None
    year, month, day = (int(x) for x in published.split("-"))
    return day, month, year


def _ar_date(published: str) -> str:
    """The date as an Egyptian site prints it in a byline: 15 مارس 2024."""
    dmy = _day_month_year(published)
    if dmy is None:
        return published
    day, month, year = dmy
    return f"{day} {MONTHS_EG[month - 1]} {year}"


def _ps(paragraphs: tuple[str, ...], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{_e(p)}</p>" for p in paragraphs)


def _head(
    title: str,
    *,
    charset: str = "utf-8",
    extra: str = "",
) -> str:
    return (
        f'<head>\n<meta charset="{charset}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n{extra}"
        '<link rel="stylesheet" href="/static/css/main.css">\n'
        "<script>window.dataLayer = window.dataLayer || [];</script>\n</head>"
    )


def _meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{_e(content)}">\n' if content else ""


def _ld(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _top_bar(site: str) -> str:
    """A masthead with today's date, a logo, a menu and a search box."""
    return f"""<div class="top-bar"><div class="container">
<span class="today-date">{TODAY}</span>
<ul class="social-links"><li><a href="https://facebook.com/x">فيسبوك</a></li>
<li><a href="https://twitter.com/x">تويتر</a></li></ul></div></div>
<header id="masthead" class="site-header">
<div class="logo"><a href="/"><img src="/logo.png" alt="{_e(site)}"></a></div>
<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<form class="search-form" action="/search"><input type="text" name="q" placeholder="بحث">
<button type="submit">بحث</button></form>
</header>"""


def _footer(site: str) -> str:
    return f"""<aside id="secondary" class="widget-area"><section class="widget">
<h2 class="widget-title">الأكثر قراءة</h2><ul><li><a href="/a1">أسعار الذهب اليوم في السوق المحلية</a></li>
<li><a href="/a2">حالة الطقس غدا في العاصمة والمحافظات</a></li></ul></section></aside>
<footer class="site-footer"><p>جميع الحقوق محفوظة © 2024 {_e(site)}</p>
<a href="/privacy">سياسة الخصوصية</a> <a href="/contact">اتصل بنا</a></footer>"""


def _share_bar() -> str:
    return """<div class="share-buttons"><span>شارك</span>
<a href="https://www.facebook.com/sharer.php">فيسبوك</a> <a href="https://twitter.com/share">تويتر</a>
<a href="https://wa.me/">واتساب</a></div>"""


def _page(head: str, body: str, lang: str = "ar", direction: str = "rtl", cls: str = "") -> bytes:
    attr = f' class="{cls}"' if cls else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n{head}\n'
        f"<body{attr}>\n{body}\n</body>\n</html>\n"
    ).encode()


def _generated(shape: str, n: int, data: bytes, truth: Source, expected: tuple[str, ...] = ()):
    return Generated(f"{shape}-{n:03d}.html", data, truth, shape, expected)


def wordpress(src: Source, n: int = 0) -> Generated:
    """A WordPress news theme with Yoast-style meta (the most common shape of Arabic news blogs).

    `<article>` with `entry-header` (category, h1, byline "بقلم:", <time>) and `entry-content`;
    og:title "headline – site", og:site_name, article:published_time in the outlet's time zone
    (01:30 +03:00: the day before in UTC) and a later article:modified_time; a header date bar;
    a share bar; an inline "اقرأ أيضا" link and a comment policy inside the content; a
    related-posts list, tags, the comment form, a widget sidebar and a footer.
    """
    site = _site(src)
    title = f"{src.title} – {site}"
    stamp = _stamp(src.published, "01:30:00+03:00")
    head = _head(
        title,
        extra=(
            _meta("og:locale", "ar_AR")
            + _meta("og:type", "article")
            + _meta("og:title", title)
            + _meta("og:site_name", site)
            + _meta("article:publisher", "https://www.facebook.com/" + _slug(site))
            + (_meta("article:published_time", stamp) if src.published else "")
            + (_meta("article:modified_time", "2024-10-12T09:00:00+03:00") if src.published else "")
            + _meta("author", src.author, "name")
            + _meta("twitter:card", "summary_large_image", "name")
        ),
    )
    byline = (
        f'<span class="byline">بقلم: <a href="/author/{_slug(src.author)}/">{_e(src.author)}</a>'
        "</span> "
        if src.author
        else ""
    )
    time = (
        f'<time class="entry-date published" datetime="{stamp}">{_ar_date(src.published)}</time>'
        if src.published
        else ""
    )
    body_ps = list(src.paragraphs)
    inline_related = (
        '<p><strong>اقرأ أيضا:</strong> <a href="/2024/10/gold">أسعار الذهب اليوم في السوق'
        " المحلية</a></p>"
    )
    content = [f"<p>{_e(body_ps[0])}</p>", inline_related] + [
        f"<p>{_e(p)}</p>" for p in body_ps[1:]
    ]
    content.append(f"<p><em>{COMMENT_POLICY_AR}</em></p>")
    body = f"""{_top_bar(site)}
<div id="content" class="site-content"><div class="container"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-{n + 100}" class="post-{n + 100} post type-post status-publish">
<header class="entry-header">
<div class="entry-category"><a href="/category/news/" rel="category tag">أخبار</a></div>
<h1 class="entry-title">{_e(src.title)}</h1>
<div class="entry-meta">{byline}{time}</div>
</header>
{_share_bar()}
<div class="entry-content">
{chr(10).join(content)}
</div>
<div class="post-tags">الوسوم: <a href="/tag/a" rel="tag">أخبار</a> <a href="/tag/b" rel="tag">تقارير</a></div>
<div class="related-posts"><h3>مقالات ذات صلة</h3><ul>
<li><a href="/r1">أسعار الذهب اليوم في السوق المحلية</a></li>
<li><a href="/r2">تعرف على حالة الطقس غدا</a></li></ul></div>
</article>
<div id="comments" class="comments-area"><h3 id="reply-title">اترك تعليقا</h3>
<p class="comment-notes">{COMMENT_POLICY_AR}</p>
<form id="commentform" action="/wp-comments-post.php" method="post">
<textarea name="comment"></textarea><input type="submit" value="إرسال"></form></div>
</main></div>
{_footer(site)}
</div></div>"""
    return _generated(
        "html-wordpress",
        n,
        _page(head, body, cls="post-template-default single single-post"),
        _truth(src),
    )


def _br_joined(paragraphs: tuple[str, ...], sep: str) -> str:
    return sep.join(_e(p) for p in paragraphs)


def br_double(src: Source, n: int = 0) -> Generated:
    """Paragraphs separated by `<br><br>` in one `<div>` (Egyptian portals: Youm7 / Masrawy style).

    No whitespace around the breaks, so a text join that drops the `<br>` glues the words on
    either side. `<title>` "headline - site" and no og:site_name; article:published_time at
    01:30 in Cairo (+02:00); a byline "كتب" in its own div; an image with its caption; a
    "مواضيع ذات صلة" box after the body.
    """
    site = _site(src)
    stamp = _stamp(src.published, "01:30:00+02:00")
    head = _head(
        f"{src.title} - {site}",
        extra=(
            _meta("og:title", src.title)
            + _meta("og:type", "article")
            + (_meta("article:published_time", stamp) if src.published else "")
            + _meta("twitter:site", "@" + _slug(site), "name")
        ),
    )
    writer = f'<div class="writer">كتب {_e(src.author)}</div>' if src.author else ""
    date = f'<span class="newsStoryDate">{_ar_date(src.published)}</span>' if src.published else ""
    body = f"""{_top_bar(site)}
<div class="container"><div class="articleHeader">
<h1>{_e(src.title)}</h1>{writer}
<div class="articleDate">{date}</div></div>
{_share_bar()}
<div class="img-cont"><img src="/images/n{n}.jpg" alt=""><span class="caption">صورة أرشيفية</span></div>
<div id="articleBody" class="articleCont">{_br_joined(src.paragraphs, "<br><br>")}</div>
<div class="moreNews"><div class="boxTitle">مواضيع ذات صلة</div><ul>
<li><a href="/News/1">أسعار الذهب اليوم في السوق المحلية</a></li>
<li><a href="/News/2">تعرف على حالة الطقس غدا</a></li></ul></div>
</div>
{_footer(site)}"""
    return _generated("html-br-double", n, _page(head, body), _truth(src))


def br_single(src: Source, n: int = 0) -> Generated:
    """Paragraphs separated by one `<br />` each, no whitespace (Levantine portals, old CMSs).

    `<title>` "site - headline" (Jordanian portal style); JSON-LD NewsArticle (not in a @graph)
    with datePublished in UTC ("Z") and publisher.name; the comment policy after the body.
    """
    site = _site(src)
    stamp = _stamp(src.published, "21:30:00Z")
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": src.title,
        "publisher": {"@type": "Organization", "name": site},
    }
    if src.published:
        ld["datePublished"] = stamp
    if src.author:
        ld["author"] = {"@type": "Person", "name": src.author}
    head = _head(f"{site} - {src.title}", extra=_ld(ld))
    body = f"""{_top_bar(site)}
<div class="main"><div class="news-details">
<h1 class="news-title">{_e(src.title)}</h1>
<div class="details-text">{_br_joined(src.paragraphs, "<br />")}</div>
<p class="comments-note">{COMMENT_POLICY_AR}</p>
</div></div>
{_footer(site)}"""
    return _generated("html-br-single", n, _page(head, body), _truth(src))


def aspnet_form(src: Source, n: int = 0) -> Generated:
    """An ASP.NET WebForms page: the whole body inside one `<form runat=server>`.

    Government and agency sites: `__VIEWSTATE`, ctl00_ ids, a header with a numeric date of
    the day, the title in a `<span>` in an h1, `DC.date.issued` meta, `<title>` "headline ::
    site", paragraphs in a `<div>`, a search box (no form of its own: ASP.NET allows one).
    """
    site = _site(src)
    head = _head(
        f"{src.title} :: {site}",
        charset="utf-8",
        extra=(
            _meta("DC.title", src.title, "name")
            + (_meta("DC.date.issued", src.published, "name") if src.published else "")
            + _meta("DC.creator", src.author, "name")
        ),
    )
    body = f"""<form method="post" action="./NewsDetails.aspx?NewsID={n + 1000}" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk{_slug(src.title)}">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAK{n}">
</div>
<div id="ctl00_divHeader" class="header">
<span id="ctl00_lblToday" class="date">{TODAY_NUMERIC}</span>
<a href="Default.aspx"><img src="images/logo.gif" alt="{_e(site)}"></a>
<input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch" title="بحث">
<input type="submit" name="ctl00$btnSearch" value="بحث" id="ctl00_btnSearch">
<div id="ctl00_divMenu" class="menu"><a href="Default.aspx">الرئيسية</a> | <a href="News.aspx">أخبار</a></div>
</div>
<div id="ctl00_ContentPlaceHolder1_divNews" class="NewsDetails">
<h1><span id="ctl00_ContentPlaceHolder1_lblTitle">{_e(src.title)}</span></h1>
<div id="ctl00_ContentPlaceHolder1_divBody" class="NewsBody">
{_ps(src.paragraphs)}
</div>
<div class="print"><a href="javascript:window.print()">طباعة</a></div>
</div>
<div id="ctl00_divFooter" class="footer">جميع الحقوق محفوظة © 2024 {_e(site)}</div>
<script type="text/javascript">//<![CDATA[
var theForm = document.forms['aspnetForm'];
//]]></script>
</form>"""
    return _generated("html-aspnet-form", n, _page(head, body), _truth(src))


# The lead's element and its class, as news sites write it.
LEADS = {
    "div-lead": ("div", "lead"),
    "p-summary": ("p", "summary"),
    "h2-article-summary": ("h2", "article-summary"),
    "div-sapo": ("div", "sapo"),
}


def lead(src: Source, n: int = 0, kind: str = "div-lead") -> Generated:
    """A lead (standfirst) in its own element between the headline and the body.

    Pan-Arab news sites print the first paragraph as a lead: `<div class="lead">`,
    `<p class="summary">`, `<h2 class="article-summary">`, or `<div class="sapo">` (Maghreb
    sites on French CMSs). og:title is the bare headline, og:site_name the outlet; JSON-LD
    NewsArticle with datePublished at 00:15 +03:00 and the author.
    """
    tag, cls = LEADS[kind]
    site = _site(src)
    paragraphs = list(src.paragraphs)
    first = (article(src).paragraphs or paragraphs)[0]
    rest = tuple(paragraphs[: paragraphs.index(first)] + paragraphs[paragraphs.index(first) + 1 :])
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": src.title,
        "publisher": {"@type": "NewsMediaOrganization", "name": site},
    }
    if src.published:
        ld["datePublished"] = _stamp(src.published, "00:15:00+03:00")
    if src.author:
        ld["author"] = [{"@type": "Person", "name": src.author}]
    head = _head(
        f"{src.title} | {site}",
        extra=_meta("og:title", src.title) + _meta("og:site_name", site) + _ld(ld),
    )
    author = f'<div class="article-author">{_e(src.author)}</div>' if src.author else ""
    body = f"""{_top_bar(site)}
<main><div class="article-page">
<h1 class="article-title">{_e(src.title)}</h1>
<{tag} class="{cls}">{_e(first)}</{tag}>
{author}
{_share_bar()}
<div class="article-body">
{_ps(rest)}
</div>
<div class="related-articles"><h3>اقرأ أيضا</h3><ul>
<li><a href="/r1">أسعار الذهب اليوم في السوق المحلية</a></li></ul></div>
</div></main>
{_footer(site)}"""
    return _generated(f"html-lead-{kind}", n, _page(head, body), _truth(src))


def title_headline_site(src: Source, n: int = 0) -> Generated:
    """`<title>` and og:title "headline | site" with no og:site_name (Al Jazeera style).

    The site name is only in the title (and the logo's alt text); the h1 is the headline.
    """
    site = _site(src)
    full = f"{src.title} | {site}"
    stamp = _stamp(src.published, "23:45:00+03:00")
    head = _head(
        full,
        extra=(
            _meta("og:title", full)
            + _meta("og:type", "article")
            + (_meta("article:published_time", stamp) if src.published else "")
            + _meta("author", src.author, "name")
        ),
    )
    body = f"""{_top_bar(site)}
<main id="main-content"><article class="article-page">
<header class="article-header"><h1>{_e(src.title)}</h1></header>
<div class="article-info">{_e(src.author)}</div>
<div class="wysiwyg wysiwyg--all-content">
{_ps(src.paragraphs)}
</div>
<div class="more-on"><h2>Related:</h2><ul><li><a href="/r1">أسعار الذهب اليوم في السوق المحلية</a></li></ul></div>
</article></main>
{_footer(site)}"""
    return _generated("html-title-headline-site", n, _page(head, body), _truth(src))


def title_site_headline(src: Source, n: int = 0) -> Generated:
    """`<title>` "site - headline" and no other site metadata (Jordanian portal style).

    og:title repeats the same "site - headline"; the h1 is the headline; the date is a
    `<time datetime>` inside the article only.
    """
    site = _site(src)
    full = f"{site} - {src.title}"
    head = _head(full, extra=_meta("og:title", full) + _meta("author", src.author, "name"))
    time = (
        f'<time datetime="{_stamp(src.published, "08:00:00+03:00")}">'
        f"{_ar_date(src.published)}</time>"
        if src.published
        else ""
    )
    body = f"""{_top_bar(site)}
<div class="page"><article>
<h1 class="title">{_e(src.title)}</h1>
<div class="meta">{time}</div>
<div class="text">
{_ps(src.paragraphs)}
</div>
<p class="read-more">اقرأ أيضا: <a href="/r1">أسعار الذهب اليوم في السوق المحلية</a></p>
</article></div>
{_footer(site)}"""
    return _generated("html-title-site-headline", n, _page(head, body), _truth(src))


def lang_mismatch(src: Source, n: int = 0) -> Generated:
    """An English site template (`lang="en-US"`, ltr) around an Arabic article.

    Multilingual WordPress installs and hosted CMSs leave the template's language on every
    page. Menu, byline "By …", "Related:" and the English comment policy after the body.
    """
    site = _site(src)
    stamp = _stamp(src.published, "12:00:00+00:00")
    head = _head(
        f"{src.title} - {site}",
        extra=(
            _meta("og:locale", "en_US")
            + _meta("og:title", src.title)
            + _meta("og:site_name", site)
            + (_meta("article:published_time", stamp) if src.published else "")
        ),
    )
    byline = (
        f'<p class="byline">By <span class="author-name">{_e(src.author)}</span></p>'
        if src.author
        else ""
    )
    body = f"""<header class="site-header"><span class="date">Saturday, October 12, 2024</span>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article>
<h1>{_e(src.title)}</h1>
{byline}
<div class="post-body" dir="rtl">
{_ps(src.paragraphs)}
</div>
<p>Related: <a href="/r1">أسعار الذهب اليوم في السوق المحلية</a></p>
<p class="note">{COMMENT_POLICY_EN}</p>
<div class="share"><a href="#">Share</a> <a href="#">Read more</a></div>
</article></main>
<footer><p>© 2024 {_e(site)}. All rights reserved.</p></footer>"""
    return _generated(
        "html-lang-en", n, _page(head, body, lang="en-US", direction="ltr"), _truth(src)
    )


def jsonld_graph(src: Source, n: int = 0) -> Generated:
    """Yoast SEO's JSON-LD `@graph` and no other date or site metadata.

    Nodes: WebPage (datePublished of the page), ImageObject (uploaded days earlier),
    NewsArticle (datePublished, author and publisher by @id), Person, Organization.
    `<title>` "headline - site".
    """
    site = _site(src)
    base = f"https://example.{_slug(site)}.com/"
    url = f"{base}news/{n}/"
    stamp = _stamp(src.published, "01:05:00+03:00")
    article: dict[str, object] = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "isPartOf": {"@id": url},
        "headline": src.title,
        "publisher": {"@id": base + "#organization"},
        "image": {"@id": url + "#primaryimage"},
        "inLanguage": "ar",
    }
    graph: list[dict[str, object]] = [
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{src.title} - {site}"},
        {
            "@type": "ImageObject",
            "@id": url + "#primaryimage",
            "url": base + "wp-content/uploads/photo.jpg",
            "uploadDate": "2019-05-01T10:00:00+03:00",
        },
        article,
        {"@type": "Organization", "@id": base + "#organization", "name": site, "url": base},
    ]
    if src.published:
        article["datePublished"] = stamp
        article["dateModified"] = "2024-10-12T09:00:00+03:00"
    if src.author:
        article["author"] = {"@id": base + "#/schema/person/" + _slug(src.author)}
        graph.append(
            {
                "@type": "Person",
                "@id": base + "#/schema/person/" + _slug(src.author),
                "name": src.author,
                "url": base + "author/" + _slug(src.author) + "/",
            }
        )
    head = _head(
        f"{src.title} - {site}",
        extra=_ld({"@context": "https://schema.org", "@graph": graph}),
    )
    body = f"""{_top_bar(site)}
<div class="site-content"><article class="post">
<h1 class="entry-title">{_e(src.title)}</h1>
<div class="entry-content">
{_ps(src.paragraphs)}
</div>
</article></div>
{_footer(site)}"""
    return _generated("html-jsonld-graph", n, _page(head, body), _truth(src))


def _dateline(published: str, style: str) -> str:
    dmy = _day_month_year(published)
    if dmy is None:
        return ""
    day, month, year = dmy
    if style == "cairo":
        return f"القاهرة - {day} {MONTHS_EG[month - 1]} {year}:"
    return f"عمان {day} {MONTHS_LEVANT[month - 1]} {year} -".translate(ARABIC_INDIC)


def dateline(src: Source, n: int = 0, style: str = "cairo") -> Generated:
    """No date metadata at all: the date is only in the dateline that opens the first paragraph.

    "cairo": "القاهرة - 15 مارس 2024:" (Egyptian month names, Western digits);
    "amman": "عمان ١٥ آذار ٢٠٢٤ -" (Levantine month names, Arabic-Indic digits, news agency
    style). No byline (agency copy). The header bar shows today's date; the footer a
    copyright year.
    """
    site = _site(src)
    line = _dateline(src.published, style)
    paragraphs = src.paragraphs
    if line:
        paragraphs = (f"{line} {paragraphs[0]}",) + paragraphs[1:]
    head = _head(f"{src.title} - {site}", extra=_meta("og:site_name", site))
    body = f"""{_top_bar(site)}
<div class="content"><div class="article">
<h1>{_e(src.title)}</h1>
<div class="article-text">
{_ps(paragraphs)}
</div></div></div>
{_footer(site)}"""
    return _generated(
        f"html-dateline-{style}",
        n,
        _page(head, body),
        _truth(src, author=""),  # agency copy: no byline
        tuple(p for p in paragraphs if not READ_ALSO.match(p)) if line else (),
    )


def author_url(src: Source, n: int = 0) -> Generated:
    """Author metadata holding URLs and handles, the name only in the byline.

    Facebook-style `article:author` and `<meta name="author">` with a profile URL,
    twitter:creator "@handle"; the byline links the name to "/author/slug".
    """
    site = _site(src)
    profile = "https://www.facebook.com/" + _slug(src.author or site)
    head = _head(
        f"{src.title} - {site}",
        extra=(
            _meta("og:title", src.title)
            + _meta("og:site_name", site)
            + _meta("article:author", profile)
            + _meta("author", profile, "name")
            + _meta("twitter:creator", "@" + _slug(src.author or site), "name")
            + (
                _meta("article:published_time", _stamp(src.published, "10:00:00+03:00"))
                if src.published
                else ""
            )
        ),
    )
    byline = (
        f'<div class="author"><a href="/author/{_slug(src.author)}" rel="author">'
        f"{_e(src.author)}</a></div>"
        if src.author
        else ""
    )
    body = f"""{_top_bar(site)}
<article class="story">
<h1>{_e(src.title)}</h1>
{byline}
<div class="story-body">
{_ps(src.paragraphs)}
</div>
</article>
{_footer(site)}"""
    return _generated("html-author-url", n, _page(head, body), _truth(src))


def _lead_shape(kind: str) -> Shape:
    def make(src: Source, n: int = 0) -> Generated:
        return lead(src, n, kind)

    make.__name__ = f"lead_{kind.replace('-', '_')}"
    return make


def _dateline_shape(style: str) -> Shape:
    def make(src: Source, n: int = 0) -> Generated:
        return dateline(src, n, style)

    make.__name__ = f"dateline_{style}"
    return make


SHAPES: tuple[Shape, ...] = (
    wordpress,
    br_double,
    br_single,
    aspnet_form,
    *(_lead_shape(kind) for kind in LEADS),
    title_headline_site,
    title_site_headline,
    lang_mismatch,
    jsonld_graph,
    _dateline_shape("cairo"),
    _dateline_shape("amman"),
    author_url,
)


def pages(sources: list[Source]) -> list[Generated]:
    """Every page shape for every source (a source needs at least one paragraph)."""
    out: list[Generated] = []
    for n, src in enumerate(sources):
        if not src.paragraphs:
            continue
        out.extend(shape(src, n) for shape in SHAPES)
    return out
