"""Briefing -> one self-contained HTML page for e-mail: the same content as the Markdown export.

Every block carries its own dir, from its own text, so a mail client that drops the stylesheet
still lays each paragraph out in the right direction. Inside a block, a run of the other
script gets a <span dir>: its direction is known from the run splitter the Word export uses,
so there is nothing for dir="auto" to guess, and an explicit dir (HTML 4; Word writes the same
spans, and Outlook renders mail with Word) survives clients that drop tags they do not know,
such as <bdi>.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from desktop_app.core.briefing_models import Briefing, BriefingItem, Citation
from desktop_app.core.export import atomic_write
from desktop_app.core.export.labels import labels_for
from desktop_app.core.export.rtl import segments
from desktop_app.core.export.sanitize import clean_line, is_web_url, lines
from desktop_app.core.models import Direction
from desktop_app.core.text.direction import detect_direction, is_rtl_language

# No url(), @import or web fonts: mail clients block remote content, and the page must stand
# alone. Logical properties follow each block's dir; clients that ignore them lose the indent
# and the side border only, since the alignment comes from the dir attributes.
STYLE = """
body { margin: 0; padding: 24px 12px; background: #ffffff; color: #1f1f1f;
  font-size: 16px; line-height: 1.7; }
[dir="rtl"] { font-family: "Amiri", "Noto Naskh Arabic", "Traditional Arabic",
  "Times New Roman", serif; }
