"""Plain-text files as people and programs save them: wrapped by fmt, headlines ending in "..".

Each shape returns a Generated whose source is the truth (headline and paragraphs).
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap

from tests.producers import Generated, Source


def fmt(text: str, width: int) -> str:
    """Text wrapped by GNU fmt (it counts bytes), or textwrap (characters) without fmt."""
    program = shutil.which("fmt")
    if program is None:
        return textwrap.fill(text, width)
    out = subprocess.run(
        [program, "-w", str(width), "-g", str(width)],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    return out.stdout.decode("utf-8").rstrip("\n")


def one_paragraph_a_line(src: Source) -> Generated:
    """Headline, blank line, one paragraph a line (news exports, copy and paste)."""
    text = src.title + "\n\n" + "\n".join(src.paragraphs) + "\n"
    return Generated("line-paragraphs.txt", text.encode("utf-8"), src, "txt-lines")


def blank_line_paragraphs(src: Source) -> Generated:
    """Headline that ends in a suspension "..", blank lines between paragraphs."""
    title = src.title if src.title.endswith(("..", "؟", "?", "!")) else src.title + ".."
    truth = Source(title, src.paragraphs, src.language, src.source, src.author, src.published)
    text = title + "\n\n" + "\n\n".join(src.paragraphs) + "\n"
    return Generated("suspension-title.txt", text.encode("utf-8"), truth, "txt-suspension")


def wrapped_textwrap(src: Source, width: int = 72) -> Generated:
    """Wrapped at a fixed width in characters (an editor's hard wrap), no blank lines."""
    body = "\n".join(textwrap.fill(p, width) for p in src.paragraphs)
    text = src.title + "\n\n" + body + "\n"
    return Generated("wrapped-72.txt", text.encode("utf-8"), src, "txt-textwrap")


def wrapped_fmt(src: Source, width: int = 66) -> Generated:
    """Wrapped by GNU fmt at a width in bytes, blank lines between paragraphs (e-mail)."""
    body = "\n\n".join(fmt(p, width) for p in src.paragraphs)
    text = src.title + "\n\n" + body + "\n"
    return Generated("wrapped-fmt.txt", text.encode("utf-8"), src, "txt-fmt")


SHAPES = (one_paragraph_a_line, blank_line_paragraphs, wrapped_textwrap, wrapped_fmt)


def documents(sources: list[Source]) -> list[Generated]:
    """Every text shape for every source."""
    return [shape(src) for src in sources for shape in SHAPES]
