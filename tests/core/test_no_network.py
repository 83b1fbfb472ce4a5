"""Hamish makes no network connection on its own.

Every command runs in a child process whose `sitecustomize` installs an audit hook
(sys.addaudithook) recording each socket connection, name lookup and URL request to a file;
processes the command spawns (the index helper) load the same hook. Only AF_UNIX sockets
would be allowed (local, never the network); none is made today.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from tests.core.disk_checks import hamish, sample_files

HOOK = """
import json, os, socket, sys

_LOG = os.environ["HAMISH_NETWORK_LOG"]
_EVENTS = {
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.getnameinfo", "socket.sendto", "socket.sendmsg", "urllib.Request",
    "http.client.connect", "ftplib.connect", "smtplib.connect",
}


def _hook(event, args):
    if event not in _EVENTS:
        return
    family = ""
    if event == "socket.connect":
        family = getattr(getattr(args[0], "family", None), "name", "")
    try:
        with open(_LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps({"pid": os.getpid(), "event": event, "family": family,
                                "args": repr(args[1:])[:200]}) + "\\n")
    except OSError:
        pass


sys.addaudithook(_hook)
with open(_LOG, "a", encoding="utf-8") as f:
    f.write(json.dumps({"pid": os.getpid(), "event": "start", "family": "", "args": ""}) + "\\n")
"""


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Child processes record their network events in the returned file."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    log = tmp_path / "network.jsonl"
    log.touch()
    monkeypatch.setenv("PYTHONPATH", str(site) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    monkeypatch.setenv("HAMISH_NETWORK_LOG", str(log))
    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return log


def rows(log: Path) -> list[dict[str, str]]:
    """Every recorded row."""
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]


def events(log: Path) -> list[dict[str, str]]:
    """The network events, AF_UNIX connections left out (local sockets, not the network)."""
    return [
        r
        for r in rows(log)
        if r["event"] != "start" and r["family"] != socket.AddressFamily.AF_UNIX.name
    ]


def test_the_hook_sees_a_lookup(watched: Path) -> None:
    """The harness works: a child that looks a name up is recorded."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('localhost', 80)"],
        check=True,
        env=dict(os.environ),
    )
    assert [r["event"] for r in events(watched)] == ["socket.getaddrinfo"]


def test_main_commands_make_no_network_connection(tmp_path: Path, watched: Path) -> None:
    lib = str(tmp_path / "lib")
    files = sample_files(tmp_path / "in", ("html", "md", "docx", "pdf"))
    steps = [
        ("import", "--library", lib, *map(str, files)),
        ("search", "--library", lib, "الوزير"),
        ("annotate", "--library", lib, "1", "--quote", "الوزير", "--note", "مهم 📌"),
        ("note", "--library", lib, "--text", "Mixed ملاحظة 😀"),
        ("briefing", "create", "--library", lib, "--title", "موجز", "--highlights", "1"),
        *[
            ("briefing", "export", "--library", lib, "1", "--out", str(tmp_path / f"b{ext}"))
            for ext in (".docx", ".md", ".html", ".pdf")
        ],
        ("selftest",),
        ("feeds", "list", "--library", lib),  # feeds are read on request only
        ("gui", "--library", lib, "--open", "1", "--screenshot", str(tmp_path / "w.png")),
    ]
    for step in steps:
        res = hamish(*step)
        assert res.returncode == 0, (step, res.stdout, res.stderr)
    assert (tmp_path / "w.png").stat().st_size > 1000
    started = [r for r in rows(watched) if r["event"] == "start"]
    assert len(started) >= len(steps)  # the hook was in every command
    assert events(watched) == []
