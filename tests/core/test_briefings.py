"""BriefingService: briefings, sections, items, snapshots, and the migration that adds them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.briefings import BriefingService
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.library import Library
from desktop_app.core.models import Changes
from desktop_app.core.storage.db import SCHEMA_VERSION
from desktop_app.core.storage.migrations import DEFAULT_LABELS, MIGRATION_1
from tests.core.export_checks import make_briefing


def _order(svc: BriefingService, bid: int) -> list[list[int]]:
    return [[it.id for it in s.items] for s in svc.get(bid).sections]


def test_create_get_update_list_delete(library: Library) -> None:
    svc = BriefingService(library)
    ch = svc.create("  إحاطة الوَزِيرُ 📌 ", marking="سري", include_toc=True)
    assert isinstance(ch, Changes) and ch.briefings == {ch.created}
    bid = ch.created
    b = svc.get(bid)
    assert (b.title, b.marking, b.language, b.include_toc) == (
        "إحاطة الوَزِيرُ 📌",
        "سري",
        "ar-SA",
        True,
    )
    assert svc.update(bid, subtitle="Weekly", language="en-GB").briefings == {bid}
    assert (svc.get(bid).subtitle, svc.get(bid).language) == ("Weekly", "en-GB")
    other = svc.create("Second").created
    assert {r.id for r in svc.list()} == {bid, other}
    assert svc.delete(bid).briefings == {bid}
    with pytest.raises(NotFound):
        svc.get(bid)
    assert [r.id for r in svc.list()] == [other]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"title": "  "}, "needs a title"),
        ({"title": "T", "language": "arabic please"}, "not a language tag"),
        ({"title": "T", "colour": "red"}, "cannot set colour"),
    ],
)
def test_bad_fields_are_refused(library: Library, kwargs: dict, message: str) -> None:
    svc = BriefingService(library)
    title = kwargs.pop("title")
    with pytest.raises(InvalidInput, match=message):
        svc.create(title, **kwargs)
    assert svc.list() == []


def test_sections_add_rename_move_delete(library: Library) -> None:
    svc = BriefingService(library)
    bid = svc.create("T").created
    a = svc.add_section(bid, "أولاً").created
    b = svc.add_section(bid, "Second").created
    c = svc.add_section(bid, "First", position=0).created
    assert [s.id for s in svc.get(bid).sections] == [c, a, b]
    svc.move_section(c, 99)
    assert [s.id for s in svc.get(bid).sections] == [a, b, c]
    assert [s.position for s in svc.get(bid).sections] == [0, 1, 2]
    assert svc.rename_section(b, " ثانياً ").briefings == {bid}
    assert svc.get(bid).sections[1].heading == "ثانياً"
    svc.delete_section(a)
    assert [(s.id, s.position) for s in svc.get(bid).sections] == [(b, 0), (c, 1)]
    with pytest.raises(NotFound):
        svc.rename_section(a, "gone")


def test_items_add_move_edit_remove(filled_library: Library) -> None:
    lib = filled_library
    svc = BriefingService(lib)
    bid = svc.create("T").created
    s1 = svc.add_section(bid, "one").created
    s2 = svc.add_section(bid, "two").created
    h = lib.add_highlight_by_quote(1, "قال الوَزِيرُ")
    n = lib.add_note("ملاحظة 📌 on OPEC+", article_id=2)
    i_h = svc.add_item(s1, highlight_id=h.id).created
    i_n = svc.add_item(s1, note_id=n.id).created
    i_t = svc.add_item(s1, text="نص حر", position=0).created
    assert _order(svc, bid) == [[i_t, i_h, i_n], []]
    svc.move_item(i_n, s1, 0)
    assert _order(svc, bid) == [[i_n, i_t, i_h], []]
    ch = svc.move_item(i_t, s2, 5)
    assert ch.briefings == {bid}
    assert _order(svc, bid) == [[i_n, i_h], [i_t]]
    svc.move_item(i_h, s2, 0)
    assert _order(svc, bid) == [[i_n], [i_h, i_t]]
    assert [it.position for it in svc.get(bid).sections[1].items] == [0, 1]
    svc.edit_text(i_t, "نص مُعدَّل 📌")
    items = {it.id: it for it in svc.get(bid).items()}
    assert items[i_t].text == "نص مُعدَّل 📌"
    assert items[i_h].text == "قال الوَزِيرُ" and items[i_h].citation.source == "رويترز"
    assert items[i_n].text == "ملاحظة 📌 on OPEC+" and items[i_n].citation.title == "Ministers meet"
    with pytest.raises(InvalidInput, match="only text items"):
        svc.edit_text(i_h, "x")
    with pytest.raises(InvalidInput, match="one highlight, one note, or a text"):
        svc.add_item(s1, highlight_id=h.id, text="both")
    with pytest.raises(NotFound):
        svc.add_item(s1, highlight_id=9999)
    svc.remove_item(i_h)
    assert _order(svc, bid) == [[i_n], [i_t]]
    assert lib.get_highlight(h.id).exact == "قال الوَزِيرُ"  # the highlight itself stays


def test_item_cannot_move_to_another_briefing(library: Library) -> None:
    svc = BriefingService(library)
    b1, b2 = svc.create("A").created, svc.create("B").created
    s1, s2 = svc.add_section(b1).created, svc.add_section(b2).created
    item = svc.add_item(s1, text="x").created
    with pytest.raises(InvalidInput, match="within its briefing"):
        svc.move_item(item, s2, 0)
    assert _order(svc, b1) == [[item]] and _order(svc, b2) == [[]]


def test_deleted_highlight_and_note_still_export_from_snapshot(filled_library: Library) -> None:
    lib = filled_library
    svc, bid, ids = make_briefing(lib)
    lib.delete_highlight(ids["h_opec"])
    lib.delete_note(ids["n_free"])
    items = svc.get(bid).items()
    opec = next(it for it in items if it.text.startswith("تحالف OPEC+"))
    assert opec.from_snapshot and opec.highlight_id is None
    assert opec.note == "ملاحظة: يجب التحقق من موقف OPEC+ قبل النشر."
    assert opec.citation.source == "رويترز" and opec.citation.url == "https://example.org/ar/1"
    free = next(it for it in items if it.kind == "note")
    assert free.from_snapshot and free.text.startswith("A free-standing note")
    assert svc.get(bid).sections[0].items[1].from_snapshot is False


def test_live_text_wins_while_the_highlight_exists(filled_library: Library) -> None:
    lib = filled_library
    svc, bid, ids = make_briefing(lib)
    lib.set_highlight_note(ids["h_en"], "Revised: figure confirmed.")
    item = next(it for it in svc.get(bid).items() if it.highlight_id == ids["h_en"])
    assert item.note == "Revised: figure confirmed." and not item.from_snapshot
    assert svc.briefings_using(highlight_ids=[ids["h_en"]]) == {bid}
    assert svc.briefings_using(note_ids=[ids["n_free"]]) == {bid}


def test_listeners_hear_briefing_changes(library: Library) -> None:
    seen: list[Changes] = []
    library.add_listener(seen.append)
    svc = BriefingService(library)
    bid = svc.create("T").created
    svc.add_section(bid, "s")
    assert [c.briefings for c in seen] == [{bid}, {bid}]


def test_citations_list_each_source_once(filled_library: Library) -> None:
    svc, bid, _ids = make_briefing(filled_library)
    cites = svc.get(bid).citations()
    assert [c.article_id for c in cites] == [1, 2, 3]


def test_v1_database_migrates_with_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    db = folder / "library.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(MIGRATION_1)
    conn.executemany("INSERT INTO labels(id, name, color) VALUES (?, ?, ?)", DEFAULT_LABELS)
    conn.execute(
        "INSERT INTO articles(id, title, content_hash, imported_at, updated_at)"
        " VALUES (1, 'مقال قديم', 'h1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
    )
    conn.execute("PRAGMA user_version=1")
    conn.close()
    lib = Library(folder)
    try:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        backups = list((folder / "backups").glob("before-v*.sqlite3"))
        assert len(backups) == 1
        old = sqlite3.connect(backups[0])
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT title FROM articles").fetchone()[0] == "مقال قديم"
        assert (
            old.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'briefings'").fetchone()[0]
            == 0
        )
        old.close()
        svc = BriefingService(lib)
        bid = svc.create("بعد الترحيل").created
        assert svc.get(bid).title == "بعد الترحيل"
    finally:
        lib.close()
