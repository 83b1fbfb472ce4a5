"""A full disk or a read-only library: a clear one-line message, nothing half-written, and the
library opens afterwards with everything saved before.

Faults come three ways: SQLite's own size limit (PRAGMA max_page_count gives SQLITE_FULL),
OSError(ENOSPC/EROFS) from the one write function concerned, and (as root on Linux) a real
small tmpfs, full or remounted read-only.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.core.backup import BackupError, make_backup
from desktop_app.core.briefings import BriefingService
from desktop_app.core.errors import LibraryReadOnly, StorageFull, StorageReadOnly
from desktop_app.core.export import ExportFailed
from desktop_app.core.library import Library
from desktop_app.core.opening import open_library
from desktop_app.core.search import live
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import close_all
from desktop_app.exporters import BY_NAME
from tests.conftest import ARABIC_PARAGRAPHS, ENGLISH_PARAGRAPHS, MIXED_PARAGRAPHS, make_doc
from tests.core.disk_checks import (
    HARAKAT,
    fill_disk,
    hamish,
    remount_read_only,
    sample_files,
    small_disk,
)

LONG_NOTE = ("ملاحظة طويلة عن الاتفاق 📌 Mixed text وَالقَرَار " * 400).strip()


@pytest.fixture(autouse=True)
def _no_default_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    yield
    close_all()


def filled(folder: Path) -> Library:
    """A library with an Arabic, an English and a mixed article, a highlight and a note."""
    lib = Library(folder)
    lib.add_document(make_doc(ARABIC_PARAGRAPHS, "اجتماع الوزراء", source="رويترز"))
    lib.add_document(make_doc(ENGLISH_PARAGRAPHS, "Ministers meet", source="Reuters"))
    lib.add_document(make_doc(MIXED_PARAGRAPHS, "نص مختلط Mixed 😀", source="BBC"))
    lib.add_highlight_by_quote(1, "الوزراء", note="قَرَارٌ مُهِمٌّ 📌")
    lib.add_note(HARAKAT, article_id=2)
    return lib


def state(lib: Library) -> tuple[object, ...]:
    """What a person sees of the library: articles, highlights, notes."""
    ids = lib.article_ids()
    return (
        [(a.id, a.title, a.text) for a in map(lib.get_article, ids)],
        [(h.id, h.exact, h.note) for i in ids for h in lib.highlights(i)],
        [(n.id, n.body) for i in ids for n in lib.article_notes(i)],
        [(n.id, n.body) for n in lib.free_notes()],
    )


def one_line(stderr: str) -> str:
    """The command's stderr, checked to be one line without a traceback."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith("hamish: ")
    return lines[0]


def cap_database(lib: Library) -> None:
    """SQLITE_FULL from now on: the database may not grow by a page."""
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count={pages}")


# -- SQLITE_FULL -------------------------------------------------------------------------------
def test_full_database_loses_nothing_and_reopens(tmp_path: Path) -> None:
    lib = filled(tmp_path / "lib")
    before = state(lib)
    files_before = sorted(p.name for p in (lib.folder / "originals").rglob("*"))
    cap_database(lib)
    with pytest.raises(StorageFull) as caught:
        lib.add_note(LONG_NOTE, article_id=1)
    assert "disk is full" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(StorageFull):
        lib.add_highlight_by_quote(3, "Vienna", note=LONG_NOTE)
    with pytest.raises(StorageFull):
        lib.add_document(make_doc([LONG_NOTE] * 3, "مقال كبير 😀"))
    # An import stops at the full disk; the file's original is not kept without its article.
    big = tmp_path / "in" / "كبير.md"
    files = [big, *sample_files(tmp_path / "in")]
    big.write_text("# مقال كبير 😀\n\n" + (LONG_NOTE + "\n\n") * 10, encoding="utf-8")
    results = lib.import_paths(files)
    assert [r.status for r in results] == ["failed"]
    assert results[0].error_code == "storage.full"
    assert sorted(p.name for p in (lib.folder / "originals").rglob("*")) == files_before
    assert state(lib) == before
    lib.close()
    with Library(tmp_path / "lib") as again:
        assert state(again) == before
        again.add_note("بعد تحرير المساحة 😀", article_id=1)  # room again: it writes


