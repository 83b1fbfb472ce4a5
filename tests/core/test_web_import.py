"""`hamish import URL`: pages and PDFs by their address, from a web server on 127.0.0.1 only.

Each page is served the way news sites serve them (navigation, scripts, style sheets, related
links, a footer) and the article that comes out is compared word for word with what went in.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.core.library import Library
from desktop_app.core.web.address import canonical, file_name, is_address, site_name
from tests.core.test_importers_pdf import PARAS, paras_pdf
from tests.web_pages import SITE, STORIES, Story, article_page
from tests.webserver import Answer, WebServer, endless, redirect_to, silent

STORY = STORIES[0]


def texts(lib: Library, aid: int) -> list[str]:
    return [p.text for p in lib.get_article(aid).paragraphs]


def test_an_arabic_page_by_its_address(library: Library, web: WebServer) -> None:
    address = web.page(STORY.path, article_page(STORY))
    [result] = library.import_paths([address])
    assert result.status == "imported", result.error
    art = library.get_article(result.article_id)
    assert texts(library, art.id) == list(STORY.paragraphs)  # harakat, English, emoji kept
    assert art.title == STORY.title  # without " - جريدة الصباح"
    assert art.source == SITE
    assert art.url == address
    assert art.published == STORY.published
    assert art.format == "html"
    # one GET of the page: no script run, no style sheet, image or frame fetched
    assert web.paths() == [STORY.path]
    assert web.requests[0].headers["User-Agent"] == f"Hamish/{__version__}"
    # the page as the server sent it is kept, like an imported file
    assert library.original_path(art.original_sha256, art.original_name).read_bytes() == (
        article_page(STORY).encode("utf-8")
    )


def test_the_same_address_again_is_a_duplicate_without_a_fetch(
    library: Library, web: WebServer
) -> None:
    address = web.page(STORY.path, article_page(STORY))
    [first] = library.import_paths([address])
    tracked = address + "?utm_source=twitter&utm_medium=social#comments"
    [again, tracked_again] = library.import_paths([address, tracked])
    assert (again.status, again.article_id) == ("duplicate", first.article_id)
    assert (tracked_again.status, tracked_again.article_id) == ("duplicate", first.article_id)
    assert web.paths() == [STORY.path]  # asked once
    assert library.article_count() == 1


def test_the_pages_canonical_address_decides_duplicates(library: Library, web: WebServer) -> None:
    """An AMP or mobile copy of an article, with other furniture and a changed word, names the
    article's address as canonical: the same article."""
    address = web.page(STORY.path, article_page(STORY))
    [first] = library.import_paths([address])
    changed = Story("/amp/water-plan", STORY.title, (*STORY.paragraphs[:2], "نص مختلف قليلاً."))
    amp = web.page(changed.path, article_page(changed, canonical=STORY.path + "?utm_campaign=x"))
    [result] = library.import_paths([amp])
    assert (result.status, result.article_id) == ("duplicate", first.article_id)
    assert library.article_count() == 1


def test_a_page_without_a_site_name_takes_the_host_as_its_source(
    library: Library, web: WebServer
) -> None:
    html = article_page(STORY).replace('<meta property="og:site_name"', '<meta name="x"')
    html = html.replace(f" - {SITE}</title>", "</title>")
    [result] = library.import_paths([web.page("/bare", html)])
    assert result.status == "imported", result.error
    assert library.get_article(result.article_id).source == "127.0.0.1"


def test_the_servers_charset_outranks_a_page_without_one(library: Library, web: WebServer) -> None:
    story = STORIES[1]
    body = article_page(story).replace('<meta charset="utf-8">', "").replace(" 🗳️", "")
    data = body.encode("cp1256")
    address = web.page("/cp1256", data, "text/html; charset=windows-1256")
    [result] = library.import_paths([address])
    assert result.status == "imported", result.error
    expected = [p.replace(" 🗳️", "") for p in story.paragraphs]
    assert texts(library, result.article_id) == expected
    assert library.get_article(result.article_id).title == story.title


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream"])
def test_a_pdf_by_its_address(library: Library, web: WebServer, content_type: str) -> None:
    address = web.page("/reports/water.pdf", paras_pdf(), content_type)
    [result] = library.import_paths([address])
    assert result.status == "imported", result.error
    art = library.get_article(result.article_id)
    assert art.format == "pdf"
    assert " ".join(texts(library, art.id)).split() == " ".join(PARAS).split()
    assert art.url == address
    assert art.source == "127.0.0.1"
    assert art.original_name == "water.pdf"


def test_addresses_and_files_in_one_import(
    library: Library, web: WebServer, tmp_path: Path
) -> None:
    note = tmp_path / "ملاحظة.txt"
    note.write_text("نص محلي قصير عن الاجتماع 📌 with English.", encoding="utf-8")
    address = web.page(STORY.path, article_page(STORY))
    results = library.import_paths([address, str(note), web.url("/missing")])
    assert [r.status for r in results] == ["imported", "imported", "failed"]
    assert [r.path for r in results] == [address, str(note), web.url("/missing")]


