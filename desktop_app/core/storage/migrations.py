"""Numbered schema migrations. Append new ones; never edit one that has shipped."""

from __future__ import annotations

DEFAULT_LABELS = [
    (1, "Key claim", "#ffd54f"),
    (2, "Quote", "#81d4fa"),
    (3, "Figure", "#a5d6a7"),
    (4, "Question", "#ce93d8"),
    (5, "Contradiction", "#ef9a9a"),
    (6, "Follow-up", "#ffcc80"),
]

MIGRATION_1 = """
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL UNIQUE,
  original_sha256 TEXT NOT NULL DEFAULT '',
  original_name TEXT NOT NULL DEFAULT '',
  encoding TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  reading_position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_deleted ON articles(deleted_at);
CREATE TABLE paragraphs(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  text TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
  kind TEXT NOT NULL DEFAULT 'body',
  level INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE tags(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id);
CREATE TABLE labels(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  color TEXT NOT NULL
);
CREATE TABLE highlights(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  label_id INTEGER NOT NULL REFERENCES labels(id),
  orphaned INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX highlights_article ON highlights(article_id);
CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  highlight_id INTEGER UNIQUE REFERENCES highlights(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notes_article ON notes(article_id);
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Every change to what search indexes, written in the same transaction as the change.
CREATE TABLE change_log(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  item_id INTEGER NOT NULL
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('article', NEW.id); END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, source, author, url, published, language,
  content_hash, updated_at, deleted_at ON articles BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('article', NEW.id); END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('article', OLD.id); END;
CREATE TRIGGER article_tags_ai AFTER INSERT ON article_tags BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('article', NEW.article_id); END;
CREATE TRIGGER article_tags_ad AFTER DELETE ON article_tags BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('article', OLD.article_id); END;
CREATE TRIGGER highlights_ai AFTER INSERT ON highlights BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('highlight', NEW.id); END;
CREATE TRIGGER highlights_au AFTER UPDATE ON highlights BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('highlight', NEW.id); END;
CREATE TRIGGER highlights_ad AFTER DELETE ON highlights BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('highlight', OLD.id); END;
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('note', NEW.id);
  INSERT INTO change_log(kind, item_id) SELECT 'highlight', NEW.highlight_id
    WHERE NEW.highlight_id IS NOT NULL; END;
CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('note', NEW.id);
  INSERT INTO change_log(kind, item_id) SELECT 'highlight', NEW.highlight_id
    WHERE NEW.highlight_id IS NOT NULL; END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
  INSERT INTO change_log(kind, item_id) VALUES ('note', OLD.id);
  INSERT INTO change_log(kind, item_id) SELECT 'highlight', OLD.highlight_id
    WHERE OLD.highlight_id IS NOT NULL; END;
CREATE TRIGGER labels_au AFTER UPDATE OF name ON labels BEGIN
  INSERT INTO change_log(kind, item_id) SELECT 'highlight', id FROM highlights
    WHERE label_id = NEW.id; END;
"""

# Briefings: the analyst's output document. Items keep a JSON snapshot of their quote, note and
# citation so that a briefing still exports after its highlight or note was deleted.
MIGRATION_2 = """
CREATE TABLE briefings(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  subtitle TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  marking TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'ar-SA',
  include_toc INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE briefing_sections(
  id INTEGER PRIMARY KEY,
  briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  heading TEXT NOT NULL DEFAULT ''
);
CREATE INDEX briefing_sections_briefing ON briefing_sections(briefing_id, position);
CREATE TABLE briefing_items(
  id INTEGER PRIMARY KEY,
  section_id INTEGER NOT NULL REFERENCES briefing_sections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'text')),
  highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
  note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
  text TEXT NOT NULL DEFAULT '',
  snapshot TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX briefing_items_section ON briefing_items(section_id, position);
CREATE INDEX briefing_items_highlight ON briefing_items(highlight_id);
CREATE INDEX briefing_items_note ON briefing_items(note_id);
"""

# Saved searches: a name and a query (with its filters as JSON), listed by name.
MIGRATION_3 = """
CREATE TABLE saved_searches(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
"""

# Pages by their address and news feeds. canonical_url is the key of an article taken from the
# web (core.web.address.canonical), opened_at the first time the window showed an article (a
# feed's unread count). feed_items remembers every item a feed listed, by its guid, link and
# a digest of its content, so that an item is fetched once, whichever feed lists it.
MIGRATION_4 = """
ALTER TABLE articles ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN opened_at TEXT;
CREATE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url != '';
CREATE TABLE feeds(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  tag TEXT NOT NULL DEFAULT '',
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  checked_at TEXT,
  error TEXT NOT NULL DEFAULT '',
  error_code TEXT NOT NULL DEFAULT '',
  error_params TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE TABLE feed_items(
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  guid TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  digest TEXT NOT NULL DEFAULT '',
  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 1,
  error TEXT NOT NULL DEFAULT '',
  seen_at TEXT NOT NULL
);
CREATE INDEX feed_items_feed ON feed_items(feed_id);
CREATE INDEX feed_items_guid ON feed_items(guid) WHERE guid != '';
CREATE INDEX feed_items_link ON feed_items(link) WHERE link != '';
CREATE INDEX feed_items_digest ON feed_items(digest) WHERE digest != '';
CREATE INDEX feed_items_article ON feed_items(article_id);
"""

# Each entry turns schema version N-1 into N. Index 0 -> version 1.
MIGRATIONS: list[str] = [MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4]
