"""Fetching one address on the analyst's request, within limits, with one-line failures.

urllib3 (the client under requests and pip) does the HTTP. Around it, the limits a reading
application needs against the open web:

- 10 s to connect and 30 s in all, redirects and body included: a watchdog thread shuts the
  connection's socket down at the deadline (or when cancel() says so), which ends a read that
  a server drips out byte by byte as surely as one it never answers;
- at most 20 MB of body after decompression (a Content-Length over it is refused before
  reading);
- at most 5 redirects, each checked: only to http or https (never file:, ftp:, data:...);
- one GET of the address itself: no script runs and nothing the page refers to is fetched;
- through the system's proxy when it has one (HTTP_PROXY and the like, or the network
  settings of Windows and macOS), as a browser would;
- an honest user agent, `Hamish/<version>`; conditional requests (ETag, Last-Modified).

Every failure is an ImportFailed with a `web.*` code (core.messages) and a one-line message.
"""

from __future__ import annotations

import errno
import socket
import threading
import time
import urllib.request
from base64 import b64encode
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from desktop_app.core.errors import ImportFailed
from desktop_app.core.version import VERSION
from desktop_app.core.web.address import SCHEMES, is_address

USER_AGENT = f"Hamish/{VERSION}"
CONNECT_S = 10.0
TOTAL_S = 30.0
MAX_BYTES = 20_000_000
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)
_NO_NETWORK = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}

Cancel = Callable[[], bool]


class FetchCancelled(Exception):
    """cancel() said stop while a page was being fetched."""


@dataclass(frozen=True)
class Fetched:
    """A fetched address: the body and what the server said of it."""

    url: str  # the address asked for
    final_url: str  # after redirects
    status: int  # 200 (or another 2xx), or 304 when a conditional request found no change
    content_type: str  # the media type, lower case, without parameters ("" when not given)
    charset: str  # the Content-Type's charset parameter, "" when not given
    data: bytes
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        """True when a conditional request was answered 304 (the body is empty)."""
        return self.status == 304


class _Watchdog:
    """Shuts down the sockets of one fetch at its deadline or when cancel() says so."""

    def __init__(self, deadline: float, cancel: Cancel | None) -> None:
        self.deadline = deadline
        self.cancel = cancel
        self.fired = ""  # "timeout" or "cancel" once it has acted
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hamish-fetch-watch", daemon=True)
        self._thread.start()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            fired = self.fired
        if fired:
            _shutdown(sock)

    def _run(self) -> None:
        while not self._done.wait(0.1):
            if time.monotonic() >= self.deadline:
                self._fire("timeout")
            elif self.cancel is not None and self.cancel():
                self._fire("cancel")
            else:
                continue
            return

    def _fire(self, reason: str) -> None:
        with self._lock:
            self.fired = reason
            socks = list(self._socks)
        for sock in socks:
            _shutdown(sock)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _shutdown(sock: socket.socket) -> None:
    try:  # the plain socket's shutdown, also for TLS: a blocked read on either wakes up
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


_local = threading.local()


def _watch(conn: HTTPConnection) -> None:
    watchdog: _Watchdog | None = getattr(_local, "watchdog", None)
    if watchdog is not None and conn.sock is not None:
        watchdog.add(conn.sock)


