"""The demo set: a few short articles written by the Hamish team, with highlights and notes."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.core.library import Library, content_hash
from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.language import detect_language
from desktop_app.core.text.paragraphs import build_paragraphs
from desktop_app.resources import resource_path

DEMO_FILE = resource_path("demo", "demo.json")
_SETTING = "demo_free_notes"


def load_demo() -> dict[str, Any]:
    """The demo set as shipped."""
    data: dict[str, Any] = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return data


def seed_demo(lib: Library, reset: bool = False) -> list[int]:
    """Add the demo articles (once); with reset, put them back as shipped. Returns their ids."""
    data = load_demo()
    ids: list[int] = []
    for item in data["articles"]:
        paragraphs = build_paragraphs(item["paragraphs"])
        existing = _find(lib, content_hash(paragraphs))
        if existing is not None and reset:
            lib.purge_article(existing)
            existing = None
        if existing is not None:
            if lib.get_article(existing).deleted_at is not None:
                lib.restore_article(existing)
            ids.append(existing)
            continue
        doc = ImportedDocument(
            paragraphs=paragraphs,
            title=item["title"],
            source=item["source"],
            author=item["author"],
            url=item["url"],
            published=item["published"],
            format="demo",
            language=detect_language(" ".join(item["paragraphs"])),
            tags=tuple(item.get("tags", ())),
        )
        result = lib.add_document(doc)
        assert result.article_id is not None
        aid = result.article_id
        for h in item["highlights"]:
            lib.add_highlight_by_quote(aid, h["quote"], 1, int(h["label"]), h.get("note", ""))
        for body in item["notes"]:
            lib.add_note(body, article_id=aid)
        ids.append(aid)
    if lib.get_setting(_SETTING) is None or reset:
        present = {n.body for n in lib.free_notes()}
        for body in data["free_notes"]:
            if body not in present:
                lib.add_note(body)
        lib.set_setting(_SETTING, "1")
    return ids


def _find(lib: Library, digest: str) -> int | None:
    from desktop_app.core.storage.articles import find_by_hash

    return find_by_hash(lib.conn, digest)
