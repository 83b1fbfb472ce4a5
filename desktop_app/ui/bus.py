"""The signal bus: services say what changed, the bus broadcasts it, panels redraw."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.core.models import Changes


class Bus(QObject):
    """One object every panel listens to; nobody calls another panel directly."""

    articlesChanged = Signal(object)  # set[int] of article ids (empty: reload everything)
    annotationsChanged = Signal(object)  # Changes (highlights, notes, articles)
    labelsChanged = Signal()
    tagsChanged = Signal()
    indexStateChanged = Signal(object)
    briefingsChanged = Signal(object)
    openArticleRequested = Signal(int, int)  # article id, highlight id or -1

    def broadcast(self, changes: Changes) -> None:
        """Turn a core Changes into the signals panels listen to."""
        if changes.highlights or changes.notes:
            self.annotationsChanged.emit(changes)
        if changes.articles:
            self.articlesChanged.emit(set(changes.articles))
        if changes.labels:
            self.labelsChanged.emit()
        if changes.tags:
            self.tagsChanged.emit()
        if changes.briefings:
            self.briefingsChanged.emit(set(changes.briefings))
