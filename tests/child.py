"""Run the `hamish` command in a child process, as a person or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def run_hamish(
    env: Mapping[str, str] | None,
    *args: str,
    cwd: Path | None = None,
    timeout: float = 120,
    umask: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app ARGS` to completion, its output captured as text.

    env None inherits this process's; umask, when given, is the child's from its start.
    """
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=None if env is None else dict(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),  # noqa: PLW1509
    )
