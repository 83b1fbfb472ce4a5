"""A web server on 127.0.0.1 for the tests of fetching pages and feeds: nothing leaves the machine.

`WebServer` is a ThreadingHTTPServer serving what a test puts in it: fixed answers by path
(status, headers, body), or a function that writes its own (a server that never answers, an
endless body, a redirect to file:). It records each request's path and headers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class WebServer:
    """Serves `answers` (path -> Answer or a Handler) on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer | Handler] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append(Request(self.path, dict(self.headers.items())))
                answer = server.answers.get(self.path) or server.answers.get(
                    self.path.split("?")[0]
                )
                if answer is None:
                    answer = Answer(404, b"<html><body><p>not here</p></body></html>")
                if callable(answer):
                    answer(self)
                    return
                headers = {"Content-Type": "text/html; charset=utf-8"} | answer.headers
                etag, modified = headers.get("ETag"), headers.get("Last-Modified")
                if (etag and self.headers.get("If-None-Match") == etag) or (
                    modified and not etag and self.headers.get("If-Modified-Since") == modified
                ):
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(answer.status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        class _Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hung up early (a refused endless page) is no error here

        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.stopping_event = self.stopping  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve body at path; returns its address."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.answers[path] = Answer(status, data, {"Content-Type": content_type} | (headers or {}))
        return self.url(path)

    def handle(self, path: str, handler: Handler) -> str:
        """Answer path with a function of the request handler; returns its address."""
        self.answers[path] = handler
        return self.url(path)

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        return [r.path for r in self.requests]

    def start(self) -> WebServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def web() -> Iterator[WebServer]:
    """A loopback web server for one test."""
    server = WebServer().start()
    try:
        yield server
    finally:
        server.stop()


def silent(handler: BaseHTTPRequestHandler) -> None:
    """A server that takes the request and never answers (until the test ends)."""
    server = handler.server
    stopping: threading.Event = getattr(server, "stopping_event", threading.Event())
    stopping.wait(120)


def endless(handler: BaseHTTPRequestHandler) -> None:
    """An answer that never ends: a page of zeros streamed without a length."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"<p>" + b"0" * 65_530 + b"</p>"
    try:
        for _ in range(100_000):  # 6.5 GB at most, then the test has failed anyway
            handler.wfile.write(chunk)
    except OSError:
        pass  # the client hung up: what it should do


def redirect_to(target: str) -> Handler:
    """An answer redirecting to target."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer
