"""Saved searches: stored in the library database, survive reopening, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.library import Library
from desktop_app.core.saved_searches import SavedSearches, clean_filters


def test_round_trip_survives_reopening(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    saved = SavedSearches(lib)
    s = saved.save("الوزير 📌", "الوَزِيرُ AND OPEC+", {"source": ["رويترز"], "year": [2022]})
    assert s.filters == {"source": ["رويترز"], "year": ["2022"]}
    saved.save("English", "minister")
    lib.close()
    again = SavedSearches(Library(tmp_path / "lib"))
    names = [x.name for x in again.list()]
    assert names == sorted(names, key=str.casefold) and set(names) == {"الوزير 📌", "English"}
    got = next(x for x in again.list() if x.name == "الوزير 📌")
    assert got.query == "الوَزِيرُ AND OPEC+"
    assert got.filters == {"source": ["رويترز"], "year": ["2022"]}
    again.conn.close()


def test_same_name_replaces_and_rename_keeps_names_unique(library: Library) -> None:
    saved = SavedSearches(library)
    first = saved.save("Oil", "OPEC")
    second = saved.save("oil", "OPEC+ cuts", {"language": "en"})
    assert first.id == second.id and len(saved.list()) == 1
    assert saved.get(first.id).query == "OPEC+ cuts"
    assert saved.get(first.id).filters == {"language": ["en"]}
    other = saved.save("Treaty", "الاتفاق")
    with pytest.raises(InvalidInput, match="already called"):
        saved.rename(other.id, "OIL")
    assert saved.rename(other.id, "  الاتفاق   النهائي ").name == "الاتفاق النهائي"


def test_bad_input_is_refused_with_a_message(library: Library) -> None:
    saved = SavedSearches(library)
    with pytest.raises(InvalidInput, match="needs a name"):
        saved.save("   ", "x")
    with pytest.raises(InvalidInput, match="nothing to save"):
        saved.save("empty", "  ")
    with pytest.raises(NotFound):
        saved.delete(99)
    s = saved.save("x", "y")
    saved.delete(s.id)
    assert saved.list() == []


def test_clean_filters_drops_junk() -> None:
    assert clean_filters({"kind": ["note", "", "note"], "year": [], "x": 3}) == {
        "kind": ["note"],
        "x": ["3"],
    }
    assert clean_filters("nonsense") == {}
