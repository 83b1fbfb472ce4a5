"""Markdown import: front matter, headings with levels, quotes, lists, inline markup as text."""

from __future__ import annotations

from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.md import front_matter

MARKDOWN = """---
title: "خطة المياه الجديدة"
author: سارة علي
date: 2024-03-05
source: جريدة الهامش
url: https://example.org/water
tags: [مياه, economy]
lang: ar
---
# الوزير يعلن **خطة** المياه

أعلن الوَزِيرُ خطة [جديدة](https://example.org) لإدارة `المياه` 📌
في البلاد، بتمويل من *World Bank*.

## ردود الفعل

> هذه الخطة هي الأكبر منذ عشرين عاماً.
> ونحن نراقب تنفيذها.

- بناء ثلاثة سدود
- تحديث شبكات الري
  1. في الجنوب

![صورة السد](dam.png)

<div class="ad">إعلان</div>

| السنة | المبلغ |
|---|---|
| 2024 | مليار |
"""


def test_markdown_structure_and_metadata() -> None:
    doc = parse_bytes(MARKDOWN.encode("utf-8"), "water.md")
    assert doc.format == "md"
    assert (doc.title, doc.author, doc.published) == (
        "خطة المياه الجديدة",
        "سارة علي",
        "2024-03-05",
    )
    assert (doc.source, doc.url) == ("جريدة الهامش", "https://example.org/water")
    assert doc.tags == ("مياه", "economy")
    assert doc.language == "ar"
    got = [(p.kind, p.level, p.text) for p in doc.paragraphs]
    assert got == [
        ("heading", 1, "الوزير يعلن خطة المياه"),
        ("body", 0, "أعلن الوَزِيرُ خطة جديدة لإدارة المياه 📌 في البلاد، بتمويل من World Bank."),
        ("heading", 2, "ردود الفعل"),
        ("quote", 0, "هذه الخطة هي الأكبر منذ عشرين عاماً. ونحن نراقب تنفيذها."),
        ("list", 1, "بناء ثلاثة سدود"),
        ("list", 1, "تحديث شبكات الري"),
        ("list", 2, "في الجنوب"),
        ("body", 0, "صورة السد"),
        ("body", 0, "السنة | المبلغ"),
        ("body", 0, "2024 | مليار"),
    ]
    assert all(p.direction == "rtl" for p in doc.paragraphs)
    assert "**" not in doc.paragraphs[0].text and "إعلان" not in " ".join(
        p.text for p in doc.paragraphs
    )


def test_title_from_first_heading_without_front_matter() -> None:
    doc = parse_bytes(b"Intro line\n\n# The *Minister* speaks\n\nBody text.\n", "notes.md")
    assert doc.title == "The Minister speaks"
    assert doc.language == "en"
    assert [p.kind for p in doc.paragraphs] == ["body", "heading", "body"]


def test_title_falls_back_to_stem() -> None:
    doc = parse_bytes("نص بلا عنوان، فقرة واحدة فقط.".encode(), "ملاحظات الاجتماع.md")
    assert doc.title == "ملاحظات الاجتماع"


def test_front_matter_forms() -> None:
    meta, rest = front_matter("---\ntitle: T\ntags:\n  - a\n  - 'b c'\nauthor: 'X'\n---\nbody")
    assert meta == {"title": "T", "tags": ["a", "b c"], "author": "X"}
    assert rest == "body"
    # A thematic break at the top is not front matter.
    meta, rest = front_matter("---\njust text\n---\nmore")
    assert meta == {} and rest.startswith("---")


def test_metadata_language_wins_over_text() -> None:
    data = "---\ntitle: مقال\nlang: fa\n---\nمتن فارسی کوتاه".encode()
    assert parse_bytes(data, "a.md").language == "fa"
    assert parse_bytes("متن عربي قصير".encode(), "b.md").language == "ar"


def test_markdown_in_windows_1256() -> None:
    data = "# عنوان\n\nفقرة أولى عن الوزير.".encode("cp1256")
    doc = parse_bytes(data, "c.md")
    assert doc.encoding == "cp1256"
    assert [p.text for p in doc.paragraphs] == ["عنوان", "فقرة أولى عن الوزير."]
