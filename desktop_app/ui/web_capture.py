"""Capture from the web in the window: Import from address, links dropped from a browser,
Paste as new article.

Addresses go to the window's ImportFlow (background, progress with Cancel, the report). A paste
is read from the clipboard on the GUI thread, parsed and stored by jobs on the pool; the flow
says what happened through signals and the window decides what to show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core.models import ImportedDocument, ImportResult
from desktop_app.core.web.clipboard import (
    SOURCE_FORMATS,
    WINDOWS_HTML_FORMAT,
    first_address,
    source_address,
    web_address,
)
from desktop_app.ui import jobs
from desktop_app.ui.dialogs.address_dialog import AddressDialog
from desktop_app.ui.dialogs.paste_dialog import PasteDialog
from desktop_app.ui.import_flow import ImportFlow
from desktop_app.ui.messages import translated
from desktop_app.ui.tasks import Task, TaskRunner

MOZ_URL = "text/x-moz-url"


def dropped_items(mime: QMimeData) -> list[str]:
    """What a drop brings to import: local files and http/https links (a browser's link as
    text/uri-list or Firefox's text/x-moz-url, or a plain text that is one address)."""
    items: list[str] = []
    for url in mime.urls():
        if url.isLocalFile():
            items.append(url.toLocalFile())
        elif url.scheme().lower() in ("http", "https"):
            address = url.toString()
            if web_address(address):
                items.append(address)
    if not items and mime.hasFormat(MOZ_URL):  # Firefox's link: "address\ntitle" in UTF-16
        address = first_address(bytes(mime.data(MOZ_URL).data()))
        if address:
            items.append(address)
    if not items and mime.hasText():
        text = mime.text().strip()
        if web_address(text):
            items.append(text)
    return list(dict.fromkeys(items))


def clipboard_content(mime: QMimeData | None) -> tuple[str, str, str]:
    """The clipboard's HTML, its text and the address of the page it was copied from."""
    if mime is None:
        return "", "", ""
    formats = {
        name: bytes(mime.data(name).data())
        for name in (*SOURCE_FORMATS, WINDOWS_HTML_FORMAT)
        if mime.hasFormat(name)
    }
    html = mime.html() if mime.hasHtml() else ""
    text = mime.text() if mime.hasText() else ""
    return html, text, source_address(formats)


class WebCapture(QObject):
    """The window's ways in from the web; one paste at a time."""

    message = Signal(str)  # for the status bar
    articlesAdded = Signal(object)  # set[int] of new article ids
    openRequested = Signal(int)  # an article to show (the pasted one, or the one it duplicates)

    def __init__(
        self, runner: TaskRunner, folder: Path, imports: ImportFlow, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.folder = folder
        self.imports = imports
        self.dialog: QDialog | None = None  # the address or paste dialog while it is open
        self.task: Task | None = None
        self._html = ""

    # -- addresses ----------------------------------------------------------------------------
    def import_from_address(self) -> AddressDialog:
        """File › Import from address…: ask for addresses and tags, then import them."""
        dialog = AddressDialog(self.parent_widget)
        dialog.accepted.connect(lambda: self.imports.start(dialog.addresses(), dialog.tags()))
        self._show(dialog)
        return dialog

    def drop(self, mime: QMimeData) -> bool:
        """Import what was dropped (files and links); False when nothing of it is importable."""
        items = dropped_items(mime)
        if items:
            self.imports.start(items)
        return bool(items)

    # -- the clipboard ------------------------------------------------------------------------
    def paste_as_article(self) -> None:
        """Edit › Paste as new article: read the clipboard, then show what it gives."""
        if self.task is not None:
            return
        clipboard = QGuiApplication.clipboard()
        html, text, url = clipboard_content(clipboard.mimeData() if clipboard else None)
        if not html.strip() and not text.strip():
            self.message.emit(self.tr("The clipboard holds no text to paste."))
            return
        self._html = html
        self.task = self.runner.run(
            jobs.read_clipboard_job,
            html,
            text,
            url,
            on_done=self._review,
            on_error=self._failed,
        )

    def _review(self, doc: ImportedDocument) -> None:
        self.task = None
        dialog = PasteDialog(doc, self.parent_widget)
        dialog.accepted.connect(lambda: self._store(dialog.document(), dialog.tags()))
        self._show(dialog)

    def _store(self, doc: ImportedDocument, tags: list[str]) -> None:
        self.message.emit(self.tr("Adding the pasted article…"))
        self.task = self.runner.run(
            jobs.store_pasted_job,
            str(self.folder),
            doc,
            self._html,
            tags,
            on_done=self._stored,
            on_error=self._failed,
        )

    def _stored(self, result: ImportResult) -> None:
        self.task = None
        if result.article_id is None:
            self._failed(translated(result.error_code, result.error_params, result.error or ""))
            return
        if result.status != "duplicate":
            self.articlesAdded.emit({result.article_id})
        self.openRequested.emit(result.article_id)
        # (after the article is shown: opening it writes its own line in the status bar)
        if result.status == "duplicate":
            self.message.emit(self.tr("This article is already in the library: it is shown."))
        else:
            self.message.emit(self.tr("The pasted article was added to the library."))

    def _failed(self, message: str) -> None:
        self.task = None
        self.message.emit(self.tr("Nothing was pasted: %1").replace("%1", message))

    def _show(self, dialog: QDialog) -> None:
        """Show a dialog window-modal without a nested event loop; forget it once closed."""
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