def _failure(library: Library, address: str) -> tuple[str, str, float]:
    started = time.monotonic()
    [result] = library.import_paths([address])
    elapsed = time.monotonic() - started
    assert result.status == "failed"
    assert result.error and "\n" not in result.error
    assert library.article_count() == 0
    return result.error_code, result.error, elapsed


def test_not_found(library: Library, web: WebServer) -> None:
    code, error, _ = _failure(library, web.url("/news/gone"))
    assert code == "web.not_found"
    assert error == "not found on 127.0.0.1 (404)"


def test_a_server_that_never_answers_fails_within_40_seconds(
    library: Library, web: WebServer
) -> None:
    code, error, elapsed = _failure(library, web.handle("/slow", silent))
    assert code == "web.timeout"
    assert error == "no answer from 127.0.0.1 within 30 s"
    assert elapsed < 40


def test_an_endless_answer_is_refused_at_the_size_limit(library: Library, web: WebServer) -> None:
    code, error, elapsed = _failure(library, web.handle("/endless", endless))
    assert code == "web.too_large_stream"
    assert error == "too large: over 20.0 MB, the download was stopped"
    assert elapsed < 60


def test_a_declared_size_over_the_limit_is_refused_before_reading(
    library: Library, web: WebServer
) -> None:
    def huge(handler: object) -> None:
        h = handler  # type: ignore[assignment]
        h.send_response(200)  # type: ignore[attr-defined]
        h.send_header("Content-Type", "application/pdf")  # type: ignore[attr-defined]
        h.send_header("Content-Length", str(25_000_000))  # type: ignore[attr-defined]
        h.end_headers()  # type: ignore[attr-defined]
        h.wfile.write(b"%PDF-1.7\n")  # type: ignore[attr-defined]

    code, error, _ = _failure(library, web.handle("/big.pdf", huge))
    assert code == "web.too_large"
    assert error == "too large: 25.0 MB (the limit is 20.0 MB)"


def test_a_redirect_to_a_file_is_refused(library: Library, web: WebServer) -> None:
    code, error, _ = _failure(library, web.handle("/go", redirect_to("file:///etc/passwd")))
    assert code == "web.bad_redirect"
    assert "file:" in error
    assert web.paths() == ["/go"]


def test_redirects_are_followed_five_times_at_most(library: Library, web: WebServer) -> None:
    web.page(STORY.path, article_page(STORY))
    for n in range(6):
        web.handle(f"/r{n}", redirect_to(f"/r{n + 1}" if n < 5 else STORY.path))
    [ok] = library.import_paths([web.url("/r1")])  # 5 redirects: followed
    assert ok.status == "imported", ok.error
    assert library.get_article(ok.article_id).url == web.url(STORY.path)
    code, error, _ = _failure(Library(library.folder / "other"), web.url("/r0"))  # 6
    assert (code, error) == ("web.too_many_redirects", "more than 5 redirects")


