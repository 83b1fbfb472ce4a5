"""Storage: migrations from empty, backups before migrating, newer schemas, atomic writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.errors import SchemaTooNew
from desktop_app.core.library import Library
from desktop_app.core.storage import db
from desktop_app.core.storage.migrations import MIGRATIONS
from tests.conftest import ARABIC_PARAGRAPHS, make_doc


def test_new_database_is_migrated_from_empty(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "l.sqlite3")
    assert db.schema_version(conn) == len(MIGRATIONS) == db.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "articles",
        "paragraphs",
        "highlights",
        "notes",
        "tags",
        "labels",
        "change_log",
    } <= tables
    assert [r[0] for r in conn.execute("SELECT name FROM labels ORDER BY id")][:2] == [
        "Key claim",
        "Quote",
    ]


def test_each_migration_step_applies_in_order(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in db._split_sql(MIGRATIONS[0]):
        conn.execute(statement)
    conn.executemany("INSERT INTO labels(id, name, color) VALUES (?, ?, ?)", [(1, "a", "#fff")])
    conn.execute("PRAGMA user_version=1")
    conn.close()
    again = db.connect(path)
    assert db.schema_version(again) == db.SCHEMA_VERSION
    backups = list((tmp_path / "backups").glob("before-v*.sqlite3"))
    assert (len(backups) == 1) == (db.SCHEMA_VERSION > 1)


def test_backup_before_migrating_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "l.sqlite3"
    db.connect(path).close()
    # Pretend a new migration appeared: the existing database must be copied first.
    extra = "CREATE TABLE later_feature(id INTEGER PRIMARY KEY);"
    monkeypatch.setattr(db, "MIGRATIONS", [*MIGRATIONS, extra])
    monkeypatch.setattr(db, "SCHEMA_VERSION", len(MIGRATIONS) + 1)
    conn = db.connect(path)
    assert db.schema_version(conn) == len(MIGRATIONS) + 1
    backups = list((tmp_path / "backups").glob(f"before-v{len(MIGRATIONS) + 1}-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert (
        old.execute("SELECT name FROM sqlite_master WHERE name='later_feature'").fetchone() is None
    )


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    conn = db.connect(path)
    conn.execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer Hamish"):
        db.connect(path)


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    with pytest.raises(RuntimeError), db.transaction(lib.conn):
        lib.conn.execute(
            "INSERT INTO articles(title, content_hash, imported_at, updated_at) VALUES ('x', 'h', 'now', 'now')"
        )
        raise RuntimeError("crash in the middle")
    assert lib.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    assert lib.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == 0


def test_article_insert_is_one_transaction_with_its_change_log(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    r = lib.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان"))
    rows = lib.conn.execute("SELECT kind, item_id FROM change_log").fetchall()
    assert [tuple(x) for x in rows] == [("article", r.article_id)]
    n = lib.conn.execute(
        "SELECT COUNT(*) FROM paragraphs WHERE article_id=?", (r.article_id,)
    ).fetchone()[0]
    assert n == len(ARABIC_PARAGRAPHS)


def test_backup_copy_is_consistent(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    lib.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان"))
    target = db.backup_to(lib.conn, tmp_path / "copy.sqlite3")
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT title FROM articles").fetchone()[0] == "عنوان"
    assert not (tmp_path / "copy.sqlite3.part").exists()
