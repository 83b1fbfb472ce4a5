"""Encoding detection and the .txt importer on real news texts from the corpus (when present)."""

from __future__ import annotations

import gzip
import json

import pytest

from desktop_app.core.importers import parse_bytes
from desktop_app.core.importers.encoding import decode
from desktop_app.core.text.paragraphs import clean_line
from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the ANT corpus is not on this machine")


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 10 == 0:
                out.append(json.loads(line))
            if len(out) >= 150:
                break
    return out


@pytest.mark.parametrize("length", [30, 100, 0])
@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_code_pages_on_corpus_texts(articles: list[dict], length: int, encoding: str) -> None:
    right = 0
    for a in articles:
        data = (a["text"][:length] if length else a["text"]).encode(encoding, errors="replace")
        right += decode(data)[0] == data.decode(encoding)
    assert right / len(articles) >= 0.99


def test_corpus_shaped_files_import_as_written(articles: list[dict]) -> None:
    for a in articles[:40]:
        paras = [line for line in a["text"].split("\n") if line.strip()]
        data = (a["title"].strip() + "\n\n" + "\n".join(paras)).encode("cp1256", errors="replace")
        doc = parse_bytes(data, "000_3b504377793f8f36.txt")
        truth = data.decode("cp1256").split("\n")
        assert doc.title == truth[0].strip()
        assert [p.text for p in doc.paragraphs] == [
            clean_line(t) for t in truth[2:] if clean_line(t)
        ]
        assert doc.language == "ar"
