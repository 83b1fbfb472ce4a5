"""Library.article_count: articles in the library and in the trash."""

from __future__ import annotations

from desktop_app.core.library import Library
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.paragraphs import build_paragraphs


def test_article_count_follows_the_trash(tmp_path):
    lib = Library(tmp_path / "lib")
    try:
        assert lib.article_count() == 0
        ids = [
            lib.add_document(ImportedDocument(build_paragraphs([t]), title=t)).article_id
            for t in ("الوَزِيرُ يعلن 📌", "An English one", "مقال ثالث")
        ]
        assert lib.article_count() == 3
        lib.delete_article(ids[0])
        assert (lib.article_count(), lib.article_count(trash=True)) == (2, 1)
        lib.restore_article(ids[0])
        assert (lib.article_count(), lib.article_count(trash=True)) == (3, 0)
    finally:
        lib.close()
