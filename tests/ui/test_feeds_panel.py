"""The feeds panel: refresh in the background (progress, Cancel, report), unread counts,
add / rename / remove, a feed's articles in the library list, the periodic refresh.

Every address is on the loopback server of tests/webserver.py; the outlet is
tests/web_pages.news_site: Arabic stories (harakat, English names, emoji), an RSS and an Atom
feed sharing one story, and an RSS item whose page is gone (404).
"""

from __future__ import annotations

import errno
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_app.core.feeds import Feed, FeedService
from desktop_app.ui import settings as st
from desktop_app.ui.feeds_flow import AUTO_REFRESH
from desktop_app.ui.messages import isolated
from desktop_app.ui.panels.feeds_panel import UnreadRole
from tests.web_pages import STORIES, NewsSite, news_site
from tests.webserver import WebServer

RSS_TITLE, ATOM_NAME = "الصباح: آخر الأخبار", "الصباح Atom 📰"
WAIT = 30000


@pytest.fixture
def site(web: WebServer) -> NewsSite:
    return news_site(web)


@pytest.fixture
def feeds_window(qtbot, library, settings_dir, site) -> Iterator:  # type: ignore[no-untyped-def]
    """The window on a library following the outlet's RSS and Atom feeds (not refreshed yet)."""
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow

    register_fonts()
    lib, _ids = library
    service = FeedService(lib)
    rss = service.add(site.rss_url, tag="الصباح")
    atom = service.add(site.atom_url, name=ATOM_NAME, tag="أطلس")
    w = MainWindow(lib, theme="light")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w, lib, rss, atom
    w.close()
    w.runner.drain()
    QThreadPool.globalInstance().waitForDone(10000)


def unread(window, feed: Feed) -> int:  # type: ignore[no-untyped-def]
    item = window.feeds.item_of(feed.id)
    assert item is not None
    return int(item.data(UnreadRole))


def refresh_all(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.feeds.refresh_all_act.trigger()
    qtbot.waitUntil(lambda: window.feeds_flow.task is None, timeout=WAIT)


def story_id(lib, n: int) -> int:  # type: ignore[no-untyped-def]
    return next(i for i in lib.article_ids() if lib.get_article(i).title == STORIES[n].title)


def test_refresh_in_the_background_takes_each_item_once(feeds_window, qtbot, web):
    w, lib, rss, atom = feeds_window
    panel, flow = w.feeds, w.feeds_flow
    dock = w.docks["feedsDock"]
    assert dock.widget() is panel and panel.objectName() == "feedsPanel"
    assert dock.toggleViewAction() in w.panels_menu.actions()  # View › Panels
    assert panel.list.count() == 2
    assert panel.item_of(rss.id).text() == isolated(RSS_TITLE)  # nothing unread yet
    before = lib.article_count()
    panel.refresh_all_act.trigger()
    assert flow.task is not None  # running on the thread pool, the window stays responsive
    assert flow.progress.isVisible() and flow.cancel_btn.isVisible()
    assert not panel.refresh_act.isEnabled() and not panel.refresh_all_act.isEnabled()
    qtbot.waitUntil(lambda: flow.task is None, timeout=WAIT)
    assert not flow.progress.isVisible() and panel.refresh_all_act.isEnabled()
    # Three stories, the one in both feeds once; the gone page failed.
    assert lib.article_count() == before + 3
    assert w.library.model.rowCount() == before + 3  # the list redrew
    titles = {w.library.model.summary(r).title for r in range(w.library.model.rowCount())}
    assert {s.title for s in STORIES} <= titles
    assert re.fullmatch(r"3 new article(s|\(s\)), 1 failed\.", w.status_label.text())
    # The counts reloaded: each feed has its two articles unread, in bold.
    assert (unread(w, rss), unread(w, atom)) == (2, 2)
    rss_item = panel.item_of(rss.id)
    assert rss_item.font().bold()
    assert RSS_TITLE in rss_item.text() and "2" in rss_item.text()
    assert ATOM_NAME in panel.item_of(atom.id).text()
    # The failure can be seen: the report lists the gone page and why.
    report = flow.report
    assert report is not None and report.isVisible()
    assert report.tree.topLevelItemCount() == 1
    row = report.tree.topLevelItem(0)
    assert row.toolTip(0) == site_gone(web) and "404" in row.text(1)
    assert panel.report_act.isEnabled()
    # A second refresh: nothing new (the RSS feed is unchanged, the Atom items were seen).
    requested = len(web.requests)
    refresh_all(w, qtbot)
    assert lib.article_count() == before + 3
    assert re.fullmatch(r"0 new article(s|\(s\))\.", w.status_label.text())
    assert flow.report is report  # nothing failed: no new report popped up
    assert len(web.requests) == requested + 2  # the two feeds, no page
    assert (unread(w, rss), unread(w, atom)) == (2, 2)


def test_refresh_takes_the_selected_feeds_or_all(feeds_window, qtbot, web):
    w, lib, rss, atom = feeds_window
    panel = w.feeds
    w.show_feed_articles(atom.id)  # listed in the library before it has any article
    assert w.library.model.ids == []
    panel.select(atom.id)
    requested = len(web.requests)
    panel.refresh_act.trigger()
    qtbot.waitUntil(lambda: w.feeds_flow.task is None, timeout=WAIT)
    fetched = [p.split("?")[0] for p in web.paths()[requested:]]
    assert fetched[0] == "/feeds/atom.xml" and "/feeds/rss.xml" not in fetched
    assert sorted(fetched[1:]) == ["/news/elections", "/news/trade"]
    assert lib.article_count() == 5 + 2
    assert (unread(w, rss), unread(w, atom)) == (0, 2)
    # The feed's list in the library took in what the refresh brought.
    assert set(w.library.model.ids) == {story_id(lib, 1), story_id(lib, 2)}
    # Nothing selected: every feed.
    panel.list.clearSelection()
    requested = len(web.requests)
    panel.refresh_act.trigger()
    qtbot.waitUntil(lambda: w.feeds_flow.task is None, timeout=WAIT)
    assert "/feeds/rss.xml" in web.paths()[requested:]
    assert lib.article_count() == 5 + 3
    assert (unread(w, rss), unread(w, atom)) == (2, 2)


def site_gone(web: WebServer) -> str:
    return web.url("/news/removed")


def test_cancel_stops_a_refresh(feeds_window, qtbot, web):
    w, lib, _rss, _atom = feeds_window
    flow = w.feeds_flow
    gate = threading.Event()

    def slow_gone_page(handler: BaseHTTPRequestHandler) -> None:
        gate.wait(10)
        body = b"<html><body><p>not here</p></body></html>"
        handler.send_response(404)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    web.handle("/news/removed", slow_gone_page)  # the RSS feed's first item (oldest first)
    before = lib.article_count()
    w.feeds.refresh_all_act.trigger()
    qtbot.waitUntil(lambda: "/news/removed" in web.paths(), timeout=WAIT)
    flow.cancel_btn.click()
    assert not flow.cancel_btn.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: flow.task is None, timeout=WAIT)
    reports, cancelled = flow.last
    assert cancelled
    assert lib.article_count() == before
    assert not {s.path for s in STORIES} & set(web.paths())  # no story was fetched
    assert w.status_label.text().startswith("Refresh cancelled")
    assert flow.report is not None and flow.report.isVisible()  # says it was cancelled
    # The next refresh goes through it all.
    refresh_all(w, qtbot)
    assert lib.article_count() == before + 3
    assert not flow.last[1]


