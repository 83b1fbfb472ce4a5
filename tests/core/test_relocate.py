"""Moving a library: copy by the backup API, verify, remove the old; the remembered location."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.library import Library
from desktop_app.core.opening import (
    LibraryLocation,
    default_library_dir,
    locate,
    open_library,
    remember_library,
    remembered_library,
)
from desktop_app.core.relocate import (
    CopyReport,
    Counts,
    RelocateCancelled,
    RelocateError,
    check_existing_library,
    check_new_library_folder,
    relocate,
    remove_old,
)
from desktop_app.core.storage.db import DB_NAME
from tests.conftest import make_doc

ARTICLE = ["قَالَ الوَزِيرُ إِنَّ القَرَارَ نِهَائِيٌّ 📌 بعد اجتماع OPEC+.", "The deal holds."]
NOTE = "ملاحظة: راجِع الرقم 📌 with the source."


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A library with an Arabic article (harakat, emoji), a highlight with a note, an original."""
    folder = tmp_path / "مكتبة قديمة"
    with Library(folder) as lib:
        aid = lib.add_document(make_doc(ARTICLE, "القَرَارُ 📌", language="ar")).article_id
        assert aid is not None
        lib.add_highlight_by_quote(aid, "القَرَارَ نِهَائِيٌّ", label_id=2, note=NOTE)
        lib.add_note("ملاحظة حرة 😀", None)
        lib._keep_original("ab" * 32, "source.txt", "نص أصلي 📌".encode())
        (folder / "logs").mkdir()
        (folder / "logs" / "hamish.log").write_text("سجل\n", encoding="utf-8")
        (folder / "index").mkdir()
        (folder / "index" / "seg").write_bytes(b"rebuilt on open")
    return folder


def test_relocate_copies_verifies_and_keeps_the_text(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "مكتبة"
    seen: list[tuple[int, int]] = []
    report = relocate(source, target, progress=lambda d, t, _x: seen.append((d, t)))
    assert report.counts == Counts(articles=1, highlights=1, notes=2)
    assert {f.relative for f in report.files} == {
        f"originals/ab/{'ab' * 32}.txt",
        "logs/hamish.log",
    }
    assert seen and seen[-1][0] == seen[-1][1]  # progress reaches the total
    assert not (target / "index").exists()  # the index is rebuilt, not copied
    with Library(target) as lib:
        art = lib.list_articles()[0]
        full = lib.get_article(art.id)
        assert full.title == "القَرَارُ 📌" and full.paragraphs[0].text == ARTICLE[0]
        (h,) = lib.highlights(art.id)
        assert h.exact == "القَرَارَ نِهَائِيٌّ" and h.note == NOTE and h.label_id == 2
        assert [n.body for n in lib.free_notes()] == ["ملاحظة حرة 😀"]
    assert (target / "originals" / "ab" / f"{'ab' * 32}.txt").read_bytes() == "نص أصلي 📌".encode()
    assert (source / DB_NAME).exists()  # relocate never touches the source
    assert remove_old(report) == []
    assert not source.exists()


def test_relocate_copies_an_open_library_with_its_latest_writes(
    source: Path, tmp_path: Path
) -> None:
    with Library(source) as lib:  # open, in WAL mode, with changes not yet checkpointed
        lib.add_note("كُتِبَت الآن ✍️", None)
        report = relocate(source, tmp_path / "copy")
    assert report.counts.notes == 3
    with Library(tmp_path / "copy") as copy:
        assert "كُتِبَت الآن ✍️" in [n.body for n in copy.free_notes()]


def test_a_damaged_copy_fails_verification_and_leaves_nothing(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "bad"

    def corrupt(report: CopyReport) -> None:
        f = report.target / report.files[0].relative
        f.write_bytes(f.read_bytes()[:-1] + b"!")

    with pytest.raises(RelocateError, match="did not match") as info:
        relocate(source, target, after_copy=corrupt)
    assert info.value.code == "relocate.verify_failed"
    assert not target.exists()
    assert check_existing_library(source) == Counts(1, 1, 2)


def test_a_copy_with_missing_rows_fails_verification(source: Path, tmp_path: Path) -> None:
    def drop_note(report: CopyReport) -> None:
        conn = sqlite3.connect(report.target / DB_NAME)
        conn.execute("DELETE FROM notes WHERE article_id IS NULL")
        conn.commit()
        conn.close()

    with pytest.raises(RelocateError, match="expected"):
        relocate(source, tmp_path / "short", after_copy=drop_note)
    assert not (tmp_path / "short").exists()


def test_cancel_stops_the_copy_and_keeps_an_existing_empty_target(
    source: Path, tmp_path: Path
) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    with pytest.raises(RelocateCancelled):
        relocate(source, target, cancel=lambda: True)
    assert target.is_dir() and not any(target.iterdir())


@pytest.mark.parametrize("where", ["same", "inside", "parent", "full"])
def test_targets_refused(source: Path, tmp_path: Path, where: str) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "x.txt").write_text("x")
    target = {
        "same": source,
        "inside": source / "sub",
        "parent": tmp_path,
        "full": full,
    }[where]
    with pytest.raises(RelocateError):
        relocate(source, target)
    assert (source / DB_NAME).exists()


def test_remove_old_keeps_files_that_were_not_copied(source: Path, tmp_path: Path) -> None:
    report = relocate(source, tmp_path / "moved")
    late = source / "logs" / "later.log"
    late.write_text("written after the copy", encoding="utf-8")
    assert remove_old(report) == [late]
    assert not (source / DB_NAME).exists() and not (source / "originals").exists()


def test_existing_and_new_folders_are_checked(source: Path, tmp_path: Path) -> None:
    with pytest.raises(RelocateError, match="does not hold"):
        check_existing_library(tmp_path / "nothing")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / DB_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(RelocateError):
        check_existing_library(tmp_path / "junk")
    with pytest.raises(RelocateError, match="not empty"):
        check_new_library_folder(source)
    check_new_library_folder(tmp_path / "fresh")


def test_remembered_library_is_opened_after_the_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert remembered_library() is None
    assert locate() == LibraryLocation(default_library_dir(), is_default=True)
    chosen = tmp_path / "مكتبتي"
    chosen.mkdir()
    remember_library(chosen)
    assert remembered_library() == chosen
    assert locate() == LibraryLocation(chosen)  # not the default: no demo articles
    with open_library(locate()) as lib:
        assert lib.article_count() == 0
    assert locate(environ={"HAMISH_LIBRARY": str(tmp_path / "env")}).folder == tmp_path / "env"
    assert locate(str(tmp_path / "explicit")).folder == tmp_path / "explicit"
    chosen.rename(tmp_path / "gone")  # a remembered folder that vanished: the default again
    assert locate().is_default
    remember_library(None)
    assert remembered_library() is None


def test_label_colour_reaches_the_database(library: Library) -> None:
    library.set_label_color(3, "#1A2B3C")
    assert [lab.color for lab in library.labels() if lab.id == 3] == ["#1a2b3c"]
    with pytest.raises(InvalidInput):
        library.set_label_color(3, "red")
