"""What the import worker runs in the hostile-file tests: the real parser, except for files
whose name asks it to hang, crash or exhaust memory (the worker process itself then does so)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from desktop_app.core.importers import parse_bytes
from desktop_app.core.models import ImportedDocument


def parse(data: bytes, name: str) -> ImportedDocument:
    """parse_bytes, unless the name holds hang, crash, oom or interrupt."""
    pid_dir = os.environ.get("HAMISH_TEST_PID_DIR")
    stem = Path(name).stem
    if pid_dir:
        (Path(pid_dir) / f"{stem}.pid").write_text(str(os.getpid()))
    if "hang" in stem or "interrupt" in stem:
        time.sleep(3600)
    elif "crash" in stem:
        os.kill(os.getpid(), signal.SIGSEGV)
    elif "oom" in stem:
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB: past the cap
        del hoard
    return parse_bytes(data, name)
