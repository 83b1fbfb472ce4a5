"""SQL for labels, highlights and notes."""

from __future__ import annotations

import sqlite3
from typing import Any

from desktop_app.core.models import Highlight, Label, Note
from desktop_app.core.storage.db import insert_row, update_row

_HL_SELECT = """SELECT h.*, n.id AS note_id, n.body AS note_body FROM highlights h
LEFT JOIN notes n ON n.highlight_id = h.id"""


def labels(conn: sqlite3.Connection) -> list[Label]:
    """The six labels in order."""
    return [
        Label(r["id"], r["name"], r["color"])
        for r in conn.execute("SELECT * FROM labels ORDER BY id")
    ]


def rename_label(conn: sqlite3.Connection, label_id: int, name: str) -> None:
    """Rename a label."""
    conn.execute("UPDATE labels SET name = ? WHERE id = ?", (name, label_id))


def set_label_color(conn: sqlite3.Connection, label_id: int, color: str) -> None:
    """Give a label another colour (#rrggbb)."""
    conn.execute("UPDATE labels SET color = ? WHERE id = ?", (color, label_id))


def _highlight(r: sqlite3.Row) -> Highlight:
    return Highlight(
        id=r["id"],
        article_id=r["article_id"],
        start=r["start"],
        end=r["end"],
        exact=r["exact"],
        prefix=r["prefix"],
        suffix=r["suffix"],
        label_id=r["label_id"],
        orphaned=bool(r["orphaned"]),
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        note_id=r["note_id"],
        note=r["note_body"] or "",
    )


def insert_highlight(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    """Insert a highlight row (an explicit id restores a deleted one) and return its id."""
    return insert_row(conn, "highlights", fields)


def update_highlight(conn: sqlite3.Connection, hid: int, fields: dict[str, Any]) -> None:
    """Update columns of a highlight."""
    update_row(conn, "highlights", hid, fields)


def get_highlight(conn: sqlite3.Connection, hid: int) -> Highlight | None:
    """One highlight with its note, or None."""
    r = conn.execute(f"{_HL_SELECT} WHERE h.id = ?", (hid,)).fetchone()
    return _highlight(r) if r else None


def article_highlights(conn: sqlite3.Connection, article_id: int) -> list[Highlight]:
    """Highlights of an article: anchored ones by position, orphans last."""
    rows = conn.execute(
        f"{_HL_SELECT} WHERE h.article_id = ? ORDER BY h.orphaned, h.start, h.end, h.id",
        (article_id,),
    )
    return [_highlight(r) for r in rows]


def delete_highlight(conn: sqlite3.Connection, hid: int) -> None:
    """Delete a highlight (its note goes with it)."""
    conn.execute("DELETE FROM highlights WHERE id = ?", (hid,))


def _note(r: sqlite3.Row) -> Note:
    return Note(
        r["id"], r["body"], r["article_id"], r["highlight_id"], r["created_at"], r["updated_at"]
    )


def insert_note(conn: sqlite3.Connection, fields: dict[str, Any]) -> int:
    """Insert a note row and return its id."""
    return insert_row(conn, "notes", fields)


def update_note(conn: sqlite3.Connection, nid: int, body: str, updated_at: str) -> None:
    """Change a note's text."""
    conn.execute("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?", (body, updated_at, nid))


def get_note(conn: sqlite3.Connection, nid: int) -> Note | None:
    """One note, or None."""
    r = conn.execute("SELECT * FROM notes WHERE id = ?", (nid,)).fetchone()
    return _note(r) if r else None


def note_of_highlight(conn: sqlite3.Connection, hid: int) -> Note | None:
    """The note attached to a highlight, or None."""
    r = conn.execute("SELECT * FROM notes WHERE highlight_id = ?", (hid,)).fetchone()
    return _note(r) if r else None


def article_notes(conn: sqlite3.Connection, article_id: int) -> list[Note]:
    """Notes on the article itself (not on its highlights), oldest first."""
    rows = conn.execute(
        "SELECT * FROM notes WHERE article_id = ? AND highlight_id IS NULL ORDER BY id",
        (article_id,),
    )
    return [_note(r) for r in rows]


def free_notes(conn: sqlite3.Connection) -> list[Note]:
    """Free-standing notes, newest first."""
    rows = conn.execute(
        "SELECT * FROM notes WHERE article_id IS NULL AND highlight_id IS NULL ORDER BY updated_at DESC, id DESC"
    )
    return [_note(r) for r in rows]


def delete_note(conn: sqlite3.Connection, nid: int) -> None:
    """Delete a note."""
    conn.execute("DELETE FROM notes WHERE id = ?", (nid,))