def test_another_type_is_refused_with_its_name(library: Library, web: WebServer) -> None:
    code, error, _ = _failure(library, web.page("/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
    assert code == "web.unsupported_type"
    assert error == "not a web page or a PDF: the server sent image/png"


def test_a_closed_port_is_one_line(library: Library) -> None:
    with socket_bound() as port:
        code, error, _ = _failure(library, f"http://127.0.0.1:{port}/x")
    assert code == "web.refused"
    assert error == "127.0.0.1 refused the connection"


class socket_bound:  # noqa: N801 - a port that is bound but never listened on: refused
    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        return int(self.sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


def test_cancel_stops_a_fetch_that_waits(library: Library, web: WebServer) -> None:
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    results = library.import_paths([web.handle("/slow", silent)], cancel=stop.is_set)
    assert results == []
    assert time.monotonic() - started < 10
    assert library.article_count() == 0


def test_the_systems_proxy_is_used_but_never_for_the_loopback(
    library: Library, web: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An office network's proxy (HTTP_PROXY): the page is asked of the proxy, in the absolute
    form proxies get, and no name is looked up here (the audit hook would fail the test)."""
    for name in ("no_proxy", "NO_PROXY", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", f"http://analyst:كلمة-سر@127.0.0.1:{web.port}")
    address = "http://news.example.org/news/water-plan"
    web.answers[address] = Answer(200, article_page(STORY).encode("utf-8"))
    [result] = library.import_paths([address])
    assert result.status == "imported", result.error
    assert library.get_article(result.article_id).url == address
    assert texts(library, result.article_id) == list(STORY.paragraphs)
    assert web.paths() == [address]
    sent = {k.lower(): v for k, v in web.requests[0].headers.items()}
    assert sent["proxy-authorization"] == "Basic " + base64.b64encode(
        "analyst:كلمة-سر".encode()
    ).decode("ascii")
    local = web.page("/local", article_page(STORIES[1]))  # the loopback: straight there
    [direct] = library.import_paths([local])
    assert direct.status == "imported", direct.error
    assert web.paths() == [address, "/local"]


def test_addresses() -> None:
    assert is_address("https://www.aljazeera.net/news/2026/12/6/خبر")
    assert is_address(" http://127.0.0.1:8080/x ")
    assert not is_address("file:///etc/passwd")
    assert not is_address("/home/analyst/article.html")
    assert not is_address("ftp://example.org/a")
    assert not is_address("https://")
    assert canonical("HTTPS://WWW.Example.com:443/a/b?utm_source=x&id=7&fbclid=y#top") == (
        "https://www.example.com/a/b?id=7"
    )
    assert canonical("/x?b=2", base="http://h.org:8080/y") == "http://h.org:8080/x?b=2"
    assert canonical("javascript:alert(1)") == ""
    assert site_name("https://www.alarabiya.net/x") == "alarabiya.net"
    assert file_name("https://h.org/news/2026/تقرير-المياه", ".html") == "تقرير-المياه.html"
    assert file_name("https://h.org/", ".pdf") == "h.org.pdf"
    assert file_name("https://h.org/r/report.PDF?x=1", ".pdf") == "report.PDF"


# -- the command ------------------------------------------------------------------------------
def hamish(library: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HAMISH_LIBRARY=str(library))
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kw,  # type: ignore[arg-type]
    )


def test_the_command_reports_each_address(tmp_path: Path, web: WebServer) -> None:
    address = web.page(STORY.path, article_page(STORY))
    bad = web.handle("/go", redirect_to("file:///etc/passwd"))
    run = hamish(tmp_path / "lib", "import", address, bad)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["imported", "1", address]
    assert lines[1].startswith(f"failed            {bad}: 127.0.0.1 redirected to a file:")
    assert lines[2] == "1 imported, 0 duplicate, 1 failed"
    again = hamish(tmp_path / "lib", "import", address)
    assert again.returncode == 0
    assert again.stdout.splitlines()[0].split() == ["duplicate", "1", address]


UNSHARE = shutil.which("unshare")


def _can_unshare() -> bool:
    if UNSHARE is None:
        return False
    return subprocess.run([UNSHARE, "-n", "true"], capture_output=True).returncode == 0


def offline(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`hamish ARGS` in a network namespace of its own: no interface up, no name server."""
    env = dict(os.environ, HAMISH_LIBRARY=str(library))
    return subprocess.run(
        [UNSHARE or "unshare", "-n", sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(not _can_unshare(), reason="needs `unshare -n` (root on Linux)")
def test_feeds_without_a_network(tmp_path: Path, web: WebServer) -> None:
    from tests.web_pages import news_site

    lib = tmp_path / "lib"
    site = news_site(web)
    assert hamish(lib, "feeds", "add", site.rss_url).returncode == 0
    db = lib / "library.sqlite3"
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM feed_items").fetchone()
    run = offline(lib, "feeds", "refresh", "--json")
    assert run.returncode == 1
    assert json.loads(run.stdout) == [
        {"feed_id": 1, "title": "الصباح: آخر الأخبار", "new": 0, "duplicates": 0, "failed": 0,
         "error": "cannot reach 127.0.0.1: no network, or no such site"},
    ]  # fmt: skip
    added = offline(lib, "feeds", "add", "https://www.bbc.com/arabic/index.xml")
    assert (added.returncode, added.stdout) == (1, "")
    assert added.stderr == "hamish: cannot reach www.bbc.com: no network, or no such site\n"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM feed_items").fetchone() == before
    assert conn.execute("SELECT COUNT(*) FROM feeds").fetchone() == (1,)
    listed = offline(lib, "feeds", "list")  # reading the list needs no network
    assert "last refresh failed: cannot reach 127.0.0.1" in listed.stdout


@pytest.mark.skipif(not _can_unshare(), reason="needs `unshare -n` (root on Linux)")
def test_without_a_network_one_line_and_nothing_written(tmp_path: Path) -> None:
    """In a network namespace of its own (no interface up, no name server), as on a laptop
    offline: the command says so in one line, and the library is as it was."""
    lib = tmp_path / "lib"
    assert hamish(lib, "note", "--text", "ملاحظة قبل الاستيراد 📝").returncode == 0
    before = (
        sqlite3.connect(lib / "library.sqlite3").execute("SELECT COUNT(*) FROM articles").fetchone()
    )
    run = offline(lib, "import", "https://www.aljazeera.net/news/2026/12/6/story")
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "failed            https://www.aljazeera.net/news/2026/12/6/story: cannot reach"
        " www.aljazeera.net: no network, or no such site",
        "0 imported, 0 duplicate, 1 failed",
    ]
    assert "Traceback" not in run.stderr
    conn = sqlite3.connect(lib / "library.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone() == before
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
