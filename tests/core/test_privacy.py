"""A library is the analyst's alone: its folder 0700 and every file and folder in it 0600/0700,
whoever made them (the command line, Library, the spawned index helper, the self-test); an old
loose library is tightened when opened; exported briefings get the person's usual mode."""

from __future__ import annotations

import json
import logging
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core import private
from desktop_app.core.backup import make_backup
from desktop_app.core.library import Library
from desktop_app.core.logs import LOGGER, route_to_library
from desktop_app.core.opening import config_dir, open_library, remember_library
from desktop_app.core.search import live
from desktop_app.core.search.writer import BULK_THRESHOLD, close_all
from tests.conftest import ARABIC_PARAGRAPHS, ENGLISH_PARAGRAPHS, MIXED_PARAGRAPHS, make_doc
from tests.core.disk_checks import (
    HARAKAT,
    assert_private,
    hamish,
    modes,
    posix_only,
    sample_files,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems give people (022): files 0644 unless Hamish says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def no_default_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands never touch the real user data folder."""
    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def test_cli_import_annotate_note_backup_make_a_private_library(
    tmp_path: Path, no_default_library: None
) -> None:
    lib = tmp_path / "مكتبة"
    files = sample_files(tmp_path / "in")
    res = hamish("import", "--library", str(lib), *map(str, files))
    assert res.returncode == 0, res.stderr
    res = hamish("annotate", "--library", str(lib), "1", "--quote", "الوزير", "--note", "📌 مهم")
    assert res.returncode == 0, res.stderr
    assert hamish("note", "--library", str(lib), "--text", HARAKAT).returncode == 0
    assert hamish("backup", "--library", str(lib)).returncode == 0
    res = hamish("search", "--library", str(lib), "الوزير", "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["total"] >= 1, res.stderr
    found = assert_private(lib)
    for part in ("library.sqlite3", "originals", "index", "backups"):
        assert part in found
    assert any(name.startswith("originals/") and name.endswith(".docx") for name in found)
    assert any(name.startswith("backups/") for name in found)


def test_library_files_are_private_while_open(tmp_path: Path, usual_umask: None) -> None:
    lib = Library(tmp_path / "lib")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        for paras, title in (
            (ARABIC_PARAGRAPHS, "اجتماع الوزراء"),
            (ENGLISH_PARAGRAPHS, "Ministers meet"),
            (MIXED_PARAGRAPHS, "نص مختلط Mixed 😀"),
        ):
            lib.add_document(make_doc(paras, title))
        lib.import_paths(sample_files(tmp_path / "in"))
        lib.add_highlight_by_quote(1, "الوزراء", note="قَرَارٌ 📌")
        writer = live.attach(lib)
        writer.flush()
        make_backup(lib.conn, lib.folder)
        route_to_library(lib.folder)
        logging.getLogger(LOGGER).warning("a record for the log: مرحبا 📌")
        for h in root.handlers:
            h.flush()
        found = assert_private(lib.folder)
        # SQLite's own files, made while the library is open, are private too.
        assert {"library.sqlite3-wal", "library.sqlite3-shm", "logs/hamish.log"} <= set(found)
    finally:
        close_all()
        lib.close()
        for h in root.handlers:
            if h not in before:
                root.removeHandler(h)
                h.close()
    assert_private(lib.folder)


def test_spawned_index_helper_writes_private_files(tmp_path: Path, usual_umask: None) -> None:
    lib = Library(tmp_path / "lib")
    try:
        writer = live.attach(lib, helper=True)
        writer.flush()
        # Keep the writer thread busy while the backlog builds, as a fast bulk import does.
        release = threading.Event()
        blocker = threading.Thread(target=writer.call, args=(release.wait,))
        blocker.start()
        try:
            for i in range(BULK_THRESHOLD + 50):
                lib.add_document(make_doc([f"مقال رقم {i} عن الوَزِيرُ 📌 item{i}"], f"عنوان {i}"))
        finally:
            release.set()
            blocker.join()
        writer.call(writer._sync)  # the backlog is above the threshold: the helper takes it
        writer.flush()
        assert writer.helper_runs >= 1
        segments = [n for n in modes(lib.folder) if n.startswith("index/")]
        assert len(segments) >= 2
        assert_private(lib.folder)
    finally:
        close_all()
        lib.close()


def test_an_old_loose_library_is_tightened_when_opened(tmp_path: Path, usual_umask: None) -> None:
    folder = tmp_path / "old"
    lib = Library(folder)
    lib.add_document(make_doc(ARABIC_PARAGRAPHS, "اجتماع 😀"))
    lib.import_paths(sample_files(tmp_path / "in", ("md",)))
    make_backup(lib.conn, folder)
    lib.close()
    for root, _dirs, files in os.walk(folder):  # what an older Hamish left: 0755 and 0644
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(Path(root) / name, 0o644)
    assert set(modes(folder).values()) == {0o755, 0o644}
    reopened = open_library(folder)
    try:
        assert_private(folder)
        assert reopened.get_article(1).title == "اجتماع 😀"
    finally:
        reopened.close()
        close_all()


def test_tighten_leaves_symbolic_links_alone(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not the library's", encoding="utf-8")
    os.chmod(outside, 0o644)
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "note.txt").write_text("x", encoding="utf-8")
    (folder / "link").symlink_to(outside)
    os.chmod(folder, 0o755)
    os.chmod(folder / "note.txt", 0o644)
    assert private.tighten(folder) == 2  # the folder and note.txt, not the link's target
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert stat.S_IMODE((folder / "note.txt").stat().st_mode) == 0o600


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o027, 0o640)])
def test_exported_briefings_get_the_persons_mode(
    tmp_path: Path, no_default_library: None, umask: int, expected: int
) -> None:
    lib = tmp_path / "lib"
    files = sample_files(tmp_path / "in", ("html", "md"))
    assert hamish("import", "--library", str(lib), *map(str, files), umask=umask).returncode == 0
    res = hamish("annotate", "--library", str(lib), "1", "--quote", "الوزير", umask=umask)
    assert res.returncode == 0, res.stderr
    res = hamish(
        "briefing", "create", "--library", str(lib), "--title", "موجز 📌", "--highlights", "1"
    )
    assert res.returncode == 0, res.stderr
    documents = tmp_path / "Documents"
    documents.mkdir()
    for ext in (".docx", ".md", ".html", ".pdf"):
        out = documents / f"موجز{ext}"
        res = hamish(
            "briefing", "export", "--library", str(lib), "1", "--out", str(out), umask=umask
        )
        assert res.returncode == 0, res.stderr
        assert stat.S_IMODE(out.stat().st_mode) == expected, ext
        assert not out.with_name(out.name + ".part").exists()
    assert_private(lib)


def test_re_export_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    from desktop_app.core.export import atomic_write

    private.make_private()
    out = tmp_path / "briefing.md"
    atomic_write(out, lambda part: part.write_text("أول 📌", encoding="utf-8"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~private.user_umask()
    os.chmod(out, 0o664)
    atomic_write(out, lambda part: part.write_text("ثانٍ 😀", encoding="utf-8"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
    assert out.read_text(encoding="utf-8") == "ثانٍ 😀"


def test_the_remembered_library_is_private(tmp_path: Path, usual_umask: None) -> None:
    remember_library(tmp_path / "مكتبتي")
    folder = config_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "library.json").stat().st_mode) == 0o600


def test_selftest_library_is_private(tmp_path: Path, no_default_library: None) -> None:
    posix_only()
    keep = tmp_path / "selftest"
    res = hamish("selftest", "--keep", str(keep))
    assert res.returncode == 0, res.stdout + res.stderr
    libraries = [p.parent for p in keep.rglob("library.sqlite3")]
    assert libraries
    for folder in libraries:
        assert_private(folder)


def test_a_moved_library_is_private_in_its_new_folder(tmp_path: Path, usual_umask: None) -> None:
    from desktop_app.core.relocate import relocate

    source = tmp_path / "قديمة"
    with Library(source) as lib:
        lib.add_document(make_doc(MIXED_PARAGRAPHS, "نص مختلط Mixed 😀"))
        lib.import_paths(sample_files(tmp_path / "in", ("html",)))
    target = tmp_path / "Documents" / "جديدة"
    target.mkdir(parents=True)
    os.chmod(target, 0o755)  # an empty folder the person chose, with the usual mode
    relocate(source, target)
    with Library(target) as moved:
        assert moved.get_article(1).title == "نص مختلط Mixed 😀"
        assert_private(target)


def test_window_screenshot_gets_the_persons_mode_and_a_bad_place_one_line(
    tmp_path: Path, usual_umask: None, no_default_library: None
) -> None:
    lib = tmp_path / "مكتبة"
    shot = tmp_path / "صور" / "hamish 📌.png"
    res = hamish("gui", "--library", str(lib), "--screenshot", str(shot))
    assert res.returncode == 0, res.stderr
    assert stat.S_IMODE(shot.stat().st_mode) == 0o644  # outside the library: the person's own
    assert_private(lib)
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    res = hamish("gui", "--library", str(lib), "--screenshot", str(blocked / "x.png"))
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [f"hamish: cannot write {blocked / 'x.png'}"]
