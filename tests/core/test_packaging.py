"""Hamish as installed: bundled files found from the package, the self-test, the global
--lang option, and quiet output (warnings go to the library's log, not the terminal)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from desktop_app import selftest
from desktop_app.cli.main import main
from desktop_app.core.logs import log_file, route_to_library
from desktop_app.resources import i18n_path, resource_path
from tests.child import run_hamish

ROOT = Path(__file__).resolve().parents[2]


def clean_env(tmp_path: Path) -> dict[str, str]:
    """An environment with an empty home and no library or language chosen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAMISH_", "XDG_"))}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return env


def test_bundled_files_are_found() -> None:
    for parts in [
        ("demo", "demo.json"),
        ("icons", "hamish.svg"),
        ("icons", "hamish.png"),
        ("themes", "sepia.json"),
        *[("samples", name) for name in selftest.SAMPLES],
        ("linux", "hamish.desktop"),
    ]:
        assert resource_path(*parts).is_file(), parts
    assert i18n_path("hamish_ar.qm").is_file()


def test_the_wheel_carries_every_bundled_file(tmp_path: Path) -> None:
    """What pip installs holds the demo, icons, themes, samples and translations."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("hamish-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for src in (ROOT / "resources").rglob("*"):
        rel = src.relative_to(ROOT / "resources").as_posix()
        if src.is_file() and not rel.startswith("screenshots/"):
            assert f"desktop_app/assets/{rel}" in names, rel
    for qm in (ROOT / "i18n").glob("*.qm"):
        assert f"desktop_app/translations/{qm.name}" in names
    assert not any(n.startswith("desktop_app/assets/screenshots") for n in names)
    assert not any(n.endswith(".ts") for n in names)


def test_selftest_passes_and_says_so_step_by_step(tmp_path: Path) -> None:
    proc = run_hamish(clean_env(tmp_path), "selftest", cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert [ln.split()[1] for ln in lines[:-1]] == [name for name, _ in selftest.STEPS]
    assert all(ln.startswith("ok ") for ln in lines[:-1])
    assert "وزراء الطاقة يبحثون أسعار النفط" in lines[0]  # the title without the site's name
    assert lines[-1].endswith(f"all {len(selftest.STEPS)} steps passed")
    assert proc.stderr == ""  # Qt's and the libraries' warnings went to the log
    assert not list(tmp_path.glob("home/**/library.sqlite3"))  # nobody's library was touched


def test_selftest_fails_when_a_step_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_ctx: selftest.Context) -> str:
        raise RuntimeError("الفهرس مكسور 💥")

    steps = [("import", selftest.step_import), ("index", broken), ("check", selftest.step_check)]
    monkeypatch.setattr(selftest, "STEPS", steps)
    keep = tmp_path / "kept"
    assert main(["selftest", "--json", "--keep", str(keep)]) == 1
    rows = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert [(r["step"], r["ok"]) for r in rows] == [
        ("import", True),
        ("index", False),
        ("check", False),  # no index was ever made: check says so rather than passing
    ]
    assert "RuntimeError: الفهرس مكسور 💥" in rows[1]["detail"]
    assert (keep / "library" / "library.sqlite3").exists()  # --keep leaves the work there


def test_lang_is_a_global_option(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    shot = tmp_path / "ar.png"
    lib = ("--library", str(tmp_path / "lib"))
    proc = run_hamish(env, *lib, "--lang", "ar", "gui", "--screenshot", str(shot))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert shot.stat().st_size > 10_000
    bad = run_hamish(env, *lib, "--lang", "fr", "gui", "--screenshot", str(shot))
    assert bad.returncode == 2
    assert "no interface in 'fr' (there are: ar, en)" in bad.stderr
    env["HAMISH_LANG"] = "xx"
    bad_env = run_hamish(env, *lib, "gui", "--screenshot", str(shot))
    assert bad_env.returncode == 2 and "'xx'" in bad_env.stderr


def test_lang_is_checked_before_any_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(tmp_path / "lib"), "--lang", "de", "list"]) == 2
    assert "no interface in 'de' (there are: ar, en)" in capsys.readouterr().err
    assert not (tmp_path / "lib").exists()  # refused before anything was opened
    assert main(["--library", str(tmp_path / "lib"), "--lang", "ar", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_screenshot_without_a_display(tmp_path: Path) -> None:
    """No DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM: --screenshot still draws the window."""
    if not sys.platform.startswith("linux"):
        pytest.skip("X and Wayland displays are a Linux matter")
    env = clean_env(tmp_path)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    shot = tmp_path / "w.png"
    proc = run_hamish(env, "--library", str(tmp_path / "lib"), "gui", "--screenshot", str(shot))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert shot.stat().st_size > 10_000


def test_choose_language_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.app import choose_language

    monkeypatch.setenv("HAMISH_LANG", "en")
    assert choose_language("ar") == "ar"  # --lang wins
    assert choose_language(None) == "en"  # then $HAMISH_LANG
    assert choose_language("ar_EG") == "ar"
    monkeypatch.delenv("HAMISH_LANG")
    with pytest.raises(ValueError, match="there are: ar, en"):
        choose_language("de")


def test_library_warnings_go_to_the_log_not_the_terminal(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = route_to_library(tmp_path / "lib")
        assert not path.exists()  # nothing written yet: no file, no folder
        logging.getLogger("pypdf._reader").warning("Overwriting cache for 0 3")
        logging.getLogger("trafilatura.core").info("chatter below WARNING is dropped")
        logging.getLogger("desktop_app.core.search.writer").info("our own INFO is kept: وزير")
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            logging.captureWarnings(False)  # pytest swapped showwarning: capture it afresh
            logging.captureWarnings(True)
            warnings.warn("invalid escape sequence '\\d'", SyntaxWarning, stacklevel=1)
        for h in root.handlers:
            h.flush()
    finally:
        logging.captureWarnings(False)
        for h in list(root.handlers):
            if h not in before:
                root.removeHandler(h)
                h.close()
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    log = log_file(tmp_path / "lib").read_text(encoding="utf-8")
    assert "WARNING pypdf._reader: Overwriting cache for 0 3" in log
    assert "chatter" not in log
    assert "our own INFO is kept: وزير" in log
    assert "SyntaxWarning" in log


def test_normal_command_line_use_prints_nothing_on_stderr(tmp_path: Path) -> None:
    """Import files made by real producers, search, annotate, export: stderr stays empty."""
    from tests.producers import SOURCES, html, pdf, text
    from tests.producers import docx as docx_producer

    folder = tmp_path / "in"
    folder.mkdir()
    made = [
        *pdf.fpdf2_pdf(list(SOURCES)),
        *html.pages(list(SOURCES))[:8],
        *docx_producer.documents(list(SOURCES))[:6],
        *text.documents(list(SOURCES))[:4],
    ]
    for i, g in enumerate(made):
        (folder / f"{i:02d}-{g.name}").write_bytes(g.data)
    env = clean_env(tmp_path)
    lib = ("--library", str(tmp_path / "lib"))

    def hamish(*args: str) -> str:
        proc = run_hamish(env, *lib, *args, cwd=tmp_path, timeout=300)
        assert proc.returncode == 0, (args, proc.stdout[-500:], proc.stderr)
        assert proc.stderr == "", (args, proc.stderr)
        return proc.stdout

    rows = json.loads(hamish("import", str(folder), "--json"))
    assert len(rows) == len(made) and all(r["status"] != "failed" for r in rows)
    hits = json.loads(hamish("search", "الوزير", "--json"))["hits"]
    assert hits
    aid = next(r["article_id"] for r in rows if r["status"] == "imported")
    quote = json.loads(hamish("show", str(aid), "--json"))["paragraphs"][0]["text"][:12]
    hid = json.loads(hamish("annotate", str(aid), "--quote", quote, "--note", "📌", "--json"))["id"]
    bid = hamish("briefing", "create", "--title", "موجز", "--highlights", str(hid)).strip()
    hamish("briefing", "export", bid, "--out", str(tmp_path / "b.docx"))
    assert json.loads(hamish("check", "--json"))["ok"] is True


def test_the_version_is_pyprojects() -> None:
    """The user agent and `hamish --version` say the version the package is built as."""
    import tomllib

    from desktop_app import __version__

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]
