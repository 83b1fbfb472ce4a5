"""Plain data of the core: articles, paragraphs, highlights, notes. Ids, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from desktop_app.core.errors import HamishError

Direction = Literal["rtl", "ltr"]
ParagraphKind = Literal["body", "heading", "quote", "list"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article; `start` is its code-point offset in Article.text."""

    text: str
    direction: Direction
    kind: ParagraphKind = "body"
    start: int = 0
    level: int = 0


@dataclass(frozen=True)
class Remark:
    """Something the import report should say about a document that did import.

    code: a message code (desktop_app.core.messages), e.g. "import.remark_revisions".
    """

    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedComment:
    """A reviewer's comment found in a document, anchored by the passage it marks.

    quote: the marked text exactly as it appears in the imported text; the comment anchors on
    the first exact match of quote at or after the start of paragraph `paragraph`.
    """

    quote: str
    body: str
    author: str = ""
    created: str = ""  # ISO date-time, or ""
    paragraph: int = 0  # index of the paragraph where the marked passage starts


@dataclass(frozen=True)
class ImportedDocument:
    """What every importer returns: text as paragraphs plus the metadata it found."""

    paragraphs: list[Paragraph]
    title: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    published: str = ""  # ISO date, YYYY-MM-DD (or YYYY-MM / YYYY), or ""
    language: str = ""  # ISO 639-1 code, "" when unknown
    format: str = ""  # txt, md, html, docx, pdf
    canonical_url: str = ""  # the key of a page taken from the web (core.web.address.canonical)
    encoding: str = ""  # for text formats: the encoding the bytes were decoded with
    tags: tuple[str, ...] = ()
    remarks: tuple[Remark, ...] = ()
    comments: tuple[ImportedComment, ...] = ()


@dataclass(frozen=True)
class ArticleSummary:
    """A row of the library list."""

    id: int
    title: str
    source: str
    published: str
    language: str
    imported_at: str
    highlights: int = 0
    notes: int = 0
    deleted: bool = False


@dataclass(frozen=True)
class Article:
    """A stored article with its paragraphs; offsets index `text` in code points."""

    id: int
    title: str
    source: str
    author: str
    url: str
    published: str
    language: str
    format: str
    content_hash: str
    original_sha256: str
    original_name: str
    encoding: str
    imported_at: str
    updated_at: str
    deleted_at: str | None
    reading_position: int
    paragraphs: list[Paragraph]
    tags: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The article text: paragraphs joined by a newline."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def direction(self) -> Direction:
        """The article's main direction: that of most of its characters."""
        rtl = sum(len(p.text) for p in self.paragraphs if p.direction == "rtl")
        ltr = sum(len(p.text) for p in self.paragraphs if p.direction == "ltr")
        return "rtl" if rtl >= ltr and rtl > 0 else "ltr"


@dataclass(frozen=True)
class Label:
    """One of the six highlight colours and its user-given name."""

    id: int
    name: str
    color: str  # #rrggbb


@dataclass(frozen=True)
class Highlight:
    """A highlight: W3C TextPositionSelector (start, end) plus TextQuoteSelector."""

    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    label_id: int
    orphaned: bool
    created_at: str
    updated_at: str
    note_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Note:
    """A note in Markdown; on an article, on a highlight, or free-standing."""

    id: int
    body: str
    article_id: int | None
    highlight_id: int | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class ImportResult:
    """The outcome of importing one file."""

    path: str
    status: Literal["imported", "duplicate", "failed"]
    article_id: int | None = None
    error: str | None = None  # one line, in English
    error_code: str = ""  # the message code of error (desktop_app.core.messages), if it has one
    error_params: dict[str, object] = field(default_factory=dict)
    remarks: list[Remark] = field(default_factory=list)  # what the report should say of it

    @classmethod
    def failure(cls, path: str, exc: HamishError) -> ImportResult:
        """A failed result carrying the error's one-line text, code and parameters."""
        return cls(path, "failed", None, str(exc).splitlines()[0], exc.code, dict(exc.params))


@dataclass
class Changes:
    """What an operation changed, so that each view can decide what to redraw."""

    articles: set[int] = field(default_factory=set)
    highlights: set[int] = field(default_factory=set)
    notes: set[int] = field(default_factory=set)
    labels: bool = False
    tags: bool = False
    briefings: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(
            self.articles
            or self.highlights
            or self.notes
            or self.labels
            or self.tags
            or self.briefings
        )
