"""News feeds: follow an outlet's RSS or Atom feed; each new item becomes an article.

A refresh fetches each feed (conditionally: ETag and Last-Modified, so an unchanged feed costs
the server a 304), reads it with feedparser (RSS 0.9x, 1.0, 2.0, Atom), and fetches each item
it has not seen as a full page (the feed's summary is not the article), imported with the
feed's tag through the same path as `hamish import URL`.

An item is seen when this feed listed it before (by guid, link or a digest of its title and
summary), or when any feed's item with one of those keys became an article, or when an article
has the link's canonical address: then it is recorded for this feed too (it counts in both
feeds) and not fetched again. An item that failed (a 404, a timeout) is tried again at the
next refreshes, at most `MAX_ATTEMPTS` times in all.

Nothing is fetched unless a refresh (or adding a feed, which reads it once to check it) is
asked for. A feed's ETag is kept only when the refresh went through all its items, so a
cancelled refresh reads the whole feed again next time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import HamishError, ImportFailed, InvalidInput, NotFound
from desktop_app.core.importers.worker import Parser
from desktop_app.core.library import Library
from desktop_app.core.models import ImportResult
from desktop_app.core.storage import articles as sql_art
from desktop_app.core.storage import feeds as sql
from desktop_app.core.storage.db import now_iso, transaction
from desktop_app.core.web.address import canonical, is_address
from desktop_app.core.web.fetch import FetchCancelled, Fetched, fetch

MAX_ATTEMPTS = 3
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9,"
    " text/xml;q=0.9, */*;q=0.5"
)
ProgressFn = Callable[[int, int, str], None]
_Reports = list["FeedReport"]
_Items = list["_Item"]
_Ids = list[int]
_Read = list[tuple["Feed", "FeedReport", Fetched, list["_Item"]]]  # (FeedService.list shadows list)
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class Feed:
    """A followed feed, with its article counts."""

    id: int
    url: str
    name: str  # the analyst's name for it ("" when none was given)
    title: str  # the feed's own title
    tag: str  # given to every article taken from it ("" for none)
    unread: int = 0  # its articles not in the trash that were never opened
    articles: int = 0  # its articles not in the trash
    last_checked: str = ""  # when a refresh last read it (ISO time)
    last_error: str = ""  # why the last refresh could not read it ("" when it could)
    last_error_code: str = ""  # its message code (core.messages), for the window's language
    last_error_params: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def display_name(self) -> str:
        return self.name or self.title or self.url


@dataclass
class FeedReport:
    """What one refresh of one feed did."""

    feed_id: int
    title: str
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    error: str | None = None  # the feed itself could not be read
    error_code: str = ""
    error_params: dict[str, object] = field(default_factory=dict)
    results: list[ImportResult] = field(default_factory=list)

    def row(self) -> dict[str, object]:
        """The --json row."""
        return {
            "feed_id": self.feed_id,
            "title": self.title,
            "new": self.new,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "error": self.error,
        }


@dataclass(frozen=True)
class _Item:
    guid: str
    link: str  # canonical
    digest: str
    title: str

    @property
    def keys(self) -> tuple[str, str, str]:
        return self.guid, self.link, self.digest


def _feed(row: sqlite3.Row, counts: dict[int, tuple[int, int]]) -> Feed:
    articles, unread = counts.get(int(row["id"]), (0, 0))
    return Feed(
        id=int(row["id"]),
        url=row["url"],
        name=row["name"],
        title=row["title"],
        tag=row["tag"],
        unread=unread,
        articles=articles,
        last_checked=row["checked_at"] or "",
        last_error=row["error"],
        last_error_code=row["error_code"],
        last_error_params=json.loads(row["error_params"] or "{}"),
    )


def parse_feed(fetched: Fetched) -> Any:
    """The feed of a response (feedparser's result); raises feeds.not_a_feed."""
    import feedparser

    headers = {"content-location": fetched.final_url}
    if fetched.content_type:
        ctype = fetched.content_type + (f"; charset={fetched.charset}" if fetched.charset else "")
        headers["content-type"] = ctype
    parsed = feedparser.parse(fetched.data, response_headers=headers, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:
        reason = (
            str(parsed.get("bozo_exception") or "") or f"the server sent {fetched.content_type}"
        )
        raise ImportFailed(code="feeds.not_a_feed", reason=reason.splitlines()[0][:200])
    return parsed


def _digest(entry: Any) -> str:
    text = " ".join(" ".join(str(entry.get(k) or "").split()) for k in ("title", "summary"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] if text else ""


def _items(parsed: Any, base: str) -> list[_Item]:
    """The feed's items, oldest first (feeds list the newest first)."""
    out = []
    for entry in parsed.entries:
        link = str(entry.get("link") or "")
        out.append(
            _Item(
                guid=str(entry.get("id") or ""),
                link=canonical(link, base=base) if link else "",
                digest=_digest(entry),
                title=" ".join(str(entry.get("title") or "").split()),
            )
        )
    out.reverse()
    return out


class FeedService:
    """The library's feeds: add, list, rename, remove, refresh."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.conn = lib.conn

    # -- the list -----------------------------------------------------------------------------
    def list(self) -> list[Feed]:
        counts = sql.counts(self.conn)
        return [_feed(row, counts) for row in sql.feed_rows(self.conn)]

    def get(self, feed_id: int) -> Feed:
        row = sql.feed_row(self.conn, feed_id)
        if row is None:
            raise NotFound(code="feeds.no_such_feed", id=feed_id)
        return _feed(row, sql.counts(self.conn))

    def add(self, url: str, name: str = "", tag: str = "", check: bool = True) -> Feed:
        """Follow a feed. It is read once first (check=True) to refuse what is not a feed and
        learn its title; its items are imported by the next refresh. Nothing is stored when it
        fails."""
        url = url.strip()
        if not is_address(url):
            raise ImportFailed(code="web.bad_address", url=url)
        existing = sql.feed_by_url(self.conn, url)
        if existing is not None:
            raise InvalidInput(code="feeds.exists", id=existing)
        title = ""
        if check:
            parsed = parse_feed(fetch(url, accept=FEED_ACCEPT))
            title = " ".join(str(parsed.feed.get("title") or "").split())
        fields = {
            "url": url,
            "name": name.strip(),
            "title": title,
            "tag": tag.strip(),
            "created_at": now_iso(),
        }
        with transaction(self.conn):
            feed_id = sql.insert_feed(self.conn, fields)
        return self.get(feed_id)

    def rename(self, feed_id: int, name: str) -> Feed:
        self.get(feed_id)
        with transaction(self.conn):
            sql.update_feed(self.conn, feed_id, {"name": name.strip()})
        return self.get(feed_id)

    def set_tag(self, feed_id: int, tag: str) -> Feed:
        """The tag for the feed's articles from now on (those already taken keep theirs)."""
        self.get(feed_id)
        with transaction(self.conn):
            sql.update_feed(self.conn, feed_id, {"tag": tag.strip()})
        return self.get(feed_id)

    def remove(self, feed_id: int) -> None:
        """Stop following a feed; its articles stay in the library."""
        with transaction(self.conn):
            if not sql.delete_feed(self.conn, feed_id):
                raise NotFound(code="feeds.no_such_feed", id=feed_id)

    def article_ids(self, feed_id: int) -> _Ids:
        """The feed's articles not in the trash, newest first."""
        return sql.article_ids(self.conn, feed_id)

    # -- refreshing ---------------------------------------------------------------------------
    def refresh(
        self,
        ids: Sequence[int] | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> _Reports:
        """Read feeds (all, or those ids) and import their new items; one report a feed.

        A feed that cannot be read gets its error in its report; the others go on. cancel()
        stops between two pages (or during one), and the reports say what was done.
        """
        feeds = self.list()  # one count of every feed's articles, not one a feed asked for
        if ids:
            by_id = {f.id: f for f in feeds}
            for feed_id in ids:
                if feed_id not in by_id:
                    raise NotFound(code="feeds.no_such_feed", id=feed_id)
            feeds = [by_id[i] for i in ids]
        reports: _Reports = []
        read: _Read = []
        total = len(feeds)
        for n, feed in enumerate(feeds):
            if cancel is not None and cancel():
                return reports
            if progress is not None:
                progress(n, total, feed.display_name)
            report = FeedReport(feed.id, feed.title or feed.display_name)
            reports.append(report)
            got = self._read_feed(feed, report, cancel)
            if got is None:
                if cancel is not None and cancel():
                    return reports
                continue
            fetched, items = got
            read.append((feed, report, fetched, items))
        total = len(feeds) + sum(len(items) for *_, items in read)
        done = len(feeds)
        with Parser() as parser:
            for feed, report, fetched, items in read:
                finished = True
                for item in items:
                    if cancel is not None and cancel():
                        finished = False
                        break
                    if progress is not None:
                        progress(done, total, item.title or item.link)
                    if not self._take(feed, item, report, parser, cancel):
                        finished = False
                        break
                    done += 1
                self._checked(feed, fetched if finished else None)
                if not finished:
                    return reports
        if progress is not None:
            progress(total, total, "")
        return reports

    def _read_feed(
        self, feed: Feed, report: FeedReport, cancel: CancelFn | None
    ) -> tuple[Fetched, _Items] | None:
        """The feed's response and items; None when unchanged (304), failed or cancelled."""
        row = sql.feed_row(self.conn, feed.id)
        etag = row["etag"] if row is not None else ""
        modified = row["last_modified"] if row is not None else ""
        try:
            fetched = fetch(
                feed.url,
                etag=etag,
                last_modified=modified,
                accept=FEED_ACCEPT,
                cancel=cancel,
            )
            if fetched.not_modified:
                self._checked(feed, None)
                return None
            parsed = parse_feed(fetched)
        except FetchCancelled:
            return None
        except HamishError as exc:
            report.error = str(exc).splitlines()[0]
            report.error_code = exc.code
            report.error_params = dict(exc.params)
            fields = {
                "checked_at": now_iso(),
                "error": report.error,
                "error_code": exc.code,
                "error_params": json.dumps(report.error_params, ensure_ascii=False, default=str),
            }
            with transaction(self.conn):
                sql.update_feed(self.conn, feed.id, fields)
            return None
        title = " ".join(str(parsed.feed.get("title") or "").split())
        if title:
            report.title = title
            if title != feed.title:
                with transaction(self.conn):
                    sql.update_feed(self.conn, feed.id, {"title": title})
        return fetched, _items(parsed, fetched.final_url)

    def _checked(self, feed: Feed, fetched: Fetched | None) -> None:
        """Record a read of the feed; its validators only when all its items were gone through."""
        fields: dict[str, Any] = {
            "checked_at": now_iso(),
            "error": "",
            "error_code": "",
            "error_params": "{}",
        }
        if fetched is not None:
            fields |= {"etag": fetched.etag, "last_modified": fetched.last_modified}
        with transaction(self.conn):
            sql.update_feed(self.conn, feed.id, fields)

    def _take(
        self,
        feed: Feed,
        item: _Item,
        report: FeedReport,
        parser: Parser,
        cancel: CancelFn | None,
    ) -> bool:
        """Import one item unless it was seen; False when cancel() stopped it."""
        mine = sql.find_item(self.conn, item.keys, feed.id)
        if mine is not None and (mine["status"] != "failed" or mine["attempts"] >= MAX_ATTEMPTS):
            return True  # seen before: not fetched again
        other = sql.find_item(self.conn, item.keys)
        article = int(other["article_id"]) if other is not None else None
        if article is None:
            article = sql_art.find_by_canonical(self.conn, item.link)
        if article is not None:
            result = ImportResult(item.link, "duplicate", article, None)
        elif not item.link:
            result = ImportResult.failure(
                item.guid or item.title, ImportFailed(code="web.bad_address", url="")
            )
        else:
            tags = [feed.tag] if feed.tag else []
            got = self.lib.import_address(item.link, parser, tags, cancel)
            if got is None:
                return False
            result = got
        if result.status == "duplicate" and result.article_id is not None and feed.tag:
            self._add_tag(result.article_id, feed.tag)
        self._record(feed, item, result, mine)
        report.results.append(result)
        if result.status == "imported":
            report.new += 1
        elif result.status == "duplicate":
            report.duplicates += 1
        else:
            report.failed += 1
        return True

    def _add_tag(self, article_id: int, tag: str) -> None:
        tags = sql_art.article_tags(self.conn, article_id)
        if tag not in tags:
            with transaction(self.conn):
                sql_art.set_tags(self.conn, article_id, [*tags, tag])

    def _record(
        self, feed: Feed, item: _Item, result: ImportResult, mine: sqlite3.Row | None
    ) -> None:
        fields: dict[str, Any] = {
            "guid": item.guid,
            "link": item.link,
            "digest": item.digest,
            "article_id": result.article_id,
            "status": result.status,
            "error": result.error or "",
            "seen_at": now_iso(),
        }
        with transaction(self.conn):
            if mine is None:
                sql.insert_item(self.conn, fields | {"feed_id": feed.id, "attempts": 1})
            else:
                attempts = int(mine["attempts"]) + 1
                sql.update_item(self.conn, int(mine["id"]), fields | {"attempts": attempts})
