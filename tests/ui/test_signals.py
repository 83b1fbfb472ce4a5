"""SIGTERM (a logout) and SIGINT (Ctrl+C in the terminal) end the window as Quit does."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crash import harness
from tests.crash.gui_child import TEXT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("signals")
    home = root / "home"
    home.mkdir()
    lib = root / "lib"
    files = harness.write_files(root / "files", 5)
    run = harness.hamish(["--library", str(lib), "import", *map(str, files)], home)
    assert run.returncode == 0, run.stderr
    return lib, home


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_saves_the_note_being_typed_and_exits_0(base, sig: signal.Signals) -> None:
    lib, home = base
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.gui_child", str(lib), "3", "whole"],
        env=harness.env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=home,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line[:1] == ["typed"], proc.stderr.read() if proc.stderr else ""
    nid = int(line[1])
    # Typed, not saved yet: the editor saves a second after typing stops.
    assert harness.query(lib, "SELECT body FROM notes WHERE id = ?", (nid,)) == [("",)]
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert harness.query(lib, "SELECT body FROM notes WHERE id = ?", (nid,)) == [(TEXT,)]
    # Closed properly: the next start has nothing to report.
    run = harness.hamish(["--library", str(lib), "list"], home)
    assert run.returncode == 0 and "stopped before" not in run.stderr


_OPEN_AND_WAIT = """
import sys, time
from desktop_app.core.library import Library
lib = Library(sys.argv[1])
lib.add_note("ملاحظة قبل التوقف 📌 before the kill")
print("open", flush=True)
time.sleep(60)
"""


def test_window_after_a_killed_process_says_so_and_catches_up(qtbot, tmp_path, settings_dir):
    from desktop_app.core.library import Library
    from desktop_app.core.search.service import SearchService
    from desktop_app.ui.main_window import MainWindow

    folder = tmp_path / "lib"
    Library(folder).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", _OPEN_AND_WAIT, str(folder)],
        env=harness.env(tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    lib = Library(folder)
    w = MainWindow(lib, theme="light", remember=False)
    qtbot.addWidget(w)
    assert "stopped before it closed this library" in w.status_label.text()
    assert w.search_writer is not None
    w.search_writer.flush()
    svc = SearchService(folder)
    try:
        assert svc.search("التوقف").total == 1  # the note the killed process saved is found
    finally:
        svc.close()
    w.close()
    lib.close()
