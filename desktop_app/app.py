"""GUI start: QApplication, fonts, translators, direction, theme, then the main window.

Qt is imported only when the window opens, so the command line's other subcommands never
load it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import LibraryUnavailable, NotFound
from desktop_app.core.library import Library
from desktop_app.core.opening import LibraryLocation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.ui.main_window import MainWindow

DRAW_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class GuiOptions:
    """How the window opens."""

    open_article: int | None = None
    highlight: int | None = None
    screenshot: str | None = None  # save the drawn window as this PNG and exit
    lang: str | None = None
    theme: str | None = None


def _check_open(lib: Library, options: GuiOptions) -> str | None:
    """A one-line problem with the article or highlight to open, or None."""
    aid = options.open_article
    if aid is None:
        return None
    try:
        art = lib.get_article(aid)
    except NotFound:
        return f"hamish: no article with id {aid}"
    if art.deleted_at:
        return f"hamish: article {aid} is in the trash (restore it first)"
    hid = options.highlight
    if hid is not None:
        try:
            h = lib.get_highlight(hid)
        except NotFound:
            return f"hamish: no highlight with id {hid}"
        if h.article_id != aid:
            return f"hamish: highlight {hid} belongs to article {h.article_id}, not {aid}"
    return None


def no_display() -> bool:
    """True on a Linux or BSD machine with neither an X nor a Wayland display (a server, CI)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def interface_languages() -> list[str]:
    """The interface languages Hamish ships: English and every compiled translation."""
    from desktop_app.resources import i18n_path

    found = {p.stem.removeprefix("hamish_") for p in i18n_path().glob("hamish_*.qm")}
    return sorted(found | {"en"})


def language_code(lang: str) -> str:
    """The interface language a --lang value names ("ar_EG" -> "ar"); ValueError when none."""
    code = lang.replace("-", "_").split("_")[0].lower()
    if code not in interface_languages():
        raise ValueError(
            f"no interface in {lang!r} (there are: {', '.join(interface_languages())})"
        )
    return code


def choose_language(requested: str | None) -> str | None:
    """The interface language: --lang, else $HAMISH_LANG, else Preferences, else None (system).

    Raises ValueError naming the languages there are when the request is not one of them.
    """
    lang = requested or os.environ.get("HAMISH_LANG") or None
    if lang is None:
        from desktop_app.ui.settings import chosen_language

        return chosen_language()
    return language_code(lang)


def application(options: GuiOptions) -> QApplication:
    """The QApplication, named, with its translators and direction set and Qt's messages logged."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.i18n import install_translators

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Hamish")
    app.setOrganizationName("Hamish")
    app.setApplicationDisplayName("Hamish")
    _route_qt_messages()
    install_translators(app, options.lang)  # before any widget: sets the direction
    return app


def _route_qt_messages() -> None:
    """Qt's own messages ("This plugin does not support ...") go to the log, not the terminal."""
    import logging

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    log = logging.getLogger("hamish.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def run(location: LibraryLocation, options: GuiOptions) -> int:
    """Open the window; with a screenshot file save it as PNG once drawn and exit. Exit code."""
    from desktop_app.ui.jobs import open_for_gui

    shot = options.screenshot
    if shot and not shot.lower().endswith(".png"):
        print("hamish: --screenshot needs a file name ending in .png", file=sys.stderr)
        return 2
    if shot and no_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a picture needs no screen
    try:
        options = replace(options, lang=choose_language(options.lang))
    except ValueError as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        return 2
    try:
        lib = open_for_gui(location)
    except LibraryUnavailable as exc:
        print(f"hamish: {exc}", file=sys.stderr)
        if not shot:  # a person is waiting for the window: tell them, not only stderr
            from desktop_app.ui.errors import unavailable_box

            application(options)
            unavailable_box(exc).exec()
        return 1
    problem = _check_open(lib, options)
    if problem:
        print(problem, file=sys.stderr)
        lib.close()
        return 1
    try:
        return _run_window(lib, options)
    finally:
        lib.close()


def _last_article(lib: Library) -> int | None:
    last = lib.get_setting("gui.last_article")
    if last and last.isdigit():
        try:
            art = lib.get_article(int(last))
        except NotFound:
            return None
        if not art.deleted_at:
            return art.id
    return None


def _run_window(lib: Library, options: GuiOptions) -> int:
    from desktop_app.ui.errors import ExceptionHook
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow, screen_fits
    from desktop_app.ui.signals import QuitOnSignals
    from desktop_app.ui.window_host import WindowHost

    app = application(options)
    register_fonts()
    shot = options.screenshot
    host = WindowHost(lib, lambda lib: MainWindow(lib, theme=options.theme, remember=not shot))
    window = host.window
    hooks = [ExceptionHook(lib.folder, window)]
    hooks[0].install()

    def replaced(new: MainWindow) -> None:  # Preferences opened another library
        hooks[0].uninstall()
        hooks[0] = ExceptionHook(new.lib.folder, new)
        hooks[0].install()

    host.windowReplaced.connect(replaced)
    if not shot:
        screen_fits(window)
    aid = options.open_article
    if aid is None and not shot:
        aid = _last_article(lib)
    window.show()
    if aid is not None:
        window.open_article(aid, options.highlight or -1)
    app.aboutToQuit.connect(lambda: host.window.flush())
    signals = QuitOnSignals(lambda: quit_like_the_menu(app, host.window))
    try:
        if not shot:
            return int(app.exec())
        return _screenshot(app, window, Path(shot))
    finally:
        signals.uninstall()
        hooks[0].uninstall()
        host.close()


def quit_like_the_menu(app: QApplication, window: QWidget) -> None:
    """What File › Quit does (save what is pending, close), then leave every event loop."""
    window.close()
    app.quit()


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    """Save the window as PNG once it is drawn, then quit; the exit code."""
    from PySide6.QtCore import QTimer

    result = {"code": 1}

    def save() -> None:
        from desktop_app.core.private import give_user_mode

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ok = window.grab().save(str(path), "PNG")
            if ok:
                give_user_mode(path)  # the person's picture, not part of the private library
        except OSError:
            ok = False
        if ok:
            print(str(path))
        else:
            print(f"hamish: cannot write {path}", file=sys.stderr)
        result["code"] = 0 if ok else 1
        window.close()
        app.quit()

    tries = [0]

    def wait_drawn() -> None:
        handle = window.windowHandle()
        tries[0] += 1
        if (handle is not None and handle.isExposed()) or tries[0] * 20 > DRAW_TIMEOUT_MS:
            QTimer.singleShot(50, save)
        else:
            QTimer.singleShot(20, wait_drawn)

    QTimer.singleShot(0, wait_drawn)
    app.exec()
    return result["code"]
