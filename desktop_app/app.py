"""GUI start: QApplication, fonts, translators, direction, theme, then the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.core.errors import NotFound

DRAW_TIMEOUT_MS = 5000


def _check_open(lib: object, args: argparse.Namespace) -> str | None:
    """A one-line problem with --open / --highlight, or None."""
    aid = getattr(args, "open", None)
    if aid is None:
        return None
    try:
        art = lib.get_article(aid)  # type: ignore[attr-defined]
    except NotFound:
        return f"hamish: no article with id {aid}"
    if art.deleted_at:
        return f"hamish: article {aid} is in the trash (restore it first)"
    hid = getattr(args, "highlight", None)
    if hid is not None:
        try:
            h = lib.get_highlight(hid)  # type: ignore[attr-defined]
        except NotFound:
            return f"hamish: no highlight with id {hid}"
        if h.article_id != aid:
            return f"hamish: highlight {hid} belongs to article {h.article_id}, not {aid}"
    return None


def run(args: argparse.Namespace) -> int:
    """Open the window; with --screenshot save it as PNG once drawn and exit. Returns the exit code."""
    from desktop_app.ui.jobs import open_for_gui

    shot = getattr(args, "screenshot", None)
    if shot and not str(shot).lower().endswith(".png"):
        print("hamish: --screenshot needs a file name ending in .png", file=sys.stderr)
        return 2
    lib = open_for_gui(args)
    problem = _check_open(lib, args)
    if problem:
        print(problem, file=sys.stderr)
        lib.close()
        return 1
    try:
        return _run_window(lib, args)
    finally:
        lib.close()


def _run_window(lib: object, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.main_window import MainWindow, screen_fits

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hamish")
    app.setOrganizationName("Hamish")
    app.setApplicationDisplayName("Hamish")
    install_translators(app, getattr(args, "lang", None))  # before any widget: sets the direction
    register_fonts()
    shot = getattr(args, "screenshot", None)
    window = MainWindow(lib, theme=getattr(args, "theme", None), remember=not shot)  # type: ignore[arg-type]
    if not shot:
        screen_fits(window)
    aid = getattr(args, "open", None)
    if aid is None and not shot:
        last = lib.get_setting("gui.last_article")  # type: ignore[attr-defined]
        if last and last.isdigit():
            try:
                art = lib.get_article(int(last))  # type: ignore[attr-defined]
                if not art.deleted_at:
                    aid = art.id
            except NotFound:
                pass
    window.show()
    if aid is not None:
        window.open_article(int(aid), getattr(args, "highlight", None) or -1)
    app.aboutToQuit.connect(window.flush)
    if not shot:
        return int(app.exec())
    result = {"code": 1}

    def save() -> None:
        path = Path(shot)
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path), "PNG")
        if ok:
            print(str(path))
        else:
            print(f"hamish: cannot write {path}", file=sys.stderr)
        result["code"] = 0 if ok else 1
        window.close()
        app.quit()

    def wait_drawn(tries: list[int] = [0]) -> None:  # noqa: B006 - a counter across calls
        handle = window.windowHandle()
        tries[0] += 1
        if (handle is not None and handle.isExposed()) or tries[0] * 20 > DRAW_TIMEOUT_MS:
            QTimer.singleShot(50, save)
        else:
            QTimer.singleShot(20, wait_drawn)

    QTimer.singleShot(0, wait_drawn)
    app.exec()
    return result["code"]
