"""Kill Hamish with SIGKILL at random moments, then check that nothing saved was lost.

Scenarios: a bulk folder import (with its spawned index helper), a reindex, a briefing export to
Word, annotating through the command line, typing a note in the window, and a backup archive
with the originals. After each kill:

- `PRAGMA integrity_check` and `foreign_key_check` pass;
- no article is half-imported (each has its paragraphs, its content hash, its original file);
- every note and highlight reported saved before the kill is there, word for word;
- no process the killed one started is left running;
- an exported file is either absent or a whole Word document, a backup archive either absent or
  one that restores every article into a new folder;
- the next start says that Hamish was stopped, and brings the search index into agreement with
  the database by itself: `hamish check --no-repair` then finds nothing to repair.

Run for long:  python -m tests.crash.harness --cycles 200 [--seed N] [--scenario NAME]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.child import run_hamish
from tests.crash.corpus import QUOTE, note_text, write_files

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("import", "reindex", "export", "annotate", "gui", "backup")
IMPORT_FILES = 2000  # far above the bulk threshold: the spawned index helper takes part
BASE_ARTICLES = 1500


class CrashFailure(AssertionError):
    """An invariant did not hold after a kill."""


@dataclass
class Outcome:
    """One cycle: what was killed when, and what the checks found."""

    scenario: str
    seed: int
    delay: float
    confirmed: int = 0  # notes/highlights/saves the child reported before the kill
    articles: int = 0
    message: bool = False  # the next start said Hamish had been stopped
    notes: list[str] = field(default_factory=list)


def env(home: Path) -> dict[str, str]:
    """The children's environment: this checkout, offscreen, a private home."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("HAMISH_", "XDG_"))}
    e.update(
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        HAMISH_CONFIG_DIR=str(home / ".config/hamish"),
        PYTHONHASHSEED="0",
    )
    return e


