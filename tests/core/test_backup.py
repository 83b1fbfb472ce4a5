"""Backups and restore: nothing the analyst wrote is lost, and a hostile archive changes nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import struct
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.cli.main import main
from desktop_app.core.backup import (
    BackupCancelled,
    BackupError,
    auto_backup,
    auto_backups,
    check_backup,
    days_to_keep,
    list_backups,
    make_backup,
    restore_backup,
)
from desktop_app.core.backup_archive import MANIFEST, inspect_archive, write_archive
from desktop_app.core.briefings import BriefingService
from desktop_app.core.library import Library
from desktop_app.core.restore import restore
from desktop_app.core.search import live
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import close_all
from desktop_app.core.storage.db import DB_NAME, SCHEMA_VERSION
from tests.conftest import ARABIC_PARAGRAPHS, MIXED_PARAGRAPHS, make_doc

HARAKAT = "قَالَ الوَزِيرُ أَحْمَد إِنَّ القَرَارَ نِهَائِيٌّ."
EMOJI = "📌 ملاحظة مهمة: the meeting is tomorrow 🗓️ at ten."


def tree_hash(folder: Path) -> dict[str, str]:
    """Every file under folder (and every folder) with its SHA-256: nothing may change."""
    if not folder.exists():
        return {}
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        out[rel] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def filled(folder: Path, tmp: Path) -> Library:
    """A library with imported Arabic files (originals), highlights, notes and a briefing."""
    lib = Library(folder)
    src = tmp / "sources"
    src.mkdir(exist_ok=True)
    for name, text in (
        ("وزير.txt", "\n\n".join(ARABIC_PARAGRAPHS)),
        ("mixed.md", "\n\n".join(MIXED_PARAGRAPHS)),
        ("harakat.txt", HARAKAT + "\n\n" + EMOJI),
    ):
        (src / name).write_text(text, encoding="utf-8")
    results = lib.import_paths([src])
    ids = [r.article_id for r in results if r.article_id]
    assert len(ids) == 3

    def having(text: str) -> int:
        return next(a for a in ids if text in lib.get_article(a).text)

    h = lib.add_highlight_by_quote(having("المفاوضات"), "المفاوضات ستستمر", 1, 2, "هامش 📌")
    lib.add_highlight(having("ملاحظة مهمة"), 0, 12, label_id=3)  # the vocalised words
    lib.add_note("ملاحظة على المقال — note on the article 🗓️", article_id=having("Vienna"))
    lib.add_note("فكرة حرة 😀 free idea")
    svc = BriefingService(lib)
    bid = svc.create("موجز الطاقة — Energy 🛢️").created or 0
    sid = svc.add_section(bid, "القسم الأول").created or 0
    svc.add_item(sid, highlight_id=h.id)
    svc.add_item(sid, text="نص حر ✍️ free text")
    return lib


def snapshot(lib: Library) -> dict[str, object]:
    """Everything a restore must bring back, compared as plain data."""
    arts = {}
    for aid in lib.article_ids():
        a = lib.get_article(aid)
        arts[aid] = (a.title, a.text, [(h.start, h.end, h.exact, h.label_id, h.note) for h in lib.highlights(aid)], [n.body for n in lib.article_notes(aid)])  # fmt: skip
    svc = BriefingService(lib)
    briefings = []
    for b in svc.list():
        full = svc.get(b.id)
        briefings.append((full.title, repr(full.sections)))
    originals = {
        p.relative_to(lib.folder).as_posix(): p.read_bytes()
        for p in sorted(lib.originals_dir.rglob("*"))
        if p.is_file()
    }
    return {
        "articles": arts,
        "free": [n.body for n in lib.free_notes()],
        "briefings": briefings,
        "originals": originals,
    }


@pytest.fixture
def source(tmp_path: Path) -> Library:
    lib = filled(tmp_path / "lib", tmp_path)
    yield lib
    lib.close()


@pytest.fixture
def archive(source: Library, tmp_path: Path) -> Path:
    out = tmp_path / "نسخة 📦.zip"
    write_archive(source.folder, out, with_originals=True, app_version="0.1.0")
    return out


# -- .sqlite3 backups (as before) ---------------------------------------------------------------
def test_backup_and_restore_bring_back_a_deleted_note(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    lib = Library(folder)
    aid = lib.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان")).article_id or 0
    note = lib.add_note("ملاحظة ثمينة 📌", article_id=aid)
    backup = make_backup(lib.conn, folder)
    assert backup in list_backups(folder) and check_backup(backup) >= 1
    lib.delete_note(note.id)
    lib.add_note("written after the backup", article_id=aid)
    lib.close()

    safety = restore_backup(folder, backup)
    again = Library(folder)
    assert [n.body for n in again.article_notes(aid)] == ["ملاحظة ثمينة 📌"]
    again.close()
    # The state before the restore was kept, so restoring is itself undoable.
    old = sqlite3.connect(safety)
    assert {r[0] for r in old.execute("SELECT body FROM notes")} == {"written after the backup"}


def test_a_broken_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    lib = Library(folder)
    lib.add_document(make_doc(ARABIC_PARAGRAPHS, "عنوان"))
    lib.close()
    before = tree_hash(folder)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="not a Hamish library"):
        restore(junk, folder)
    with pytest.raises(BackupError, match="no such backup"):
        restore(tmp_path / "missing.sqlite3", folder)
    assert tree_hash(folder) == before


def test_backup_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib_dir = str(tmp_path / "lib")
    assert main(["--library", lib_dir, "note", "--text", "قبل"]) == 0
    capsys.readouterr()
    assert main(["--library", lib_dir, "backup", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert Path(made["path"]).exists() and made["bytes"] > 0
    assert main(["--library", lib_dir, "note", "--text", "بعد"]) == 0
    assert main(["--library", lib_dir, "restore", made["path"], "--json"]) == 0
    capsys.readouterr()
    lib = Library(tmp_path / "lib")
    assert [n.body for n in lib.free_notes()] == ["قبل"]
    lib.close()
    assert main(["--library", lib_dir, "restore", str(tmp_path / "nope.sqlite3")]) == 1
    assert "no such backup" in capsys.readouterr().err
    assert main(["--library", lib_dir, "backup", "--with-originals"]) == 2
    assert "--out FILE.zip" in capsys.readouterr().err
    zipped = tmp_path / "أرشيف 📦.zip"
    assert (
        main(["--library", lib_dir, "backup", "--out", str(zipped), "--with-originals", "--json"])
        == 0
    )
    made = json.loads(capsys.readouterr().out)
    assert made["path"] == str(zipped) and made["counts"]["notes"] == 1 and made["originals"] == 0
    assert main(["--library", lib_dir, "backup", "--list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 2  # the backup and the safety copy


# -- zip archives ---------------------------------------------------------------------------------
def test_an_archive_restores_everything_into_a_new_folder(
    source: Library, archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read(MANIFEST))
    assert names[0] == DB_NAME and MANIFEST in names
    assert not any(n.startswith("index") for n in names)
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["counts"] == {"articles": 3, "highlights": 2, "notes": 3, "briefings": 1}
    assert len([n for n in names if n.startswith("originals/")]) == 3
    assert not list(tmp_path.glob(".*part"))  # nothing left of the writing

    target = tmp_path / "مكتبة جديدة"
    assert main(["--library", str(target), "restore", str(archive), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["in_place"] is False and out["articles"] == 3 and out["originals"] == 3
    restored = Library(target)
    try:
        assert snapshot(restored) == snapshot(source)
        writer = live.attach(restored, background=True)
        writer.flush()
        svc = SearchService(target)
        try:
            assert svc.search("الوزير").total >= 1  # harakat folded: الوَزِيرُ
            assert svc.search("هامش").total >= 1  # the highlight's note
            assert svc.search("free idea").total == 1  # the free note
        finally:
            svc.close()
    finally:
        restored.close()
        close_all()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_archive_restores_in_place_and_keeps_the_state_before(
    source: Library, archive: Path
) -> None:
    before = snapshot(source)
    aid = source.article_ids()[0]
    source.add_note("بعد النسخة — after the backup", article_id=aid)
    source.purge_article(source.article_ids()[-1])
    source.close()
    report = restore(archive, source.folder)
    assert report.in_place and report.previous_state is not None
    again = Library(source.folder)
    try:
        assert snapshot(again) == before
    finally:
        again.close()
    old = sqlite3.connect(report.previous_state)
    assert "بعد النسخة — after the backup" in {r[0] for r in old.execute("SELECT body FROM notes")}
    old.close()
    assert not (source.folder / "index").exists()  # rebuilt, never copied


def test_an_older_schema_in_an_archive_is_migrated(source: Library, tmp_path: Path) -> None:
    out = tmp_path / "old.zip"
    write_archive(source.folder, out)
    # the archive of a library one schema older: the last migration (saved searches) undone
    rezip(
        out,
        out,
        db_edit=lambda db: _set_version(db, SCHEMA_VERSION - 1, undo_last=True),
        manifest_edit=lambda m: m.update(schema_version=SCHEMA_VERSION - 1),
    )
    target = tmp_path / "new"
    restore(out, target)
    lib = Library(target)
    try:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(lib.article_ids()) == 3
    finally:
        lib.close()


def test_writing_an_archive_can_be_cancelled_and_leaves_nothing(
    source: Library, tmp_path: Path
) -> None:
    out = tmp_path / "b.zip"
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _text: str) -> None:
        seen.append((done, total))

    write_archive(source.folder, out, True, progress)
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    out.unlink()
    with pytest.raises(BackupCancelled):
        write_archive(source.folder, out, True, progress, cancel=lambda: len(seen) > 3)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["lib", "sources"]


# -- hostile and damaged archives ---------------------------------------------------------------
def rezip(
    src: Path,
    dst: Path,
    extra: dict[str, bytes] | None = None,
    db_edit: Callable[[Path], None] | None = None,
    manifest_edit: Callable[[dict], None] | None = None,
    link: str | None = None,
) -> Path:
    """Write src again as dst with changes, its manifest kept consistent with the members."""
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != MANIFEST}
        manifest = json.loads(zf.read(MANIFEST))
    if db_edit is not None:
        db = dst.with_name("edit.sqlite3")
        db.write_bytes(members[DB_NAME])
        db_edit(db)
        members[DB_NAME] = db.read_bytes()
        db.unlink()
    members.update(extra or {})
    manifest["members"] = [
        {"path": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
        for n, b in members.items()
    ]
    if manifest_edit is not None:
        manifest_edit(manifest)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in members.items():
            info = zipfile.ZipInfo(n)
            info.compress_type = zipfile.ZIP_DEFLATED
            if n == link:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, b)
        zf.writestr(MANIFEST, json.dumps(manifest))
    return dst


def undo_last_migration(conn: sqlite3.Connection) -> None:
    """Take a database back to the schema before the last migration (feeds, web addresses)."""
    conn.executescript(
        "DROP TABLE feed_items; DROP TABLE feeds; DROP INDEX articles_canonical;"
        " ALTER TABLE articles DROP COLUMN canonical_url;"
        " ALTER TABLE articles DROP COLUMN opened_at;"
    )


def _set_version(db: Path, version: int, undo_last: bool = False) -> None:
    conn = sqlite3.connect(db)
    if undo_last:
        undo_last_migration(conn)
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()


def _not_hamish(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE shopping(item TEXT)")
    conn.execute("PRAGMA user_version=3")
    conn.commit()
    conn.close()


def _corrupt_pages(db: Path) -> None:
    """Damage the b-tree pages of the paragraphs table (the header still reads)."""
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='paragraphs'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page
    data[start : start + page] = bytes((i * 7 + 3) % 256 for i in range(page))
    db.write_bytes(bytes(data))


def _bomb(src: Path, dst: Path) -> Path:
    """A member declared 1000 bytes that inflates to 20 MB (headers and manifest agree)."""
    big = b"\0" * (20 << 20)
    sha = hashlib.sha256(b"x").hexdigest()
    name = f"originals/{sha[:2]}/{sha}.txt"
    rezip(
        src,
        dst,
        extra={name: big},
        manifest_edit=lambda m: [r.update(size=1000) for r in m["members"] if r["path"] == name],
    )
    data = bytearray(dst.read_bytes())
    with zipfile.ZipFile(dst) as zf:
        info = zf.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, 1000)  # local header: file size
    central = data.index(b"PK\x01\x02", info.header_offset + 30)
    while data[central + 46 : central + 46 + len(name.encode())] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 1000)  # central directory: file size
    dst.write_bytes(bytes(data))
    return dst


def _flip(src: Path, dst: Path) -> Path:
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(DB_NAME)
    data[info.header_offset + 30 + len(DB_NAME) + 40 + info.compress_size // 2] ^= 0x10
    dst.write_bytes(bytes(data))
    return dst


SHA = hashlib.sha256(b"y").hexdigest()
HOSTILE: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "zip slip": (lambda s, d: rezip(s, d, extra={"../x": b"x"}), "outside the library"),
    "deep zip slip": (
        lambda s, d: rezip(s, d, extra={"originals/../../x": b"x"}),
        "outside the library",
    ),
    "absolute path": (lambda s, d: rezip(s, d, extra={"/tmp/x": b"x"}), "outside the library"),
    "drive letter": (lambda s, d: rezip(s, d, extra={"C:/x": b"x"}), "outside the library"),
    "backslashes": (
        lambda s, d: rezip(s, d, extra={"originals\\..\\..\\x": b"x"}),
        "outside the library",
    ),
    "symlink member": (
        lambda s, d: rezip(
            s,
            d,
            extra={f"originals/{SHA[:2]}/{SHA}.txt": b"/etc/passwd"},
            link=f"originals/{SHA[:2]}/{SHA}.txt",
        ),
        "symbolic link",
    ),  # fmt: skip
    "unexpected member": (lambda s, d: rezip(s, d, extra={"run.sh": b"rm -rf ~"}), "unexpected"),
    "index member": (
        lambda s, d: rezip(s, d, extra={"index/_MAIN_1.toc": b"x"}),
        "never restored",
    ),
    "unlisted member": (
        lambda s, d: rezip(
            s,
            d,
            extra={f"originals/{SHA[:2]}/{SHA}.txt": b"y"},
            manifest_edit=lambda m: m["members"].pop(),
        ),
        "unexpected",
    ),
    "bomb": (_bomb, "inflates beyond its declared size of 1000"),
    "truncated zip": (
        lambda s, d: d.write_bytes(s.read_bytes()[: s.stat().st_size // 2]) and d,
        "not a zip archive, or it is truncated",
    ),
    "flipped byte": (_flip, "damaged"),
    "sha mismatch": (
        lambda s, d: rezip(s, d, manifest_edit=lambda m: m["members"][0].update(sha256="0" * 64)),
        "does not match its checksum",
    ),
    "integrity check": (lambda s, d: rezip(s, d, db_edit=_corrupt_pages), "is damaged"),
    "not a Hamish database": (
        lambda s, d: rezip(s, d, db_edit=_not_hamish, manifest_edit=lambda m: m.update(counts={})),
        "not a Hamish library database",
    ),
    "newer schema": (
        lambda s, d: rezip(s, d, db_edit=lambda db: _set_version(db, SCHEMA_VERSION + 1)),
        "newer Hamish",
    ),
    "newer format": (
        lambda s, d: rezip(s, d, manifest_edit=lambda m: m.update(format_version=99)),
        "newer Hamish",
    ),
    "manifest size differs": (
        lambda s, d: rezip(s, d, manifest_edit=lambda m: m["members"][0].update(size=7)),
        "is damaged: library.sqlite3 has",
    ),
    "duplicate member": (lambda s, d: _duplicate(s, d), "is in it twice"),
    "encrypted member": (lambda s, d: _encrypted(s, d), "encrypted or compressed"),
    "no manifest": (
        lambda s, d: _without_manifest(s, d),
        "not a Hamish backup",
    ),
}


def _duplicate(src: Path, dst: Path) -> Path:
    rezip(src, dst)
    with pytest.warns(UserWarning), zipfile.ZipFile(dst, "a") as zf:
        zf.writestr(DB_NAME, b"a second database")
    return dst


def _encrypted(src: Path, dst: Path) -> Path:
    """The same archive with its database member flagged as encrypted (in both headers)."""
    rezip(src, dst)
    data = bytearray(dst.read_bytes())
    with zipfile.ZipFile(dst) as zf:
        info = zf.getinfo(DB_NAME)
    data[info.header_offset + 6] |= 0x1  # local header: general purpose flags
    central = data.index(b"PK\x01\x02")  # the database is the first member
    data[central + 8] |= 0x1  # central directory: general purpose flags
    dst.write_bytes(bytes(data))
    return dst


def _without_manifest(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for n in zin.namelist():
            if n != MANIFEST:
                zout.writestr(n, zin.read(n))
    return dst


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_damaged_archive_is_refused_and_nothing_is_touched(
    source: Library, archive: Path, tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = HOSTILE[case]
    bad = make(archive, tmp_path / "bad.zip")
    source.close()
    before = tree_hash(source.folder)
    around = sorted(p.name for p in tmp_path.iterdir())
    # in place
    with pytest.raises(BackupError, match=message) as refused:
        restore(bad, source.folder)
    assert "\n" not in str(refused.value)
    assert tree_hash(source.folder) == before
    # into a new folder: none is made
    with pytest.raises(BackupError, match=message):
        restore(bad, tmp_path / "new")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BackupError, match=message):
        restore(bad, empty)
    assert not any(empty.iterdir())
    empty.rmdir()
    assert sorted(p.name for p in tmp_path.iterdir()) == around
    # the command says it in one line, exit code 1
    assert main(["--library", str(source.folder), "restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "hamish: " in err
    assert tree_hash(source.folder) == before


def test_a_folder_that_is_not_empty_and_not_a_library_is_refused(
    archive: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("ملف المستخدم", encoding="utf-8")
    with pytest.raises(BackupError, match="not empty and holds no Hamish library"):
        restore(archive, other)
    assert tree_hash(other) == {"keep.txt": hashlib.sha256("ملف المستخدم".encode()).hexdigest()}


def test_inspect_reads_the_manifest_and_counts(archive: Path) -> None:
    info = inspect_archive(archive)
    try:
        assert info.counts["articles"] == 3 and info.manifest["hamish_version"]
        assert {m.path for m in info.members} >= {DB_NAME}
    finally:
        import shutil

        shutil.rmtree(info.database.parent)


# -- automatic backups --------------------------------------------------------------------------
def test_rotation_over_sixty_days_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    backups = tmp_path / "lib" / "backups"
    backups.mkdir()
    (backups / "before-v2-20260101-000000.sqlite3").write_bytes(b"kept")
    (backups / "before-restore-20260101-000000.sqlite3").write_bytes(b"kept")
    (backups / "hamish-20260101-000000.sqlite3").write_bytes(b"kept")
    start = date(2026, 1, 1)  # a Thursday, ISO week 1
    for n in range(60):
        lib.add_note(f"يوم {n} 📌")
        assert auto_backup(lib.conn, lib.folder, today=start + timedelta(days=n)) is not None
    lib.close()
    last = start + timedelta(days=59)  # 1 March 2026, a Sunday, ISO week 9
    assert last == date(2026, 3, 1)
    remaining = sorted(p.name for p in backups.iterdir())
    assert remaining == [
        "auto-2026-02-02.sqlite3",  # the oldest of week 6
        "auto-2026-02-09.sqlite3",  # the oldest of week 7
        "auto-2026-02-16.sqlite3",  # the oldest of week 8
        "auto-2026-02-23.sqlite3",  # the oldest of week 9
        "auto-2026-02-24.sqlite3",
        "auto-2026-02-25.sqlite3",
        "auto-2026-02-26.sqlite3",
        "auto-2026-02-27.sqlite3",
        "auto-2026-02-28.sqlite3",
        "auto-2026-03-01.sqlite3",  # the 7 newest days
        "before-restore-20260101-000000.sqlite3",
        "before-v2-20260101-000000.sqlite3",
        "hamish-20260101-000000.sqlite3",
    ]
    # each backup holds the library of its day
    conn = sqlite3.connect(backups / "auto-2026-02-09.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 40
    conn.close()


def test_rotation_counts_backups_not_calendar_days() -> None:
    # a month away: the next quit still keeps the older backups
    days = [date(2026, 1, d) for d in (1, 2, 3)] + [date(2026, 3, 10)]
    assert days_to_keep(days) == set(days)
    assert days_to_keep([]) == set()


def test_the_automatic_backup_is_made_once_a_day(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    day = date(2026, 5, 4)
    made = auto_backup(lib.conn, lib.folder, today=day)
    assert made is not None and made.name == "auto-2026-05-04.sqlite3"
    first = made.read_bytes()
    lib.add_note("ملاحظة لاحقة")
    assert auto_backup(lib.conn, lib.folder, today=day) is None
    assert made.read_bytes() == first
    assert auto_backup(lib.conn, lib.folder, today=day + timedelta(days=1)) is not None
    assert sorted(auto_backups(lib.folder)) == [day, day + timedelta(days=1)]
    lib.close()
