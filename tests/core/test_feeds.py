"""News feeds: RSS and Atom from a web server on 127.0.0.1, each item fetched as a full page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.errors import HamishError, ImportFailed
from desktop_app.core.feeds import MAX_ATTEMPTS, FeedService
from desktop_app.core.library import Library
from tests.core.test_web_import import hamish
from tests.web_pages import SITE, STORIES, article_page, news_site, rss
from tests.webserver import WebServer


def item_paths(web: WebServer) -> list[str]:
    return [p for p in web.paths() if not p.startswith("/feeds/")]


def test_rss_and_atom_sharing_an_item(library: Library, web: WebServer) -> None:
    site = news_site(web)
    feeds = FeedService(library)
    rss_feed = feeds.add(site.rss_url, tag="الصباح")
    atom_feed = feeds.add(site.atom_url, name="الصباح Atom 📰", tag="أطلس")
    assert (rss_feed.title, atom_feed.title) == ("الصباح: آخر الأخبار", "الصباح — Atom")
    assert atom_feed.display_name == "الصباح Atom 📰"
    assert item_paths(web) == []  # adding reads the feed only

    first = feeds.refresh()
    assert [r.row() for r in first] == [
        {"feed_id": rss_feed.id, "title": "الصباح: آخر الأخبار", "new": 2, "duplicates": 0,
         "failed": 1, "error": None},
        {"feed_id": atom_feed.id, "title": "الصباح — Atom", "new": 1, "duplicates": 1,
         "failed": 0, "error": None},
    ]  # fmt: skip
    # each page fetched once, the shared one too (the Atom feed's link carries utm_ parameters)
    assert sorted(item_paths(web)) == sorted(
        ["/news/removed", "/news/water-plan", "/news/elections", "/news/trade"]
    )
    assert library.article_count() == 3
    by_title = {library.get_article(i).title: library.get_article(i) for i in library.article_ids()}
    assert set(by_title) == {s.title for s in STORIES}
    for story in STORIES:  # full pages, not the feeds' summaries
        art = by_title[story.title]
        assert [p.text for p in art.paragraphs] == list(story.paragraphs)
        assert art.source == SITE
        assert art.url == site.pages[story.path]
    assert by_title[STORIES[0].title].tags == ["الصباح"]
    assert sorted(by_title[STORIES[1].title].tags) == ["أطلس", "الصباح"]  # in both feeds
    assert by_title[STORIES[2].title].tags == ["أطلس"]
    counts = {f.id: (f.articles, f.unread) for f in feeds.list()}
    assert counts == {rss_feed.id: (2, 2), atom_feed.id: (2, 2)}

    fetched_before = len(web.requests)
    second = feeds.refresh()
    assert [(r.new, r.duplicates, r.failed, r.error) for r in second] == [(0, 0, 0, None)] * 2
    assert len(web.requests) == fetched_before + 2  # the two feeds, no page
    rss_again, atom_again = web.requests[-2:]
    assert rss_again.headers.get("If-None-Match") == '"rss-v1"'
    assert atom_again.headers.get("If-Modified-Since") == "Mon, 30 Nov 2026 08:00:00 GMT"
    assert library.article_count() == 3


def test_seen_items_are_not_fetched_again_when_the_feed_changes(
    library: Library, web: WebServer
) -> None:
    """A changed feed (no validators) lists the old items again beside a new one: only the new
    one is fetched; the gone page is tried again, MAX_ATTEMPTS times in all."""
    site = news_site(web)
    web.answers["/feeds/rss.xml"].headers.pop("ETag")  # type: ignore[union-attr]
    feeds = FeedService(library)
    feed = feeds.add(site.rss_url)
    feeds.refresh()
    for attempt in range(2, MAX_ATTEMPTS + 2):
        report = feeds.refresh()[0]
        expected_failed = 1 if attempt <= MAX_ATTEMPTS else 0
        assert (report.new, report.duplicates, report.failed) == (0, 0, expected_failed)
    assert item_paths(web).count("/news/removed") == MAX_ATTEMPTS
    assert item_paths(web).count("/news/water-plan") == 1
    # the feed gains an item
    s0, s1, s2 = STORIES
    web.page(
        "/feeds/rss.xml",
        rss("الصباح", [("rss-4", site.pages[s2.path], s2.title), ("rss-1", site.pages[s0.path], s0.title)]),
        "application/rss+xml",
    )  # fmt: skip
    report = feeds.refresh([feed.id])[0]
    assert (report.new, report.duplicates, report.failed) == (1, 0, 0)
    assert item_paths(web).count("/news/trade") == 1


def test_an_item_seen_by_content_is_not_fetched(library: Library, web: WebServer) -> None:
    """A republished item: another guid and link, the same title and summary."""
    site = news_site(web)
    feeds = FeedService(library)
    feeds.add(site.rss_url)
    feeds.refresh()
    s0 = STORIES[0]
    copy = web.page("/mirror/water", article_page(s0))
    web.page("/feeds/other.xml", rss("الصباح: آخر الأخبار", [("x-1", copy, s0.title)]))
    other = feeds.add(web.url("/feeds/other.xml"))
    report = feeds.refresh([other.id])[0]
    assert (report.new, report.duplicates) == (0, 1)
    assert "/mirror/water" not in web.paths()


def test_an_item_imported_by_hand_is_a_duplicate(library: Library, web: WebServer) -> None:
    site = news_site(web)
    [by_hand] = library.import_paths([site.pages[STORIES[2].path]])
    feeds = FeedService(library)
    atom_feed = feeds.add(site.atom_url)
    report = feeds.refresh()[0]
    assert (report.new, report.duplicates) == (1, 1)
    assert by_hand.article_id in feeds.article_ids(atom_feed.id)
    assert item_paths(web).count(STORIES[2].path) == 1


def test_unread_counts_follow_opening(library: Library, web: WebServer) -> None:
    site = news_site(web)
    feeds = FeedService(library)
    rss_feed = feeds.add(site.rss_url)
    atom_feed = feeds.add(site.atom_url)
    feeds.refresh()
    shared = next(i for i in feeds.article_ids(rss_feed.id) if i in feeds.article_ids(atom_feed.id))
    assert library.mark_opened(shared) is True
    assert library.mark_opened(shared) is False  # the first opening counts
    assert {f.id: f.unread for f in feeds.list()} == {rss_feed.id: 1, atom_feed.id: 1}
    only_rss = next(i for i in feeds.article_ids(rss_feed.id) if i != shared)
    library.delete_article(only_rss)  # to the trash
    assert {f.id: f.articles for f in feeds.list()} == {rss_feed.id: 1, atom_feed.id: 2}


def test_rename_tag_and_remove_keep_the_articles(library: Library, web: WebServer) -> None:
    site = news_site(web)
    feeds = FeedService(library)
    feed = feeds.add(site.rss_url)
    feeds.refresh()
    assert feeds.rename(feed.id, "  صباح الخير  ").display_name == "صباح الخير"
    assert feeds.set_tag(feed.id, "أخبار").tag == "أخبار"
    feeds.remove(feed.id)
    assert feeds.list() == []
    assert library.article_count() == 2
    with pytest.raises(HamishError, match=f"no feed with id {feed.id}"):
        feeds.remove(feed.id)
    with pytest.raises(HamishError, match=f"no feed with id {feed.id}"):
        feeds.refresh([feed.id])


def test_what_is_not_a_feed_is_refused_and_nothing_stored(library: Library, web: WebServer) -> None:
    page = web.page(STORIES[0].path, article_page(STORIES[0]))
    with pytest.raises(ImportFailed) as info:
        FeedService(library).add(page)
    assert info.value.code == "feeds.not_a_feed"
    assert "\n" not in str(info.value)
    with pytest.raises(ImportFailed, match="not found on 127.0.0.1"):
        FeedService(library).add(web.url("/feeds/none.xml"))
    with pytest.raises(ImportFailed, match="not a web address"):
        FeedService(library).add("feeds/rss.xml")
    assert FeedService(library).list() == []


def test_a_feed_that_cannot_be_read_is_reported_and_the_others_go_on(
    library: Library, web: WebServer
) -> None:
    site = news_site(web)
    feeds = FeedService(library)
    gone = feeds.add(site.rss_url)
    feeds.add(site.atom_url)
    del web.answers["/feeds/rss.xml"]
    reports = feeds.refresh()
    assert reports[0].error == "not found on 127.0.0.1 (404)"
    assert reports[0].error_code == "web.not_found"
    assert (reports[1].new, reports[1].error) == (2, None)
    failed = feeds.get(gone.id)
    assert failed.last_error == "not found on 127.0.0.1 (404)"
    # by code too, so that the window says it in its own language
    assert (failed.last_error_code, failed.last_error_params) == (
        "web.not_found",
        {"status": 404, "host": "127.0.0.1"},
    )
    news_site(web)  # the feed is back
    assert feeds.refresh([gone.id])[0].error is None
    back = feeds.get(gone.id)
    assert (back.last_error, back.last_error_code, back.last_error_params) == ("", "", {})


@pytest.mark.parametrize("version", ["0.91", "1.0"])
def test_older_rss_dialects(library: Library, web: WebServer, version: str) -> None:
    s0 = STORIES[0]
    page = web.page(s0.path, article_page(s0))
    if version == "1.0":
        feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="{page}"><title>RDF الصباح</title><link>{page}</link><description>d</description></channel>
<item rdf:about="{page}"><title>{s0.title}</title><link>{page}</link></item></rdf:RDF>"""
    else:
        feed = f"""<?xml version="1.0" encoding="windows-1256"?>
<rss version="0.91"><channel><title>RSS الصباح</title><link>{page}</link><description>d</description>
<language>ar</language><item><title>{s0.title}</title><link>{page}</link></item></channel></rss>"""
    data = feed.encode("cp1256" if version == "0.91" else "utf-8")
    feeds = FeedService(library)
    added = feeds.add(web.page("/feed", data, "text/xml"))
    assert added.title.endswith("الصباح")
    report = feeds.refresh()[0]
    assert (report.new, report.failed) == (1, 0)
    assert [p.text for p in library.get_article(report.results[0].article_id).paragraphs] == list(
        s0.paragraphs
    )


