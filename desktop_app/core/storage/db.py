"""Open a library database: WAL, foreign keys, migrations with a backup first."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop_app.core import private
from desktop_app.core.errors import LibraryReadOnly, SchemaTooNew, storage_error
from desktop_app.core.storage.migrations import DEFAULT_LABELS, MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
DB_NAME = "library.sqlite3"


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with seconds."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the database at path; 0600 in a 0700 folder.

    A database on a read-only disk or in a folder that cannot be written is opened read-only
    (see `connect_read_only`): it reads, and every write raises StorageReadOnly.
    """
    if read_only_place(path):
        return connect_read_only(path)
    private.make_private()
    path.parent.mkdir(parents=True, exist_ok=True, mode=private.DIR_MODE)
    existed = path.exists() and path.stat().st_size > 0
    private.create_private_file(path)
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    migrate(conn, path if existed else None)
    return conn


def read_only_place(path: Path) -> bool:
    """True when the database exists on a read-only disk or in a folder this user cannot write."""
    if not path.is_file():
        return False
    folder = path.parent
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not (os.access(folder, os.W_OK) and os.access(path, os.W_OK))


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open an existing database for reading only (a library on a backup drive, a CD).

    SQLite reads a WAL database read-only when it can use the -shm file; on a read-only disk
    without one, the database is opened as immutable (it cannot change under us there).
    """
    uri = path.resolve().as_uri()
    conn: sqlite3.Connection | None = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(
                uri + query, uri=True, timeout=30.0, isolation_level=None, check_same_thread=False
            )
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            break
        except sqlite3.OperationalError:
            if conn is not None:
                conn.close()
                conn = None
            if query.endswith("immutable=1"):
                raise
    assert conn is not None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA query_only=ON")
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        conn.close()
        raise SchemaTooNew(
            code="library.schema_too_new", folder=path.parent, found=version, known=SCHEMA_VERSION
        )
    if version < SCHEMA_VERSION:  # an older library cannot be brought up to date in place
        conn.close()
        raise LibraryReadOnly(code="library.read_only_window", folder=path.parent)
    return conn


def is_read_only(conn: sqlite3.Connection) -> bool:
    """True for a connection opened by connect_read_only."""
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])


def database_folder(conn: sqlite3.Connection) -> Path | str:
    """The folder of a connection's main database (for messages)."""
    try:
        for row in conn.execute("PRAGMA database_list"):
            if row[1] == "main" and row[2]:
                return Path(row[2]).parent
    except sqlite3.Error:
        pass
    return "?"


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
    try:
        dest = sqlite3.connect(str(part))
        try:
            conn.backup(dest)
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
    except BaseException:  # a full disk: no partial copy is left behind
        part.unlink(missing_ok=True)
        raise
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
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception; nests as a savepoint.

    A full disk or a read-only library raises StorageFull / StorageReadOnly, with nothing of
    the transaction written.
    """
    try:
        with _transaction(conn):
            yield conn
    except sqlite3.Error as exc:
        mapped = storage_error(exc, database_folder(conn))
        if mapped is None:
            raise
        raise mapped from exc


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if conn.in_transaction:
        name = f"sp{id(conn)}_{time.monotonic_ns()}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back itself (a full disk)
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