def test_opening_an_article_lowers_its_feeds_unread_count(feeds_window, qtbot):
    w, lib, rss, atom = feeds_window
    refresh_all(w, qtbot)
    assert (unread(w, rss), unread(w, atom)) == (2, 2)
    w.open_article(story_id(lib, 0))  # only in the RSS feed
    assert (unread(w, rss), unread(w, atom)) == (1, 2)
    w.open_article(story_id(lib, 1))  # in both feeds
    assert (unread(w, rss), unread(w, atom)) == (0, 1)
    rss_item = w.feeds.item_of(rss.id)
    assert rss_item.text() == isolated(RSS_TITLE) and not rss_item.font().bold()
    w.open_article(story_id(lib, 0))  # read already: nothing changes
    assert (unread(w, rss), unread(w, atom)) == (0, 1)
    assert [f.unread for f in FeedService(lib).list()] == [0, 1]


def test_double_click_lists_a_feeds_articles_in_the_library(feeds_window, qtbot):
    w, lib, _rss, atom = feeds_window
    refresh_all(w, qtbot)
    w.docks["feedsDock"].raise_()
    panel = w.feeds
    qtbot.waitUntil(panel.list.isVisible)
    rect = panel.list.visualItemRect(panel.item_of(atom.id))
    # QTest's double click is one event: the press before it is what a hand's first click does.
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = {story_id(lib, 1), story_id(lib, 2)}
    assert set(w.library.model.ids) == expected
    assert w.library.only_bar.isVisibleTo(w.library)
    assert ATOM_NAME in w.library.only_label.text()
    assert not w.docks["libraryDock"].visibleRegion().isEmpty()  # its tab was raised
    w.library.show_all()
    assert len(w.library.model.ids) == lib.article_count()


