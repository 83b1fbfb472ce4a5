"""The live preview of a briefing: a read-only document, each paragraph in its own direction."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop_app.core.briefings import Briefing, BriefingItem, Citation
from desktop_app.core.export.labels import labels_for
from desktop_app.core.text.direction import detect_direction
from desktop_app.ui.fonts import reading_font
from desktop_app.ui.models.search_model import keep_ltr, meta_line

PREVIEW_DEBOUNCE_MS = 300
MUTED = "#6b6b6b"
MARKING = "#b3261e"


class _Writer:
    def __init__(self, doc: QTextDocument, base: QFont, fallback: str) -> None:
        self.doc, self.base, self.fallback = doc, base, fallback
        self.cur = QTextCursor(doc)
        self.first = True

    def para(
        self,
        text: str,
        size: float = 1.0,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        indent: float = 0.0,
        center: bool = False,
        space: float = 6.0,
    ) -> None:
        bf = QTextBlockFormat()
        rtl = detect_direction(text, "rtl" if self.fallback == "rtl" else "ltr") == "rtl"
        bf.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        bf.setAlignment(Qt.AlignmentFlag.AlignHCenter if center else Qt.AlignmentFlag.AlignLeading)
        bf.setBottomMargin(space)
        if indent:
            bf.setLeftMargin(indent)
            bf.setRightMargin(indent)
        cf = QTextCharFormat()
        cf.setFontPointSize(self.base.pointSizeF() * size)
        if bold:
            cf.setFontWeight(QFont.Weight.Bold)
        cf.setFontItalic(italic)
        if color:
            cf.setForeground(QColor(color))
        if self.first:
            self.cur.setBlockFormat(bf)
            self.cur.setBlockCharFormat(cf)
            self.first = False
        else:
            self.cur.insertBlock(bf, cf)
        self.cur.insertText(text, cf)


def citation_line(c: Citation) -> str:
    """Source, title and date of a citation on one line."""
    return meta_line(c.source, c.title, c.published)


def build_preview(doc: QTextDocument, briefing: Briefing | None, base: QFont) -> None:
    """Fill doc with the briefing laid out as it will read when exported."""
    doc.clear()
    doc.setDefaultFont(base)
    if briefing is None:
        return
    lab = labels_for(briefing)  # the export's own labels, in the briefing's language
    fallback = lab["dir"]
    w = _Writer(doc, base, fallback)
    if briefing.marking:
        w.para(briefing.marking, 0.9, bold=True, color=MARKING, center=True)
    w.para(briefing.title, 1.45, bold=True, space=2)
    if briefing.subtitle:
        w.para(briefing.subtitle, 1.2, color=MUTED)
    byline = " · ".join(
        x
        for x in (
            lab["author"].format(author=briefing.author) if briefing.author else "",
            lab["date"].format(date=keep_ltr(briefing.date)) if briefing.date else "",
        )
        if x
    )
    if byline:
        w.para(byline, 0.9, color=MUTED, space=12)
    if briefing.summary.strip():
        w.para(lab["summary"], 1.25, bold=True)
        for line in briefing.summary.splitlines():
            if line.strip():
                w.para(line.strip())
    for sec in briefing.sections:
        if sec.heading:
            w.para(sec.heading, 1.3, bold=True, space=4)
        for item in sec.items:
            _item(w, item, lab)
    if briefing.marking:
        w.para(briefing.marking, 0.9, bold=True, color=MARKING, center=True)


def _item(w: _Writer, item: BriefingItem, lab: dict[str, str]) -> None:
    indent = w.base.pointSizeF() * 1.6
    if item.kind == "highlight":
        w.para(f"«{item.text.strip()}»", italic=True, indent=indent, space=2)
        if item.note.strip():
            w.para(lab["note"], 0.85, bold=True, color=MUTED, indent=indent, space=0)
            for line in item.note.splitlines():
                if line.strip():
                    w.para(line.strip(), indent=indent, space=2)
    else:
        for line in item.text.splitlines():
            if line.strip():
                w.para(line.strip(), space=2)
    if item.citation is not None and citation_line(item.citation):
        w.para(
            citation_line(item.citation),
            0.8,
            color=MUTED,
            indent=indent if item.kind == "highlight" else 0,
        )
    w.para("", 0.4, space=4)


class BriefingPreview(QTextBrowser):
    """Shows a briefing; schedule() redraws it a moment after the last change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingPreview")
        self.setOpenLinks(False)
        self.briefing: Briefing | None = None
        self.renders = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)

    def schedule(self, briefing: Briefing | None) -> None:
        """Show this briefing after the debounce delay (repeated calls render once)."""
        self.briefing = briefing
        self._timer.start()

    @property
    def pending(self) -> bool:
        """True while a redraw is waiting."""
        return self._timer.isActive()

    def render_now(self) -> None:
        """Redraw at once."""
        self._timer.stop()
        pos = self.verticalScrollBar().value()
        build_preview(self.document(), self.briefing, reading_font(12.0))
        self.verticalScrollBar().setValue(pos)
        self.renders += 1
