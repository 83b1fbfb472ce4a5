"""Hostile files: zip bombs, entity bombs, external entities, files that hang or crash the parser.

Each is imported for real (real files, a real library, the real worker process); memory is
measured in a child process running `hamish import`.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import docx
import pytest

from desktop_app.core.importers import worker
from desktop_app.core.library import Library
from tests.conftest import consistent
from tests.producers import ARABIC, EMOJI, HARAKAT, MIXED, SOURCES, Source
from tests.producers import epub as epub_producer

GIB = 1 << 30
ROOT = Path(__file__).resolve().parents[2]
TARGET = "tests.core.hostile_targets:parse"
LAUGHS = """<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""
SECRET = "SECRET-MARKER-7f3a سر"


# -- helpers ---------------------------------------------------------------------------------


def docx_bytes(source: Source) -> bytes:
    """A Word document of the source: its title as a heading, then its paragraphs."""
    d = docx.Document()
    d.add_heading(source.title, level=1)
    for p in source.paragraphs:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """A copy of a zip with some members' bytes replaced (same names, same order)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = replace.get(info.filename, src.read(info))
            dst.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_big(path: Path, valid: bytes, big: dict[str, int], lie: bool = False) -> None:
    """`valid` with members (replaced or added) that inflate to the sizes given, ~1000:1.

    lie: their headers declare 1 MB instead, as a hostile zip would, to pass a size check.
    """
    chunk = b"<w:p><w:r><w:t>" + b"a" * (4 << 20) + b"</w:t></w:r></w:p>"

    def fill(name: str, size: int) -> None:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w") as f:
            left = size
            while left > 0:
                f.write(chunk[:left])
                left -= len(chunk)

    with zipfile.ZipFile(io.BytesIO(valid)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            if info.filename in big:
                fill(info.filename, big[info.filename])
            else:
                dst.writestr(info.filename, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
        for name, size in big.items():
            if name not in src.namelist():
                fill(name, size)
    if lie:
        raw = bytearray(path.read_bytes())
        names = {name.encode() for name in big}
        # (signature, offset of the uncompressed size, of the name's length, of the name)
        for sig, size_at, len_at, name_at in (
            (b"PK\x03\x04", 22, 26, 30),
            (b"PK\x01\x02", 24, 28, 46),
        ):
            at = raw.find(sig)
            while at >= 0:
                name_len = int.from_bytes(raw[at + len_at : at + len_at + 2], "little")
                if bytes(raw[at + name_at : at + name_at + name_len]) in names:
                    raw[at + size_at : at + size_at + 4] = (1 << 20).to_bytes(4, "little")
                at = raw.find(sig, at + 4)
        path.write_bytes(bytes(raw))


def hamish_import(library: Path, *files: Path) -> tuple[list[dict[str, object]], int]:
    """`hamish import --json` in a child process: (its results, the peak RSS in bytes of it
    and every process it started), measured by a wrapper process that waits for it."""
    wrapper = textwrap.dedent(
        """
        import resource, subprocess, sys
        run = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=300)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(peak)
        print(run.stdout)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HAMISH_LIBRARY": str(library)}
    cmd = [sys.executable, "-m", "desktop_app", "import", "--library", str(library), "--json"]
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    peak_kb, _, rest = out.stdout.partition("\n")
    return json.loads(rest), int(peak_kb) * 1024


def texts(lib: Library) -> str:
    """Every stored paragraph of the library, joined."""
    rows = lib.conn.execute("SELECT text FROM paragraphs").fetchall()
    return "\n".join(r[0] for r in rows)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "lib")
    yield library
    library.close()


# -- zip bombs -------------------------------------------------------------------------------


@pytest.mark.parametrize("lie", [False, True], ids=["declared", "lying-header"])
def test_docx_inflating_to_a_gibibyte_is_refused_in_little_memory(
    tmp_path: Path, lie: bool
) -> None:
    bomb = tmp_path / "قنبلة bomb 💣.docx"
    write_big(bomb, docx_bytes(ARABIC), {"word/document.xml": GIB}, lie=lie)
    assert bomb.stat().st_size < 5_000_000
    good = tmp_path / "good.docx"
    good.write_bytes(docx_bytes(MIXED))
    rows, peak = hamish_import(tmp_path / "lib", bomb, good)
    by_name = {Path(str(r["path"])).name: r for r in rows}
    refused = by_name[bomb.name]
    assert refused["status"] == "failed"
    expected = "import.docx_corrupt" if lie else "import.part_too_large"
    assert refused["error_code"] == expected
    assert "\n" not in str(refused["error"])
    assert by_name["good.docx"]["status"] == "imported"
    assert peak < 1_000_000_000


