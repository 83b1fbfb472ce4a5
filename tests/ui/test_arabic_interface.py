"""Every window and dialog in the Arabic interface: laid out right to left, and no visible text
left as an English source string.

Each window is opened the way a person opens it (the menu's method, or the widget itself for
the ones the window makes on events); modal dialogs are inspected from a timer while they run,
then closed. Visible texts are the chrome a person reads: window titles, labels, buttons, group
boxes, tabs, dock titles, menus, placeholders, combo box items and view headers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from desktop_app.core.errors import LibraryUnavailable
from desktop_app.core.models import ImportResult
from desktop_app.ui.keyboard import strip_mnemonic

ROOT = Path(__file__).resolve().parents[2]
ARABIC = re.compile(r"[\u0600-\u06ff]")
# Words that stay Latin in the Arabic interface: names of products, formats and fonts, and
# Qt's names of keys.
LATIN_OK = {
    "Hamish",
    "Word",
    "Markdown",
    "PDF",
    "HTML",
    "EPUB",
    "Amiri",
    "Ctrl",
    "Shift",
    "Alt",
    "Del",
    "Delete",
    "Esc",
    "Enter",
    "Return",
    "Space",
    "PgUp",
    "PgDown",
    "Home",
    "End",
    "Tab",
    "Left",
    "Right",
    "Up",
    "Down",
    "Backspace",
    "Meta",
    "Ins",
    "F",
    "docx",
    "dotx",
    "md",
    "txt",
    "pdf",
    "html",
    "htm",
    "epub",
    "Qt",
    "PySide",
    "SQLite",
    "Whoosh",
    "OFL",
    "MIT",
    "lang",
    "HAMISH_LANG",
    "HAMISH_LIBRARY",
    "library",
}


# The interface language picker names each language in that language.
ENDONYMS = {("QComboBox interfaceLanguage", "English")}
# Widgets that show names from the system (installed font families) or sample content (the
# reading font's preview, a line in each script), not interface text.
NAMES_FROM_SYSTEM = {"QComboBox readingFont", "QLabel fontPreview"}


@cache
def english_sources() -> frozenset[str]:
    """Source texts of hamish_ar.ts whose Arabic differs (their English must not show)."""
    found = set()
    for msg in ET.parse(ROOT / "i18n" / "hamish_ar.ts").getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        text = "".join(tr.itertext()) if tr is not None else ""
        if text.strip() and text.strip() != src.strip():
            found.add(_plain(src))
    return frozenset(s for s in found if re.search("[A-Za-z]{3}", s))


def _plain(text: str) -> str:
    """A text as read: mnemonics and the shortcut after a tab dropped, spaces collapsed."""
    text = strip_mnemonic(text.split("\t")[0])
    text = re.sub("[\u2066-\u2069\u200e\u200f]", "", text)  # bidi isolates and marks
    return " ".join(text.split())


def _menu_texts(menu: QMenu | QMenuBar) -> Iterator[str]:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        yield action.text()
        sub = action.menu()
        if isinstance(sub, QMenu):
            sub.aboutToShow.emit()  # menus that fill themselves when opened
            yield from _menu_texts(sub)


def _header_texts(view: QAbstractItemView) -> Iterator[str]:
    header = view.header() if isinstance(view, QTreeView) else None
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    if header is None or header.isHidden() or view.model() is None:
        return
    for i in range(header.count()):
        value = view.model().headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of chrome a person reads in root."""
    out: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        name = f"{type(w).__name__} {w.objectName() or w.accessibleName()}".strip()
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.RichText:
            out.append((name, w.text()))
        elif isinstance(w, QLabel):
            out.append((name, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            out.append((name + " placeholder", w.placeholderText()))
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QDockWidget):
            out.append((name, w.windowTitle()))
        elif isinstance(w, QMenuBar):
            out += [(name, t) for t in _menu_texts(w)]
        if isinstance(w, QComboBox) and w.isEditable() is False:
            out += [(name, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView):
            out += [(name + " header", t) for t in _header_texts(w)]
    return [(where, _plain(t)) for where, t in out if t and t.strip()]


def untranslated(root: QWidget, data: set[str]) -> list[tuple[str, str]]:
    """Visible texts that are English source strings, or Latin words outside data and names."""
    sources = english_sources()
    bad = []
    for where, text in visible_texts(root):
        if (where, text) in ENDONYMS or (where in NAMES_FROM_SYSTEM and text not in sources):
            continue
        if text in sources:
            bad.append((where, text))
            continue
        if ARABIC.search(text) or any(text in d or d in text for d in data if len(d) > 3):
            continue
        words = re.findall(r"[A-Za-z_]+", text)
        if [w for w in words if w not in LATIN_OK and len(w) > 1]:
            bad.append((where, text))
    return bad


def check(root: QWidget, data: set[str]) -> None:
    """Right to left, and nothing English."""
    assert root.layoutDirection() == Qt.LayoutDirection.RightToLeft, root
    assert root.isRightToLeft()
    texts = visible_texts(root)
    assert texts, f"{root} shows no text at all"
    assert untranslated(root, data) == []


def inspect_modal(trigger: Callable[[], object], qtbot, data: set[str]) -> str:  # type: ignore[no-untyped-def]
    """Run trigger (which opens a modal dialog), check it while it runs, close it; its class."""
    seen: list[str] = []
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        timer.stop()
        seen.append(type(dialog).__name__)
        try:
            check(dialog, data)
        except BaseException as exc:  # raised after the dialog is closed
            errors.append(exc)
        dialog.close()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    timer.stop()
    if errors:
        raise errors[0]
    return seen[0]


@pytest.fixture
def arabic_window(qtbot, qapp, library, settings_dir):  # type: ignore[no-untyped-def]
    """The main window in the Arabic interface on the fixture library."""
    from PySide6.QtCore import QThreadPool

    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.main_window import MainWindow

    install_translators(qapp, "ar")
    register_fonts()
    lib, ids = library
    w = MainWindow(lib, theme="light")
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    try:
        yield w, ids
    finally:
        w.close()
        w.runner.drain()
        QThreadPool.globalInstance().waitForDone(10000)
        install_translators(qapp, "en")


def library_data(lib) -> set[str]:  # type: ignore[no-untyped-def]
    """What the library holds (titles, sources, tags): data, not interface."""
    data: set[str] = set()
    for aid in lib.article_ids():
        art = lib.get_article(aid)
        data |= {art.title, art.source, art.author, *art.tags}
    return {d for d in data if d}


def test_main_window_with_every_menu(arabic_window, qtbot) -> None:
    w, ids = arabic_window
    w.open_article(ids["mixed"], -1)
    w.reader.find_bar.open()
    check(w, library_data(w.lib))


def test_every_dialog_of_the_window(arabic_window, qtbot) -> None:
    w, ids = arabic_window
    data = library_data(w.lib)
    w.open_article(ids["arabic"], -1)
    opened = [
        inspect_modal(w.preferences, qtbot, data),
        inspect_modal(w.edit_labels, qtbot, data),
        inspect_modal(w.about, qtbot, data),
        inspect_modal(lambda: w.edit_tags(ids["arabic"]), qtbot, data),
        inspect_modal(w.briefing.new_briefing, qtbot, data),
        inspect_modal(w.back_up_library, qtbot, data),
        inspect_modal(w.restore_library, qtbot, data),
        inspect_modal(w.web.import_from_address, qtbot, data),
    ]
    QApplication.clipboard().setText("قال الوزير إن الخطة تبدأ في العام المقبل 💧.")
    opened.append(inspect_modal(w.web.paste_as_article, qtbot, data))
    assert {"PreferencesDialog", "LabelsDialog", "QMessageBox", "QInputDialog"} <= set(opened)
    assert {"BackupDialog", "RestoreDialog", "AddressDialog", "PasteDialog"} <= set(opened)


def test_briefing_and_saved_search_dialogs(arabic_window, qtbot) -> None:
    from desktop_app.core.briefings import BriefingService

    w, ids = arabic_window
    data = library_data(w.lib)
    bid = BriefingService(w.lib).create("موجز الطاقة — Energy 🛢️").created
    w.briefing.reload_list(bid)
    data.add("موجز الطاقة — Energy 🛢️")
    w.search.edit.setText("الوزير")
    opened = [
        inspect_modal(w.briefing.rename_briefing, qtbot, data),
        inspect_modal(w.briefing.editor.add_section, qtbot, data),
        inspect_modal(w.briefing.editor.add_text, qtbot, data),
        inspect_modal(w.briefing.delete_briefing, qtbot, data),
        inspect_modal(w.search.saved.save_current, qtbot, data | {"الوزير"}),
    ]
    assert opened == ["QInputDialog"] * 3 + ["QMessageBox", "QInputDialog"]


def test_shortcuts_window(arabic_window, qtbot) -> None:
    from PySide6.QtWidgets import QTreeWidget

    from desktop_app.ui.dialogs.shortcuts import show_shortcuts

    w, _ids = arabic_window
    dialog = show_shortcuts(w, w.registry)
    qtbot.waitExposed(dialog)
    check(dialog, set())
    tree = dialog.findChild(QTreeWidget)
    assert tree is not None
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    commands = [text for text, _keys in dialog.rows().values()]
    assert len(commands) > 40
    places = []  # the Where column: the panels a key works in
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        places += [head.child(j).text(2) for j in range(head.childCount())]
    assert sum(1 for p in places if p) > 5
    sources = english_sources()
    texts = groups + commands + [p for p in places if p]
    left = [t for t in texts if _plain(t) in sources or not ARABIC.search(t)]
    assert left == []
    dialog.close()


def test_every_preferences_page(arabic_window, qtbot) -> None:
    from desktop_app.ui.dialogs.preferences import PreferencesDialog

    w, _ids = arabic_window
    dialog = PreferencesDialog(w)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChild(QTabBar)
    assert tabs is not None and tabs.count() == 5
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        check(dialog, library_data(w.lib) | {str(w.lib.folder)})
    dialog.close()


def test_import_report_error_and_unavailable_dialogs(arabic_window, qtbot, tmp_path) -> None:
    from desktop_app.ui.dialogs.import_report import ImportReport
    from desktop_app.ui.errors import ErrorDialog, unavailable_box

    w, _ids = arabic_window
    results = [
        ImportResult(str(tmp_path / "تقرير.pdf"), "imported", 7),
        ImportResult(str(tmp_path / "report.docx"), "duplicate", 3),
        ImportResult(str(tmp_path / "فارغ.txt"), "failed", None, "empty file", "import.empty", {}),
    ]
    report = ImportReport(results, False, w)
    qtbot.addWidget(report)
    report.show()
    check(report, {"تقرير.pdf", "report.docx", "فارغ.txt", str(tmp_path)})
    error = ErrorDialog("RuntimeError: وقع خطأ 📌", "Traceback ...", w)
    qtbot.addWidget(error)
    error.show()
    check(error, {"RuntimeError", "Traceback"})
    box = unavailable_box(LibraryUnavailable(code="library.locked", folder=tmp_path, reason="x"))
    qtbot.addWidget(box)
    box.show()
    check(box, {str(tmp_path)})


def test_the_checker_sees_english(qtbot, qapp, settings_dir) -> None:
    """The checks above can fail: an English source string and a stray English word are caught."""
    from desktop_app.ui.i18n import install_translators

    install_translators(qapp, "ar")
    try:
        box = QWidget()
        qtbot.addWidget(box)
        QLabel("Interface language", box).move(0, 0)  # a source string of the .ts file
        QLabel("Something nobody translated", box).move(0, 20)
        QLabel("خط القراءة Amiri", box).move(0, 40)  # Arabic with a font name: fine
        box.show()
        bad = {text for _where, text in untranslated(box, set())}
        assert bad == {"Interface language", "Something nobody translated"}
    finally:
        install_translators(qapp, "en")
