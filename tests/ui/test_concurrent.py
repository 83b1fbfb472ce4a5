"""The window open while `hamish import`, `annotate` and `note` write the same library."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.crash import harness
from tests.crash.corpus import QUOTE, note_text
from tests.ui.test_annotations import _type_note


def test_window_and_command_line_write_one_library_together(qtbot, window, library, tmp_path):
    lib, ids = library
    home = tmp_path / "home"
    home.mkdir()
    files = harness.write_files(tmp_path / "files", 60, seed=3)
    folder = str(lib.folder)
    target = str(ids["arabic"])
    commands = [
        ["--library", folder, "import", str(files[0].parent), "--json"],
        *(
            ["--library", folder, "note", target, "--text", note_text(i), "--json"]
            for i in range(6)
        ),
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop_app", *c],
            env=harness.env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c in commands
    ]
    # Meanwhile, in the window: a note typed and saved on the same article.
    window.open_article(ids["arabic"])
    window.new_article_note()
    editor = window.annotations.notes.editor
    nid = editor.target[1]
    _type_note(qtbot, editor, "من النافذة أثناء الاستيراد 🪟 typed in the window")
    editor.flush()
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    rows = json.loads(outs[0][0])
    assert sum(r["status"] == "imported" for r in rows) == 60
    note_ids = [json.loads(out)["id"] for out, _ in outs[1:]]
    bodies = {n.id: n.body for n in lib.article_notes(ids["arabic"])}
    assert [bodies[n] for n in note_ids] == [note_text(i) for i in range(6)]
    assert bodies[nid] == "من النافذة أثناء الاستيراد 🪟 typed in the window"
    # The window's index takes in what the other processes wrote.
    assert window.search_writer is not None
    window.search_writer.flush()
    assert window.search_service is not None
    assert window.search_service.search(f'"{QUOTE} يلتقي الوفد"').total == 60
    assert window.search_service.search("النافذة").total == 1
    run = harness.hamish(["--library", folder, "annotate", target, "--quote", "التعليم"], home)
    assert run.returncode == 0, run.stderr
    check = harness.hamish(["--library", folder, "check", "--json"], home)
    assert json.loads(check.stdout)["stale"] == 0
