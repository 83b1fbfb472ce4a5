"""SQL for briefings, their sections and their items."""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop_app.core.storage.db import fetch_row, insert_row, update_row

BRIEFING_FIELDS = (
    "title",
    "subtitle",
    "author",
    "date",
    "marking",
    "summary",
    "language",
    "include_toc",
)


def insert_briefing(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    """Insert a briefing row and return its id."""
    return insert_row(conn, "briefings", fields)


def update_briefing(conn: sqlite3.Connection, bid: int, fields: dict[str, Any]) -> None:
    """Update columns of a briefing."""
    update_row(conn, "briefings", bid, fields)


def get_briefing(conn: sqlite3.Connection, bid: int) -> sqlite3.Row | None:
    """A briefing row, or None."""
    return fetch_row(conn, "SELECT * FROM briefings WHERE id = ?", (bid,))


def list_briefings(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every briefing with its section and item counts, most recently changed first."""
    return list(
        conn.execute(
            """SELECT b.*,
               (SELECT COUNT(*) FROM briefing_sections s WHERE s.briefing_id = b.id) AS n_sections,
               (SELECT COUNT(*) FROM briefing_items i JOIN briefing_sections s
                  ON s.id = i.section_id WHERE s.briefing_id = b.id) AS n_items
               FROM briefings b ORDER BY b.updated_at DESC, b.id DESC"""
        )
    )


def delete_briefing(conn: sqlite3.Connection, bid: int) -> None:
    """Delete a briefing (sections and items cascade)."""
    conn.execute("DELETE FROM briefings WHERE id = ?", (bid,))


def touch(conn: sqlite3.Connection, bid: int, when: str) -> None:
    """Set a briefing's updated_at."""
    conn.execute("UPDATE briefings SET updated_at = ? WHERE id = ?", (when, bid))


# -- sections ---------------------------------------------------------------------------------
def sections(conn: sqlite3.Connection, bid: int) -> list[sqlite3.Row]:
    """Sections of a briefing in order."""
    return list(
        conn.execute(
            "SELECT * FROM briefing_sections WHERE briefing_id = ? ORDER BY position, id", (bid,)
        )
    )


def get_section(conn: sqlite3.Connection, sid: int) -> sqlite3.Row | None:
    """A section row, or None."""
    return fetch_row(conn, "SELECT * FROM briefing_sections WHERE id = ?", (sid,))


def insert_section(conn: sqlite3.Connection, bid: int, position: int, heading: str) -> int:
    """Insert a section row at a position (callers renumber) and return its id."""
    cur = conn.execute(
        "INSERT INTO briefing_sections(briefing_id, position, heading) VALUES (?, ?, ?)",
        (bid, position, heading),
    )
    return int(cur.lastrowid or 0)


def rename_section(conn: sqlite3.Connection, sid: int, heading: str) -> None:
    """Change a section's heading."""
    conn.execute("UPDATE briefing_sections SET heading = ? WHERE id = ?", (heading, sid))


def delete_section(conn: sqlite3.Connection, sid: int) -> None:
    """Delete a section (its items cascade)."""
    conn.execute("DELETE FROM briefing_sections WHERE id = ?", (sid,))


def set_section_order(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Number sections 0..n-1 in the given order."""
    conn.executemany(
        "UPDATE briefing_sections SET position = ? WHERE id = ?",
        [(i, s) for i, s in enumerate(ids)],
    )


# -- items ------------------------------------------------------------------------------------
def items_of_briefing(conn: sqlite3.Connection, bid: int) -> list[sqlite3.Row]:
    """Every item of a briefing, ordered by section then position."""
    return list(
        conn.execute(
            """SELECT i.* FROM briefing_items i JOIN briefing_sections s ON s.id = i.section_id
               WHERE s.briefing_id = ? ORDER BY s.position, s.id, i.position, i.id""",
            (bid,),
        )
    )


def item_ids(conn: sqlite3.Connection, sid: int) -> list[int]:
    """Ids of a section's items in order."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM briefing_items WHERE section_id = ? ORDER BY position, id", (sid,)
        )
    ]


def get_item(conn: sqlite3.Connection, item_id: int) -> sqlite3.Row | None:
    """An item row joined with its briefing id, or None."""
    return fetch_row(
        conn,
        """SELECT i.*, s.briefing_id FROM briefing_items i
           JOIN briefing_sections s ON s.id = i.section_id WHERE i.id = ?""",
        (item_id,),
    )


def insert_item(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    """Insert an item row and return its id."""
    return insert_row(conn, "briefing_items", fields)


def update_item(conn: sqlite3.Connection, item_id: int, fields: dict[str, Any]) -> None:
    """Update columns of an item."""
    update_row(conn, "briefing_items", item_id, fields)


def delete_item(conn: sqlite3.Connection, item_id: int) -> None:
    """Delete an item."""
    conn.execute("DELETE FROM briefing_items WHERE id = ?", (item_id,))


def set_item_order(conn: sqlite3.Connection, sid: int, ids: list[int]) -> None:
    """Put the given items in section sid, numbered 0..n-1 in this order."""
    conn.executemany(
        "UPDATE briefing_items SET section_id = ?, position = ? WHERE id = ?",
        [(sid, i, item) for i, item in enumerate(ids)],
    )


def briefings_using(
    conn: sqlite3.Connection, highlight_ids: list[int], note_ids: list[int]
) -> set[int]:
    """Ids of briefings with items that reference any of these highlights or notes."""
    out: set[int] = set()
    for col, ids in (("highlight_id", highlight_ids), ("note_id", note_ids)):
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" for _ in chunk)
            rows = conn.execute(
                f"""SELECT DISTINCT s.briefing_id FROM briefing_items i
                    JOIN briefing_sections s ON s.id = i.section_id WHERE i.{col} IN ({marks})""",
                chunk,
            )
            out.update(int(r[0]) for r in rows)
    return out


def article_citation(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """The citation fields of an article (no paragraphs), or None."""
    r = conn.execute(
        "SELECT id, source, title, author, published, url FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if r is None:
        return None
    return {
        "article_id": r["id"],
        "source": r["source"],
        "title": r["title"],
        "author": r["author"],
        "published": r["published"],
        "url": r["url"],
    }