def hamish(args: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the command line to completion."""
    return run_hamish(env(home), *args, cwd=home, timeout=timeout)


class Workspace:
    """Files and a base library made once per run; each cycle works on its own copy."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.files = root / "files"
        self.paths = write_files(self.files, IMPORT_FILES)
        self.base = root / "base"
        if not (self.base / "library.sqlite3").exists():
            self._make_base()

    def _make_base(self) -> None:
        run = subprocess.run(
            [sys.executable, "-m", "tests.crash.make_base", str(self.base)]
            + [str(p) for p in self.paths[:BASE_ARTICLES]],
            env=env(self.home),
            capture_output=True,
            text=True,
            cwd=self.home,
            timeout=600,
        )
        if run.returncode != 0:
            raise RuntimeError(f"cannot make the base library: {run.stderr}")
        (self.base / "briefing.id").write_text(run.stdout.strip().splitlines()[-1])

    def copy_base(self, target: Path) -> Path:
        """A fresh copy of the base library (its index too)."""
        shutil.copytree(self.base, target, ignore=shutil.ignore_patterns("sessions", "logs"))
        return target


def descendants(pid: int) -> set[int]:
    """Processes started by pid, recursively (Linux /proc; empty elsewhere)."""
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        kids: list[str] = []
        for task in Path(f"/proc/{p}/task").glob("*"):  # a child belongs to the thread that made it
            try:
                kids += (task / "children").read_text().split()
            except OSError:
                continue
        for k in map(int, kids):
            if k not in out:
                out.add(k)
                todo.append(k)
    return out


def alive(pid: int) -> bool:
    """True while pid runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_child(scenario: str, lib: Path, ws: Workspace, out: Path) -> subprocess.Popen[str]:
    """Start the process that will be killed."""
    lib_s = str(lib)
    if scenario == "import":
        cmd = ["-m", "desktop_app", "--library", lib_s, "import", str(ws.files)]
    elif scenario == "reindex":
        cmd = ["-m", "desktop_app", "--library", lib_s, "reindex"]
    elif scenario == "export":
        bid = (lib / "briefing.id").read_text()
        cmd = [
            "-m",
            "desktop_app",
            "--library",
            lib_s,
            "briefing",
            "export",
            bid,
            "--out",
            str(out),
        ]
    elif scenario == "annotate":
        cmd = ["-m", "tests.crash.annotate_child", lib_s, "2"]
    elif scenario == "backup":
        zip_out = out.with_suffix(".zip")
        cmd = ["-m", "desktop_app", "--library", lib_s, "backup", "--out", str(zip_out)]
        cmd.append("--with-originals")
    elif scenario == "gui":
        cmd = ["-m", "tests.crash.gui_child", lib_s, "3", "type"]
    else:
        raise ValueError(scenario)
    return subprocess.Popen(
        [sys.executable, *cmd],
        env=env(ws.home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ws.home,
    )


DELAYS = {  # seconds after start within which the kill falls
    "import": (0.5, 6.0),
    "reindex": (0.3, 1.8),
    "export": (0.1, 0.7),
    "annotate": (1.0, 5.0),
    "gui": (2.0, 9.0),
    "backup": (0.2, 1.3),
}


def run_cycle(ws: Workspace, scenario: str, seed: int, work: Path) -> Outcome:
    """One kill and its checks; raises CrashFailure when an invariant does not hold."""
    rng = random.Random(seed)
    delay = rng.uniform(*DELAYS[scenario])
    outcome = Outcome(scenario, seed, round(delay, 3))
    lib = work / "lib"
    if scenario == "import":
        lib.mkdir(parents=True)
    else:
        ws.copy_base(lib)
    out = work / "briefing.docx"
    proc = start_child(scenario, lib, ws, out)
    deadline = time.monotonic() + delay
    kids: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        kids |= descendants(proc.pid)
        time.sleep(0.02)
    kids |= descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=60)
    gone = time.monotonic() + 15
    while any(alive(k) for k in kids) and time.monotonic() < gone:
        time.sleep(0.05)
    left = [k for k in kids if alive(k)]
    if left:
        for k in left:
            os.kill(k, signal.SIGKILL)
        raise CrashFailure(f"{scenario}: processes left running after the kill: {left}")
    check_database(lib, outcome)
    CHECKS[scenario](lib, stdout, outcome, out)
    check_next_start(lib, ws.home, outcome)
    del stderr
    return outcome


def check_database(lib: Path, outcome: Outcome) -> None:
    """Integrity, and no article half there."""
    conn = sqlite3.connect(f"file:{lib / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise CrashFailure(f"integrity_check: {ok}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            raise CrashFailure("foreign_key_check found dangling rows")
        rows = conn.execute(
            "SELECT id, content_hash, original_sha256, original_name FROM articles"
        ).fetchall()
        for aid, digest, sha, name in rows:
            texts = [
                r[0]
                for r in conn.execute(
                    "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY idx", (aid,)
                )
            ]
            if not texts:
                raise CrashFailure(f"article {aid} has no paragraphs")
            if hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest() != digest:
                raise CrashFailure(f"article {aid}'s text does not match its hash")
            if sha:
                original = lib / "originals" / sha[:2] / f"{sha}{Path(name).suffix.lower()}"
                if not original.is_file():
                    raise CrashFailure(f"article {aid}'s original file is missing")
                if hashlib.sha256(original.read_bytes()).hexdigest() != sha:
                    raise CrashFailure(f"article {aid}'s original file is damaged")
        outcome.articles = len(rows)
    finally:
        conn.close()


def query(lib: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{lib / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def check_import(lib: Path, stdout: str, outcome: Outcome, _out: Path) -> None:
    """Every imported article is one of the files, whole."""
    for (title,) in query(lib, "SELECT original_name FROM articles"):
        if not str(title).startswith("مقال-"):
            raise CrashFailure(f"unexpected article {title!r}")
    del stdout


def check_reindex(lib: Path, stdout: str, outcome: Outcome, _out: Path) -> None:
    """The library is the base library, untouched."""
    if outcome.articles != BASE_ARTICLES:
        raise CrashFailure(f"a reindex changed the library: {outcome.articles} articles")
    del stdout


def check_export(lib: Path, stdout: str, outcome: Outcome, out: Path) -> None:
    """The Word file is absent or whole; nothing else carries its name."""
    if out.exists():
        try:
            with zipfile.ZipFile(out) as z:
                if z.testzip() is not None or "word/document.xml" not in z.namelist():
                    raise CrashFailure("the exported file is not a whole Word document")
                if "موجز" not in z.read("word/document.xml").decode("utf-8"):
                    raise CrashFailure("the exported document lacks the briefing's title")
        except zipfile.BadZipFile as exc:
            raise CrashFailure(f"a half-written Word file under its final name: {exc}") from exc
        outcome.confirmed = 1
    del stdout, lib


def check_annotate(lib: Path, stdout: str, outcome: Outcome, _out: Path) -> None:
    """Every note and highlight the command reported saved is there, word for word."""
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) != 4 or parts[0] != "saved":
            continue
        kind, item, i = parts[1], int(parts[2]), int(parts[3])
        if kind == "note":
            rows = query(lib, "SELECT body FROM notes WHERE id = ?", (item,))
        else:
            rows = query(
                lib,
                "SELECT n.body FROM highlights h JOIN notes n ON n.highlight_id = h.id"
                " WHERE h.id = ? AND h.exact = ?",
                (item, QUOTE),
            )
        if not rows or rows[0][0] != note_text(i):
            raise CrashFailure(f"saved {kind} {item} is missing or changed: {rows}")
        outcome.confirmed += 1


def check_gui(lib: Path, stdout: str, outcome: Outcome, _out: Path) -> None:
    """The note holds at least what the window last reported saved, and only typed text."""
    from tests.crash.gui_child import TEXT

    saved = [line.split() for line in stdout.splitlines() if line.startswith("saved ")]
    if not saved:
        return
    nid, length = int(saved[-1][1]), int(saved[-1][2])
    rows = query(lib, "SELECT body FROM notes WHERE id = ?", (nid,))
    if not rows:
        raise CrashFailure(f"note {nid} reported saved is gone")
    body = str(rows[0][0])
    if not body.startswith(TEXT[:length]) or not TEXT.startswith(body):
        raise CrashFailure(f"note {nid} holds {body!r}, saved {TEXT[:length]!r}")
    outcome.confirmed = len(saved)


def check_backup(lib: Path, stdout: str, outcome: Outcome, out: Path) -> None:
    """The archive is absent, or whole: it restores into a new folder with every article."""
    archive = out.with_suffix(".zip")
    if not archive.exists():
        return
    restored = out.parent / "restored"
    run = hamish(["restore", str(archive), "--library", str(restored), "--json"], out.parent)
    if run.returncode != 0:
        raise CrashFailure(f"a half-written backup under its final name: {run.stderr.strip()}")
    if json.loads(run.stdout)["articles"] != outcome.articles:
        raise CrashFailure("the backup restores another number of articles")
    outcome.confirmed = 1
    del stdout, lib


CHECKS: dict[str, Callable[[Path, str, Outcome, Path], None]] = {
    "backup": check_backup,
    "import": check_import,
    "reindex": check_reindex,
    "export": check_export,
    "annotate": check_annotate,
    "gui": check_gui,
}


def check_next_start(lib: Path, home: Path, outcome: Outcome) -> None:
    """The next command says Hamish was stopped, and the index comes into agreement."""
    left = list((lib / "sessions").glob("*.json")) if (lib / "sessions").is_dir() else []
    run = hamish(["--library", str(lib), "list", "--json"], home)
    if run.returncode != 0:
        raise CrashFailure(f"the library does not open after the kill: {run.stderr.strip()}")
    said = "stopped before it closed this library" in run.stderr
    if left and not said:
        raise CrashFailure("the next start did not say that Hamish had been stopped")
    outcome.message = said
    if len(json.loads(run.stdout)) != outcome.articles:
        raise CrashFailure("the next start lists another number of articles")
    check = hamish(["--library", str(lib), "check", "--no-repair", "--json"], home)
    report = json.loads(check.stdout) if check.stdout.strip() else {}
    if check.returncode != 0 or not report.get("ok"):
        raise CrashFailure(f"the index is not in agreement after the next start: {report}")


def main(argv: list[str] | None = None) -> int:
    """Run cycles; print one line each and a summary; exit 1 on the first failure."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenario", choices=SCENARIOS, action="append")
    ap.add_argument("--work", default=None, help="folder for the files (default: a temporary one)")
    args = ap.parse_args(argv)
    scenarios = args.scenario or list(SCENARIOS)
    root = Path(args.work or tempfile.mkdtemp(prefix="hamish-crash-"))
    ws = Workspace(root)
    t0 = time.perf_counter()
    counts = {s: 0 for s in scenarios}
    for n in range(args.cycles):
        scenario = scenarios[n % len(scenarios)]
        work = Path(tempfile.mkdtemp(prefix=f"{scenario}-", dir=root))
        seed = args.seed * 100_003 + n
        try:
            o = run_cycle(ws, scenario, seed, work)
        except CrashFailure as exc:
            print(f"FAIL cycle {n} {scenario} seed={seed}: {exc} (kept in {work})", flush=True)
            return 1
        counts[scenario] += 1
        print(
            f"{n:4d} {scenario:9s} killed at {o.delay:5.2f}s: {o.articles} articles,"
            f" {o.confirmed} confirmed saves kept, stopped-message={o.message}",
            flush=True,
        )
        shutil.rmtree(work, ignore_errors=True)
    secs = time.perf_counter() - t0
    print(f"{args.cycles} cycles passed in {secs:.0f} s ({counts})")
    if not args.work:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
