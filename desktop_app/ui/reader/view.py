"""The reader: a header (title, source, date, link, tags) above the article and a find bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.core.models import Article, Highlight, Label
from desktop_app.core.text.offsets import Utf16Map
from desktop_app.ui import settings as st
from desktop_app.ui.fonts import reading_font
from desktop_app.ui.i18n import label_display_name
from desktop_app.ui.reader.browser import ReaderBrowser
from desktop_app.ui.reader.document import build_document, set_line_height
from desktop_app.ui.reader.find_bar import FindBar
from desktop_app.ui.theme import Theme, load_theme

MIN_SIZE, MAX_SIZE = 9.0, 32.0


class ReaderView(QWidget):
    """Shows one article; emits intent signals, never writes to the library itself."""

    highlightClicked = Signal(int)
    tagsEdited = Signal(int, list)
    positionChanged = Signal(int, int)  # article id, code-point offset at the top of the page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.article: Article | None = None
        self.font_size = st.get_float("reader/fontSize", 15.0)
        self.line_height = st.get_float("reader/lineHeight", 1.2)
        self.font_family = st.get_str(st.FONT_FAMILY, "")
        self.theme: Theme = load_theme(st.get_str("reader/theme", "system"))
        self.labels: dict[int, Label] = {}
        self._highlights: list[Highlight] = []
        self._build()
        self._pos_timer = QTimer(self)
        self._pos_timer.setSingleShot(True)
        self._pos_timer.setInterval(800)
        self._pos_timer.timeout.connect(self._report_position)
        self.browser.verticalScrollBar().valueChanged.connect(lambda _v: self._pos_timer.start())
        self.apply_theme(self.theme)

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = QWidget(self)
        self.header.setObjectName("readerHeader")
        self.header.setAutoFillBackground(True)
        hl = QVBoxLayout(self.header)
        hl.setContentsMargins(24, 14, 24, 8)
        self.title = QLabel(self.header)
        self.title.setObjectName("readerTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self.header)
        self.meta.setObjectName("readerMeta")
        self.meta.setWordWrap(True)
        self.meta.setOpenExternalLinks(False)
        self.meta.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.tags = QLineEdit(self.header)
        self.tags.setObjectName("readerTags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setFrame(False)
        self.tags.editingFinished.connect(self._tags_edited)
        for w in (self.title, self.meta, self.tags):
            hl.addWidget(w)
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(
            self.tr("Open an article from the library to read it here."), self
        )
        self.placeholder.setObjectName("readerPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.browser = ReaderBrowser(self)
        self.browser.highlightClicked.connect(self.highlightClicked)
        self.browser.tooltip_for = self._tooltip
        self.page = QWidget(self)
        pl = QVBoxLayout(self.page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(0)
        pl.addWidget(self.header)
        pl.addWidget(self.browser, 1)
        self.find_bar = FindBar(self.browser, self.page)
        pl.addWidget(self.find_bar)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.page)
        lay.addWidget(self.stack)

    # -- content ----------------------------------------------------------------------------
    def show_article(
        self, article: Article, highlights: list[Highlight], labels: list[Label]
    ) -> None:
        """Lay out an article and paint its highlights; restores the remembered position."""
        self._report_position()
        self.article = article
        self.labels = {lab.id: lab for lab in labels}
        self.show_header(article)
        self.stack.setCurrentWidget(self.page)
        self._load(article, highlights)
        self.restore_position(article.reading_position)

    def _load(self, article: Article, highlights: list[Highlight]) -> None:
        """Build the article and its highlights in a fresh document, laid out once when shown."""
        doc = QTextDocument(self.browser)
        doc.setDefaultStyleSheet(f"a {{ color: {self.theme.link}; }}")
        marks = build_document(doc, article, self.text_font(), self.line_height)
        umap = Utf16Map(article.text, marks)
        self.browser.layer.attach(doc, article.text, umap)
        self.find_bar.set_text(article.text, umap)
        self._highlights = list(highlights)
        self._paint()
        self.browser.fit_column(doc)
        self.browser.setDocument(doc)  # laid out once here; the previous document (a child) goes

    def clear(self) -> None:
        """Show the placeholder (no article open)."""
        self._report_position()
        self.article = None
        self.browser.document().clear()
        self.browser.layer.reset("")
        self.find_bar.set_text("")
        self.stack.setCurrentWidget(self.placeholder)

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Repaint the highlights of the open article."""
        self._highlights = list(highlights)
        self._paint()

    def _paint(self) -> None:
        highlights = self._highlights
        colors = {lid: QColor(lab.color) for lid, lab in self.labels.items()}
        self.browser.layer.paint(
            highlights, colors, self.theme.highlight_alpha, self.theme.color("background")
        )

    def set_labels(self, labels: list[Label]) -> None:
        """Label names or colours changed."""
        self.labels = {lab.id: lab for lab in labels}
        if self.article is not None:
            self.set_highlights(self._highlights)

    def show_header(self, a: Article) -> None:
        """Show an article's title and details above its text (also after a rename)."""
        rtl = a.direction == "rtl"
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        for w in (self.title, self.meta):
            w.setLayoutDirection(direction)
            w.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.title.setText(a.title)
        # A date or Latin name keeps its own order inside an Arabic line (LRE ... PDF).
        date = f"\u202a{a.published}\u202c" if a.published else ""
        parts = [x for x in (a.source, a.author, date) if x]
        meta = " · ".join(_escape(x) for x in parts)
        if a.url:
            label = self.tr("Original")
            url = _escape(a.url)
            link = f'<a style="color: {self.theme.link};" href="{url}">{label}</a>'
            meta = f"{meta} · {link}" if meta else link
        self.meta.setText(meta)
        self.tags.setText(("، " if rtl else ", ").join(a.tags))
        self.tags.setLayoutDirection(direction)

    def _tags_edited(self) -> None:
        if self.article is None:
            return
        tags = [t.strip() for t in self.tags.text().replace("،", ",").split(",") if t.strip()]
        if tags != list(self.article.tags):
            self.tagsEdited.emit(self.article.id, tags)

    def _tooltip(self, ids: list[int]) -> str:
        lines = []
        for hid in ids:
            h = next((x for x in self._highlights if x.id == hid), None)
            if h is None:
                continue
            label = self.labels.get(h.label_id)
            name = label_display_name(label.name) if label else ""
            lines.append(f"{name}: {h.note}" if h.note else name)
        return "\n".join(x for x in lines if x)

    # -- selection and position -------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected range in code points, or None."""
        cursor = self.browser.textCursor()
        if not cursor.hasSelection() or self.article is None:
            return None
        umap = self.browser.layer.umap
        start, end = (
            umap.to_codepoint(cursor.selectionStart()),
            umap.to_codepoint(cursor.selectionEnd()),
        )
        text = self.article.text
        while start < end and text[start] in " \n\t":
            start += 1
        while end > start and text[end - 1] in " \n\t":
            end -= 1
        return (start, end) if end > start else None

    def reading_position(self) -> int:
        """Code-point offset at the top of the visible page."""
        return self.browser.layer.umap.to_codepoint(self.browser.top_position())

    def restore_position(self, cp: int) -> None:
        """Scroll to a remembered code-point offset."""
        self.browser.scroll_to_position(self.browser.layer.umap.to_utf16(cp), 0.0)

    def _report_position(self) -> None:
        self._pos_timer.stop()
        if self.article is not None and self.isVisible():
            self.positionChanged.emit(self.article.id, self.reading_position())

    def stop_timers(self) -> None:
        """The window is closing."""
        self._pos_timer.stop()

    def flush_position(self) -> None:
        """Report the reading position now (before closing or switching)."""
        self._report_position()

    def scroll_to_highlight(self, hid: int) -> bool:
        """Put the cursor at a highlight and scroll to it; False when it is orphaned."""
        r = self.browser.layer.range16(hid)
        if r is None:
            return False
        self.browser.place_cursor(r[0])
        return True

    # -- appearance -------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        """Bigger (steps > 0) or smaller text."""
        self.set_font_size(self.font_size + steps)

    def set_font_size(self, size: float) -> None:
        """Set the reading font size in points and relayout."""
        self.font_size = max(MIN_SIZE, min(MAX_SIZE, size))
        st.put("reader/fontSize", self.font_size)
        self._relayout()

    def text_font(self) -> QFont:
        """The reading font at the current size and family."""
        return reading_font(self.font_size, self.font_family)

    def set_font_family(self, family: str) -> None:
        """Set the reading face ("" for the default: Amiri for Arabic) and relayout."""
        self.font_family = family
        st.put(st.FONT_FAMILY, family)
        self.apply_theme(self.theme)
        self._relayout()

    def set_line_height(self, factor: float) -> None:
        """Set the line spacing (1.0 - 2.5)."""
        self.line_height = max(1.0, min(2.5, factor))
        st.put("reader/lineHeight", self.line_height)
        set_line_height(self.browser.document(), self.line_height)

    def _relayout(self) -> None:
        if self.article is None:
            return
        pos = self.reading_position()
        self._load(self.article, self._highlights)
        self.restore_position(pos)

    def apply_theme(self, theme: Theme) -> None:
        """Colour the page, header and selection from a theme."""
        self.theme = theme
        for w in (self.browser, self.browser.viewport(), self.header, self.placeholder, self.page):
            pal = w.palette()
            for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
                pal.setColor(role, theme.color("background"))
            for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
                pal.setColor(role, theme.color("text"))
            pal.setColor(QPalette.ColorRole.Highlight, theme.color("selection"))
            pal.setColor(QPalette.ColorRole.HighlightedText, theme.color("selection_text"))
            pal.setColor(QPalette.ColorRole.Link, theme.color("link"))
            pal.setColor(QPalette.ColorRole.PlaceholderText, theme.color("muted"))
            w.setPalette(pal)
            w.setAutoFillBackground(True)
        self.browser.document().setDefaultStyleSheet(f"a {{ color: {theme.link}; }}")
        tfont = reading_font(self.font_size * 1.55, self.font_family)
        tfont.setBold(True)
        self.title.setFont(tfont)
        self.meta.setFont(reading_font(max(MIN_SIZE, self.font_size * 0.85), self.font_family))
        self.meta.setStyleSheet(f"color: {theme.muted};")
        self.tags.setStyleSheet(f"color: {theme.muted}; background: transparent;")
        self.find_bar.match_color = theme.color("find_match")
        if self.article is not None:
            self.show_header(self.article)
            self.set_highlights(self._highlights)


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
