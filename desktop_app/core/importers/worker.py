"""Parsing in a spawned worker process, so that no file can hang or exhaust an import.

Only a process that can be killed truly bounds what a parser does with a hostile file (a PDF
that makes pypdf loop, a pattern that makes a regular expression backtrack): `Parser` sends a
file's bytes to one worker, waits at most `TIME_LIMIT_S` for the document, and kills and
replaces the worker when it runs out of time or dies. One worker serves every file of an import.

Bounds, by platform:

- everywhere: the time limit (the worker is killed), the sizes each importer checks before it
  inflates anything (common.check_zip, read_member, check_text), and lxml parsers that expand
  no entity and fetch nothing;
- Linux: the worker's address space is capped (RLIMIT_AS, `MEMORY_LIMIT_MB`), so a parser that
  allocates past it gets MemoryError (reported as "ran out of memory") and the machine never
  swaps; macOS does not enforce RLIMIT_AS and Windows has no rlimit: there the size checks and
  the time limit bound an import.

Small plain-text and Markdown files are parsed in the calling process: they inflate nothing,
their parsers run in time about linear in their size, and under `IN_PROCESS_BYTES` they cost
milliseconds (a second for the worst Markdown), while starting a worker costs an
interpreter's start and the parsers' imports (about half a second).

Spawned, never forked: safe in a process with threads (the window) and on every platform. The
worker ignores SIGINT (the parent decides what Ctrl+C does) and ends at once when its parent
ends, even mid-file (`core.spawned`), or when the parent closes the pipe.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
import sys
import time
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, cast

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import FORMATS, parse_bytes
from desktop_app.core.models import ImportedDocument
from desktop_app.core.spawned import follow_parent


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


TIME_LIMIT_S = _env_float("HAMISH_IMPORT_SECONDS", 60.0)  # one file, at most
# The worker's address space: its resident memory stays under it (a normal import needs
# under 500 MB; bench/import_worker_memory.py measures it).
MEMORY_LIMIT_MB = int(_env_float("HAMISH_IMPORT_MEMORY_MB", 900.0))
# Formats parsed in the calling process up to a size: their worst input takes about a second
# there (runs of "![" or "[" cost markdown-it ~20 µs a character; plain text is ~50x cheaper).
IN_PROCESS_BYTES = {"txt": 256 * 1024, "md": 64 * 1024}
PARSE = "desktop_app.core.importers:parse_bytes"  # what the worker calls: "module:function"
POLL_S = 0.2  # how often a wait looks at cancel()
STARTUP_S = 60.0  # how long a worker may take to start
_STOP_S = 2.0  # how long a worker asked to exit may take before it is killed

Cancel = Callable[[], bool]


def parses_in_process(data: bytes, name: str) -> bool:
    """True for a file parsed in the calling process: small text, or refused before parsing."""
    importer = FORMATS.get(Path(name).suffix.lower())
    if importer is None or not data.strip():
        return True  # parse_bytes refuses it at once
    return len(data) <= IN_PROCESS_BYTES.get(importer.name, -1)


class Parser:
    """Parses files for one import; starts its worker when a file first needs it.

    Use as a context manager: leaving it (also by KeyboardInterrupt) stops the worker.
    """

    def __init__(
        self, seconds: float | None = None, memory_mb: int | None = None, target: str | None = None
    ) -> None:
        self.seconds = TIME_LIMIT_S if seconds is None else seconds
        self.memory_mb = MEMORY_LIMIT_MB if memory_mb is None else memory_mb
        self.target = PARSE if target is None else target
        self._proc: Any = None
        self._conn: Connection | None = None

    def __enter__(self) -> Parser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(kill=kind is not None)

    @property
    def pid(self) -> int | None:
        """The worker's process id while one runs."""
        return cast(int, self._proc.pid) if self._proc is not None else None

    def parse(
        self, data: bytes, name: str, cancel: Cancel | None = None
    ) -> ImportedDocument | None:
        """The document of a file's bytes; raises ImportFailed; None when cancel() stopped it."""
        if parses_in_process(data, name):
            return parse_bytes(data, name)
        conn = self._start()
        try:
            conn.send(name)
            conn.send_bytes(data)
        except (BrokenPipeError, OSError):
            self._died()
        deadline = time.monotonic() + self.seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.close(kill=True)
                raise ImportFailed(code="import.timeout", seconds=f"{self.seconds:g}")
            try:
                if conn.poll(min(POLL_S, left)):
                    break
            except (EOFError, OSError):
                break
            if cancel is not None and cancel():
                self.close(kill=True)
                return None
        try:
            reply = conn.recv()
        except (EOFError, OSError):
            self._died()
        if reply[-1] == "retire":
            self.close()  # the worker grew past half its limit: the next file gets a fresh one
        if reply[0] == "ok":
            return cast(ImportedDocument, reply[1])
        if reply[0] == "failed":
            raise ImportFailed(code=reply[1], **reply[2])
        raise ImportFailed(code="import.parser_error", reason=reply[1])

    def _start(self) -> Connection:
        if self._proc is not None and self._conn is not None and self._proc.is_alive():
            return self._conn
        self.close(kill=True)
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=run,
            args=(child, self.target, self.memory_mb),
            name="hamish-import",
            daemon=True,
        )
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        # Its start (an interpreter, the modules) does not count against the first file's time.
        try:
            ready = parent.poll(STARTUP_S) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self._died()
        return parent

    def _died(self) -> NoReturn:
        """The worker stopped in the middle of a file: that file fails, a new worker follows."""
        proc = self._proc
        if proc is not None:
            proc.join(_STOP_S)
        code = proc.exitcode if proc is not None else None
        self.close(kill=True)
        if code is not None and code < 0:
            try:
                how = signal.Signals(-code).name
            except ValueError:
                how = f"signal {-code}"
        else:
            how = f"exit code {code}"
        raise ImportFailed(code="import.parser_stopped", reason=how)

    def close(self, kill: bool = False) -> None:
        """Stop the worker: ask it to exit (closing its pipe), or kill it at once."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is None:
            return
        if not kill:
            proc.join(_STOP_S)
        if proc.is_alive():
            proc.kill()
            proc.join(_STOP_S)
        if not proc.is_alive():
            proc.close()


# -- the worker process ------------------------------------------------------------------------


def _limit_memory(megabytes: int) -> None:
    """Cap the address space (Linux; macOS ignores RLIMIT_AS and Windows has no rlimit)."""
    if not sys.platform.startswith("linux") or megabytes <= 0:
        return
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _vm_kb(field: str) -> int:
    """A Vm* line of /proc/self/status in kB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _grown(megabytes: int) -> bool:
    """True when the worker's address space is past half its limit (Linux; else False).

    A worker serves many files and its heap does not shrink back: it retires before the next
    large file would meet the limit that the files before it filled.
    """
    return megabytes > 0 and _vm_kb("VmSize") > megabytes * 1024 // 2


