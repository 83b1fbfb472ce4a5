"""Export speed of a large briefing: Word, Markdown and (optionally) PDF; prints medians.

    .venv/bin/python bench/export_speed.py [--items 500] [--runs 5] [--pdf]
        [--corpus ../shared/corpus/ant-20k.jsonl.gz]

Baseline, measured in the same run: python-docx writing the same paragraphs plainly
(add_paragraph, no bidi, no script runs, no styles). Without --corpus the texts are
team-written Arabic/English sentences.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.core.briefings import Briefing, BriefingService  # noqa: E402
from desktop_app.core.export.docx_builder import build_docx  # noqa: E402
from desktop_app.core.export.markdown import build_markdown  # noqa: E402
from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs  # noqa: E402

SENTENCES = [
    "قال الوَزِيرُ إن تحالف OPEC+ سيخفض الإنتاج بمقدار مليوني برميل يومياً اعتباراً من 2026-01-01.",
    "وأكد حلف شمال الأطلسي (NATO) أن الاجتماع المقبل سيبحث التوسع شرقاً 📌.",
    "The minister said the new agreement serves both countries and will be reviewed in May.",
    "وقال المتحدث: We remain committed to the deal, مضيفاً أن المفاوضات مستمرة.",
]


def articles(corpus: Path | None, n: int) -> Iterator[tuple[str, str, str, list[str]]]:
    """(title, source, date, paragraphs) of n articles."""
    if corpus is None:
        for i in range(n):
            paras = [f"{SENTENCES[(i + k) % len(SENTENCES)]} ({i}.{k})" for k in range(4)]
            yield f"مقال رقم {i}", "رويترز" if i % 2 else "Reuters", "2026-11-30", paras
        return
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            row = json.loads(line)
            paras = [p for p in row["text"].split("\n") if p.strip()][:6] or [row["abstract"]]
            yield row["title"], row.get("source", ""), row.get("date", ""), paras


def build_briefing(lib: Library, items: int, corpus: Path | None) -> Briefing:
    """A briefing of `items` items: 60% quotes (half with notes), 20% notes, 20% free text."""
    svc = BriefingService(lib)
    bid = svc.create(
        "إحاطة كبيرة للقياس", marking="سري", summary=SENTENCES[0], include_toc=True
    ).created
    sections = [svc.add_section(bid, f"القسم {k}").created for k in range(10)]
    n_articles = max(1, items // 4)
    ids = []
    for title, source, date, paras in articles(corpus, n_articles):
        doc = ImportedDocument(
            build_paragraphs(paras),
            title=title,
            source=source,
            published=date,
            url="https://example.org/a",
        )
        res = lib.add_document(doc)
        if res.article_id is not None:
            ids.append((res.article_id, paras[0]))
    for i in range(items):
        sid = sections[i % len(sections)]
        aid, first = ids[i % len(ids)]
        kind = i % 5
        if kind < 3:
            quote = first[: 40 + (i % 30)].strip() or first
            try:
                h = lib.add_highlight_by_quote(
                    aid, quote, note="ملاحظة المحلل على OPEC+" if i % 2 else ""
                )
            except Exception:
                svc.add_item(sid, text=quote)
                continue
            svc.add_item(sid, highlight_id=h.id)
        elif kind == 3:
            svc.add_item(sid, note_id=lib.add_note(f"Analyst note {i}: {SENTENCES[2]}", aid).id)
        else:
            svc.add_item(sid, text=SENTENCES[i % len(SENTENCES)])
    return svc.get(bid)


def baseline(briefing: Briefing) -> bytes:
    """python-docx writing the same texts as plain paragraphs."""
    import docx

    d = docx.Document()
    d.add_paragraph(briefing.title)
    for s in briefing.sections:
        d.add_paragraph(s.heading)
        for it in s.items:
            d.add_paragraph(it.text)
            if it.note:
                d.add_paragraph(it.note)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--pdf", action="store_true", help="also time the Qt PDF export")
    args = ap.parse_args()
    if args.corpus is not None and not args.corpus.exists():
        sys.exit(f"export_speed: no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "lib")
        t0 = time.perf_counter()
        b = build_briefing(lib, args.items, args.corpus)
        setup = time.perf_counter() - t0
        get_t, _ = median_time(lambda: BriefingService(lib).get(b.id), args.runs)
        chars = sum(len(it.text) + len(it.note) for it in b.items())
        print(
            f"briefing: {len(b.items())} items in {len(b.sections)} sections, {chars} characters, "
            f"{len(b.citations())} sources ({'corpus' if args.corpus else 'team-written texts'}); "
            f"setup {setup:.2f} s"
        )
        print(f"runs: {args.runs}, median seconds")
        base_t, base = median_time(lambda: baseline(b), args.runs)
        print(
            f"  baseline python-docx plain paragraphs  {base_t:7.3f} s  {len(base) / 1024:8.1f} KB"
        )
        print(f"  BriefingService.get (resolve items)    {get_t:7.3f} s")
        docx_t, data = median_time(lambda: build_docx(b), args.runs)
        print(
            f"  Word export (.docx)                    {docx_t:7.3f} s  {len(data) / 1024:8.1f} KB"
        )
        md_t, md = median_time(lambda: build_markdown(b), args.runs)
        print(
            f"  Markdown export                        {md_t:7.3f} s  {len(md.encode()) / 1024:8.1f} KB"
        )
        if args.pdf:
            from desktop_app.ui.export_pdf import ensure_app, export_pdf

            ensure_app()
            target = Path(tmp) / "b.pdf"
            pdf_t, _ = median_time(lambda: export_pdf(b, target), args.runs)
            print(
                f"  PDF export (Qt)                        {pdf_t:7.3f} s  {target.stat().st_size / 1024:8.1f} KB"
            )
        lib.close()


if __name__ == "__main__":
    main()
