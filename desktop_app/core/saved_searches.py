"""Saved searches: a name, a query and its facet filters, kept in the library's database."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.storage import saved_searches as sql
from desktop_app.core.storage.db import now_iso, transaction

Filters = dict[str, list[str]]
MAX_NAME = 120


@dataclass(frozen=True)
class SavedSearch:
    """A search the analyst named: the query text and the facet values it filters by."""

    id: int
    name: str
    query: str
    filters: Filters = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""


def clean_filters(filters: Any) -> Filters:
    """Facet filters as {facet: [values]} with strings only, empty facets dropped."""
    if not isinstance(filters, dict):
        return {}
    out: Filters = {}
    for key, values in filters.items():
        if isinstance(values, str | int):
            values = [values]
        if not isinstance(values, list | tuple | set | frozenset):
            continue
        vals = sorted({str(v) for v in values if str(v).strip()})
        if vals:
            out[str(key)] = vals
    return out


def _row(r: Any) -> SavedSearch:
    try:
        filters = clean_filters(json.loads(r["filters"] or "{}"))
    except ValueError:
        filters = {}
    return SavedSearch(r["id"], r["name"], r["query"], filters, r["created_at"], r["updated_at"])


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput("a saved search needs a name")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"the name is too long (at most {MAX_NAME} characters)")
    return name


class SavedSearches:
    """Save, list, rename and delete named searches of a Library."""

    def __init__(self, library: Any) -> None:
        self.conn = library.conn

    def list(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        return [_row(r) for r in sql.list_all(self.conn)]

    def get(self, sid: int) -> SavedSearch:
        """A saved search; NotFound when there is none."""
        r = sql.get(self.conn, sid)
        if r is None:
            raise NotFound(f"no saved search with id {sid}")
        return _row(r)

    def save(self, name: str, query: str, filters: Any = None) -> SavedSearch:
        """Save a search under a name; saving again under the same name replaces it."""
        name = _clean_name(name)
        if not (query or "").strip() and not clean_filters(filters):
            raise InvalidInput("there is nothing to save: the query is empty")
        data = json.dumps(clean_filters(filters), ensure_ascii=False, sort_keys=True)
        now = now_iso()
        with transaction(self.conn):
            existing = sql.by_name(self.conn, name)
            if existing is None:
                sid = sql.insert(self.conn, name, query, data, now)
            else:
                sid = int(existing["id"])
                sql.update(self.conn, sid, {"query": query, "filters": data, "updated_at": now})
        return self.get(sid)

    def rename(self, sid: int, name: str) -> SavedSearch:
        """Give a saved search another name (names are unique, ignoring case)."""
        self.get(sid)
        name = _clean_name(name)
        with transaction(self.conn):
            other = sql.by_name(self.conn, name)
            if other is not None and int(other["id"]) != sid:
                raise InvalidInput(f"a saved search is already called {name!r}")
            sql.update(self.conn, sid, {"name": name, "updated_at": now_iso()})
        return self.get(sid)

    def delete(self, sid: int) -> None:
        """Delete a saved search."""
        self.get(sid)
        with transaction(self.conn):
            sql.delete(self.conn, sid)
