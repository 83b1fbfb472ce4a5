"""Adds the search and briefing panels to the main window and wires them to the rest.

The window calls `install(window)` once, after its own panels exist; everything the two panels
need from the window (bus, runner, reader, annotations, session) is reached from here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon

from desktop_app.core.errors import HamishError
from desktop_app.resources import resource_path
from desktop_app.ui.panels.briefing_panel import BriefingPanel
from desktop_app.ui.panels.search_panel import SearchPanel
from desktop_app.ui.panels.search_reveal import reveal_match
from desktop_app.ui.ref_mime import Refs, install_ref_drag


class IndexRelay(QObject):
    """Carries the index writer's 'committed' callback (its own thread) to the GUI thread."""

    committed = Signal(int)


def start_search(lib: Any) -> tuple[Any, Any]:
    """(SearchService, IndexWriter) for lib, the writer indexing every change in the background."""
    from desktop_app.core.search.live import attach
    from desktop_app.core.search.service import SearchService

    writer = attach(lib, background=True)
    return SearchService(lib.folder), writer


def stop_search(window: Any) -> None:
    """Close the search service and the index writer of a window (when it closes)."""
    for name in ("search_service", "search_writer"):
        obj = getattr(window, name, None)
        if obj is not None:
            try:
                obj.close()
            except HamishError:
                pass
            setattr(window, name, None)


def install(w: Any, service: Any = None) -> tuple[SearchPanel, BriefingPanel]:
    """Create both panels, dock them, and connect them to the reader and annotations."""
    writer = None
    if service is None:
        try:
            service, writer = start_search(w.lib)
        except HamishError as exc:
            w.show_message(
                QCoreApplication.translate("Wiring", "Search is not available: %1").replace(
                    "%1", str(exc)
                )
            )
    w.search_service, w.search_writer = service, writer
    w.search = SearchPanel(w.bus, w.runner, service, w)
    w.search.set_service(service, w.lib)
    w.briefing = BriefingPanel(w.lib, w.bus, w.runner, w, w.undo_stack)
    w.add_panel(w.search, "searchDock", QCoreApplication.translate("Wiring", "Search"), "left")
    w.add_panel(
        w.briefing, "briefingDock", QCoreApplication.translate("Wiring", "Briefing"), "right"
    )
    if "libraryDock" in w.docks:
        w.tabifyDockWidget(w.docks["libraryDock"], w.docks["searchDock"])
        w.docks["libraryDock"].raise_()
    if "annotationsDock" in w.docks:
        w.tabifyDockWidget(w.docks["annotationsDock"], w.docks["briefingDock"])
        w.docks["annotationsDock"].raise_()
    # The minimum size cached while the new docks were stacked would outlive the tabbing, and
    # restoreGeometry() would then grow a small remembered window.
    w.layout().invalidate()
    w.layout().activate()
    w.search.install_shortcut(w)
    w.search.revealRequested.connect(lambda row, query: reveal_match(w.reader, row, query))
    w.search.addToBriefingRequested.connect(lambda refs: _add(w, refs))
    w.search.message.connect(w.show_message)
    w.briefing.message.connect(w.show_message)
    if writer is not None:
        relay = IndexRelay(w)
        relay.committed.connect(lambda _seq: w.search.refresh())
        writer.add_listener(relay.committed.emit)
        w.index_relay = relay
    w.search_closer = _Closer(w)
    _reader_action(w)
    _annotations_menu(w)
    return w.search, w.briefing


class _Closer(QObject):
    """Stops searching when the window closes: tasks first, then the service and the writer."""

    def __init__(self, w: Any) -> None:
        super().__init__(w)
        self.w = w
        w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.w and event.type() == QEvent.Type.Close:
            self.w.runner.drain()
            stop_search(self.w)
        return False


def _add(w: Any, refs: Refs) -> list[int]:
    ids = w.briefing.add_refs(refs)
    if ids:
        _add_shown(w)
    return ids


def add_reader_selection(w: Any) -> list[int]:
    """Add the reader's selection (highlighting it first) or the selected highlight."""
    sel = w.reader.selection()
    if sel is not None:
        hid = w.session.highlight(sel[0], sel[1], None)
        if hid is None:
            return []
        w.annotations.select_highlight(hid)
    else:
        hid = w.annotations.current_id()
    if hid is None:
        w.show_message(
            QCoreApplication.translate("Wiring", "Select some text or a highlight first.")
        )
        return []
    ids = w.briefing.add_refs(Refs(highlights=(hid,)))
    if ids:
        _add_shown(w)
    return ids


def _add_shown(w: Any) -> None:
    dock = w.docks.get("briefingDock")
    if dock is not None:
        dock.show()
        dock.raise_()


def _action(w: Any, name: str, slot: Any) -> QAction:
    act = QAction(
        QIcon(str(resource_path("icons", "briefing.svg"))),
        QCoreApplication.translate("Wiring", "Add to Briefing"),
        w,
    )
    act.setObjectName(name)
    act.triggered.connect(slot)
    return act


def _reader_action(w: Any) -> None:
    act = _action(w, "action_add_to_briefing", lambda: add_reader_selection(w))
    w.reader.browser.context_actions.extend([None, act])
    w.add_to_briefing_action = act
    registry = getattr(w, "registry", None)
    if registry is not None:
        registry.by_name["add_to_briefing"] = act


def _annotations_menu(w: Any) -> None:
    ann = w.annotations

    def selected() -> Refs | None:
        hid = ann.current_id()
        return Refs(highlights=(hid,)) if hid is not None else None

    act = _action(w, "action_annotation_to_briefing", lambda: _add(w, selected() or Refs()))
    ann.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    ann.list.addAction(act)
    w.annotation_to_briefing_action = act
    w.annotation_drag = install_ref_drag(ann.list, selected)
    w.note_to_briefing_actions = []
    for notes in (ann.notes, getattr(w, "free_notes", None)):
        if notes is not None:
            w.note_to_briefing_actions.append(_notes_menu(w, notes))


def _notes_menu(w: Any, notes: Any) -> QAction:
    """ "Add to Briefing" and dragging for a list of notes (article notes, free notes)."""

    def selected() -> Refs | None:
        nid = notes.current_id()
        return Refs(notes=(nid,)) if nid is not None else None

    act = _action(
        w, f"action_{notes.objectName()}_to_briefing", lambda: _add(w, selected() or Refs())
    )
    notes.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    notes.list.addAction(act)
    install_ref_drag(notes.list, selected)
    return act
