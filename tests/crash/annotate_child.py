"""Annotate through the command line's own code in a loop; print each note once it is saved.

Run: python -m tests.crash.annotate_child LIBRARY ARTICLE_ID
Each saved note or highlight prints `saved note|highlight ID INDEX` after its command returned.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

from desktop_app.cli.main import main
from tests.crash.corpus import QUOTE, note_text


def run(library: str, article_id: int) -> None:
    """Add notes and highlights until killed."""
    print("ready", flush=True)
    for i in range(100_000):
        if i % 2:
            argv = ["--library", library, "note", str(article_id), "--text", note_text(i)]
            kind = "note"
        else:
            argv = ["--library", library, "annotate", str(article_id), "--quote", QUOTE]
            argv += ["--note", note_text(i)]
            kind = "highlight"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main([*argv, "--json"])
        if code != 0:
            print(f"failed {kind} {i} {code}", flush=True)
            continue
        print(f"saved {kind} {json.loads(out.getvalue())['id']} {i}", flush=True)


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]))
