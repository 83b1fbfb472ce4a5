"""SQL reads for the search index: what changed since a change_log seq, and the rows to index."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.storage.db import connect_read_only, read_only_place

_CHUNK = 500


@dataclass(frozen=True)
class ArticleMeta:
    """The article fields that highlights and notes inherit in the index."""

    id: int
    title: str
    source: str
    published: str
    language: str
    deleted: bool


@dataclass(frozen=True)
class ArticleSource:
    """An article as the index sees it."""

    meta: ArticleMeta
    content_hash: str
    text: str
    tags: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Hash of what went into the index document."""
        m = self.meta
        return fingerprint(
            "a", m.title, m.source, m.published, m.language, self.content_hash, *self.tags
        )


@dataclass(frozen=True)
class HighlightSource:
    """A highlight with its label name, note text and article metadata."""

    id: int
    article: ArticleMeta
    exact: str
    label: str
    note: str

    @property
    def fingerprint(self) -> str:
        """Hash of what went into the index document."""
        m = self.article
        return fingerprint(
            "h", self.exact, self.label, self.note, m.title, m.source, m.published, m.language
        )


@dataclass(frozen=True)
class NoteSource:
    """A free note or a note on an article (notes on highlights go with the highlight)."""

    id: int
    body: str
    article: ArticleMeta | None

    @property
    def fingerprint(self) -> str:
        """Hash of what went into the index document."""
        m = self.article
        meta = (m.title, m.source, m.published, m.language) if m else ("", "", "", "")
        return fingerprint("n", self.body, *meta)


def fingerprint(*parts: str) -> str:
    """A short stable hash of some strings."""
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8)
    return h.hexdigest()


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _marks(n: int) -> str:
    return ",".join("?" * n)


def max_seq(conn: sqlite3.Connection) -> int:
    """The newest change_log seq (0 when empty)."""
    row = conn.execute("SELECT MAX(seq) FROM change_log").fetchone()
    return int(row[0] or 0)


def changes_since(
    conn: sqlite3.Connection, seq: int, upto: int | None = None
) -> list[tuple[str, int]]:
    """Distinct (kind, item_id) changed after seq (up to and including `upto`), oldest first."""
    sql = "SELECT kind, item_id, MIN(seq) AS s FROM change_log WHERE seq > ?"
    args: list[int] = [seq]
    if upto is not None:
        sql += " AND seq <= ?"
        args.append(upto)
    sql += " GROUP BY kind, item_id ORDER BY s"
    return [(str(r[0]), int(r[1])) for r in conn.execute(sql, args)]


def _meta(r: sqlite3.Row) -> ArticleMeta:
    return ArticleMeta(
        int(r["aid"]),
        r["title"],
        r["source"],
        r["published"],
        r["language"],
        r["deleted_at"] is not None,
    )


_META_COLS = "a.id AS aid, a.title, a.source, a.published, a.language, a.deleted_at"


def articles(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, ArticleSource]:
    """Articles (trashed ones included) with their text and tags, by id."""
    out: dict[int, ArticleSource] = {}
    for chunk in _chunks(ids):
        marks = _marks(len(chunk))
        texts: dict[int, list[str]] = {}
        for r in conn.execute(
            f"SELECT article_id, text FROM paragraphs WHERE article_id IN ({marks})"
            " ORDER BY article_id, idx",
            chunk,
        ):
            texts.setdefault(int(r[0]), []).append(r[1])
        tags: dict[int, list[str]] = {}
        for r in conn.execute(
            "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
            f" WHERE at.article_id IN ({marks}) ORDER BY t.name",
            chunk,
        ):
            tags.setdefault(int(r[0]), []).append(r[1])
        for r in conn.execute(
            f"SELECT {_META_COLS}, a.content_hash FROM articles a WHERE a.id IN ({marks})", chunk
        ):
            aid = int(r["aid"])
            out[aid] = ArticleSource(
                _meta(r), r["content_hash"], "\n".join(texts.get(aid, [])), tags.get(aid, [])
            )
    return out


_HL_SQL = f"""SELECT h.id, h.exact, l.name AS label, n.body AS note, {_META_COLS}
FROM highlights h JOIN articles a ON a.id = h.article_id
LEFT JOIN labels l ON l.id = h.label_id LEFT JOIN notes n ON n.highlight_id = h.id"""