def test_add_rename_remove_through_the_panel(window, library, qtbot, web, site, monkeypatch):
    lib, _ids = library
    panel = window.feeds
    assert panel.list.count() == 0 and panel.empty.isVisibleTo(panel)
    dialog = panel.add_feed()
    assert dialog.isVisible()
    # A page that is not a feed: the dialog says why in one line and stays open.
    dialog.address.setText(site.pages[STORIES[0].path])
    dialog.submit()
    assert dialog.busy and dialog.address.isReadOnly()  # read in the background
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.isVisible() and dialog.status.isVisible()
    assert "not a news feed" in dialog.status.text()
    assert "\n" not in dialog.status.text()
    assert FeedService(lib).list() == []
    # The RSS feed, with a name and a tag.
    dialog.address.setText(site.rss_url)
    dialog.name.setText("أخبار الصَّبَاح ✨")
    dialog.tag.setText("صحافة")
    dialog.submit()
    assert panel.list.count() == 0  # not before the check has come back
    qtbot.waitUntil(lambda: panel.add_dialog is None, timeout=WAIT)
    assert panel.list.count() == 1
    (feed,) = FeedService(lib).list()
    assert (feed.name, feed.title, feed.tag) == ("أخبار الصَّبَاح ✨", RSS_TITLE, "صحافة")
    assert panel.item_of(feed.id).text() == isolated("أخبار الصَّبَاح ✨")
    assert panel.current_id() == feed.id
    # Adding read the feed only: the one page fetched is the address that was not a feed.
    assert [p for p in web.paths() if not p.startswith("/feeds/")] == [STORIES[0].path]
    # Rename; an empty name goes back to the feed's own title.
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sabah الصباح 🌅", True))
    )
    panel.rename_act.trigger()
    assert FeedService(lib).get(feed.id).name == "Sabah الصباح 🌅"
    assert panel.item_of(feed.id).text() == isolated("Sabah الصباح 🌅")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    panel.select(feed.id)
    panel.rename_current()
    assert panel.item_of(feed.id).text() == isolated(RSS_TITLE)
    # Remove: asked first (No keeps it); the articles stay.
    refresh_all(window, qtbot)
    articles = lib.article_count()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
            asked.append(text)
            return button

        return staticmethod(question)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    panel.select(feed.id)
    panel.remove_act.trigger()
    assert panel.list.count() == 1
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    panel.remove_selected()
    assert RSS_TITLE in asked[-1] and "articles stay" in asked[-1]
    assert panel.list.count() == 0 and panel.empty.isVisibleTo(panel)
    assert FeedService(lib).list() == []
    assert lib.article_count() == articles == 5 + 2


def test_periodic_refresh_is_off_by_default_and_never_overlaps(feeds_window, qtbot):
    w, lib, _rss, _atom = feeds_window
    panel, flow = w.feeds, w.feeds_flow
    assert not flow.timer.isActive() and not panel.auto_act.isChecked()
    assert "30" in panel.auto_act.text()
    panel.auto_act.trigger()
    assert flow.timer.isActive() and flow.timer.interval() == 30 * 60 * 1000
    assert st.get_str(AUTO_REFRESH, "") == "true"  # remembered for the next start
    before = lib.article_count()
    flow.timer.timeout.emit()
    first = flow.task
    assert first is not None
    flow.timer.timeout.emit()  # a tick while a refresh runs starts none
    assert flow.task is first and w.runner.running == 1
    qtbot.waitUntil(lambda: flow.task is None, timeout=WAIT)
    assert lib.article_count() == before + 3
    assert flow.report is None  # a periodic refresh pops nothing up, though a page failed
    assert re.fullmatch(r"3 new article(s|\(s\)), 1 failed\.", w.status_label.text())
    panel.auto_act.trigger()
    assert not flow.timer.isActive() and st.get_str(AUTO_REFRESH, "") == "false"


def test_periodic_refresh_without_network_says_so_once(feeds_window, qtbot, monkeypatch, web):
    import urllib3.util.connection

    w, lib, rss, _atom = feeds_window
    flow = w.feeds_flow

    def unreachable(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    w.feeds.auto_act.trigger()
    requested = len(web.requests)
    with monkeypatch.context() as offline:
        offline.setattr(urllib3.util.connection, "create_connection", unreachable)
        flow.timer.timeout.emit()
        qtbot.waitUntil(lambda: flow.task is None, timeout=WAIT)
        assert w.status_label.text() == "No network: the feeds were not refreshed."
        w.show_message("")
        flow.timer.timeout.emit()
        qtbot.waitUntil(lambda: flow.task is None, timeout=WAIT)
        assert w.status_label.text() == ""  # said once, not at every tick
        assert flow.report is None
        item = w.feeds.item_of(rss.id)
        assert not item.icon().isNull() and "The last refresh failed" in item.toolTip()
        assert len(web.requests) == requested  # nothing reached even the loopback server
    # The network is back.
    flow.timer.timeout.emit()
    qtbot.waitUntil(lambda: flow.task is None, timeout=WAIT)
    assert re.fullmatch(r"3 new article(s|\(s\)), 1 failed\.", w.status_label.text())
    assert w.feeds.item_of(rss.id).icon().isNull()
    assert lib.article_count() == 5 + 3


def test_focus_key_reaches_the_feeds(feeds_window, qtbot):
    w, _lib, _rss, _atom = feeds_window
    w.library.table.setFocus()
    qtbot.keyClick(w.library.table, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert w.feeds.list.hasFocus()
    assert not w.docks["feedsDock"].visibleRegion().isEmpty()
