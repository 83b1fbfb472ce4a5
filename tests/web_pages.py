"""Pages and feeds in the shapes news sites serve them, for the loopback web server.

`news_site(web)` sets up one outlet: Arabic articles (with harakat, an English name inside
Arabic, an emoji), an RSS 2.0 feed and an Atom feed that share one item, and a feed item whose
page is gone (404).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.webserver import WebServer

SITE = "جريدة الصباح"


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    paragraphs: tuple[str, ...]
    published: str = "2026-11-30"


STORIES = (
    Story(
        "/news/water-plan",
        "الحكومة تعلن خطة جديدة للمياه",
        (
            "أعلنت الحكومةُ اليومَ خطةً جديدةً لإدارة المياه في البلاد، وقالت إنها ستبدأ العمل بها مطلع العام المقبل.",
            "وقال وزير الموارد المائية إن الخطة تتضمن مشاريع لتحلية مياه البحر وإعادة استخدام المياه المعالجة 💧.",
            "ووصف خبراء من World Bank الخطة بأنها خطوة مهمة نحو الأمن المائي في المنطقة.",
        ),
    ),
    Story(
        "/news/elections",
        "اللجنة تحدد موعد الانتخابات البلدية",
        (
            "حددت اللجنةُ العليا للانتخابات موعدَ الاقتراع البلدي في الربيع المقبل بعد مشاورات طويلة.",
            "وقال رئيس اللجنة إن عدد المسجلين تجاوز مليونَي ناخب، بينهم 40% من الشباب.",
            "وتراقب بعثة من European Union سير العملية في عدد من المحافظات 🗳️.",
        ),
    ),
    Story(
        "/news/trade",
        "ارتفاع الصادرات الزراعية في الربع الثالث",
        (
            "سجلت الصادراتُ الزراعيةُ ارتفاعاً ملحوظاً في الربع الثالث من العام بحسب بيانات رسمية.",
            "وأرجع المسؤولون الزيادة إلى فتح أسواق جديدة في آسيا وأفريقيا.",
            "وقال محلل في Reuters إن الأرقام تفوق التوقعات 📈.",
        ),
    ),
)


def article_page(story: Story, site: str = SITE, canonical: str | None = None) -> str:
    """A news page: header and navigation, the article, related links, a footer."""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(story.title)} - {escape(site)}</title>
<meta property="og:site_name" content="{escape(site)}">
<meta property="og:title" content="{escape(story.title)}">
<meta property="article:published_time" content="{story.published}T08:00:00+03:00">
{link}
<script>document.write("<p>لا ينبغي تشغيل هذا</p>")</script>
<link rel="stylesheet" href="/static/site.css"><img src="/static/logo.png" alt="">
</head><body>
<header><nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav></header>
<main><article><h1>{escape(story.title)}</h1>
<time datetime="{story.published}">{story.published}</time>
{body}
</article>
<aside><h3>اقرأ أيضاً</h3><ul><li><a href="/news/other">خبر آخر</a></li></ul></aside></main>
<footer><p>جميع الحقوق محفوظة © {escape(site)}</p></footer>
</body></html>"""


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0: items are (guid, link, title)."""
    entries = "\n".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f'<guid isPermaLink="false">{escape(g)}</guid>'
        f"<description>{escape(t)}: ملخص قصير</description>"
        "<pubDate>Mon, 30 Nov 2026 08:00:00 +0300</pubDate></item>"
        for g, link, t in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>http://127.0.0.1/</link>
<description>آخر الأخبار</description>
{entries}
</channel></rss>"""


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """Atom 1.0: items are (id, link, title)."""
    entries = "\n".join(
        f'<entry><title>{escape(t)}</title><link rel="alternate" href="{escape(link)}"/>'
        f"<id>{escape(i)}</id><updated>2026-11-30T08:00:00Z</updated>"
        f"<summary>{escape(t)}</summary></entry>"
        for i, link, t in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>
<id>urn:hamish-test:{escape(title)}</id><updated>2026-11-30T08:00:00Z</updated>
{entries}
</feed>"""


@dataclass
class NewsSite:
    web: WebServer
    rss_url: str
    atom_url: str
    pages: dict[str, str]  # story path -> address
    gone: str  # the address of the item whose page is 404


def news_site(web: WebServer) -> NewsSite:
    """Three stories; RSS lists stories 0 and 1 and a gone page, Atom lists 1 (the shared item,
    under another id and with tracking parameters on its link) and 2."""
    pages = {}
    for story in STORIES:
        pages[story.path] = web.page(story.path, article_page(story))
    gone = web.url("/news/removed")
    s0, s1, s2 = STORIES
    rss_url = web.page(
        "/feeds/rss.xml",
        rss(
            "الصباح: آخر الأخبار",
            [
                ("rss-1", pages[s0.path], s0.title),
                ("rss-2", pages[s1.path], s1.title),
                ("rss-3", gone, "خبر حُذف من الموقع"),
            ],
        ),
        "application/rss+xml; charset=utf-8",
        headers={"ETag": '"rss-v1"'},
    )
    atom_url = web.page(
        "/feeds/atom.xml",
        atom(
            "الصباح — Atom",
            [
                ("urn:sabah:2", pages[s1.path] + "?utm_source=atom&utm_medium=feed", s1.title),
                ("urn:sabah:3", pages[s2.path], s2.title),
            ],
        ),
        "application/atom+xml",
        headers={"Last-Modified": "Mon, 30 Nov 2026 08:00:00 GMT"},
    )
    return NewsSite(web, rss_url, atom_url, pages, gone)