@pytest.mark.parametrize("lie", [False, True], ids=["declared", "lying-header"])
def test_epub_inflating_to_a_gibibyte_is_refused_in_little_memory(
    tmp_path: Path, lie: bool
) -> None:
    bomb = tmp_path / "كتاب.epub"
    valid = epub_producer.book(HARAKAT).data
    write_big(bomb, valid, {"OEBPS/Text/chapter1.xhtml": GIB}, lie=lie)
    rows, peak = hamish_import(tmp_path / "lib", bomb)
    assert rows[0]["status"] == "failed"
    assert rows[0]["error_code"] == ("import.epub_corrupt" if lie else "import.part_too_large")
    assert peak < 1_000_000_000


def test_package_over_the_total_is_refused_though_each_part_fits(
    lib: Library, tmp_path: Path
) -> None:
    # Three parts of 150 MiB each: every one under the part limit, together over the total.
    path = tmp_path / "ثلاثة three.docx"
    write_big(path, docx_bytes(EMOJI), {f"word/media/blob{n}.bin": 150 << 20 for n in range(3)})
    result = lib.import_file(path)
    assert result.status == "failed"
    assert result.error_code == "import.part_too_large"


def write_long_docx(path: Path, size: int) -> None:
    """A valid Word document whose body is `size` bytes of short mixed paragraphs."""
    valid = docx_bytes(ARABIC)
    para = "<w:p><w:r><w:t>نصٌّ عربيّ 😀 mixed text</w:t></w:r></w:p>".encode() * 1000
    with zipfile.ZipFile(io.BytesIO(valid)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
                continue
            head, _, _ = body.partition(b"<w:body>")
            member = zipfile.ZipInfo(info.filename)
            member.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(member, "w") as f:
                f.write(head + b"<w:body>")
                for _ in range(size // len(para)):
                    f.write(para)
                f.write(b"</w:body></w:document>")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS holds on Linux")
def test_a_document_too_big_for_memory_fails_as_such_under_the_cap(tmp_path: Path) -> None:
    # 190 MB of XML (under the part limit) makes an lxml tree larger than the worker may hold.
    path = tmp_path / "طويل long.docx"
    write_long_docx(path, 190 << 20)
    small = tmp_path / "small.docx"
    small.write_bytes(docx_bytes(HARAKAT))
    rows, peak = hamish_import(tmp_path / "lib", path, small)
    by_name = {Path(str(r["path"])).name: r for r in rows}
    assert by_name[path.name]["error_code"] == "import.out_of_memory"
    assert by_name["small.docx"]["status"] == "imported"
    assert peak < 1_000_000_000


def test_an_article_over_the_text_limit_is_refused(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.importers import common

    monkeypatch.setattr(common, "MAX_TEXT_CHARS", 2_000)
    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    long.write_text("\n\n".join(EMOJI.paragraphs * 20), encoding="utf-8")
    short.write_text("\n\n".join(EMOJI.paragraphs), encoding="utf-8")
    results = lib.import_paths([long, short])
    assert results[0].error_code == "import.text_too_large"
    assert results[0].error == "the text is over 0.002 MB: too long for one article"
    assert results[1].status == "imported"
    consistent(lib)


# -- entity bombs and external entities ------------------------------------------------------


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(SECRET.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that counts the requests it gets (it should get none)."""
    hits: list[str] = []
    handler = type("Handler", (_Counter,), {"hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


def _docx_with_dtd(doctype: str, entity: str) -> bytes:
    data = docx_bytes(ARABIC)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode()
    head, _, rest = xml.partition("?>")
    first = ARABIC.paragraphs[0]
    rest = rest.replace(first, f"{first} &{entity};", 1)
    return rezip(data, {"word/document.xml": f"{head}?>{doctype}{rest}".encode()})


def _epub_with_dtd(doctype: str, entity: str) -> bytes:
    files = epub_producer.book_files(MIXED)
    page = str(files["OEBPS/Text/chapter1.xhtml"])
    page = page.replace("<!DOCTYPE html>", doctype).replace("</h1>", f"</h1><p>&{entity};</p>", 1)
    files["OEBPS/Text/chapter1.xhtml"] = page
    return epub_producer.package(files)


def _external(url: str) -> str:
    return f'<!DOCTYPE x [ <!ENTITY xxe SYSTEM "{url}"> ]>'


@pytest.mark.parametrize("fmt", ["docx", "epub"])
def test_billion_laughs_are_never_expanded(lib: Library, tmp_path: Path, fmt: str) -> None:
    make = _docx_with_dtd if fmt == "docx" else _epub_with_dtd
    path = tmp_path / f"laughs.{fmt}"
    path.write_bytes(make(LAUGHS, "lol9"))
    result = lib.import_file(path)
    assert result.status in ("imported", "failed")
    assert "lol" * 10 not in texts(lib)
    if result.status == "imported":  # the text around the entity is kept
        assert ("أعلنت الحكومة" if fmt == "docx" else "واشنطن") in texts(lib)
    else:
        assert result.error_code
    consistent(lib)


@pytest.mark.parametrize("fmt", ["docx", "epub", "html"])
@pytest.mark.parametrize("where", ["file", "loopback"])
def test_external_entities_are_never_read(
    lib: Library, tmp_path: Path, server: tuple[str, list[str]], fmt: str, where: str
) -> None:
    url, hits = server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    target = secret.as_uri() if where == "file" else f"{url}/xxe"
    doctype = _external(target)
    if fmt == "docx":
        data = _docx_with_dtd(doctype, "xxe")
    elif fmt == "epub":
        data = _epub_with_dtd(doctype, "xxe")
    else:
        body = "".join(f"<p>{p}</p>" for p in HARAKAT.paragraphs)
        data = f"{doctype}<html><body><article><p>&xxe;</p>{body}</article></body></html>".encode()
    path = tmp_path / f"xxe.{fmt}"
    path.write_bytes(data)
    result = lib.import_file(path)
    assert result.status in ("imported", "failed")
    assert "SECRET-MARKER" not in texts(lib)
    assert hits == []
    consistent(lib)


# -- files that hang, crash or exhaust the parser ----------------------------------------------


def _page(source: Source) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in source.paragraphs)
    return f"<html><body><article><h1>{source.title}</h1>{body}</article></body></html>".encode()


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The worker runs the test target (it writes each file's worker pid in the folder given)."""
    pids = tmp_path / "pids"
    pids.mkdir()
    monkeypatch.setattr(worker, "PARSE", TARGET)
    monkeypatch.setattr(worker, "TIME_LIMIT_S", 8.0)  # the good files take well under it
    monkeypatch.setenv("HAMISH_TEST_PID_DIR", str(pids))
    monkeypatch.syspath_prepend(str(ROOT))
    return pids


def _gone(pid: int, wait: float = 20.0) -> bool:
    """True when the process has exited (or is a zombie) within `wait` seconds."""
    end = time.monotonic() + wait
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
        except (FileNotFoundError, IndexError):
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_file_that_hangs_crashes_or_exhausts_the_worker_fails_alone(
    lib: Library, tmp_path: Path, hostile: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["a-good.html", "b-hang.html", "c-good.html", "crash.html", "d-good.html", "oom.html"]
    names += ["z-good.html"]
    sources = iter(SOURCES)
    for name in names:
        (folder / name).write_bytes(_page(next(sources) if "good" in name else MIXED))
    results = lib.import_paths([folder])
    by_name = {Path(r.path).name: r for r in results}
    assert [Path(r.path).name for r in results] == sorted(names)
    assert by_name["b-hang.html"].error_code == "import.timeout"
    assert by_name["crash.html"].error_code == "import.parser_stopped"
    assert "SIGSEGV" in str(by_name["crash.html"].error)
    assert by_name["oom.html"].error_code == "import.out_of_memory"
    good = [r for r in results if "good" in r.path]
    assert [r.status for r in good] == ["imported"] * 4
    hung = int((hostile / "b-hang.pid").read_text())
    assert _gone(hung, 0.1)  # killed, and reaped, before the next file
    assert int((hostile / "c-good.pid").read_text()) != hung  # a new worker took over
    crashed = int((hostile / "crash.pid").read_text())
    assert int((hostile / "d-good.pid").read_text()) != crashed
    consistent(lib)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cancel_stops_a_file_being_parsed_and_its_worker(
    lib: Library, tmp_path: Path, hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "TIME_LIMIT_S", 600.0)  # only cancel can stop it in time
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(_page(ARABIC))
    (folder / "b-hang.html").write_bytes(_page(EMOJI))
    (folder / "c.html").write_bytes(_page(MIXED))
    pid_file = hostile / "b-hang.pid"
    results = lib.import_paths([folder], cancel=pid_file.exists)
    assert [(Path(r.path).name, r.status) for r in results] == [("a.html", "imported")]
    assert _gone(int(pid_file.read_text()), 0.1)
    assert not (hostile / "c.pid").exists()
    consistent(lib)


INTERRUPTED = """
import os, signal, sys, time
from pathlib import Path
from desktop_app.core.importers import worker
from desktop_app.core.library import Library

worker.PARSE = "tests.core.hostile_targets:parse"
lib = Library(Path(sys.argv[1]))
results = []
try:
    lib.import_paths([Path(sys.argv[2])], results=results)
except KeyboardInterrupt:
    print(" ".join(r.status for r in results), flush=True)
    print("interrupted", flush=True)
finally:
    lib.close()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_the_import_at_once_and_leaves_no_worker(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.docx").write_bytes(docx_bytes(ARABIC))
    (folder / "b.html").write_bytes(_page(EMOJI))
    (folder / "interrupt.html").write_bytes(_page(MIXED))
    (folder / "z.html").write_bytes(_page(HARAKAT))
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HAMISH_TEST_PID_DIR": str(pids)}
    proc = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED, str(tmp_path / "lib"), str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    pid_file = pids / "interrupt.pid"
    end = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < end:
        time.sleep(0.05)
    time.sleep(0.2)
    child = int(pid_file.read_text())
    os.kill(child, signal.SIGINT)  # the worker ignores Ctrl+C: the parent decides
    time.sleep(0.3)
    assert not _gone(child, 0.1)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    assert out.split("\n")[:2] == ["imported imported", "interrupted"]
    assert _gone(child)


ORPHAN = """
import sys
from desktop_app.core.importers.worker import Parser

parser = Parser(target="tests.core.hostile_targets:parse")
parser.parse(open(sys.argv[1], "rb").read(), "hang.html")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_whose_parent_dies_exits_by_itself(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(_page(ARABIC))
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HAMISH_TEST_PID_DIR": str(pids)}
    proc = subprocess.Popen([sys.executable, "-c", ORPHAN, str(page)], env=env)
    pid_file = pids / "hang.pid"
    end = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < end:
        time.sleep(0.05)
    child = int(pid_file.read_text())
    proc.kill()  # no cleanup runs in the parent
    proc.wait()
    assert _gone(child)


# -- HTML and Markdown never fetch or run anything ---------------------------------------------


def test_html_and_markdown_fetch_and_run_nothing(
    lib: Library, tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    url, hits = server
    paras = "".join(f"<p>{p}</p>" for p in MIXED.paragraphs + EMOJI.paragraphs)
    page = f"""<!DOCTYPE html [ <!ENTITY xxe SYSTEM "{url}/entity"> ]>
<html lang="ar"><head>
<base href="{url}/base/">
<meta http-equiv="refresh" content="0; url={url}/refresh">
<link rel="stylesheet" href="{url}/style.css">
<link rel="preload" href="{url}/preload.js" as="script">
<style>@import url("{url}/import.css"); body {{ background: url({url}/bg.png) }}</style>
<script src="{url}/script.js"></script>
<script>fetch("{url}/ran"); document.write("SCRIPT-RAN");</script>
<title>{HARAKAT.title}</title>
</head><body><article>
<h1>{HARAKAT.title}</h1>
<img src="{url}/img.png" srcset="{url}/a.png 1x, {url}/b.png 2x" alt="صورة">
<picture><source srcset="{url}/c.webp"><img src="relative.png"></picture>
<iframe src="{url}/frame.html"></iframe>
<object data="{url}/object.swf"></object><embed src="{url}/embed.swf">
<video src="{url}/v.mp4" poster="{url}/poster.png"></video>
<svg><image href="{url}/svg.png"/></svg>
<p>&xxe;</p>
{paras}
<form action="{url}/form"><input type="image" src="{url}/input.png"></form>
</article>
<script>new Image().src = "{url}/beacon";</script>
</body></html>"""
    md = f"""# {ARABIC.title}

![صورة 😀]({url}/md-image.png "title")

{ARABIC.paragraphs[0]} [link]({url}/md-link) <{url}/autolink>

<img src="{url}/md-html-img.png"> <iframe src="{url}/md-iframe"></iframe>
<script src="{url}/md-script.js"></script><script>fetch("{url}/md-ran")</script>

[ref]: {url}/md-ref "ref"

{ARABIC.paragraphs[1]}
"""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "in" / "note.md").write_text(md, encoding="utf-8")
    # a Markdown file large enough to go to the worker, too
    (tmp_path / "in" / "long.md").write_text(
        md.replace(ARABIC.title, HARAKAT.title) + "\n\n" + "نص طويل 😀 text. " * 20_000,
        encoding="utf-8",
    )
    results = lib.import_paths([tmp_path / "in"])
    assert [r.status for r in results] == ["imported"] * 3
    assert hits == []
    text = texts(lib)
    assert "SCRIPT-RAN" not in text and "fetch(" not in text
    assert MIXED.paragraphs[0] in text and ARABIC.paragraphs[1] in text
    consistent(lib)
    with urllib.request.urlopen(f"{url}/check", timeout=10) as reply:  # the counter counts
        assert reply.read().decode() == SECRET
    assert hits == ["/check"]
