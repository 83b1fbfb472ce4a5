"""Pages and feeds by address, from a loopback web server, beside importing the same pages as files.

    .venv/bin/python bench/web_bench.py CORPUS [--articles 200] [--runs 5] [--skip-limits]

Each corpus article becomes a news page (navigation, script, style sheet, related links, footer;
tests/web_pages.article_page). Printed, nothing asserted:

- import by address (one `import_paths` of N addresses) against the same pages saved as .html
  files (the baseline), per article, with the share of articles whose paragraphs come out word
  for word as in the corpus;
- a feed of the N pages: first refresh (every item fetched), second (the server answers 304),
  third (the feed changed and lists the same items: nothing fetched);
- the limits at their defaults: a server that never answers, an endless answer.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.feeds import FeedService  # noqa: E402
from desktop_app.core.library import Library  # noqa: E402
from tests.web_pages import Story, article_page, rss  # noqa: E402
from tests.webserver import WebServer, endless, silent  # noqa: E402


def load(corpus: Path, n: int) -> list[dict]:
    out = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            paras = [p.strip() for p in art.get("text", "").split("\n") if p.strip()]
            if len(paras) >= 2 and art.get("title"):
                out.append(art | {"paragraphs": paras})
                if len(out) >= n:
                    break
    return out


def words(lib: Library, aid: int | None) -> list[str]:
    if aid is None:
        return []
    return " ".join(p.text for p in lib.get_article(aid).paragraphs).split()


def fidelity(lib: Library, results: list, arts: list[dict]) -> str:
    same = sum(
        1
        for r, a in zip(results, arts, strict=True)
        if words(lib, r.article_id) == " ".join(a["paragraphs"]).split()
    )
    return f"{same}/{len(arts)} word for word"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-limits", action="store_true")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}: nothing measured")
        return 0
    arts = load(args.corpus, args.articles)
    web = WebServer().start()
    tmp = Path(tempfile.mkdtemp(prefix="hamish-web-bench-"))
    pages, files = [], []
    for i, a in enumerate(arts):
        story = Story(f"/a/{i}", a["title"].strip(), tuple(a["paragraphs"]), a.get("date") or "")
        html = article_page(story, site=a.get("source") or "الموقع")
        pages.append(web.page(story.path, html))
        path = tmp / "files" / f"{i}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    n = len(arts)

    web_times, file_times = [], []
    for run in range(args.runs):  # alternating, each in a new library: medians of both
        for kind in ("files", "web") if run % 2 == 0 else ("web", "files"):
            lib = Library(tmp / f"lib-{kind}-{run}")
            t = time.perf_counter()
            results = lib.import_paths(files if kind == "files" else pages)
            (file_times if kind == "files" else web_times).append(time.perf_counter() - t)
            if kind == "files":
                lib_files, r_files = lib, results
            else:
                lib_web, r_web = lib, results
    web_s, files_s = statistics.median(web_times), statistics.median(file_times)
    print(f"{n} corpus articles as news pages on 127.0.0.1 (medians of {args.runs} runs)")
    print(
        f"  import by address: {web_s:.2f} s, {1000 * web_s / n:.1f} ms an article, "
        f"{sum(r.status == 'imported' for r in r_web)} imported, {fidelity(lib_web, r_web, arts)}"
    )
    print(
        f"  the same pages as files (baseline): {files_s:.2f} s, {1000 * files_s / n:.1f} ms an "
        f"article, {fidelity(lib_files, r_files, arts)}; ratio {web_s / files_s:.2f}x"
    )
    t = time.perf_counter()
    again = lib_web.import_paths(pages)
    print(
        f"  the same addresses again: {sum(r.status == 'duplicate' for r in again)} duplicates in "
        f"{time.perf_counter() - t:.2f} s, no page fetched"
    )

    items = [(f"g{i}", u, a["title"]) for i, (u, a) in enumerate(zip(pages, arts, strict=True))]
    web.page("/rss", rss("موجز", items), "application/rss+xml", headers={"ETag": '"1"'})
    lib_feed = Library(tmp / "lib-feed")
    feeds = FeedService(lib_feed)
    feeds.add(web.url("/rss"))
    rounds = []
    for label in ("first refresh", "second refresh (304)", "changed feed, same items"):
        if label.startswith("changed"):
            web.page("/rss", rss("موجز ✱", items), "application/rss+xml")
        before = len(web.requests)
        t = time.perf_counter()
        [report] = feeds.refresh()
        rounds.append(
            f"  {label}: {time.perf_counter() - t:.2f} s, {report.new} new, "
            f"{len(web.requests) - before} request(s)"
        )
    print(f"a feed of {n} items:")
    print("\n".join(rounds))

    if not args.skip_limits:
        scratch = Library(tmp / "lib-limits")
        for label, path, handler in (
            ("a server that never answers", "/silent", silent),
            ("an endless answer", "/endless", endless),
        ):
            times = []
            for _ in range(3 if handler is endless else 1):
                t = time.perf_counter()
                [r] = scratch.import_paths([web.handle(path, handler)])
                times.append(time.perf_counter() - t)
            print(f"  {label}: {r.error_code} after {statistics.median(times):.2f} s ({r.error})")
    web.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
