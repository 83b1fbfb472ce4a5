"""Make the crash harness's base library through the command line's own code, in one process.

Run: python -m tests.crash.make_base LIBRARY FILE...
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

from desktop_app.cli.main import main
from tests.crash.corpus import QUOTE, note_text


def call(*argv: str) -> dict[str, object]:
    """Run one command; its JSON output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*argv, "--json"])
    if code != 0:
        raise SystemExit(f"{' '.join(argv[:4])}: exit {code}")
    data = json.loads(out.getvalue())
    return data if isinstance(data, dict) else {"rows": data}


def make(library: str, files: list[str]) -> None:
    """Import the files, highlight a quote in 40 articles with notes, make a briefing of them."""
    lib = ["--library", library]
    call(*lib, "import", *files)
    bid = call(*lib, "briefing", "create", "--title", "موجز 📌 Briefing")["id"]
    for aid in range(1, 41):
        hid = call(*lib, "annotate", str(aid), "--quote", QUOTE, "--note", note_text(aid))["id"]
        call(*lib, "briefing", "add", str(bid), "--highlight", str(hid))
    print(bid)


if __name__ == "__main__":
    make(sys.argv[1], sys.argv[2:])
