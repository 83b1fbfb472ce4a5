"""The code type-checks with mypy ([tool.mypy] in pyproject.toml): strict on desktop_app.core,
mypy's defaults on desktop_app.ui, and every `type: ignore` names its error code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `# type: ignore` or `# type:ignore` not followed by `[code]`.
BARE_IGNORE = re.compile(r"#\s*type:\s*ignore(?!\[)")


def test_mypy() -> None:
    # Incremental: mypy keeps its cache in ROOT/.mypy_cache (git-ignored); a cold run takes ~10 s.
    proc = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "Success: no issues found" in proc.stdout, output


def test_no_bare_type_ignore() -> None:
    bare = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "desktop_app").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BARE_IGNORE.search(line)
    ]
    assert not bare, "type: ignore without an [error-code]:\n" + "\n".join(bare)


def test_bare_ignore_pattern() -> None:
    assert BARE_IGNORE.search("x = f()  # type: ignore")
    assert BARE_IGNORE.search("x = f()  # type:ignore  # whoosh")
    assert not BARE_IGNORE.search("x = f()  # type: ignore[attr-defined]")
