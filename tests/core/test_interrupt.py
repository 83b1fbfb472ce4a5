"""Ctrl+C during `hamish import`: every finished article kept, none half, exit 130, one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.crash import harness

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_ctrl_c_during_import_keeps_finished_articles_and_exits_130(tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    files = harness.write_files(tmp_path / "ملفات", 1500)
    lib = tmp_path / "lib"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--library",
            str(lib),
            "import",
            str(files[0].parent),
        ],
        env=harness.env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=home,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    db = lib / "library.sqlite3"
    deadline = time.monotonic() + 120
    count = 0
    while proc.poll() is None and time.monotonic() < deadline:  # wait for the first hundred
        if db.exists():
            try:
                count = harness.query(lib, "SELECT count(*) FROM articles")[0][0]
            except Exception:  # the database being created
                count = 0
            if count >= 100:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C reaches the whole group: helpers too
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hamish: interrupted: "), err
    assert "Traceback" not in err and out == ""
    outcome = harness.Outcome("interrupt", 0, 0.0)
    harness.check_database(lib, outcome)  # whole articles only, each with its original
    kept = outcome.articles
    assert 100 <= kept < 1500
    assert (
        f"interrupted: {kept} imported, 0 duplicate, 0 failed; {1500 - kept} file(s) not"
        in lines[0]
    )
    # Closed properly: no crash to report; the next start brings the index up to date.
    run = harness.hamish(["--library", str(lib), "list", "--json"], home)
    assert run.returncode == 0 and run.stderr == ""
    assert len(json.loads(run.stdout)) == kept
    check = json.loads(
        harness.hamish(["--library", str(lib), "check", "--no-repair", "--json"], home).stdout
    )
    assert check["ok"] and check["indexed"] == kept
    # And the rest imports when asked again: what was done is a duplicate, nothing twice.
    again = harness.hamish(["--library", str(lib), "import", str(files[0].parent), "--json"], home)
    rows = json.loads(again.stdout)
    assert sum(r["status"] == "duplicate" for r in rows) == kept
    assert sum(r["status"] == "imported" for r in rows) == 1500 - kept
