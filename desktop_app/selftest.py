"""`hamish selftest`: every part of Hamish at work once, in a temporary library.

It imports the two bundled samples (an Arabic web page and an English Markdown file), indexes
them in the spawned helper process the bulk import uses, searches them (an Arabic variant of a
word), highlights a passage and notes on it, builds a briefing, exports it to Word and Markdown
and reads both back, checks the index, and draws the window offscreen on the Arabic article.
Each step is one line; the exit code is 0 only when every step worked. It touches nothing
outside its temporary folder, so it runs as well in the frozen application as in a checkout.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.logs import route_to_library
from desktop_app.resources import resource_path

if TYPE_CHECKING:
    from desktop_app.core.search.service import SearchResult

SAMPLES = ("selftest-ar.html", "selftest-en.md")
AR_TITLE = "وزراء الطاقة يبحثون أسعار النفط"
AR_QUERY = "الوزير"  # the page says وزير and الوزيرُ (with a damma): both must match
QUOTE = "استقرارٍ طويلِ الأمد"  # harakat inside the highlighted passage
NOTE = "Key phrase: «استقرار» 📌"


class StepFailed(Exception):
    """A step did not give what it should."""


@dataclass
class Step:
    """One line of the report."""

    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class Context:
    """What the steps share."""

    folder: Path
    lib: Any = None
    ids: dict[str, int] = field(default_factory=dict)


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def step_import(ctx: Context) -> str:
    """Import both samples with the real importers, without touching the index."""
    from desktop_app.core.opening import IndexMode, open_library

    ctx.lib = open_library(ctx.folder / "library", IndexMode.NONE)
    paths = [resource_path("samples", name) for name in SAMPLES]
    results = ctx.lib.import_paths(paths)
    statuses = [r.status for r in results]
    _expect(statuses == ["imported", "imported"], f"import gave {statuses}: {results}")
    ar, en = (ctx.lib.get_article(int(r.article_id)) for r in results)
    _expect(ar.title == AR_TITLE, f"the Arabic title came out as {ar.title!r}")
    _expect(ar.language == "ar" and en.language == "en", f"languages {ar.language}/{en.language}")
    _expect(QUOTE in ar.text and "📈" in ar.text, "the Arabic text lost its harakat or emoji")
    ctx.ids.update(ar=ar.id, en=en.id)
    return f"2 articles: {ar.language} {ar.title!r} ({ar.source}), {en.language} {en.title!r}"


def step_helper(ctx: Context) -> str:
    """Index everything in a spawned helper process, as a bulk import does."""
    from desktop_app.core.search import bulk, store
    from desktop_app.core.storage import search_source as src

    folder = store.index_dir(ctx.lib.folder)
    if store.open_index(folder) is None:
        store.create(folder)
    helper = bulk.Helper.start(ctx.lib.folder, 0)
    helper.finish(timeout=120)
    _expect(helper.error is None, f"the helper failed: {helper.error}")
    _expect(helper.proc.exitcode == 0, f"the helper exited with {helper.proc.exitcode}")
    ix = store.open_index(folder)
    meta = store.read_meta(ix) if ix is not None else None
    upto = src.max_seq(ctx.lib.conn)
    _expect(meta is not None and meta.seq == upto, f"index at {meta and meta.seq}, db at {upto}")
    return f"helper process {helper.proc.pid} indexed {upto} changes"


def _search(ctx: Context, *queries: str) -> list[SearchResult]:
    """Bring the index up to date through the library's writer, then run each query."""
    from desktop_app.core.search import live
    from desktop_app.core.search.service import SearchService

    live.attach(ctx.lib).flush()
    svc = SearchService(ctx.lib.folder)
    try:
        return [svc.search(q, limit=10) for q in queries]
    finally:
        svc.close()


def step_search(ctx: Context) -> str:
    """Attach the index writer, then find the Arabic article by a variant of its word."""
    ar, en = _search(ctx, AR_QUERY, "corridor")
    ar_ids = [h.article_id for h in ar.hits if h.kind == "article"]
    en_ids = [h.article_id for h in en.hits if h.kind == "article"]
    _expect(ar_ids == [ctx.ids["ar"]], f"{AR_QUERY!r} found articles {ar_ids}")
    _expect(en_ids == [ctx.ids["en"]], f"'corridor' found articles {en_ids}")
    _expect("<b>" in ar.hits[0].snippet, "the Arabic snippet marks no word")
    return f"{AR_QUERY!r} -> 1 article ({ar.took_ms:.0f} ms); 'corridor' -> 1 article"


def step_annotate(ctx: Context) -> str:
    """Highlight a passage with harakat and put a note with an emoji on it."""
    h = ctx.lib.add_highlight_by_quote(ctx.ids["ar"], QUOTE)
    ctx.lib.set_highlight_note(h.id, NOTE)
    again = ctx.lib.get_highlight(h.id)
    _expect(again.exact == QUOTE and again.note == NOTE, f"the highlight holds {again.exact!r}")
    ctx.ids["highlight"] = h.id
    (found,) = _search(ctx, "استقرار")
    kinds = {hit.kind for hit in found.hits}
    _expect({"highlight"} <= kinds, f"the new highlight is not searchable ({kinds})")
    return f"highlight {h.id} with a note, searchable"


