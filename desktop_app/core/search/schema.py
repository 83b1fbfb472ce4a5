"""The Whoosh schema of a library's search index, and the version that says when to rebuild it.

The index stores ids and fingerprints, not text: snippets are cut from the database's text.
"""

from __future__ import annotations

from whoosh import fields

from desktop_app.core.search.analyzer import ANALYZER_VERSION, arabic_analyzer

# Bump on any change to the fields or to what goes into them.
SCHEMA_VERSION = 3
INDEX_VERSION = f"schema{SCHEMA_VERSION}-analyzer{ANALYZER_VERSION}"

KINDS = ("article", "highlight", "note")
META_ID = "meta"
# Documents that are not search results: the meta document (and, in version 1 indexes, the
# prefix vocabulary).
KIND_META = "meta"
KIND_VOCAB = "vocab"

TITLE_BOOST = 2.5
TAG_BOOST = 1.5

# Free words search title and body (a highlight's body is its quote and note): each extra
# field is one more posting list to walk for every word. Highlight and note documents carry
# their article's title in `atitle`, which only `title:` searches, so a title word does not
# return every highlight of the article.
DEFAULT_FIELDS = ("title", "body")
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "atitle"),
    "source": ("source",),
    "tag": ("tag",),
    "label": ("label",),
}
FACETS = ("kind", "source", "year", "language", "label")  # in the order the window lists them
# Facet name -> the column that holds its exact value.
FACET_COLUMNS = {
    "source": "f_source",
    "year": "f_year",
    "language": "lang",
    "label": "f_label",
    "kind": "kind",
}


def _text(boost: float = 1.0) -> fields.TEXT:
    return fields.TEXT(analyzer=arabic_analyzer(), phrase=True, field_boost=boost)


def build_schema() -> fields.Schema:
    """A fresh schema (the analyzer class is pickled into the index by its import path)."""
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        fp=fields.STORED(),
        meta=fields.STORED(),
        kind=fields.ID(sortable=True),
        aid=fields.ID(),
        title=_text(TITLE_BOOST),
        atitle=_text(),
        body=_text(),
        tag=_text(TAG_BOOST),
        source=_text(),
        label=_text(),
        lang=fields.ID(sortable=True),
        date=fields.ID(sortable=True),
        f_source=fields.ID(sortable=True),
        f_year=fields.ID(sortable=True),
        f_label=fields.ID(sortable=True),
    )