def test_the_feeds_commands(tmp_path: Path, web: WebServer) -> None:
    site = news_site(web)
    lib = tmp_path / "lib"
    add = hamish(lib, "feeds", "add", site.rss_url, "--tag", "الصباح", "--json")
    assert add.returncode == 0, add.stderr
    assert json.loads(add.stdout)["title"] == "الصباح: آخر الأخبار"
    assert hamish(lib, "feeds", "add", site.atom_url, "--name", "Atom").returncode == 0
    again = hamish(lib, "feeds", "add", site.rss_url)
    assert (again.returncode, again.stderr) == (1, "hamish: this feed is followed already (id 1)\n")

    run = hamish(lib, "feeds", "refresh", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [
        {"feed_id": 1, "title": "الصباح: آخر الأخبار", "new": 2, "duplicates": 0, "failed": 1,
         "error": None},
        {"feed_id": 2, "title": "الصباح — Atom", "new": 1, "duplicates": 1, "failed": 0,
         "error": None},
    ]  # fmt: skip
    rows = json.loads(hamish(lib, "feeds", "list", "--json").stdout)
    assert [(r["id"], r["name"], r["articles"], r["unread"]) for r in rows] == [
        (1, "الصباح: آخر الأخبار", 2, 2),
        (2, "Atom", 2, 2),
    ]
    text = hamish(lib, "feeds", "refresh", "2").stdout
    assert text == "feed       2  الصباح — Atom: 0 new, 0 duplicate, 0 failed\n"

    del web.answers["/feeds/atom.xml"]
    failed = hamish(lib, "feeds", "refresh", "--json")
    assert failed.returncode == 1
    assert json.loads(failed.stdout)[1]["error"] == "not found on 127.0.0.1 (404)"

    assert hamish(lib, "feeds", "rename", "1", "صباح").returncode == 0
    removed = hamish(lib, "feeds", "remove", "1")
    assert removed.stdout == "removed feed 1: صباح (its 2 article(s) stay)\n"
    assert len(json.loads(hamish(lib, "list", "--json").stdout)) == 3
    unknown = hamish(lib, "feeds", "refresh", "7")
    assert (unknown.returncode, unknown.stderr) == (1, "hamish: no feed with id 7\n")


def test_a_library_from_before_feeds_is_migrated(tmp_path: Path, web: WebServer) -> None:
    """A library of the schema before (its articles, notes) opens with feeds and web import."""
    import sqlite3

    from desktop_app.core.storage.db import SCHEMA_VERSION
    from tests.conftest import ARABIC_PARAGRAPHS, make_doc
    from tests.core.test_backup import undo_last_migration

    folder = tmp_path / "old"
    with Library(folder) as lib:
        aid = lib.add_document(make_doc(ARABIC_PARAGRAPHS, "مقال قديم 📜")).article_id
    conn = sqlite3.connect(folder / "library.sqlite3")
    undo_last_migration(conn)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with Library(folder) as lib:
        assert [p.text for p in lib.get_article(aid).paragraphs] == ARABIC_PARAGRAPHS
        feeds = FeedService(lib)
        feeds.add(news_site(web).rss_url)
        assert feeds.refresh()[0].new == 2
        assert sorted(p.name for p in (folder / "backups").iterdir())[0].startswith(
            f"before-v{SCHEMA_VERSION}-"
        )