# -- OSError from the one write function ---------------------------------------------------------
@pytest.mark.parametrize(
    "err, error_type, code",
    [
        (errno.ENOSPC, StorageFull, "storage.full"),
        (errno.EROFS, StorageReadOnly, "library.read_only"),
    ],
)
def test_original_write_fault_stops_the_import_cleanly(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    err: int,
    error_type: type[Exception],
    code: str,
) -> None:
    lib = filled(tmp_path / "lib")
    before = state(lib)
    real: Callable[[Path, bytes], int] = Path.write_bytes

    def faulty(self: Path, data: bytes) -> int:
        if self.name.endswith(".part") and "originals" in self.parts:
            real(self, data[: len(data) // 2])  # half of it reached the disk
            raise OSError(err, os.strerror(err), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", faulty)
    results = lib.import_paths(sample_files(tmp_path / "in"))
    assert [r.status for r in results] == ["failed"]  # the other files were not tried
    assert results[0].error_code == code and "\n" not in (results[0].error or "")
    assert not list((lib.folder / "originals").rglob("*.part"))
    with pytest.raises(error_type):
        lib.import_file(sample_files(tmp_path / "in2", ("md",))[0])
    assert state(lib) == before
    monkeypatch.setattr(Path, "write_bytes", real)
    lib.close()
    with Library(tmp_path / "lib") as again:
        assert state(again) == before
        assert [r.status for r in again.import_paths(sample_files(tmp_path / "in"))] == [
            "imported"
        ] * 3


def test_export_to_a_full_disk_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = filled(tmp_path / "lib")
    svc = BriefingService(lib)
    bid = svc.create("موجز الطاقة 📌").created
    assert bid is not None
    svc.fill(bid, [("highlight", 1)])
    briefing = svc.get(bid)
    out = tmp_path / "Documents" / "موجز.md"
    out.parent.mkdir()
    out.write_text("the previous export", encoding="utf-8")
    real = Path.write_text

    def full(self: Path, data: str, *args: object, **kwargs: object) -> int:
        if self.name.endswith(".part"):
            real(self, data[:10], encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(ExportFailed) as caught:
        BY_NAME["md"].export(briefing, out)
    assert caught.value.code == "storage.full" and "disk is full" in str(caught.value)
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in out.parent.iterdir()) == ["موجز.md"]
    lib.close()


def test_index_commit_on_a_full_disk_is_repaired_from_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whoosh.filedb.filestore import FileStorage

    lib = filled(tmp_path / "lib")
    writer = live.attach(lib)
    writer.flush()
    real = FileStorage.create_file

    def full(self: FileStorage, name: str, *args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device", name)

    monkeypatch.setattr(FileStorage, "create_file", full)
    lib.add_document(make_doc(["مقال جديد عن النِّفْطِ 🛢️ oil"], "نفط"))  # the database has it
    with pytest.raises(OSError):
        writer.flush()
    assert lib.article_count() == 4
    monkeypatch.setattr(FileStorage, "create_file", real)
    writer.flush()  # room again: the index is brought back from the database
    svc = SearchService(lib.folder)
    try:
        assert svc.search("النفط").total == 1
        assert svc.search("الوزير").total >= 1
    finally:
        svc.close()
    assert writer.check(repair=False).ok
    lib.close()


# -- a real full disk (tmpfs) -------------------------------------------------------------------
def test_real_full_disk_commands_say_one_line_and_lose_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path, "4m") as disk:
        folder = disk / "lib"
        lib = filled(folder)
        live.attach(lib).flush()
        close_all()
        briefings = BriefingService(lib)
        bid = briefings.create("موجز 📌").created
        assert bid is not None
        briefings.fill(bid, [("highlight", 1)])
        before = state(lib)
        lib.close()
        files = sample_files(tmp_path / "in", ("html", "md"))
        big = tmp_path / "in" / "كبير.md"
        big.write_text("# مقال كبير 😀\n\n" + (LONG_NOTE + "\n\n") * 40, encoding="utf-8")
        lib_args = ("--library", str(folder))
        # Room to open the library, not for what is written.
        filler = fill_disk(disk, keep=96 * 1024)
        res = hamish("note", *lib_args, "1", "--text", LONG_NOTE * 3)
        assert res.returncode == 1 and "disk is full" in one_line(res.stderr)
        res = hamish("annotate", *lib_args, "1", "--quote", "الاتفاق", "--note", LONG_NOTE * 3)
        assert res.returncode == 1 and "disk is full" in one_line(res.stderr)
        res = hamish("import", *lib_args, str(big))
        assert res.returncode == 1 and "disk is full" in res.stdout and res.stderr == ""
        assert not list((folder / "originals").rglob("*.part"))
        res = hamish("backup", *lib_args, "--out", str(disk / "copy.sqlite3"))
        assert res.returncode == 1 and "full" in one_line(res.stderr)
        assert not [p.name for p in disk.iterdir() if p.name.startswith("copy")]
        with small_disk(tmp_path, "1m") as documents:  # exported to another, full, disk
            fill_disk(documents)
            for ext in (".docx", ".md", ".pdf"):
                out = str(documents / f"موجز{ext}")
                res = hamish("briefing", "export", *lib_args, "1", "--out", out)
                assert res.returncode == 1 and "disk is full" in one_line(res.stderr), ext
            assert sorted(p.name for p in documents.iterdir()) == ["filler"]
        # No room even to open it: said in one line too.
        filler.unlink()
        filler = fill_disk(disk, keep=16 * 1024)
        res = hamish("note", *lib_args, "1", "--text", "ملاحظة 😀")
        assert res.returncode == 1 and "disk is full" in one_line(res.stderr)
        filler.unlink()
        with Library(folder) as again:
            assert state(again)[:2] == before[:2]
            assert set(before[2]) <= set(state(again)[2])
        res = hamish("import", *lib_args, *map(str, files))
        assert res.returncode == 0, res.stderr
        res = hamish("search", *lib_args, "الوزير", "--json")
        assert res.returncode == 0 and json.loads(res.stdout)["total"] >= 2, res.stderr


def test_backup_to_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    lib = filled(tmp_path / "lib")
    lib.add_note(LONG_NOTE * 4, article_id=3)
    with small_disk(tmp_path, "1m") as disk:
        fill_disk(disk, keep=8 * 1024)
        with pytest.raises(BackupError) as caught:
            make_backup(lib.conn, lib.folder, disk / "copy.sqlite3")
        assert "full" in str(caught.value) and "\n" not in str(caught.value)
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    assert lib.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    lib.close()


# -- a read-only library (a backup drive) ------------------------------------------------------
@pytest.fixture
def read_only_library(tmp_path: Path) -> Iterator[Path]:
    """A library with an index, on a filesystem then remounted read-only."""
    with small_disk(tmp_path, "8m") as disk:
        folder = disk / "مكتبة"
        lib = filled(folder)
        live.attach(lib).flush()
        close_all()
        lib.close()
        remount_read_only(disk)
        yield folder


def test_read_only_library_reads_and_refuses_writes(read_only_library: Path) -> None:
    lib = Library(read_only_library)
    try:
        assert lib.read_only
        assert lib.get_article(1).title == "اجتماع الوزراء"
        with pytest.raises(StorageReadOnly) as caught:
            lib.add_note("لن تُحفظ 😀", article_id=1)
        assert "read-only" in str(caught.value)
        with pytest.raises(StorageReadOnly):
            lib.add_highlight_by_quote(2, "agreement")
        svc = SearchService(read_only_library)
        try:
            assert svc.search("الوزير").total >= 1
        finally:
            svc.close()
    finally:
        lib.close()
    with pytest.raises(LibraryReadOnly):  # the window needs to write
        open_library(read_only_library)
    with open_library(read_only_library, read_only_ok=True) as reading:
        assert reading.read_only and reading.article_count() == 3


def test_read_only_library_from_the_command_line(read_only_library: Path, tmp_path: Path) -> None:
    lib_args = ("--library", str(read_only_library))
    res = hamish("list", *lib_args)
    assert res.returncode == 0 and "اجتماع الوزراء" in res.stdout
    assert "read-only" in one_line(res.stderr)
    res = hamish("show", *lib_args, "1", "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["highlights"][0]["note"], res.stderr
    res = hamish("search", *lib_args, "الوزير", "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["total"] >= 1, res.stderr
    res = hamish("search", *lib_args, "Vienna", "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["total"] >= 1, res.stderr
    for args in (
        ("annotate", *lib_args, "1", "--quote", "الوزير"),
        ("note", *lib_args, "--text", "ملاحظة 😀"),
        ("import", *lib_args, str(sample_files(tmp_path / "in", ("md",))[0])),
        ("briefing", "create", *lib_args, "--title", "موجز"),
        ("reindex", *lib_args),
        ("check", *lib_args),
        ("check", *lib_args, "--no-repair"),  # it takes the index's writer lock
    ):
        res = hamish(*args)
        assert res.returncode == 1, args
        assert "is read-only" in one_line(res.stderr), args
    out = tmp_path / "copy.sqlite3"  # a backup elsewhere reads only
    res = hamish("backup", *lib_args, "--out", str(out))
    assert res.returncode == 0 and out.stat().st_size > 0, res.stderr
    restored = tmp_path / "restored"
    restored.mkdir()
    (restored / "library.sqlite3").write_bytes(out.read_bytes())
    res = hamish("list", "--library", str(restored))
    assert res.returncode == 0 and "اجتماع الوزراء" in res.stdout, res.stderr


def test_files_written_to_a_read_only_disk_say_so_in_one_line(tmp_path: Path) -> None:
    lib = filled(tmp_path / "lib")
    briefings = BriefingService(lib)
    bid = briefings.create("موجز 📌").created
    assert bid is not None
    briefings.fill(bid, [("highlight", 1), ("note", 1)])
    lib.close()
    lib_args = ("--library", str(tmp_path / "lib"))
    with small_disk(tmp_path, "1m") as disk:
        remount_read_only(disk)
        for ext in (".docx", ".md", ".html", ".pdf"):
            out = disk / f"موجز{ext}"
            res = hamish("briefing", "export", *lib_args, str(bid), "--out", str(out))
            line = one_line(res.stderr)
            assert res.returncode == 1 and "read-only" in line and str(disk) in line, ext
        res = hamish("gui", *lib_args, "--screenshot", str(disk / "window.png"))
        assert res.returncode == 1 and one_line(res.stderr)
        assert sorted(disk.iterdir()) == []
