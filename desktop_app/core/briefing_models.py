"""Plain data of briefings: items, sections, citations, and what changed. Ids, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from desktop_app.core.models import Changes

ItemKind = Literal["highlight", "note", "text"]


@dataclass(frozen=True)
class Citation:
    """Where a quote comes from: its article's source, title, date and URL."""

    article_id: int | None = None
    source: str = ""
    title: str = ""
    author: str = ""
    published: str = ""
    url: str = ""

    def key(self) -> tuple[Any, ...]:
        """Identity of the cited source, for listing each source once."""
        if self.article_id is not None:
            return ("article", self.article_id)
        return ("meta", self.source, self.title, self.url)


@dataclass(frozen=True)
class BriefingItem:
    """One entry of a section: a quoted highlight, an analyst's note, or free text."""

    id: int
    section_id: int
    position: int
    kind: ItemKind
    highlight_id: int | None
    note_id: int | None
    text: str = ""  # free text; for a highlight, its quote; for a note, its body
    note: str = ""  # the note attached to a highlight
    citation: Citation | None = None
    from_snapshot: bool = False  # the highlight or note was deleted: text comes from the snapshot


@dataclass(frozen=True)
class BriefingSection:
    """A section of a briefing: a heading and its items in order."""

    id: int
    briefing_id: int
    position: int
    heading: str
    items: list[BriefingItem] = field(default_factory=list)


@dataclass(frozen=True)
class Briefing:
    """A briefing with its sections and items resolved for display and export."""

    id: int
    title: str
    subtitle: str = ""
    author: str = ""
    date: str = ""
    marking: str = ""
    summary: str = ""
    language: str = "ar-SA"
    include_toc: bool = False
    created_at: str = ""
    updated_at: str = ""
    sections: list[BriefingSection] = field(default_factory=list)

    def items(self) -> list[BriefingItem]:
        """Every item of every section, in order."""
        return [it for s in self.sections for it in s.items]

    def citations(self) -> list[Citation]:
        """Every cited source once, in order of first citation."""
        seen: dict[tuple[Any, ...], Citation] = {}
        for it in self.items():
            if it.citation is not None and (
                it.citation.source or it.citation.title or it.citation.url
            ):
                seen.setdefault(it.citation.key(), it.citation)
        return list(seen.values())


@dataclass(frozen=True)
class BriefingSummary:
    """A row of the briefing list."""

    id: int
    title: str
    marking: str
    date: str
    updated_at: str
    sections: int
    items: int


@dataclass
class BriefingChanges(Changes):
    """Changes, plus the id of what was created (briefing, section or item), if anything."""

    created: int | None = None
