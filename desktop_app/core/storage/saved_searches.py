"""SQL for saved searches (name, query, filters as JSON)."""

from __future__ import annotations

import sqlite3

from desktop_app.core.storage.db import fetch_row, update_row


def list_all(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every saved search, by name."""
    return list(conn.execute("SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE, id"))


def get(conn: sqlite3.Connection, sid: int) -> sqlite3.Row | None:
    """A saved search by id, or None."""
    return fetch_row(conn, "SELECT * FROM saved_searches WHERE id = ?", (sid,))


def by_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    """A saved search by name (case-insensitive), or None."""
    return fetch_row(conn, "SELECT * FROM saved_searches WHERE name = ?", (name,))


def insert(conn: sqlite3.Connection, name: str, query: str, filters: str, when: str) -> int:
    """Insert a saved search and return its id."""
    cur = conn.execute(
        "INSERT INTO saved_searches(name, query, filters, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (name, query, filters, when, when),
    )
    return int(cur.lastrowid or 0)


def update(conn: sqlite3.Connection, sid: int, fields: dict[str, str]) -> None:
    """Update columns of a saved search."""
    update_row(conn, "saved_searches", sid, fields)


def delete(conn: sqlite3.Connection, sid: int) -> None:
    """Delete a saved search."""
    conn.execute("DELETE FROM saved_searches WHERE id = ?", (sid,))