def _hit_limit(megabytes: int) -> bool:
    """True when the address space came within a tenth of its limit (Linux; else False).

    A parser that cannot allocate does not always say so: lxml reports an "unknown error".
    """
    return megabytes > 0 and _vm_kb("VmPeak") > megabytes * 1024 * 9 // 10


def run(conn: Connection, target: str, memory_mb: int) -> None:
    """The worker's loop: a name and bytes in, ("ok", doc) or a reason out, until the pipe closes."""
    follow_parent()
    # Parsers' warnings about a damaged file are no one's to read: the reply says what matters.
    logging.getLogger().addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")
    _limit_memory(memory_mb)
    module, _, attr = target.partition(":")
    parse = cast(
        Callable[[bytes, str], ImportedDocument], getattr(importlib.import_module(module), attr)
    )
    conn.send("ready")
    while True:
        try:
            name = conn.recv()
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        reply: tuple[Any, ...]
        try:
            reply = ("ok", parse(data, name))
        except ImportFailed as exc:
            reply = ("failed", exc.code, dict(exc.params)) if exc.code else ("error", str(exc))
        except MemoryError:
            reply = ("failed", "import.out_of_memory", {})
        except Exception as exc:  # a parser library's own error: one line for the report
            reply = ("error", f"{type(exc).__name__}: {exc}".splitlines()[0][:300])
        del data
        if reply[0] != "ok" and _hit_limit(memory_mb):
            reply = ("failed", "import.out_of_memory", {})
        retire = reply[1] == "import.out_of_memory" or _grown(memory_mb) or _hit_limit(memory_mb)
        reply = (*reply, "retire" if retire else "")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("failed", "import.out_of_memory", {}, "retire"))
            return
        except (BrokenPipeError, OSError):
            return
        if retire:
            return
