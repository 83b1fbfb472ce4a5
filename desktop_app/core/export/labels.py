"""Fixed labels of exported briefings, in Arabic when the briefing is mostly Arabic."""

from __future__ import annotations

from typing import Any

from desktop_app.core.text.direction import strong_counts

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Executive summary",
        "sources": "Sources",
        "contents": "Contents",
        "note": "Analyst note",
        "page": "Page {page} of {pages}",
        "author": "Author: {author}",
        "date": "Date: {date}",
        "toc_empty": "Update this field to build the table of contents.",
        "dir": "ltr",
    },
    "ar": {
        "summary": "الملخص التنفيذي",
        "sources": "المصادر",
        "contents": "المحتويات",
        "note": "ملاحظة المحلل",
        "page": "الصفحة {page} من {pages}",
        "author": "إعداد: {author}",
        "date": "التاريخ: {date}",
        "toc_empty": "حدّث هذا الحقل لبناء جدول المحتويات.",
        "dir": "rtl",
    },
}


def briefing_texts(briefing: Any) -> list[str]:
    """The analyst-visible texts of a briefing (title, summary, headings, items)."""
    out = [briefing.title, briefing.subtitle, briefing.summary]
    for sec in briefing.sections:
        out.append(sec.heading)
        for it in sec.items:
            out += [it.text, it.note]
    return out


def label_language(briefing: Any) -> str:
    """'ar' when the briefing is mostly Arabic (strong characters), else 'en'."""
    rtl = ltr = 0
    for text in briefing_texts(briefing):
        r, lt = strong_counts(text or "")
        rtl += r
        ltr += lt
    return "ar" if rtl > ltr else "en"


def labels_for(briefing: Any) -> dict[str, str]:
    """The label set for this briefing."""
    return LABELS[label_language(briefing)]
