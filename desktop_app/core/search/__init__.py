"""Full-text search: Arabic analyzer, stemmer, index, queries and snippets."""
