"""Compound index segments are read in place: an open searcher does not hold a copy of them."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

from desktop_app.core.library import Library
from desktop_app.core.models import ImportedDocument
from desktop_app.core.search import live, store
from desktop_app.core.search.mapped import MappedBufferFile
from desktop_app.core.search.service import SearchService
from desktop_app.core.search.writer import close_all
from desktop_app.core.text.paragraphs import build_paragraphs

WORDS = "الوَزِيرُ الحكومة اقتصاد النفط مجلس الأمن OPEC+ Reuters 📌 مفاوضات انتخابات الصحة".split()
QUERIES = [
    "الوزير",
    "النفط OR الغاز",
    '"مجلس الأمن"',
    "انتخاب*",
    "OPEC",
    "📌 الصحة",
    "title:مفاوضات",
]


def _library(folder: Path) -> Library:
    rng = random.Random(20261206)
    lib = Library(folder)
    for i in range(600):
        paras = [
            " ".join(rng.choice(WORDS) for _ in range(120)) + f" رقم{i} n{i}" for _ in range(3)
        ]
        lib.add_document(
            ImportedDocument(
                build_paragraphs(paras),
                title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}",
                source=rng.choice(["BBC عربي", "الجزيرة"]),
                published=f"20{10 + i % 10}-0{1 + i % 9}-01",
                format="txt",
            )
        )
    live.attach(lib, background=True, helper=False).flush()
    close_all()
    return lib


def _results(folder: Path) -> list[tuple[int, list[tuple[str, float, str]], dict]]:
    svc = SearchService(folder)
    try:
        out = []
        for q in QUERIES:
            r = svc.search(q, limit=20)
            out.append((r.total, [(h.title, h.score, h.snippet) for h in r.hits], r.facets))
        return out
    finally:
        svc.close()


def test_an_open_searcher_holds_no_copy_of_the_segments(tmp_path: Path) -> None:
    lib = _library(tmp_path / "lib")
    segments = sum(p.stat().st_size for p in (tmp_path / "lib" / "index").glob("*.seg"))
    assert segments > 500_000  # enough that a copy would show
    ix = store.open_index(store.index_dir(lib.folder))
    assert ix is not None
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        reader = ix.reader()
        held = tracemalloc.get_traced_memory()[0] - before
        assert reader.doc_count() >= 600
    finally:
        tracemalloc.stop()
    reader.close()
    ix.close()
    lib.close()
    assert held < segments / 10, (held, segments)


def test_results_are_the_same_as_with_whoosh_copying_the_segments(tmp_path: Path) -> None:
    lib = _library(tmp_path / "lib")
    assert compound.BufferFile is MappedBufferFile
    in_place = _results(lib.folder)
    compound.BufferFile = BufferFile
    try:
        copied = _results(lib.folder)
    finally:
        compound.BufferFile = MappedBufferFile
    lib.close()
    assert in_place == copied
    assert all(total > 0 for total, _, _ in in_place)