def highlights(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, HighlightSource]:
    """Highlights by id, with their article's metadata."""
    out: dict[int, HighlightSource] = {}
    for chunk in _chunks(ids):
        for r in conn.execute(f"{_HL_SQL} WHERE h.id IN ({_marks(len(chunk))})", chunk):
            out[int(r["id"])] = HighlightSource(
                int(r["id"]), _meta(r), r["exact"], r["label"] or "", r["note"] or ""
            )
    return out


_NOTE_SQL = f"""SELECT n.id, n.body, n.article_id, n.highlight_id, {_META_COLS}
FROM notes n LEFT JOIN articles a ON a.id = n.article_id"""


def notes(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, NoteSource]:
    """Free notes and notes on articles by id (notes on highlights are left out)."""
    out: dict[int, NoteSource] = {}
    for chunk in _chunks(ids):
        for r in conn.execute(
            f"{_NOTE_SQL} WHERE n.id IN ({_marks(len(chunk))}) AND n.highlight_id IS NULL", chunk
        ):
            meta = _meta(r) if r["aid"] is not None else None
            out[int(r["id"])] = NoteSource(int(r["id"]), r["body"], meta)
    return out


def note_highlight(conn: sqlite3.Connection, note_id: int) -> int | None:
    """The highlight a note belongs to, or None."""
    r = conn.execute("SELECT highlight_id FROM notes WHERE id = ?", (note_id,)).fetchone()
    return int(r[0]) if r and r[0] is not None else None


def highlight_article(conn: sqlite3.Connection, highlight_id: int) -> int | None:
    """The article a highlight belongs to, or None when it is gone."""
    r = conn.execute("SELECT article_id FROM highlights WHERE id = ?", (highlight_id,)).fetchone()
    return int(r[0]) if r else None


def note_article(conn: sqlite3.Connection, note_id: int) -> int | None:
    """The article a note belongs to, or None (a free note, or gone)."""
    r = conn.execute("SELECT article_id FROM notes WHERE id = ?", (note_id,)).fetchone()
    return int(r[0]) if r and r[0] is not None else None


def children_of(
    conn: sqlite3.Connection, article_ids: Sequence[int]
) -> dict[int, tuple[list[int], list[int]]]:
    """Ids of the highlights and own notes of each article (those with none left out)."""
    out: dict[int, tuple[list[int], list[int]]] = {}
    for chunk in _chunks(article_ids):
        marks = _marks(len(chunk))
        for r in conn.execute(
            f"SELECT article_id, id FROM highlights WHERE article_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            out.setdefault(int(r[0]), ([], []))[0].append(int(r[1]))
        for r in conn.execute(
            f"SELECT article_id, id FROM notes WHERE article_id IN ({marks})"
            " AND highlight_id IS NULL ORDER BY id",
            chunk,
        ):
            out.setdefault(int(r[0]), ([], []))[1].append(int(r[1]))
    return out


def live_article_ids_after(
    conn: sqlite3.Connection, after: int, upto: int, limit: int
) -> list[int]:
    """The next live (not trashed) article ids after `after` (up to `upto`), in id order."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM articles WHERE id > ? AND id <= ? AND deleted_at IS NULL"
            " ORDER BY id LIMIT ?",
            (after, upto, limit),
        )
    ]


def free_note_ids_after(conn: sqlite3.Connection, after: int, upto: int, limit: int) -> list[int]:
    """The next free note ids after `after` (up to `upto`), in id order."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM notes WHERE id > ? AND id <= ? AND article_id IS NULL"
            " AND highlight_id IS NULL ORDER BY id LIMIT ?",
            (after, upto, limit),
        )
    ]


def last_article_and_note_ids(conn: sqlite3.Connection) -> tuple[int, int]:
    """The highest article id and the highest free note id (0 when none)."""
    a = conn.execute("SELECT MAX(id) FROM articles").fetchone()[0]
    n = conn.execute(
        "SELECT MAX(id) FROM notes WHERE article_id IS NULL AND highlight_id IS NULL"
    ).fetchone()[0]
    return int(a or 0), int(n or 0)


def rebuild_counts(
    conn: sqlite3.Connection, article: int, note: int, last_article: int, last_note: int
) -> tuple[int, int]:
    """(done, total) of a rebuild's items: live articles and free notes up to the last ids,
    done up to the first ones."""
    a_done, a_all = conn.execute(
        "SELECT COUNT(CASE WHEN id <= ? THEN 1 END), COUNT(*) FROM articles"
        " WHERE deleted_at IS NULL AND id <= ?",
        (article, last_article),
    ).fetchone()
    n_done, n_all = conn.execute(
        "SELECT COUNT(CASE WHEN id <= ? THEN 1 END), COUNT(*) FROM notes"
        " WHERE article_id IS NULL AND highlight_id IS NULL AND id <= ?",
        (note, last_note),
    ).fetchone()
    return int(a_done) + int(n_done), int(a_all) + int(n_all)


