"""SQL for news feeds and the items they listed."""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop_app.core.storage.db import fetch_row, insert_row, update_row

_COUNTS = """
SELECT fi.feed_id,
       COUNT(DISTINCT a.id),
       COUNT(DISTINCT CASE WHEN a.opened_at IS NULL THEN a.id END)
FROM feed_items fi JOIN articles a ON a.id = fi.article_id
WHERE a.deleted_at IS NULL
GROUP BY fi.feed_id
"""


def feed_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every feed, in the order they were added."""
    return list(conn.execute("SELECT * FROM feeds ORDER BY id"))


def feed_row(conn: sqlite3.Connection, feed_id: int) -> sqlite3.Row | None:
    return fetch_row(conn, "SELECT * FROM feeds WHERE id = ?", (feed_id,))


def feed_by_url(conn: sqlite3.Connection, url: str) -> int | None:
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    return int(row[0]) if row else None


def counts(conn: sqlite3.Connection) -> dict[int, tuple[int, int]]:
    """feed id -> (articles, unread articles), over the articles not in the trash."""
    return {int(r[0]): (int(r[1]), int(r[2])) for r in conn.execute(_COUNTS)}


def insert_feed(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    return insert_row(conn, "feeds", fields)


def update_feed(conn: sqlite3.Connection, feed_id: int, fields: dict[str, Any]) -> None:
    update_row(conn, "feeds", feed_id, fields)


def delete_feed(conn: sqlite3.Connection, feed_id: int) -> bool:
    return conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,)).rowcount > 0


def find_item(
    conn: sqlite3.Connection, keys: tuple[str, str, str], feed_id: int | None = None
) -> sqlite3.Row | None:
    """The item with any of the keys (guid, link, digest): this feed's when feed_id is given,
    else one of any feed that became an article (imported or a duplicate of one)."""
    guid, link, digest = keys
    where = (
        "(guid = ? AND guid != '') OR (link = ? AND link != '') OR (digest = ? AND digest != '')"
    )
    if feed_id is not None:
        return fetch_row(
            conn,
            f"SELECT * FROM feed_items WHERE feed_id = ? AND ({where}) ORDER BY id LIMIT 1",
            (feed_id, guid, link, digest),
        )
    return fetch_row(
        conn,
        f"SELECT * FROM feed_items WHERE status != 'failed' AND article_id IS NOT NULL"
        f" AND ({where}) ORDER BY id LIMIT 1",
        (guid, link, digest),
    )


def insert_item(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    return insert_row(conn, "feed_items", fields)


def update_item(conn: sqlite3.Connection, item_id: int, fields: dict[str, Any]) -> None:
    update_row(conn, "feed_items", item_id, fields)


def article_ids(conn: sqlite3.Connection, feed_id: int) -> list[int]:
    """The feed's articles not in the trash, newest first."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT a.id FROM feed_items fi JOIN articles a ON a.id = fi.article_id"
            " WHERE fi.feed_id = ? AND a.deleted_at IS NULL ORDER BY a.id DESC",
            (feed_id,),
        )
    ]
