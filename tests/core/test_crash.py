"""Crash consistency: SIGKILL at random moments (tests/crash/harness.py), writers that know about
each other, and an index helper that does not outlive its parent.

CI runs HAMISH_CRASH_CYCLES cycles (default: one per scenario), seeded; for long runs:
`python -m tests.crash.harness --cycles 200`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.crash import harness

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads child processes from /proc"
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> harness.Workspace:
    return harness.Workspace(tmp_path_factory.mktemp("crash"))


CYCLES = int(os.environ.get("HAMISH_CRASH_CYCLES", len(harness.SCENARIOS)))


@pytest.mark.parametrize("n", range(CYCLES))
def test_kill_at_a_random_moment_loses_nothing(workspace, tmp_path, n: int) -> None:
    scenario = harness.SCENARIOS[n % len(harness.SCENARIOS)]
    outcome = harness.run_cycle(workspace, scenario, seed=20261206 + n, work=tmp_path)
    assert outcome.articles > 0


def _holder_of(lib: Path) -> int | None:
    from desktop_app.core.search import store

    return store.lock_holder(store.index_dir(lib))


def test_helper_dies_with_its_parent_and_the_next_process_takes_over(workspace, tmp_path) -> None:
    lib = tmp_path / "lib"
    # A low bulk threshold, so that the import surely hands its backlog to a spawned helper.
    code = (
        "import sys; from desktop_app.core.search import writer; writer.BULK_THRESHOLD = 40;"
        "from desktop_app.cli.main import main; sys.exit(main(sys.argv[1:]))"
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            "--library",
            str(lib),
            "import",
            str(workspace.files),
        ],
        env=harness.env(workspace.home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=workspace.home,
    )
    kids: set[int] = set()
    deadline = time.monotonic() + 60
    while not kids and time.monotonic() < deadline and proc.poll() is None:
        kids = harness.descendants(proc.pid)  # the spawned index helper, once the backlog is big
        time.sleep(0.01)
    log = lib / "logs" / "hamish.log"
    assert kids, f"no index helper: {proc.poll()} {log.read_text() if log.exists() else ''}"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    gone = time.monotonic() + 10
    while any(harness.alive(k) for k in kids) and time.monotonic() < gone:
        time.sleep(0.02)
    assert not [k for k in kids if harness.alive(k)]
    assert _holder_of(lib) is None  # the writer lock went with it
    run = harness.hamish(["--library", str(lib), "check", "--json"], workspace.home)
    report = json.loads(run.stdout)
    assert "stopped before it closed this library" in run.stderr
    assert report["stale"] == 0  # nothing was damaged: what was left was only not yet indexed
    assert report["repaired"] and report["behind"] > 0 and "not yet indexed" in report["reason"]
    again = json.loads(
        harness.hamish(["--library", str(lib), "check", "--json"], workspace.home).stdout
    )
    assert again["ok"] and again["indexed"] == again["articles"]


_WRITE_FOR = """
import sys, time
from pathlib import Path
from desktop_app.core.search import store
ix = store.open_index(store.index_dir(Path(sys.argv[1])))
w = store.open_writer(ix, purpose="test")
print("writing", flush=True)
time.sleep(float(sys.argv[2]))
w.cancel()
print("done", flush=True)
"""


def _writer_process(lib: Path, home: Path, seconds: float) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-c", _WRITE_FOR, str(lib), str(seconds)],
        env=harness.env(home),
        stdout=subprocess.PIPE,
        text=True,
        cwd=home,
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "writing"
    return p


def test_check_while_another_process_writes_waits_for_it(workspace, tmp_path) -> None:
    lib = workspace.copy_base(tmp_path / "lib")
    writer = _writer_process(lib, workspace.home, 2.0)
    try:
        run = harness.hamish(["--library", str(lib), "check", "--json"], workspace.home)
    finally:
        writer.wait(30)
    assert (
        f"waiting for another process that is updating the search index (pid {writer.pid})"
        in run.stderr
    )
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["ok"] and not report["repaired"]


def test_check_says_who_writes_when_it_cannot_wait(workspace, tmp_path) -> None:
    lib = workspace.copy_base(tmp_path / "lib")
    writer = _writer_process(lib, workspace.home, 30.0)
    try:
        run = harness.hamish(["--library", str(lib), "check", "--wait", "0.5"], workspace.home)
    finally:
        writer.kill()
        writer.wait()
    assert run.returncode == 1
    assert f"another process is updating the search index (pid {writer.pid})" in run.stderr
    assert "repaired" not in run.stdout + run.stderr