[dir="ltr"] { font-family: Georgia, "Times New Roman", Times, serif; }
span[dir] { unicode-bidi: isolate; }
.briefing { max-width: 720px; margin: 0 auto; }
h1, h2, p, li { text-align: start; }
h1 { font-size: 1.75em; line-height: 1.3; margin: 0.3em 0 0.2em; }
h2 { font-size: 1.3em; line-height: 1.3; margin: 1.4em 0 0.5em; padding-bottom: 0.2em;
  border-bottom: 1px solid #d5d5d5; }
p { margin: 0 0 0.6em; }
header { margin-bottom: 1.2em; padding-bottom: 0.4em; border-bottom: 2px solid #b3261e; }
footer { margin-top: 2em; padding-top: 0.4em; border-top: 2px solid #b3261e; }
.marking { margin: 0; text-align: center; font-weight: bold; color: #b3261e; }
.subtitle { font-size: 1.2em; color: #555555; }
.meta { margin: 0; font-size: 0.9em; color: #6b6b6b; }
blockquote { margin: 0 0 0.8em; margin-inline-start: 0.5em; padding: 0.5em 0.9em;
  background: #f5f5f5; border-inline-start: 3px solid #8a8a8a; }
.cite { margin: 0; font-size: 0.85em; color: #555555; }
cite { font-style: normal; }
.note { margin: 0 0 0.8em; margin-inline-start: 0.5em; padding: 0.5em 0.9em;
  background: #fbf6e6; border-inline-start: 3px solid #c9a227; }
.note-label { margin: 0 0 0.2em; font-size: 0.85em; font-weight: bold; color: #6b6b6b; }
ol { margin: 0; padding: 0; }
li { margin: 0 0 0.4em; margin-inline-start: 2em; }
a { color: #0b57d0; }
"""


@dataclass(frozen=True)
class _Run:
    """A stretch of a paragraph's text, optionally bold, a title (cite) or a link."""

    text: str
    strong: bool = False
    cite: bool = False
    href: str = ""
    # An address is Latin whatever the language of its page: it must not turn an Arabic
    # citation into a left-to-right line.
    votes: bool = True


@dataclass
class _Block:
    """A block element: a leaf holds runs, a container holds blocks."""

    tag: str
    cls: str = ""
    runs: list[_Run] = field(default_factory=list)
    children: list[_Block] = field(default_factory=list)

    def text(self) -> str:
        """The plain text that decides the block's direction (addresses left out)."""
        if self.children:
            return "".join(c.text() for c in self.children)
        return "".join(r.text for r in self.runs if r.votes)


def _leaf(tag: str, text: str, cls: str = "") -> _Block:
    return _Block(tag, cls, [_Run(text)])


def language_tags(briefing: Briefing) -> dict[Direction, str]:
    """The lang of right-to-left and of left-to-right blocks, from the briefing's language."""
    tag = clean_line(briefing.language)
    rtl_language = is_rtl_language(tag)
    # The field names one language; blocks of the other script get the common default
    # (ar-SA, as the Word export gives its Arabic runs; en for Latin, as guess_language does).
    return {
        "rtl": tag if rtl_language else "ar-SA",
        "ltr": tag if tag and not rtl_language else "en",
    }


def build_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page (UTF-8, inline style, no scripts)."""
    lab = labels_for(briefing)
    doc_dir: Direction = "rtl" if lab["dir"] == "rtl" else "ltr"
    langs = language_tags(briefing)
    title = clean_line(briefing.title)
    marking = clean_line(briefing.marking)
    body: list[_Block] = []
    if marking:
        body.append(_Block("header", children=[_leaf("p", marking, "marking")]))
    if title:
        body.append(_leaf("h1", title))
    if clean_line(briefing.subtitle):
        body.append(_leaf("p", clean_line(briefing.subtitle), "subtitle"))
    for key, value in (("author", briefing.author), ("date", briefing.date)):
        if clean_line(value):
            body.append(_leaf("p", lab[key].format(**{key: clean_line(value)}), "meta"))
    if lines(briefing.summary):
        summary = [_leaf("h2", lab["summary"])]
        summary += [_leaf("p", ln) for ln in lines(briefing.summary)]
        body.append(_Block("section", "summary", children=summary))
    for sec in briefing.sections:
        blocks: list[_Block] = []
        if clean_line(sec.heading):
            blocks.append(_leaf("h2", clean_line(sec.heading)))
        for item in sec.items:
            blocks += _item(item, lab)
        if blocks:
            body.append(_Block("section", children=blocks))
    cites = briefing.citations()
    if cites:
        entries = [_Block("li", runs=_citation(c, appendix=True)) for c in cites]
        ol = _Block("ol", children=entries)
        body.append(_Block("section", "sources", children=[_leaf("h2", lab["sources"]), ol]))
    if marking:
        body.append(_Block("footer", children=[_leaf("p", marking, "marking")]))

    doc_lang = langs[doc_dir]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc_lang)}" dir="{doc_dir}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title or marking or '…')}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        f'<body dir="{doc_dir}">',
        f'<div class="briefing" dir="{doc_dir}">',
    ]
    for block in body:
        _render(block, doc_dir, doc_lang, langs, out)
    out += ["</div>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _item(item: BriefingItem, lab: dict[str, str]) -> list[_Block]:
    out: list[_Block] = []
    cite = _citation(item.citation) if item.citation is not None else []
    if item.kind == "highlight":
        quote = [_leaf("p", ln) for ln in lines(item.text) or ["…"]]
        if cite:
            quote.append(_Block("p", "cite", [_Run("— "), *cite]))
        out.append(_Block("blockquote", children=quote))
        if lines(item.note):
            out.append(_note(item.note, lab))
    elif item.kind == "note":
        out.append(_note(item.text, lab))
        if cite:
            out.append(_Block("p", "cite", [_Run("— "), *cite]))
    else:
        out += [_leaf("p", ln) for ln in lines(item.text)]
    return out


def _note(body: str, lab: dict[str, str]) -> _Block:
    # The label gets a line of its own: an Arabic label before an English note (or the
    # reverse) on one line would be reordered by the bidi algorithm.
    label = _Block("p", "note-label", [_Run(lab["note"], strong=True)])
    return _Block("div", "note", children=[label, *(_leaf("p", ln) for ln in lines(body) or ["…"])])


def _citation(c: Citation, appendix: bool = False) -> list[_Run]:
    """Source, title, date (as the Markdown export orders them) and the article's link.

    In a quote's citation the title is the link; the appendix also shows the address,
    for readers of a printout. Only http(s) addresses become links.
    """
    source, title, published = (clean_line(x) for x in (c.source, c.title, c.published))
    fields = [(x, i == 1) for i, x in enumerate((source, title, published)) if x]
    sep = "، " if detect_direction(" ".join(x for x, _ in fields)) == "rtl" else ", "
    url = clean_line(c.url)
    href = url if url and is_web_url(url) else ""
    runs: list[_Run] = []
    for value, is_title in fields:
        if runs:
            runs.append(_Run(sep))
        runs.append(_Run(value, cite=is_title, href=href if is_title and not appendix else ""))
    if url and (appendix or not (href and title)):
        if runs:
            runs.append(_Run(sep))
        runs.append(_Run(url, href=href, votes=False))
    return runs


def _render(
    block: _Block,
    parent_dir: Direction,
    parent_lang: str,
    langs: dict[Direction, str],
    out: list[str],
) -> None:
    """Append block as HTML, with dir from its own text and lang where it changes."""
    d = detect_direction(block.text(), parent_dir)
    lang = langs[d]
    attrs = f' class="{block.cls}"' if block.cls else ""
    attrs += f' dir="{d}"'
    if lang != parent_lang:
        attrs += f' lang="{escape(lang)}"'
    if not block.children:
        inner = "".join(_run_html(r, d) for r in block.runs)
        out.append(f"<{block.tag}{attrs}>{inner}</{block.tag}>")
        return
    out.append(f"<{block.tag}{attrs}>")
    for child in block.children:
        _render(child, d, lang, langs, out)
    out.append(f"</{block.tag}>")


def _run_html(run: _Run, base: Direction) -> str:
    inner = _inline(run.text, base)
    if run.href:
        inner = f'<a href="{escape(run.href, quote=True)}">{inner}</a>'
    if run.cite:
        inner = f"<cite>{inner}</cite>"
    if run.strong:
        inner = f"<strong>{inner}</strong>"
    return inner


def _inline(text: str, base: Direction) -> str:
    """Escaped text; each run of the other direction ("OPEC+", a date) in a span with its dir."""
    out: list[str] = []
    pos = 0
    for seg in segments(text, base):
        raw: list[str] = []
        for ch in seg.text:
            # segments() adds LRMs for renderers of plain strings; the span does their job
            # here, and dropping them keeps the text as the analyst typed it.
            if pos < len(text) and ch == text[pos]:
                raw.append(ch)
                pos += 1
        piece = escape("".join(raw), quote=False)
        if not piece:
            continue
        seg_dir: Direction = "rtl" if seg.rtl else "ltr"
        out.append(piece if seg_dir == base else f'<span dir="{seg_dir}">{piece}</span>')
    return "".join(out)


def export_html(briefing: Briefing, path: Path | str) -> Path:
    """Write the briefing as one HTML page (UTF-8) at path, atomically."""
    data = build_html(briefing).encode("utf-8")
    return atomic_write(path, lambda part: part.write_bytes(data))
