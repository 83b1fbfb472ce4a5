"""Briefing -> Markdown (CommonMark): the same content as the Word export, as plain text."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.core.briefings import Briefing, BriefingItem, Citation
from desktop_app.core.export import atomic_write
from desktop_app.core.export.labels import labels_for
from desktop_app.core.export.sanitize import clean_line, is_web_url, lines
from desktop_app.core.text.direction import detect_direction

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str) -> str:
    """Text with Markdown syntax characters escaped, so it shows as written."""
    out = _INLINE.sub(r"\\\1", text)
    out = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), out)


def build_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown text."""
    lab = labels_for(briefing)
    out: list[str] = []
    title = clean_line(briefing.title)
    if clean_line(briefing.marking):
        out += [f"**{escape(clean_line(briefing.marking))}**", ""]
    out += [f"# {escape(title)}", ""]
    if clean_line(briefing.subtitle):
        out += [f"*{escape(clean_line(briefing.subtitle))}*", ""]
    for key, value in (("author", briefing.author), ("date", briefing.date)):
        if clean_line(value):
            out += [escape(lab[key].format(**{key: clean_line(value)})), ""]
    if lines(briefing.summary):
        out += [f"## {lab['summary']}", ""]
        for ln in lines(briefing.summary):
            out += [escape(ln), ""]
    for sec in briefing.sections:
        if clean_line(sec.heading):
            out += [f"## {escape(clean_line(sec.heading))}", ""]
        for item in sec.items:
            out += _item(item, lab)
    cites = briefing.citations()
    if cites:
        out += [f"## {lab['sources']}", ""]
        for n, c in enumerate(cites, 1):
            out += [f"{n}. {_citation(c)}"]
        out.append("")
    if clean_line(briefing.marking):
        out += ["---", "", f"**{escape(clean_line(briefing.marking))}**", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _item(item: BriefingItem, lab: dict[str, str]) -> list[str]:
    out: list[str] = []
    if item.kind == "highlight":
        for ln in lines(item.text) or ["…"]:
            out += [f"> {escape(ln)}", ">"]
        if item.citation is not None:
            out.append(f"> — {_citation(item.citation)}")
        else:
            out.pop()
        out.append("")
        if lines(item.note):
            out += _note(item.note, lab)
    elif item.kind == "note":
        out += _note(item.text, lab)
        if item.citation is not None:
            out += [f"— {_citation(item.citation)}", ""]
    else:
        for ln in lines(item.text):
            out += [escape(ln), ""]
    return out


def _note(body: str, lab: dict[str, str]) -> list[str]:
    body_lines = lines(body) or ["…"]
    out = [f"**{lab['note']}:** {escape(body_lines[0])}"]
    for ln in body_lines[1:]:
        out += ["", escape(ln)]
    return out + [""]


def _citation(c: Citation) -> str:
    fields = [clean_line(x) for x in (c.source, c.title, c.published) if clean_line(x)]
    sep = "، " if detect_direction(" ".join(fields)) == "rtl" else ", "
    text = sep.join(escape(f) for f in fields)
    url = clean_line(c.url)
    if url and is_web_url(url):
        link = f"<{url}>" if not re.search(r"[<>\s]", url) else escape(url)
        text = f"{text}{sep}{link}" if text else link
    elif url:
        text = f"{text}{sep}{escape(url)}" if text else escape(url)
    return text


def export_markdown(briefing: Briefing, path: Path | str) -> Path:
    """Write the briefing as Markdown (UTF-8) at path, atomically."""
    text = build_markdown(briefing)
    return atomic_write(path, lambda part: part.write_text(text, encoding="utf-8"))
