"""The `hamish` command: JSON shapes, exit codes, library resolution and the demo set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code, out, err = run(capsys, *argv, "--json")
    return code, json.loads(out)


@pytest.fixture
def lib_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return str(tmp_path / "lib")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "ar.txt").write_text(
        "اجتماع الوزراء\n\nقال الوَزِيرُ إن الاتفاق مهم 📌.\nThe OPEC+ deal.", encoding="utf-8"
    )
    (d / "sub" / "cp.txt").write_bytes(
        "خبر بترميز ويندوز\n\nقال وزير الخارجية إن المحادثات مستمرة.".encode("cp1256")
    )
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.xyz").write_text("ignored inside a folder")
    return d


def test_import_list_show_annotate_note(
    capsys: pytest.CaptureFixture[str], lib_dir: str, files: Path
) -> None:
    code, rows = run_json(capsys, "--library", lib_dir, "import", str(files))
    assert code == 1  # the empty file failed
    by_name = {Path(r["path"]).name: r for r in rows}
    assert set(by_name) == {"ar.txt", "cp.txt", "empty.txt"}
    assert by_name["ar.txt"]["status"] == "imported" and by_name["cp.txt"]["status"] == "imported"
    assert by_name["empty.txt"] == {
        "path": str(files / "empty.txt"),
        "status": "failed",
        "article_id": None,
        "error": "empty file",
        "error_code": "import.empty",
        "error_params": {},
        "remarks": [],
    }
    code, again = run_json(capsys, "import", str(files / "ar.txt"), "--library", lib_dir)
    assert (
        code == 0
        and again[0]["status"] == "duplicate"
        and again[0]["article_id"] == by_name["ar.txt"]["article_id"]
    )

    code, listing = run_json(capsys, "--library", lib_dir, "list")
    assert code == 0 and {r["title"] for r in listing} == {"اجتماع الوزراء", "خبر بترميز ويندوز"}
    assert set(listing[0]) == {"id", "title", "source", "date", "language", "highlights", "notes"}

    aid = str(by_name["ar.txt"]["article_id"])
    code, h = run_json(
        capsys,
        "--library",
        lib_dir,
        "annotate",
        aid,
        "--quote",
        "الوَزِيرُ",
        "--label",
        "quote",
        "--note",
        "مَن؟ 📌",
    )
    assert (
        code == 0 and h["quote"] == "الوَزِيرُ" and h["label"] == "Quote" and isinstance(h["id"], int)
    )
    code, n = run_json(capsys, "--library", lib_dir, "note", aid, "--text", "ملاحظة Note")
    assert code == 0 and isinstance(n["id"], int)
    code, shown = run_json(capsys, "--library", lib_dir, "show", aid)
    assert code == 0
    assert [p["direction"] for p in shown["paragraphs"]] == ["rtl", "ltr"]
    assert shown["highlights"][0] | {} == shown["highlights"][0]
    hl = shown["highlights"][0]
    text = "\n".join(p["text"] for p in shown["paragraphs"])
    assert text[hl["start"] : hl["end"]] == hl["quote"] == "الوَزِيرُ" and hl["note"] == "مَن؟ 📌"
    assert [x["text"] for x in shown["notes"]] == ["ملاحظة Note"]
    code, listing = run_json(capsys, "--library", lib_dir, "list")
    assert next(r for r in listing if str(r["id"]) == aid)["highlights"] == 1


def test_plain_output_prints_the_id(
    capsys: pytest.CaptureFixture[str], lib_dir: str, files: Path
) -> None:
    run(capsys, "--library", lib_dir, "import", str(files / "ar.txt"))
    code, out, _ = run(capsys, "--library", lib_dir, "annotate", "1", "--quote", "الاتفاق")
    assert code == 0 and out.strip().isdigit()


def test_exit_codes_and_messages(
    capsys: pytest.CaptureFixture[str], lib_dir: str, files: Path
) -> None:
    run(capsys, "--library", lib_dir, "import", str(files / "ar.txt"))
    code, _, err = run(capsys, "--library", lib_dir, "show", "42")
    assert code == 1 and "no article with id 42" in err
    code, _, err = run(
        capsys, "--library", lib_dir, "annotate", "1", "--quote", "الاتفاق", "--occurrence", "3"
    )
    assert code == 1 and "it occurs 1 time" in err and "Traceback" not in err
    code, _, err = run(
        capsys, "--library", lib_dir, "annotate", "1", "--quote", "x", "--label", "nope"
    )
    assert code == 1 and "no label" in err
    code, _, err = run(capsys, "--library", lib_dir, "frobnicate")
    assert code == 2
    code, _, err = run(capsys, "--library", lib_dir, "show", "not-a-number")
    assert code == 2
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out
    code, rows = run_json(
        capsys, "--library", lib_dir, "import", str(files / "notes.xyz"), str(files / "missing.txt")
    )
    assert code == 1 and [r["error"] for r in rows] == [
        "unsupported file type .xyz",
        "no such file",
    ]


def test_library_resolution_and_demo_seeding(
    capsys: pytest.CaptureFixture[str],
    lib_dir: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A library named explicitly starts empty.
    code, listing = run_json(capsys, "--library", lib_dir, "list")
    assert code == 0 and listing == []
    monkeypatch.setenv("HAMISH_LIBRARY", str(tmp_path / "env-lib"))
    assert run_json(capsys, "list")[1] == []
    assert (tmp_path / "env-lib" / "library.sqlite3").exists()
    # The default library is seeded with the demo set when it is created.
    monkeypatch.delenv("HAMISH_LIBRARY")
    code, listing = run_json(capsys, "list")
    assert code == 0 and len(listing) == 3 and any(r["language"] == "en" for r in listing)
    assert (tmp_path / "xdg").exists()
    assert sum(r["highlights"] for r in listing) >= 5
    # demo --reset restores edits; demo in an explicit library adds the set.
    code, data = run_json(capsys, "--library", lib_dir, "demo")
    assert code == 0 and len(data["articles"]) == 3
    aid = str(data["articles"][0])
    run(capsys, "--library", lib_dir, "annotate", aid, "--quote", "وزراء")
    assert run_json(capsys, "--library", lib_dir, "demo")[1] == data
    code, data2 = run_json(capsys, "--library", lib_dir, "demo", "--reset")
    shown = run_json(capsys, "--library", lib_dir, "show", str(data2["articles"][0]))[1]
    assert "وزراء" not in [h["quote"] for h in shown["highlights"]]


def test_free_note_without_article(capsys: pytest.CaptureFixture[str], lib_dir: str) -> None:
    code, n = run_json(capsys, "--library", lib_dir, "note", "--text", "ملاحظة حرة 😀")
    assert code == 0 and n["article_id"] is None


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    env = {**os.environ, "HAMISH_LIBRARY": str(tmp_path / "lib")}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