def step_briefing(ctx: Context) -> str:
    """Build a briefing from the highlight and a paragraph of one's own."""
    from desktop_app.core.briefings import BriefingService

    svc = BriefingService(ctx.lib)
    bid = svc.create("موجز الطاقة — Energy brief", language="ar", marking="داخلي").created
    _expect(bid is not None, "no briefing was created")
    assert bid is not None
    svc.fill(bid, [("highlight", ctx.ids["highlight"])])
    svc.add_item(svc.last_section(bid), text="خلاصة: الأسعار مستقرة (stable) 🛢️")
    items = svc.get(bid).items()
    _expect(len(items) == 2, f"the briefing has {len(items)} items")
    ctx.ids["briefing"] = bid
    return f"briefing {bid} with {len(items)} items"


def step_export(ctx: Context) -> str:
    """Export to .docx and .md and read both back."""
    from docx import Document

    from desktop_app import exporters
    from desktop_app.core.briefings import BriefingService

    b = BriefingService(ctx.lib).get(ctx.ids["briefing"])
    sizes = []
    for ext in ("docx", "md"):
        out = ctx.folder / f"brief.{ext}"
        exporter = exporters.for_path(out)
        _expect(exporter is not None, f"no exporter for .{ext}")
        assert exporter is not None
        exporter.export(b, out)
        sizes.append(f".{ext} {out.stat().st_size // 1024 or 1} KB")
    text = "\n".join(p.text for p in Document(str(ctx.folder / "brief.docx")).paragraphs)
    _expect(QUOTE in text and "🛢️" in text, "the Word file lost the quote or the emoji")
    with zipfile.ZipFile(ctx.folder / "brief.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    _expect("<w:bidi/>" in body or "<w:bidi " in body, "the Word paragraphs are not right-to-left")
    md = (ctx.folder / "brief.md").read_text(encoding="utf-8")
    _expect(QUOTE in md and NOTE in md, "the Markdown file lost the quote or the note")
    return ", ".join(sizes) + "; read back word for word"


def step_check(ctx: Context) -> str:
    """`hamish check`: the index agrees with the database."""
    from desktop_app.core.search import live

    report = live.attach(ctx.lib).check(repair=False)
    _expect(report.ok, f"check: {report.reason}")
    return f"search index ok: {report.indexed} of {report.articles} articles indexed"


def step_web(ctx: Context) -> str:
    """Read an Arabic RSS feed and pick the importer of a fetched page (no connection made)."""
    from desktop_app.core.feeds import parse_feed
    from desktop_app.core.web.fetch import USER_AGENT, Fetched, new_client
    from desktop_app.core.web.page import suffix_for

    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار 📰'
        "</title><item><title>خبرٌ عاجل</title><link>https://example.org/a?utm_source=x</link>"
        "</item></channel></rss>"
    ).encode()
    feed = Fetched("https://example.org/rss", "https://example.org/rss", 200, "", "", rss)
    parsed = parse_feed(feed)
    titles = [e.get("title") for e in parsed.entries]
    _expect(parsed.feed.get("title") == "أخبار 📰" and titles == ["خبرٌ عاجل"], f"feed {titles}")
    page = Fetched("https://example.org/a", "https://example.org/a", 200, "text/html", "", b"<p>")
    _expect(suffix_for(page) == ".html", "a page is not sent to the HTML importer")
    new_client().clear()  # the HTTP client is there
    return f"RSS read ({parsed.version}); {USER_AGENT}"


def step_window(ctx: Context) -> str:
    """Draw the main window offscreen on the Arabic article, with the Arabic interface."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt

    from desktop_app.app import GuiOptions, application
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow

    app = application(GuiOptions(lang="ar"))
    families = register_fonts()
    window = MainWindow(ctx.lib, remember=False)
    try:
        window.resize(1100, 700)
        window.show()
        window.open_article(ctx.ids["ar"], ctx.ids["highlight"])
        app.processEvents()
        image = window.grab().toImage()
        _expect(not image.isNull() and image.width() > 0, "the window drew nothing")
        _expect(app.layoutDirection() == Qt.LayoutDirection.RightToLeft, "the layout is not RTL")
        shown = window.reader.browser.toPlainText()
        _expect(QUOTE in shown, "the reader does not show the article")
        menus = [a.text() for a in window.menuBar().actions()]
        _expect(all(not m.isascii() for m in menus), f"menus not translated: {menus}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return f"{image.width()}x{image.height()} offscreen, right to left, fonts: {families}"


STEPS: list[tuple[str, Callable[[Context], str]]] = [
    ("import", step_import),
    ("index", step_helper),
    ("search", step_search),
    ("annotate", step_annotate),
    ("briefing", step_briefing),
    ("export", step_export),
    ("check", step_check),
    ("web", step_web),
    ("window", step_window),
]


def run(report: Callable[[Step], None], keep: Path | None = None) -> list[Step]:
    """Run every step in a temporary folder (or keep), reporting each as it ends."""
    folder = keep if keep is not None else Path(tempfile.mkdtemp(prefix="hamish-selftest-"))
    folder.mkdir(parents=True, exist_ok=True)
    route_to_library(folder / "library")
    ctx = Context(folder)
    steps: list[Step] = []
    try:
        for name, fn in STEPS:
            t0 = time.perf_counter()
            try:
                detail, ok = fn(ctx), True
            except StepFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:
                last = traceback.extract_tb(exc.__traceback__)[-1]
                where = f"{Path(last.filename).name}:{last.lineno}"
                detail, ok = f"{type(exc).__name__}: {exc} ({where})", False
            step = Step(name, ok, detail, time.perf_counter() - t0)
            steps.append(step)
            report(step)
            if not ok and ctx.lib is None:
                break  # without a library the rest can only fail the same way
    finally:
        if ctx.lib is not None:
            ctx.lib.close()
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return steps
