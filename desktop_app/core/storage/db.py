"""Open a library database: WAL, foreign keys, migrations with a backup first."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop_app.core.errors import SchemaTooNew
from desktop_app.core.storage.migrations import DEFAULT_LABELS, MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
DB_NAME = "library.sqlite3"


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with seconds."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the database at path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    migrate(conn, path if existed else None)
    return conn


def fetch_row(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    """The first row of a query, or None (connect() makes rows sqlite3.Row)."""
    row: sqlite3.Row | None = conn.execute(sql, params).fetchone()
    return row


def insert_row(conn: sqlite3.Connection, table: str, fields: dict[str, Any]) -> int:
    """INSERT one row of trusted column names into table; returns its id."""
    cols = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    cur = conn.execute(f"INSERT INTO {table}({cols}) VALUES ({marks})", tuple(fields.values()))
    return int(cur.lastrowid or 0)


def update_row(conn: sqlite3.Connection, table: str, row_id: int, fields: dict[str, Any]) -> None:
    """UPDATE some columns (trusted names) of the row with this id; nothing when fields is empty."""
    if not fields:
        return
    sets = ", ".join(f"{k} = ?" for k in fields)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*fields.values(), row_id))


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the database (PRAGMA user_version)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of the database to target (via a .part file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    if part.exists():
        part.unlink()
    dest = sqlite3.connect(str(part))
    try:
        conn.backup(dest)
        ok = dest.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dest.close()
    if ok != "ok":
        part.unlink(missing_ok=True)
        raise OSError(f"the backup failed its integrity check: {ok}")
    part.replace(target)
    return target


def migrate(conn: sqlite3.Connection, existing: Path | None) -> None:
    """Bring the schema to SCHEMA_VERSION; back up an existing database before changing it."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        folder = existing.parent if existing is not None else "(memory)"
        raise SchemaTooNew(
            code="library.schema_too_new", folder=folder, found=version, known=SCHEMA_VERSION
        )
    if version == SCHEMA_VERSION:
        return
    if existing is not None and version > 0:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup_to(conn, existing.parent / "backups" / f"before-v{SCHEMA_VERSION}-{stamp}.sqlite3")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        with transaction(conn):
            for statement in _split_sql(MIGRATIONS[number - 1]):
                conn.execute(statement)
            if number == 1:
                conn.executemany(
                    "INSERT INTO labels(id, name, color) VALUES (?, ?, ?)", DEFAULT_LABELS
                )
            conn.execute(f"PRAGMA user_version={number}")


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception; nests as a savepoint."""
    if conn.in_transaction:
        name = f"sp{id(conn)}_{time.monotonic_ns()}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
