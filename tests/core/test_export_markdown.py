"""Markdown export: the same briefing as CommonMark, parsed back with markdown-it."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from desktop_app.core.briefings import BriefingService
from desktop_app.core.export.markdown import build_markdown, escape, export_markdown
from desktop_app.core.library import Library
from tests.core.export_checks import make_briefing


def tokens(text: str) -> list:
    return MarkdownIt("commonmark").parse(text)


def test_structure_quotes_notes_and_sources(filled_library: Library) -> None:
    svc, bid, _ = make_briefing(filled_library)
    md = build_markdown(svc.get(bid))
    lines = md.splitlines()
    assert lines[0] == "**سري — للاستخدام الرسمي فقط**"
    assert "# إحاطة الطاقة والأمن" in lines
    headings = [ln for ln in lines if ln.startswith("## ")]
    assert headings == ["## الملخص التنفيذي", "## الطاقة", "## Security (NATO)", "## المصادر"]
    assert "> تحالف OPEC+ لم يحسم قراره بعد 📌" in lines
    assert "> — رويترز، اجتماع الوزراء، 2022-03-15، <https://example.org/ar/1>" in lines
    assert "> — Reuters, Ministers meet, 2021-11-02, <https://example.org/en/2>" in lines
    assert "**ملاحظة المحلل:** Check the December figure." in lines
    assert "> قال الوَزِيرُ إن الاتفاق الجديد" in lines
    sources = [ln for ln in lines if ln[:3] in ("1. ", "2. ", "3. ", "4. ")]
    assert len(sources) == 3
    assert sources[2].startswith("3. BBC, نص مختلط Mixed text") and "<javascript" not in sources[2]
    html = MarkdownIt("commonmark").render(md)
    assert html.count("<blockquote>") == 5
    assert 'href="https://example.org/en/2"' in html and 'href="javascript' not in html


def test_text_is_escaped_and_cleaned(library: Library, tmp_path: Path) -> None:
    svc = BriefingService(library)
    bid = svc.create("# not a heading *really*", marking="سري\u202e").created
    sid = svc.add_section(bid, "قسم").created
    svc.add_item(sid, text="> not a quote\x00 and [link](http://x) <b>bold</b>")
    svc.add_item(sid, text="1. not a list item\u202e")
    out = export_markdown(svc.get(bid), tmp_path / "b.md")
    md = out.read_text(encoding="utf-8")
    assert "\x00" not in md and "\u202e" not in md
    html = MarkdownIt("commonmark").render(md)
    assert "<b>" not in html and "<a " not in html and "<ol>" not in html
    assert html.count("<blockquote>") == 0 and html.count("<h1>") == 1
    assert "# not a heading *really*" in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md", "lib"]  # no .part left


def test_escape_round_trips_through_a_markdown_parser() -> None:
    for text in ["a*b*c", "_x_", "`code`", "# h", "- item", "+ plus", "2) two", "<tag>", "\\n"]:
        html = MarkdownIt("commonmark").render(escape(text))
        assert html.strip() == f"<p>{text.replace('<', '&lt;').replace('>', '&gt;')}</p>", text
