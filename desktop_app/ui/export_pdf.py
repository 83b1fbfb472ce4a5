"""Briefing -> PDF through Qt: a QTextDocument (direction per block) painted page by page.

Amiri (fontpkg-amiri) is registered for Arabic; the handling marking heads and foots every page,
and every footer says "Page X of Y". No widgets: a QGuiApplication is enough.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop_app.core.briefings import Briefing, BriefingItem, Citation
from desktop_app.core.export import ExportFailed, atomic_write
from desktop_app.core.export.labels import labels_for
from desktop_app.core.export.rtl import with_marks
from desktop_app.core.export.sanitize import clean_line, is_web_url, lines
from desktop_app.core.models import Direction
from desktop_app.core.text.direction import LRM, detect_direction
from desktop_app.ui.fonts import reading_font, register_fonts

DPI = 300
MARGIN_MM = 20.0
BAND_MM = 9.0  # header and footer bands inside the top and bottom margins


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a display)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(sys.argv[:1])


def _px(pt: float) -> float:
    return pt * DPI / 72.0


def _qdir(d: Direction) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if d == "rtl" else Qt.LayoutDirection.LeftToRight


class _DocBuilder:
    """Fills a QTextDocument with the briefing, one block per paragraph."""

    def __init__(self, doc: QTextDocument, briefing: Briefing) -> None:
        self.doc = doc
        self.b = briefing
        self.labels = labels_for(briefing)
        self.label_dir: Direction = "rtl" if self.labels["dir"] == "rtl" else "ltr"
        self.cursor = QTextCursor(doc)
        self.first = True

    def block(
        self,
        text: str,
        size: float = 11,
        bold: bool = False,
        italic: bool = False,
        color: str = "",
        margin: float = 0,
        background: str = "",
        heading: int = 0,
        direction: Direction | None = None,
        space_before: float = 0,
        space_after: float = 6,
        href: str = "",
    ) -> None:
        d = direction or detect_direction(text, self.label_dir)
        bf = QTextBlockFormat()
        bf.setLayoutDirection(_qdir(d))
        bf.setLeftMargin(_px(margin))
        bf.setRightMargin(_px(margin))
        bf.setTopMargin(_px(space_before))
        bf.setBottomMargin(_px(space_after))
        if heading:
            bf.setHeadingLevel(heading)
        if background:
            bf.setBackground(QColor(background))
        cf = QTextCharFormat()
        cf.setFontPointSize(size)
        cf.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        cf.setFontItalic(italic)
        if color:
            cf.setForeground(QColor(color))
        if self.first:
            self.cursor.setBlockFormat(bf)
            self.cursor.setBlockCharFormat(cf)
            self.first = False
        else:
            self.cursor.insertBlock(bf, cf)
        self.cursor.insertText(with_marks(text, d), cf)
        if href:
            self.link(href, cf)

    def link(self, url: str, base: QTextCharFormat) -> None:
        lf = QTextCharFormat(base)
        lf.setAnchor(True)
        lf.setAnchorHref(url)
        lf.setForeground(QColor("#0563c1"))
        lf.setFontUnderline(True)
        self.cursor.insertText(url, lf)

    def build(self) -> None:
        # One edit block: the layout runs once at the end instead of after every insertion.
        self.cursor.beginEditBlock()
        try:
            self._build()
        finally:
            self.cursor.endEditBlock()

    def _build(self) -> None:
        b, lab = self.b, self.labels
        self.block(clean_line(b.title), size=24, bold=True, color="#17365d", heading=0)
        if clean_line(b.subtitle):
            self.block(clean_line(b.subtitle), size=14, italic=True, color="#4f81bd")
        if clean_line(b.author):
            self.block(
                lab["author"].format(author=clean_line(b.author)),
                size=10,
                color="#595959",
                space_after=2,
            )
        if clean_line(b.date):
            self.block(
                lab["date"].format(date=clean_line(b.date)), size=10, color="#595959", space_after=2
            )
        if lines(b.summary):
            self.heading(lab["summary"], self.label_dir)
            for ln in lines(b.summary):
                self.block(ln)
        for sec in b.sections:
            if clean_line(sec.heading):
                self.heading(clean_line(sec.heading))
            for item in sec.items:
                self.item(item)
        cites = b.citations()
        if cites:
            self.heading(lab["sources"], self.label_dir)
            for n, c in enumerate(cites, 1):
                self.citation(c, f"{n}. ", size=10, margin=0)

    def heading(self, text: str, direction: Direction | None = None) -> None:
        self.block(
            text,
            size=16,
            bold=True,
            color="#365f91",
            heading=1,
            direction=direction,
            space_before=14,
        )

    def item(self, item: BriefingItem) -> None:
        if item.kind == "highlight":
            for ln in lines(item.text) or ["…"]:
                self.block(ln, italic=True, color="#404040", margin=28, space_after=2)
            if item.citation is not None:
                self.citation(item.citation, "— ")
            if lines(item.note):
                self.note(item.note)
        elif item.kind == "note":
            self.note(item.text)
            if item.citation is not None:
                self.citation(item.citation, "— ")
        else:
            for ln in lines(item.text):
                self.block(ln)

    def note(self, body: str) -> None:
        self.block(
            self.labels["note"],
            size=10.5,
            bold=True,
            margin=14,
            background="#fff8e1",
            direction=self.label_dir,
            space_after=0,
        )
        for ln in lines(body) or ["…"]:
            self.block(ln, size=10.5, margin=14, background="#fff8e1", space_after=0)
        self.block("", size=4, space_after=4)

    def citation(self, c: Citation, prefix: str, size: float = 9, margin: float = 28) -> None:
        fields = [clean_line(x) for x in (c.source, c.title, c.published) if clean_line(x)]
        d = detect_direction(" ".join(fields), self.label_dir)
        sep = "، " if d == "rtl" else ", "
        text = prefix + sep.join(fields)
        url = clean_line(c.url)
        if url and fields:
            text += sep
        if url and is_web_url(url):
            self.block(
                text,
                size=size,
                color="#595959",
                margin=margin,
                direction=d,
                space_after=8,
                href=url,
            )
            if d == "rtl":
                self.cursor.insertText(LRM)
        else:
            self.block(
                text + url, size=size, color="#595959", margin=margin, direction=d, space_after=8
            )


def build_document(briefing: Briefing, writer: QPdfWriter | None = None) -> QTextDocument:
    """The briefing as a QTextDocument (laid out for writer's resolution when given)."""
    register_fonts()
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    if writer is not None:
        doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(reading_font(11))
    doc.setDocumentMargin(0)
    _DocBuilder(doc, briefing).build()
    return doc


def export_pdf(briefing: Briefing, path: Path | str) -> Path:
    """Write the briefing as PDF at path (A4, atomically); returns the path."""
    ensure_app()
    return atomic_write(path, lambda part: _write(briefing, part))


def _write(briefing: Briefing, target: Path) -> None:
    # Drawn in memory, then written by Python: QPdfWriter says nothing when its file cannot
    # be written (a full disk), and a cut PDF must not pass for an export.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _draw(briefing, QPdfWriter(buffer), target)
    target.write_bytes(bytes(buffer.data().data()))


def _draw(briefing: Briefing, writer: QPdfWriter, target: Path) -> None:
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(clean_line(briefing.title))
    writer.setCreator("Hamish")
    page_w, page_h = float(writer.width()), float(writer.height())
    margin = MARGIN_MM / 25.4 * DPI
    band = BAND_MM / 25.4 * DPI
    body = QRectF(margin, margin, page_w - 2 * margin, page_h - 2 * margin)
    doc = build_document(briefing, writer)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    pages = max(1, doc.pageCount())
    labels = labels_for(briefing)
    label_dir: Direction = "rtl" if labels["dir"] == "rtl" else "ltr"
    marking = clean_line(briefing.marking)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportFailed(f"cannot write the PDF {target}")
    try:
        band_font = reading_font(9)
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - i * body.height())
            doc.drawContents(painter, QRectF(0, i * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(band_font)
            top = QRectF(margin, margin - band, body.width(), band * 0.8)
            bottom = QRectF(margin, page_h - margin + band * 0.2, body.width(), band * 0.8)
            if marking:
                painter.setPen(QColor("#c00000"))
                _centered(painter, top, marking, detect_direction(marking, label_dir))
                _centered(
                    painter,
                    bottom.translated(0, -band * 0.55),
                    marking,
                    detect_direction(marking, label_dir),
                )
            painter.setPen(QColor("#000000"))
            footer = labels["page"].format(page=i + 1, pages=pages)
            _centered(painter, bottom.translated(0, band * 0.35), footer, label_dir)
    finally:
        painter.end()


def _centered(painter: QPainter, rect: QRectF, text: str, d: Direction) -> None:
    opt = QTextOption(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
    opt.setTextDirection(_qdir(d))
    painter.drawText(rect, text, opt)
