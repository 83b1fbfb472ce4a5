"""Full-text search: Arabic analyzer, stemmer, index, queries and snippets."""

from desktop_app.core.search.mapped import install as _read_segments_in_place

_read_segments_in_place()
