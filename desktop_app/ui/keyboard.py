"""Keyboard reach: mnemonics for every menu entry, panel focus, and the shortcut clash check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

WIDGET_CONTEXTS = (
    Qt.ShortcutContext.WidgetShortcut,
    Qt.ShortcutContext.WidgetWithChildrenShortcut,
)


# -- mnemonics --------------------------------------------------------------------------------
def has_mnemonic(text: str) -> bool:
    """True when text marks a mnemonic letter with a single '&' ('&&' is a literal ampersand)."""
    return bool(mnemonic_char(text))


def mnemonic_char(text: str) -> str:
    """The letter a single '&' marks in text (casefolded), or ''."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return ""


def strip_mnemonic(text: str) -> str:
    """A menu text as it reads: the mnemonic marks removed, a literal '&&' kept as '&'."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "&" and i + 1 < len(text):
            out.append(text[i + 1] if text[i + 1] == "&" else "")
            i += 2 if text[i + 1] == "&" else 1
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def with_mnemonic(text: str, taken: set[str]) -> str:
    """text with a '&' before a letter not yet taken: a word's first letter first, then any.

    Works for any script: Alt with an Arabic letter reaches an Arabic entry.
    """
    if not text or has_mnemonic(text):
        return text
    starts = [
        i for i, ch in enumerate(text) if ch.isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]
    rest = [i for i, ch in enumerate(text) if ch.isalnum() and i not in starts]
    for i in starts + rest:
        key = text[i].casefold()
        if key not in taken:
            taken.add(key)
            return text[:i] + "&" + text[i:]
    return text


def assign_mnemonics(menu: QWidget) -> None:
    """Give every entry of a menu (or menu bar) a mnemonic of its own.

    An entry without one gets a free letter; of two entries marked with the same letter (an
    English "&Highlight" and "&Help", or two translations), the later one gets another.
    """
    taken: set[str] = set()
    for act in menu.actions():
        text = act.text()
        if act.isSeparator() or not text:
            continue
        letter = mnemonic_char(text)
        if letter and letter not in taken:
            taken.add(letter)
            continue
        plain = strip_mnemonic(text).replace("&", "&&")
        act.setText(with_mnemonic(plain, taken))


def install_mnemonics(bar: QMenuBar) -> list[QMenu]:
    """Mnemonics for the bar now, and for each menu when it opens (so relabelled or
    retranslated entries get one). Translations stay as they are: the letter is chosen in
    the interface's language."""
    assign_mnemonics(bar)
    menus = bar.findChildren(QMenu)
    for menu in menus:
        menu.aboutToShow.connect(lambda m=menu: assign_mnemonics(m))
    return menus


# -- shortcut clashes -------------------------------------------------------------------------
@dataclass(frozen=True)
class Binding:
    """One key sequence bound by one action or shortcut object."""

    key: str  # QKeySequence.toString(PortableText)
    owner: QObject
    context: Qt.ShortcutContext
    widgets: tuple[QWidget, ...]  # where a widget-scoped binding listens

    @property
    def name(self) -> str:
        """The owner's objectName (or its class) for messages."""
        return self.owner.objectName() or type(self.owner).__name__


def bindings(window: QWidget) -> list[Binding]:
    """Every key sequence bound in window by an enabled QAction or QShortcut."""
    out: list[Binding] = []
    for act in window.findChildren(QAction):
        widgets = tuple(w for w in act.associatedObjects() if isinstance(w, QWidget))
        for seq in act.shortcuts():
            if not seq.isEmpty():
                out.append(Binding(_key(seq), act, act.shortcutContext(), widgets))
    for sc in window.findChildren(QShortcut):
        parent = sc.parent()
        widgets = (parent,) if isinstance(parent, QWidget) else ()
        for seq in sc.keys():
            if not seq.isEmpty():
                out.append(Binding(_key(seq), sc, sc.context(), widgets))
    return out


def _key(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def _apart(a: Binding, b: Binding) -> bool:
    """True when two widget-scoped bindings can never listen at the same time."""
    if a.context not in WIDGET_CONTEXTS or b.context not in WIDGET_CONTEXTS:
        return False
    if not a.widgets or not b.widgets:
        return True  # a widget-scoped action on no widget never fires
    return all(
        not (x is y or x.isAncestorOf(y) or y.isAncestorOf(x)) for x in a.widgets for y in b.widgets
    )


def clashes(window: QWidget) -> list[tuple[str, str, str]]:
    """(key, owner, owner) for every two bindings of one key that can fire together."""
    found: list[tuple[str, str, str]] = []
    seen = bindings(window)
    for i, a in enumerate(seen):
        for b in seen[i + 1 :]:
            if a.key == b.key and a.owner is not b.owner and not _apart(a, b):
                found.append((a.key, a.name, b.name))
    return found


# -- moving the focus between the panels ------------------------------------------------------
PANELS = ("library", "reader", "search", "annotations", "briefing", "free_notes", "feeds")
DOCKS = {
    "library": "libraryDock",
    "search": "searchDock",
    "annotations": "annotationsDock",
    "briefing": "briefingDock",
    "free_notes": "freeNotesDock",
    "feeds": "feedsDock",
}


def focus_target(w: MainWindow, panel: str) -> QWidget:
    """The widget of a panel that takes the keyboard focus (its list, field or text)."""
    if panel == "library":
        lib = w.library
        return lib.table if lib.stack.currentWidget() is lib.table else lib.import_btn
    if panel == "reader":
        return w.reader.browser
    if panel == "search":
        return w.search.edit
    if panel == "annotations":
        ann = w.annotations
        return ann.notes.list if ann.tabs.currentWidget() is ann.notes else ann.list
    if panel == "briefing":
        br = w.briefing
        return br.tree if br.tree.isEnabled() else br.combo
    if panel == "feeds":
        return w.feeds.list if w.feeds.feeds else w.feeds.add_btn
    return w.free_notes.list


def focus_panel(w: MainWindow, panel: str) -> QWidget:
    """Show a panel (raising its dock tab) and give it the keyboard focus; returns the widget.

    With no article open, the reader has nothing to focus: the library list takes it.
    """
    if panel == "reader" and w.reader.article is None:
        w.show_message(
            QCoreApplication.translate(
                "ReaderView", "Open an article from the library to read it here."
            )
        )
        panel = "library"
    dock = w.docks.get(DOCKS.get(panel, ""))
    if dock is not None:
        dock.show()
        dock.raise_()
    if panel == "library" and w.session.article_id is not None:
        w.library.select_article(w.session.article_id)  # the list opens at the article read
    target = focus_target(w, panel)
    if panel == "search":
        w.search.focus_search()  # the field's text selected, to type over it
    else:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return target
