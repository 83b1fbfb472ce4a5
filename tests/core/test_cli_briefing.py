"""`hamish briefing ...`: create, add, list, show, export; JSON shapes and exit codes."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from desktop_app.cli.main import main
from desktop_app.core.library import Library
from tests.conftest import ARABIC_PARAGRAPHS, ENGLISH_PARAGRAPHS, make_doc


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code, out, err = run(capsys, *argv, "--json")
    assert err == "", err
    return code, json.loads(out)


@pytest.fixture
def lib_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A library with an Arabic and an English article and three highlights (ids 1-3)."""
    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "lib"
    lib = Library(folder)
    lib.add_document(
        make_doc(ARABIC_PARAGRAPHS, "اجتماع الوزراء", source="رويترز", url="https://example.org/1")
    )
    lib.add_document(make_doc(ENGLISH_PARAGRAPHS, "Ministers meet", source="Reuters"))
    lib.add_highlight_by_quote(1, "تحالف OPEC+ لم يحسم قراره", note="مهم 📌")
    lib.add_highlight_by_quote(1, "قال الوَزِيرُ")
    lib.add_highlight_by_quote(2, "Analysts expect OPEC+")
    lib.add_note("A free note about OPEC+ and the NATO meeting.")
    lib.close()
    return str(folder)


def test_create_add_list_show_export(
    capsys: pytest.CaptureFixture[str], lib_dir: str, tmp_path: Path
) -> None:
    L = ("--library", lib_dir)
    code, out, _ = run(
        capsys,
        "briefing",
        "create",
        *L,
        "--title",
        "إحاطة",
        "--marking",
        "سري",
        "--date",
        "2026-12-01",
        "--highlights",
        "1,3,1",
    )
    assert (code, out) == (0, "1\n")
    code, data = run_json(
        capsys, "briefing", "create", *L, "--title", "Second", "--subtitle", "S", "--author", "A"
    )
    assert code == 0 and data == {"id": 2, "title": "Second", "sections": 0, "items": 0}
    code, data = run_json(capsys, "briefing", "add", "2", *L, "--text", "نص حر 📌")
    assert code == 0 and data["briefing"] == 2 and isinstance(data["id"], int)
    code, data = run_json(capsys, "briefing", "add", "2", *L, "--note", "2")
    assert code == 0
    code, data = run_json(capsys, "briefing", "add", "1", *L, "--highlight", "2", "--section", "1")
    assert code == 0 and data["section"] == 1
    code, rows = run_json(capsys, "briefing", "list", *L)
    assert code == 0 and {r["id"]: r["items"] for r in rows} == {1: 3, 2: 2}
    code, b = run_json(capsys, "briefing", "show", "1", *L)
    assert code == 0 and b["marking"] == "سري" and b["date"] == "2026-12-01"
    # one section per article, titled by it; the repeated id is added once
    assert [s["heading"] for s in b["sections"]] == ["اجتماع الوزراء", "Ministers meet"]
    assert [[i["highlight_id"] for i in s["items"]] for s in b["sections"]] == [[1, 2], [3]]
    assert b["sections"][0]["items"][0]["citation"]["url"] == "https://example.org/1"
    code, out, _ = run(capsys, "briefing", "show", "2", *L)
    assert code == 0 and "[text] نص حر 📌" in out and "[note 2]" in out
    for ext in ("docx", "md"):
        target = tmp_path / f"b.{ext}"
        code, data = run_json(capsys, "briefing", "export", "1", *L, "--out", str(target))
        assert code == 0 and data["format"] == ext and data["bytes"] == target.stat().st_size > 0
    d = docx.Document(str(tmp_path / "b.docx"))
    assert d.paragraphs[0].text == "إحاطة"
    assert "تحالف OPEC+ لم يحسم قراره" in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_export_with_a_template(
    capsys: pytest.CaptureFixture[str], lib_dir: str, tmp_path: Path
) -> None:
    L = ("--library", lib_dir)
    run(capsys, "briefing", "create", *L, "--title", "T", "--highlights", "1")
    tpl = docx.Document()
    tpl.sections[0].header.paragraphs[0].text = "Template header"
    tpl.save(tmp_path / "t.docx")
    code, _out, _ = run(
        capsys,
        "briefing",
        "export",
        "1",
        *L,
        "--out",
        str(tmp_path / "o.docx"),
        "--template",
        str(tmp_path / "t.docx"),
    )
    assert code == 0
    with zipfile.ZipFile(tmp_path / "o.docx") as z:
        headers = [z.read(n) for n in z.namelist() if n.startswith("word/header")]
    assert any(b"Template header" in h for h in headers)
    d = docx.Document(io.BytesIO((tmp_path / "o.docx").read_bytes()))
    assert d.paragraphs[0].text == "T"


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["briefing", "show", "9"], 1, "no briefing with id 9"),
        (["briefing", "add", "1", "--highlight", "99"], 1, "no highlight with id 99"),
        (["briefing", "add", "1", "--text", "x", "--section", "42"], 1, "has no section 42"),
        (["briefing", "add", "1", "--text", "   "], 1, "the text is empty"),
        (
            ["briefing", "create", "--title", "T", "--highlights", "1,x"],
            2,
            "ids separated by commas",
        ),
        (
            ["briefing", "create", "--title", "T", "--highlights", "77"],
            1,
            "no highlight with id 77",
        ),
        (["briefing", "create", "--title", "  "], 1, "needs a title"),
        (
            ["briefing", "export", "1", "--out", "b.txt"],
            2,
            "must end in one of .docx, .md, .html, .pdf",
        ),
        (
            ["briefing", "export", "1", "--out", "b.md", "--template", "t.docx"],
            2,
            ".docx exports only",
        ),
        (["briefing", "export", "1", "--out", "/no/such/dir/b.docx"], 1, "does not exist"),
        (["briefing"], 2, "choose an action"),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], lib_dir: str, argv: list[str], code: int, message: str
) -> None:
    run(capsys, "briefing", "create", "--library", lib_dir, "--title", "T")
    got, out, err = (
        run(capsys, *argv, "--library", lib_dir) if len(argv) > 1 else run(capsys, *argv)
    )
    assert got == code
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    code2, rows = run_json(capsys, "briefing", "list", "--library", lib_dir)
    assert code2 == 0 and len(rows) == 1 and rows[0]["items"] == 0  # nothing half-written


def test_create_from_search(capsys: pytest.CaptureFixture[str], lib_dir: str) -> None:
    pytest.importorskip("desktop_app.core.search.service")
    L = ("--library", lib_dir)
    code, data = run_json(
        capsys, "briefing", "create", *L, "--title", "OPEC", "--from-search", "OPEC"
    )
    assert code == 0 and data["items"] >= 3
    code, b = run_json(capsys, "briefing", "show", str(data["id"]), *L)
    items = [i for s in b["sections"] for i in s["items"]]
    highlights = [i["highlight_id"] for i in items if i["kind"] == "highlight"]
    assert len(highlights) == len(set(highlights))  # deduplicated
    assert {1, 3} <= set(highlights)  # hits on the quotes themselves
    assert 2 in highlights  # brought in by its article's hit
    assert [i["note_id"] for i in items if i["kind"] == "note"] == [2]  # the free note
    assert items[0]["text"]
    code, out, err = run(
        capsys, "briefing", "create", *L, "--title", "x", "--from-search", "title:("
    )
    assert code == 2 and err.startswith("hamish: bad query")