class _HTTP(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watch(self)


class _HTTPS(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watch(self)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTP


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPS


def new_client(proxy: str = "") -> urllib3.PoolManager:
    """A pool manager (through proxy when given) whose sockets the fetch watchdog can shut."""
    if proxy:
        auth = urllib3.util.parse_url(proxy).auth  # http://user:password@proxy:3128
        headers = (  # UTF-8 credentials (RFC 7617), not urllib3's Latin-1
            {"Proxy-Authorization": "Basic " + b64encode(unquote(auth).encode()).decode("ascii")}
            if auth
            else None
        )
        manager: urllib3.PoolManager = urllib3.ProxyManager(
            proxy, num_pools=4, maxsize=1, retries=False, proxy_headers=headers
        )
    else:
        manager = urllib3.PoolManager(num_pools=4, maxsize=1, retries=False)
    manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return manager


_LOOPBACK = ("localhost", "::1")


def proxy_for(url: str) -> str:
    """The proxy an address goes through: the system's (HTTP_PROXY, HTTPS_PROXY and NO_PROXY;
    on Windows and macOS also their network settings), never for the loopback; "" for none."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host in _LOOPBACK or host.startswith("127."):
        return ""
    proxy = urllib.request.getproxies().get(parts.scheme, "")
    if not proxy or urllib.request.proxy_bypass(host):
        return ""
    return proxy if "://" in proxy else f"http://{proxy}"


class _Clients:
    """One pool manager a proxy (or none) for the hops of one fetch."""

    def __init__(self) -> None:
        self._by_proxy: dict[str, urllib3.PoolManager] = {}

    def for_url(self, url: str) -> urllib3.PoolManager:
        proxy = proxy_for(url)
        if proxy not in self._by_proxy:
            self._by_proxy[proxy] = new_client(proxy)
        return self._by_proxy[proxy]

    def clear(self) -> None:
        for manager in self._by_proxy.values():
            manager.clear()


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def _media_type(value: str) -> tuple[str, str]:
    """(media type, charset) of a Content-Type header."""
    kind, _, params = value.partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'")
    return kind.strip().lower(), charset


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    accept: str = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5",
    cancel: Cancel | None = None,
) -> Fetched:
    """GET an http(s) address within the limits; raises ImportFailed (web.*) or FetchCancelled."""
    if not is_address(url):
        raise ImportFailed(code="web.bad_address", url=url)
    deadline = time.monotonic() + TOTAL_S
    watchdog = _Watchdog(deadline, cancel)
    _local.watchdog = watchdog
    clients = _Clients()
    try:
        return _fetch(clients, url, etag, last_modified, accept, deadline, watchdog)
    except (HTTPError, OSError) as exc:
        if watchdog.fired == "cancel":
            raise FetchCancelled from None
        timed_out = isinstance(exc, ConnectTimeoutError | ReadTimeoutError) and not isinstance(
            exc,
            NewConnectionError,  # a subclass of ConnectTimeoutError in urllib3 2
        )
        if watchdog.fired == "timeout" or timed_out:
            raise ImportFailed(
                code="web.timeout", host=_host(url), seconds=f"{TOTAL_S:g}"
            ) from None
        raise _failure(exc, url) from None
    finally:
        _local.watchdog = None
        watchdog.stop()
        clients.clear()


def _fetch(
    clients: _Clients,
    url: str,
    etag: str,
    last_modified: str,
    accept: str,
    deadline: float,
    watchdog: _Watchdog,
) -> Fetched:
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    for hop in range(MAX_REDIRECTS + 1):
        remaining = max(0.01, deadline - time.monotonic())
        timeout = urllib3.Timeout(connect=min(CONNECT_S, remaining), read=remaining)
        resp = clients.for_url(current).request(
            "GET",
            current,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=True,
            timeout=timeout,
        )
        try:
            if resp.status in _REDIRECTS:
                resp.close()  # its body is not read: the connection cannot serve the next hop
                location = resp.headers.get("Location", "")
                target = urljoin(current, location.strip())
                scheme = urlsplit(target).scheme.lower()
                if scheme not in SCHEMES:
                    raise ImportFailed(
                        code="web.bad_redirect", scheme=f"{scheme or '?'}:", host=_host(current)
                    )
                if hop == MAX_REDIRECTS:
                    raise ImportFailed(code="web.too_many_redirects", count=MAX_REDIRECTS)
                current = target
                continue
            kind, charset = _media_type(resp.headers.get("Content-Type", ""))
            common: dict[str, Any] = {
                "url": url,
                "final_url": current,
                "status": resp.status,
                "content_type": kind,
                "charset": charset,
                "etag": resp.headers.get("ETag", ""),
                "last_modified": resp.headers.get("Last-Modified", ""),
            }
            if resp.status == 304 and (etag or last_modified):
                return Fetched(data=b"", **common)
            _check_status(resp.status, resp.reason or "", current)
            return Fetched(data=_body(resp, watchdog), **common)
        finally:
            resp.release_conn()
    raise AssertionError("unreachable")  # the loop returns or raises


def _check_status(status: int, reason: str, url: str) -> None:
    if 200 <= status < 300:
        return
    if status in (404, 410):
        raise ImportFailed(code="web.not_found", status=status, host=_host(url))
    if status in (401, 403, 451):
        raise ImportFailed(code="web.forbidden", status=status, host=_host(url))
    raise ImportFailed(code="web.http_error", status=f"{status} {reason}".strip(), host=_host(url))


def _body(resp: Any, watchdog: _Watchdog) -> bytes:
    limit_mb = f"{MAX_BYTES / 1e6:.1f}"
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        size_mb = f"{int(declared) / 1e6:.1f}"
        raise ImportFailed(code="web.too_large", size_mb=size_mb, limit_mb=limit_mb)
    parts: list[bytes] = []
    size = 0
    for chunk in resp.stream(_CHUNK, decode_content=True):
        size += len(chunk)
        if size > MAX_BYTES:
            raise ImportFailed(code="web.too_large_stream", limit_mb=limit_mb)
        parts.append(chunk)
    if watchdog.fired:  # a shutdown socket can end a body early as if it were complete
        raise ProtocolError("the connection was closed")
    return b"".join(parts)


def _failure(exc: BaseException, url: str) -> ImportFailed:
    """The one-line failure of a network error."""
    host = _host(url)
    if isinstance(exc, NameResolutionError):
        return ImportFailed(code="web.no_network", host=host)
    if isinstance(exc, NewConnectionError):
        cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else None
        err = cause.errno if cause is not None else None
        if err == errno.ECONNREFUSED:
            return ImportFailed(code="web.refused", host=host)
        if err in _NO_NETWORK or isinstance(cause, socket.gaierror):
            return ImportFailed(code="web.no_network", host=host)
    if isinstance(exc, SSLError):
        return ImportFailed(code="web.tls", host=host, reason=_reason(exc))
    if isinstance(exc, OSError) and exc.errno in _NO_NETWORK:
        return ImportFailed(code="web.no_network", host=host)
    return ImportFailed(code="web.failed", host=host, reason=_reason(exc))


def _reason(exc: BaseException) -> str:
    inner: BaseException = exc
    while isinstance(inner, HTTPError) and inner.args and isinstance(inner.args[-1], BaseException):
        inner = inner.args[-1]
    text = str(inner).splitlines()[0] if str(inner) else type(inner).__name__
    return text[:200]
