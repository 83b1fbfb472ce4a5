"""The window, offscreen, typing a note on an article; each autosave prints what it saved.

Run: python -m tests.crash.gui_child LIBRARY ARTICLE_ID MODE
MODE "type": type the note a character every few milliseconds until killed; each autosave
prints `saved NOTE_ID LENGTH`. MODE "whole": put the whole note in the editor without saving
it, print `typed NOTE_ID`, and wait (for a signal).
The window is started by the `hamish gui` command's own code.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.cli.main import main
from tests.crash.corpus import note_text

TEXT = note_text(7) + "\n" + "سطر ثانٍ من الملاحظة، with English, والمزيد 🕊️ " * 40


def start(app: QApplication, mode: str) -> None:
    """Open a new note on the article and type into it."""
    from desktop_app.ui.main_window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.new_article_note()
    editor = window.annotations.notes.editor
    assert editor.target is not None
    nid = editor.target[1]
    editor.saved.connect(lambda *_: print(f"saved {nid} {len(editor.saved_text)}", flush=True))
    if mode == "whole":
        editor.insertPlainText(TEXT)
        print(f"typed {nid}", flush=True)
        return
    print(f"ready {nid}", flush=True)
    typed = [0]

    def type_one() -> None:
        if typed[0] < len(TEXT):
            editor.insertPlainText(TEXT[typed[0]])
            typed[0] += 1

    timer = QTimer(window)
    timer.timeout.connect(type_one)
    timer.start(3)


def run(library: str, article_id: str, mode: str) -> int:
    """Start the window through `hamish gui`, then type."""
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: start(app, mode))
    return main(["--library", library, "gui", "--open", article_id])


if __name__ == "__main__":
    sys.exit(run(*sys.argv[1:4]))
