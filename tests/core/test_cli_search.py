"""`hamish search/analyze/check/reindex` through the real command in a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desktop_app.core.search import store
from tests.child import run_hamish

ROOT = Path(__file__).resolve().parents[2]


def hamish(lib: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop_app --library lib ARGS`."""
    return run_hamish(None, "--library", str(lib), *args, cwd=ROOT)


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with two imported .txt files and a highlight with a note."""
    base = tmp_path_factory.mktemp("cli")
    files = base / "files"
    files.mkdir()
    (files / "a.txt").write_text(
        "اجتماع الوزراء\n\nقال الوَزِيرُ إن الاتفاق الجديد يخدم مصالح البلدين 📌.\n\n"
        "وأكد وزير الخارجية أن المفاوضات ستستمر.\n",
        encoding="utf-8",
    )
    (files / "b.txt").write_text(
        "Ministers meet\n\nThe minister said the new agreement serves both countries.\n",
        encoding="utf-8",
    )
    library = base / "lib"
    r = hamish(library, "import", str(files), "--json")
    assert r.returncode == 0, r.stderr
    r = hamish(library, "annotate", "1", "--quote", "المفاوضات ستستمر", "--note", "ملاحظة مهمة")
    assert r.returncode == 0, r.stderr
    return library


def test_search_json_shape(lib: Path) -> None:
    r = hamish(lib, "search", "الوزير", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) >= {"query", "total", "took_ms", "hits", "facets"}
    assert data["query"] == "الوزير" and data["total"] == 1
    hit = data["hits"][0]
    assert set(hit) >= {
        "kind",
        "article_id",
        "highlight_id",
        "note_id",
        "title",
        "source",
        "date",
        "score",
        "snippet",
    }
    assert hit["kind"] == "article" and hit["title"] == "اجتماع الوزراء"
    assert "<b>الوَزِيرُ</b>" in hit["snippet"]
    s, e = hit["snippet_spans"][0]
    assert hit["snippet_text"][s:e] == "الوَزِيرُ"
    assert set(data["facets"]) == {"source", "year", "language", "label", "kind"}


def test_annotation_made_by_the_cli_is_searchable(lib: Path) -> None:
    data = json.loads(hamish(lib, "search", "ملاحظة", "--json").stdout)
    assert [h["kind"] for h in data["hits"]] == ["highlight"]
    assert data["hits"][0]["article_id"] == 1
    assert data["facets"]["label"] == {"Key claim": 1}


def test_human_output_marks_words(lib: Path) -> None:
    r = hamish(lib, "search", "minister")
    assert r.returncode == 0
    assert "«minister»" in r.stdout and "Ministers meet" in r.stdout


@pytest.mark.parametrize(
    "bad", ['"وزير', "(وزير", "foo:bar", "date:2022-13-01", "OR", "", "وزير AND"]
)
def test_bad_query_exits_2_with_a_message(lib: Path, bad: str) -> None:
    r = hamish(lib, "search", bad)
    assert r.returncode == 2
    assert r.stderr.startswith("hamish: bad query: ")
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_queries_file_prints_one_json_line_per_query(lib: Path, tmp_path: Path) -> None:
    qf = tmp_path / "q.txt"
    qf.write_text('الوزير\n\nminister OR وزير\n"وزير الخارجية"\n', encoding="utf-8")
    r = hamish(lib, "search", "--queries-file", str(qf), "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["query"] for row in rows] == ["الوزير", "minister OR وزير", '"وزير الخارجية"']
    assert [row["total"] for row in rows] == [1, 2, 1]


def test_analyze_prints_terms(lib: Path) -> None:
    r = hamish(lib, "analyze", "الوَزِيرُ والوزير في 📌 OPEC")
    assert r.returncode == 0
    assert r.stdout.strip() == "وزير وزير opec"


def test_analyze_keeps_names_whole(lib: Path) -> None:
    r = hamish(lib, "analyze", "كورونا بكورونا للكورونا وكورونا ببغداد لبغداد مدنين المدني 🦠")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["كورونا"] * 4 + ["بغداد"] * 2 + ["مدنين", "مدن"]


def test_check_and_reindex_json(lib: Path) -> None:
    r = hamish(lib, "check", "--json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert {k: data[k] for k in ("ok", "articles", "indexed", "stale", "repaired")} == {
        "ok": True,
        "articles": 2,
        "indexed": 2,
        "stale": 0,
        "repaired": False,
    }
    store.wipe(store.index_dir(lib))
    data = json.loads(hamish(lib, "check", "--json").stdout)
    assert data["ok"] is False and data["repaired"] is True and data["indexed"] == 2
    r = hamish(lib, "reindex", "--json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["indexed"] == 2
    assert json.loads(hamish(lib, "search", "ملاحظة", "--json").stdout)["total"] == 1
