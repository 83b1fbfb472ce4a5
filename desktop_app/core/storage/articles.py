"""SQL for articles, paragraphs and tags."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from desktop_app.core.models import Article, ArticleSummary, Paragraph
from desktop_app.core.storage.db import insert_row, update_row

SORTS = {
    "imported": "a.imported_at DESC, a.id DESC",
    "title": "a.title COLLATE NOCASE, a.id",
    "source": "a.source COLLATE NOCASE, a.id",
    "date": "a.published DESC, a.id DESC",
    "highlights": "(SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) DESC, a.id",
}


def find_by_hash(conn: sqlite3.Connection, content_hash: str) -> int | None:
    """Id of the article with this content hash, or None."""
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    return int(row[0]) if row else None


def find_by_canonical(conn: sqlite3.Connection, canonical_url: str) -> int | None:
    """Id of the article taken from this (canonical) address, or None."""
    if not canonical_url:
        return None
    row = conn.execute(
        "SELECT id FROM articles WHERE canonical_url = ? ORDER BY id LIMIT 1", (canonical_url,)
    ).fetchone()
    return int(row[0]) if row else None


def insert_article(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    """Insert an article row and return its id."""
    return insert_row(conn, "articles", fields)


def replace_paragraphs(
    conn: sqlite3.Connection, article_id: int, paras: Sequence[Paragraph]
) -> None:
    """Store paragraphs (with their offsets) for an article, replacing the old ones."""
    conn.execute("DELETE FROM paragraphs WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO paragraphs(article_id, idx, start, text, direction, kind, level)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, i, p.start, p.text, p.direction, p.kind, p.level)
            for i, p in enumerate(paras)
        ],
    )


def update_article(conn: sqlite3.Connection, article_id: int, fields: dict[str, Any]) -> None:
    """Update some columns of an article."""
    update_row(conn, "articles", article_id, fields)


def get_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    """The article with its paragraphs and tags, or None."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    paras = [
        Paragraph(
            text=r["text"],
            direction=r["direction"],
            kind=r["kind"],
            start=r["start"],
            level=r["level"],
        )
        for r in conn.execute(
            "SELECT * FROM paragraphs WHERE article_id = ? ORDER BY idx", (article_id,)
        )
    ]
    return Article(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        author=row["author"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
        format=row["format"],
        content_hash=row["content_hash"],
        original_sha256=row["original_sha256"],
        original_name=row["original_name"],
        encoding=row["encoding"],
        imported_at=row["imported_at"],
        updated_at=row["updated_at"],
        deleted_at=row["deleted_at"],
        reading_position=row["reading_position"],
        paragraphs=paras,
        tags=article_tags(conn, article_id),
    )


def _where(text: str, tag: str | None, trash: bool) -> tuple[str, list[Any]]:
    clauses = ["a.deleted_at IS NOT NULL" if trash else "a.deleted_at IS NULL"]
    args: list[Any] = []
    if text:
        clauses.append("(a.title LIKE ? OR a.source LIKE ? OR a.author LIKE ?)")
        like = f"%{text}%"
        args += [like, like, like]
    if tag:
        clauses.append(
            "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
            " WHERE t.name = ?)"
        )
        args.append(tag)
    return " AND ".join(clauses), args


def article_ids(
    conn: sqlite3.Connection,
    text: str = "",
    tag: str | None = None,
    sort: str = "imported",
    trash: bool = False,
) -> list[int]:
    """Ids of the articles matching a filter, in list order."""
    where, args = _where(text, tag, trash)
    order = SORTS.get(sort, SORTS["imported"])
    return [
        int(r[0])
        for r in conn.execute(f"SELECT a.id FROM articles a WHERE {where} ORDER BY {order}", args)
    ]


def article_count(conn: sqlite3.Connection, trash: bool = False) -> int:
    """How many articles are in the library (or in the trash)."""
    where = "deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"
    return int(conn.execute(f"SELECT COUNT(*) FROM articles WHERE {where}").fetchone()[0])


def summaries(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, ArticleSummary]:
    """Summaries of the given articles, by id."""
    out: dict[int, ArticleSummary] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = list(ids[chunk_start : chunk_start + 500])
        marks = ",".join("?" for _ in chunk)
        rows = conn.execute(
            f"""SELECT a.id, a.title, a.source, a.published, a.language, a.imported_at, a.deleted_at,
                (SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id) AS nh,
                (SELECT COUNT(*) FROM notes n WHERE n.article_id = a.id) AS nn
                FROM articles a WHERE a.id IN ({marks})""",
            chunk,
        )
        for r in rows:
            out[r["id"]] = ArticleSummary(
                id=r["id"],
                title=r["title"],
                source=r["source"],
                published=r["published"],
                language=r["language"],
                imported_at=r["imported_at"],
                highlights=r["nh"],
                notes=r["nn"],
                deleted=r["deleted_at"] is not None,
            )
    return out


def article_tags(conn: sqlite3.Connection, article_id: int) -> list[str]:
    """Tag names of an article, sorted."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id"
            " WHERE at.article_id = ? ORDER BY t.name",
            (article_id,),
        )
    ]


def set_tags(conn: sqlite3.Connection, article_id: int, names: Sequence[str]) -> None:
    """Replace an article's tags."""
    conn.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (name,))
        conn.execute(
            "INSERT OR IGNORE INTO article_tags(article_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
            (article_id, name),
        )
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag with its number of (not deleted) articles."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT t.name, COUNT(a.id) FROM tags t JOIN article_tags at ON at.tag_id = t.id"
            " JOIN articles a ON a.id = at.article_id AND a.deleted_at IS NULL"
            " GROUP BY t.id ORDER BY t.name"
        )
    ]


def delete_article_row(conn: sqlite3.Connection, article_id: int) -> None:
    """Delete an article for good (paragraphs, highlights, notes cascade)."""
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    """A library setting, or None."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Store a library setting."""
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
