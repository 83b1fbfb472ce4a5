"""BriefingService: the analyst's output document, built from highlights, notes and free text.

Items referring to a highlight or note keep a snapshot of quote, note and citation, so a briefing
still exports after its highlight or note was deleted; while they exist, the live text is used.
"""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Protocol

from desktop_app.core.briefing_models import (
    Briefing,
    BriefingChanges,
    BriefingItem,
    BriefingSection,
    BriefingSummary,
    Citation,
    ItemKind,
)
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.library import Library
from desktop_app.core.storage import briefings as sql
from desktop_app.core.storage.db import now_iso, transaction

__all__ = [
    "Briefing",
    "BriefingChanges",
    "BriefingItem",
    "BriefingSection",
    "BriefingService",
    "BriefingSummary",
    "Citation",
    "ItemKind",
]


class HitRef(Protocol):
    """What a search result says about itself (the search service's Hit, a row of the window)."""

    @property
    def kind(self) -> str: ...
    @property
    def article_id(self) -> int | None: ...
    @property
    def highlight_id(self) -> int | None: ...
    @property
    def note_id(self) -> int | None: ...


Entry = tuple[Literal["highlight", "note"], int]
FROM_SEARCH_LIMIT = 50  # search hits a briefing "from search" is filled with

_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class BriefingService:
    """Create, edit and read briefings in a Library's database."""

    def __init__(self, library: Library) -> None:
        self.lib = library
        self.conn = library.conn

    def _emit(self, bid: int, created: int | None = None) -> BriefingChanges:
        ch = BriefingChanges(briefings={bid}, created=created)
        self.lib.notify(ch)
        return ch

    # -- briefings ------------------------------------------------------------------------------
    def create(self, title: str, **fields: Any) -> BriefingChanges:
        """A new briefing; `created` is its id. Fields: subtitle, author, date, marking, ..."""
        values = _clean_fields({"title": title, **fields})
        if not values.get("title"):
            raise InvalidInput("a briefing needs a title")
        now = now_iso()
        with transaction(self.conn):
            bid = sql.insert_briefing(self.conn, {**values, "created_at": now, "updated_at": now})
        return self._emit(bid, bid)

    def _row(self, bid: int) -> Any:
        row = sql.get_briefing(self.conn, bid)
        if row is None:
            raise NotFound(f"no briefing with id {bid}")
        return row

    def get(self, bid: int) -> Briefing:
        """A briefing with sections and items resolved (live text, else the snapshot)."""
        row = self._row(bid)
        items: dict[int, list[BriefingItem]] = {}
        resolver = _Resolver(self.lib)
        for r in sql.items_of_briefing(self.conn, bid):
            items.setdefault(r["section_id"], []).append(resolver.item(r))
        sections = [
            BriefingSection(s["id"], bid, s["position"], s["heading"], items.get(s["id"], []))
            for s in sql.sections(self.conn, bid)
        ]
        return Briefing(
            id=row["id"],
            title=row["title"],
            subtitle=row["subtitle"],
            author=row["author"],
            date=row["date"],
            marking=row["marking"],
            summary=row["summary"],
            language=row["language"],
            include_toc=bool(row["include_toc"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            sections=sections,
        )

    def list(self) -> list[BriefingSummary]:
        """Every briefing, most recently changed first."""
        return [
            BriefingSummary(
                r["id"],
                r["title"],
                r["marking"],
                r["date"],
                r["updated_at"],
                r["n_sections"],
                r["n_items"],
            )
            for r in sql.list_briefings(self.conn)
        ]

    def update(self, bid: int, **fields: Any) -> BriefingChanges:
        """Change title, subtitle, author, date, marking, summary, language or include_toc."""
        self._row(bid)
        bad = set(fields) - set(sql.BRIEFING_FIELDS)
        if bad:
            raise InvalidInput(f"cannot set {', '.join(sorted(bad))}")
        values = _clean_fields(fields)
        if "title" in values and not values["title"]:
            raise InvalidInput("a briefing needs a title")
        with transaction(self.conn):
            sql.update_briefing(self.conn, bid, {**values, "updated_at": now_iso()})
        return self._emit(bid)

    def delete(self, bid: int) -> BriefingChanges:
        """Delete a briefing with its sections and items (highlights and notes stay)."""
        self._row(bid)
        with transaction(self.conn):
            sql.delete_briefing(self.conn, bid)
        return self._emit(bid)

    # -- sections -------------------------------------------------------------------------------
    def _section(self, sid: int) -> Any:
        row = sql.get_section(self.conn, sid)
        if row is None:
            raise NotFound(f"no briefing section with id {sid}")
        return row

    def add_section(
        self, bid: int, heading: str = "", position: int | None = None
    ) -> BriefingChanges:
        """A new section at position (default: last); `created` is its id."""
        self._row(bid)
        with transaction(self.conn):
            order = [s["id"] for s in sql.sections(self.conn, bid)]
            sid = sql.insert_section(self.conn, bid, len(order), _storable(heading.strip()))
            order.insert(_clamp(position, len(order)), sid)
            sql.set_section_order(self.conn, order)
            sql.touch(self.conn, bid, now_iso())
        return self._emit(bid, sid)

    def rename_section(self, sid: int, heading: str) -> BriefingChanges:
        """Change a section's heading."""
        sec = self._section(sid)
        with transaction(self.conn):
            sql.rename_section(self.conn, sid, _storable(heading.strip()))
            sql.touch(self.conn, sec["briefing_id"], now_iso())
        return self._emit(sec["briefing_id"])

    def delete_section(self, sid: int) -> BriefingChanges:
        """Delete a section and its items."""
        sec = self._section(sid)
        bid = sec["briefing_id"]
        with transaction(self.conn):
            sql.delete_section(self.conn, sid)
            sql.set_section_order(self.conn, [s["id"] for s in sql.sections(self.conn, bid)])
            sql.touch(self.conn, bid, now_iso())
        return self._emit(bid)

    def move_section(self, sid: int, position: int) -> BriefingChanges:
        """Move a section to position (0-based; clamped)."""
        sec = self._section(sid)
        bid = sec["briefing_id"]
        with transaction(self.conn):
            order = [s["id"] for s in sql.sections(self.conn, bid) if s["id"] != sid]
            order.insert(_clamp(position, len(order)), sid)
            sql.set_section_order(self.conn, order)
            sql.touch(self.conn, bid, now_iso())
        return self._emit(bid)

    def last_section(self, bid: int, heading: str = "") -> int:
        """The id of the briefing's last section, created (with heading) when it has none."""
        secs = sql.sections(self.conn, self._row(bid)["id"])
        if secs:
            return int(secs[-1]["id"])
        created = self.add_section(bid, heading).created
        assert created is not None
        return created

    # -- filling from highlights, notes and search results --------------------------------------
    def entries_from_hits(self, hits: Iterable[HitRef]) -> builtins.list[Entry]:
        """Highlights and notes of search hits, best first, each once.

        A highlight or note hit is itself; an article hit brings the article's highlights.
        """
        out: builtins.list[Entry] = []
        for hit in hits:
            found: builtins.list[Entry] = []
            if hit.kind == "highlight" and hit.highlight_id is not None:
                found = [("highlight", hit.highlight_id)]
            elif hit.kind == "note" and hit.note_id is not None:
                found = [("note", hit.note_id)]
            elif hit.kind == "article" and hit.article_id is not None:
                found = [("highlight", h.id) for h in self.lib.highlights(hit.article_id)]
            out += [e for e in found if e not in out]
        return out

    def check_entries(self, entries: Iterable[Entry]) -> None:
        """Raise NotFound for an entry whose highlight or note does not exist (before writing)."""
        for entry in entries:
            self._article_of(entry)

    def _article_of(self, entry: Entry) -> int | None:
        """The article of a highlight or note (None for a free note); NotFound when missing."""
        kind, ident = entry
        if kind == "highlight":
            return self.lib.get_highlight(ident).article_id
        return self.lib.get_note(ident).article_id

    def fill(self, bid: int, entries: Sequence[Entry]) -> builtins.list[int]:
        """Add highlights and notes, one new section per article (titled by it); returns item ids.

        Notes without an article share one untitled section.
        """
        articles = [self._article_of(e) for e in entries]  # NotFound before anything is written
        sections: dict[int | None, int] = {}
        items: builtins.list[int] = []
        for (kind, ident), article_id in zip(entries, articles, strict=True):
            if article_id not in sections:
                heading = self.lib.get_article(article_id).title if article_id is not None else ""
                created = self.add_section(bid, heading).created
                assert created is not None
                sections[article_id] = created
            if kind == "highlight":
                item = self.add_item(sections[article_id], highlight_id=ident).created
            else:
                item = self.add_item(sections[article_id], note_id=ident).created
            assert item is not None
            items.append(item)
        return items

    # -- items ----------------------------------------------------------------------------------
    def add_item(
        self,
        sid: int,
        *,
        highlight_id: int | None = None,
        note_id: int | None = None,
        text: str | None = None,
        position: int | None = None,
    ) -> BriefingChanges:
        """Add a highlight, a note, or free text (exactly one) to a section; `created` is its id."""
        given = [x is not None for x in (highlight_id, note_id, text)]
        if sum(given) != 1:
            raise InvalidInput("an item is one highlight, one note, or a text")
        sec = self._section(sid)
        fields: dict[str, Any] = {"section_id": sid, "position": 0}
        if highlight_id is not None:
            h = self.lib.get_highlight(highlight_id)
            fields.update(
                kind="highlight",
                highlight_id=h.id,
                snapshot=json.dumps(
                    {
                        "quote": h.exact,
                        "note": h.note,
                        "citation": _Resolver(self.lib).citation_dict(h.article_id),
                    },
                    ensure_ascii=False,
                ),
            )
        elif note_id is not None:
            n = self.lib.get_note(note_id)
            cit = _Resolver(self.lib).citation_dict(n.article_id) if n.article_id else None
            fields.update(
                kind="note",
                note_id=n.id,
                snapshot=json.dumps({"note": n.body, "citation": cit}, ensure_ascii=False),
            )
        else:
            assert text is not None
            if not text.strip():
                raise InvalidInput("the text is empty")
            fields.update(kind="text", text=_storable(text))
        with transaction(self.conn):
            order = sql.item_ids(self.conn, sid)
            item_id = sql.insert_item(self.conn, fields)
            order.insert(_clamp(position, len(order)), item_id)
            sql.set_item_order(self.conn, sid, order)
            sql.touch(self.conn, sec["briefing_id"], now_iso())
        return self._emit(sec["briefing_id"], item_id)

    def _item(self, item_id: int) -> Any:
        row = sql.get_item(self.conn, item_id)
        if row is None:
            raise NotFound(f"no briefing item with id {item_id}")
        return row

    def move_item(self, item_id: int, section_id: int, position: int) -> BriefingChanges:
        """Move an item to position (0-based; clamped) of a section of the same briefing."""
        item = self._item(item_id)
        target = self._section(section_id)
        bid = item["briefing_id"]
        if target["briefing_id"] != bid:
            raise InvalidInput("an item can only move within its briefing")
        with transaction(self.conn):
            old = [i for i in sql.item_ids(self.conn, item["section_id"]) if i != item_id]
            if item["section_id"] != section_id:
                sql.set_item_order(self.conn, item["section_id"], old)
                old = sql.item_ids(self.conn, section_id)
            old.insert(_clamp(position, len(old)), item_id)
            sql.set_item_order(self.conn, section_id, old)
            sql.touch(self.conn, bid, now_iso())
        return self._emit(bid)

    def edit_text(self, item_id: int, text: str) -> BriefingChanges:
        """Change the text of a free-text item."""
        item = self._item(item_id)
        if item["kind"] != "text":
            raise InvalidInput(
                "only text items can be edited here (edit the highlight or note itself)"
            )
        if not text.strip():
            raise InvalidInput("the text is empty")
        with transaction(self.conn):
            sql.update_item(self.conn, item_id, {"text": _storable(text)})
            sql.touch(self.conn, item["briefing_id"], now_iso())
        return self._emit(item["briefing_id"])

    def remove_item(self, item_id: int) -> BriefingChanges:
        """Remove an item from its section (the highlight or note itself stays)."""
        item = self._item(item_id)
        with transaction(self.conn):
            sql.delete_item(self.conn, item_id)
            sql.set_item_order(
                self.conn, item["section_id"], sql.item_ids(self.conn, item["section_id"])
            )
            sql.touch(self.conn, item["briefing_id"], now_iso())
        return self._emit(item["briefing_id"])

    def briefings_using(
        self, highlight_ids: Iterable[int] = (), note_ids: Iterable[int] = ()
    ) -> set[int]:
        """Briefings that quote any of these highlights or notes (to redraw after they change)."""
        return sql.briefings_using(self.conn, list(highlight_ids), list(note_ids))


class _Resolver:
    """Turns item rows into BriefingItems, caching article metadata."""

    def __init__(self, lib: Any) -> None:
        self.lib = lib
        self._articles: dict[int, dict[str, Any] | None] = {}

    def citation_dict(self, article_id: int | None) -> dict[str, Any] | None:
        if article_id is None:
            return None
        if article_id not in self._articles:
            self._articles[article_id] = sql.article_citation(self.lib.conn, article_id)
        return self._articles[article_id]

    def item(self, r: Any) -> BriefingItem:
        snap = _load(r["snapshot"])
        base = dict(
            id=r["id"],
            section_id=r["section_id"],
            position=r["position"],
            kind=r["kind"],
            highlight_id=r["highlight_id"],
            note_id=r["note_id"],
        )
        if r["kind"] == "highlight":
            h = _get(self.lib.get_highlight, r["highlight_id"])
            if h is not None:
                return BriefingItem(
                    **base,
                    text=h.exact,
                    note=h.note,
                    citation=_citation(self.citation_dict(h.article_id)),
                )
            return BriefingItem(
                **base,
                text=str(snap.get("quote", "")),
                note=str(snap.get("note", "")),
                citation=_citation(snap.get("citation")),
                from_snapshot=True,
            )
        if r["kind"] == "note":
            n = _get(self.lib.get_note, r["note_id"])
            if n is not None:
                return BriefingItem(
                    **base, text=n.body, citation=_citation(self.citation_dict(n.article_id))
                )
            return BriefingItem(
                **base,
                text=str(snap.get("note", "")),
                citation=_citation(snap.get("citation")),
                from_snapshot=True,
            )
        return BriefingItem(**base, text=r["text"])


def _get(getter: Any, ident: int | None) -> Any:
    if ident is None:
        return None
    try:
        return getter(ident)
    except NotFound:
        return None


def _load(snapshot: str) -> dict[str, Any]:
    try:
        data = json.loads(snapshot or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _citation(d: Any) -> Citation | None:
    if not isinstance(d, dict):
        return None
    aid = d.get("article_id")
    return Citation(
        article_id=int(aid) if isinstance(aid, int) else None,
        **{k: str(d.get(k) or "") for k in ("source", "title", "author", "published", "url")},
    )


def _storable(text: str) -> str:
    """Text SQLite can store: lone surrogates become U+FFFD (a split pair is joined)."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _clamp(position: int | None, n: int) -> int:
    if position is None or position > n:
        return n
    return max(0, position)


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if k not in sql.BRIEFING_FIELDS:
            raise InvalidInput(f"cannot set {k}")
        if k == "include_toc":
            out[k] = int(bool(v))
        elif k == "language":
            lang = str(v or "").strip() or "ar-SA"
            if not _LANG_RE.match(lang):
                raise InvalidInput(f"not a language tag: {lang!r} (for example ar-SA or en-US)")
            out[k] = lang
        else:
            text = _storable("" if v is None else str(v))
            out[k] = text.strip() if k != "summary" else text
    return out