def expected_fingerprints(conn: sqlite3.Connection) -> dict[str, str]:
    """Document id -> fingerprint for everything the index should hold (reads no article text)."""
    out: dict[str, str] = {}
    tags: dict[int, list[str]] = {}
    for r in conn.execute(
        "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
        " ORDER BY t.name"
    ):
        tags.setdefault(int(r[0]), []).append(r[1])
    for r in conn.execute(
        f"SELECT {_META_COLS}, a.content_hash FROM articles a WHERE a.deleted_at IS NULL"
    ):
        src = ArticleSource(_meta(r), r["content_hash"], "", tags.get(int(r["aid"]), []))
        out[f"a{src.meta.id}"] = src.fingerprint
    for r in conn.execute(f"{_HL_SQL} WHERE a.deleted_at IS NULL"):
        h = HighlightSource(int(r["id"]), _meta(r), r["exact"], r["label"] or "", r["note"] or "")
        out[f"h{h.id}"] = h.fingerprint
    for r in conn.execute(
        f"{_NOTE_SQL} WHERE n.highlight_id IS NULL AND (n.article_id IS NULL OR a.deleted_at IS NULL)"
    ):
        meta = _meta(r) if r["aid"] is not None else None
        n = NoteSource(int(r["id"]), r["body"], meta)
        out[f"n{n.id}"] = n.fingerprint
    return out


@dataclass(frozen=True)
class HitRow:
    """What a search hit shows, read from the database."""

    title: str
    source: str
    date: str
    text: str
    article_id: int | None = None


def hit_rows(
    conn: sqlite3.Connection,
    article_ids: Sequence[int],
    highlight_ids: Sequence[int],
    note_ids: Sequence[int],
    with_text: bool = True,
) -> tuple[dict[int, HitRow], dict[int, HitRow], dict[int, HitRow]]:
    """Title, source, date and original text of the hits' articles, highlights and notes."""
    arts: dict[int, HitRow] = {}
    for chunk in _chunks(list(article_ids)):
        marks = _marks(len(chunk))
        texts: dict[int, list[str]] = {}
        if with_text:
            for r in conn.execute(
                f"SELECT article_id, text FROM paragraphs WHERE article_id IN ({marks})"
                " ORDER BY article_id, idx",
                chunk,
            ):
                texts.setdefault(int(r[0]), []).append(r[1])
        for r in conn.execute(
            f"SELECT id, title, source, published FROM articles WHERE id IN ({marks})", chunk
        ):
            aid = int(r[0])
            arts[aid] = HitRow(r[1], r[2], r[3], "\n".join(texts.get(aid, [])), aid)
    hls: dict[int, HitRow] = {}
    for chunk in _chunks(list(highlight_ids)):
        for r in conn.execute(
            "SELECT h.id, a.title, a.source, a.published, h.exact, n.body, h.article_id"
            " FROM highlights h"
            " JOIN articles a ON a.id = h.article_id LEFT JOIN notes n ON n.highlight_id = h.id"
            f" WHERE h.id IN ({_marks(len(chunk))})",
            chunk,
        ):
            text = r[4] if not r[5] else f"{r[4]}\n{r[5]}"
            hls[int(r[0])] = HitRow(r[1], r[2], r[3], text, int(r[6]))
    nts: dict[int, HitRow] = {}
    for chunk in _chunks(list(note_ids)):
        for r in conn.execute(
            "SELECT n.id, a.title, a.source, a.published, n.body, n.article_id FROM notes n"
            f" LEFT JOIN articles a ON a.id = n.article_id WHERE n.id IN ({_marks(len(chunk))})",
            chunk,
        ):
            nts[int(r[0])] = HitRow(r[1] or "", r[2] or "", r[3] or "", r[4], r[5])
    return arts, hls, nts


def article_count(conn: sqlite3.Connection) -> int:
    """Number of live (not trashed) articles."""
    return int(conn.execute("SELECT COUNT(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0])


def open_reader(db_path: str) -> sqlite3.Connection:
    """A read-only connection for one search thread."""
    if read_only_place(Path(db_path)):  # a library on a read-only disk
        conn = connect_read_only(Path(db_path))
        conn.row_factory = None
        return conn
    conn = sqlite3.connect(db_path, timeout=30.0, check_same_thread=False)
    conn.execute("PRAGMA query_only=ON")
    return conn
