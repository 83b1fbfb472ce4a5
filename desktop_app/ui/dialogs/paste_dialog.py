"""Edit › Paste as new article: a last look at the title, the source and the opening lines."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from desktop_app.core.models import ImportedDocument
from desktop_app.core.text.direction import detect_direction
from desktop_app.core.web.clipboard import web_address
from desktop_app.ui.dialogs.address_dialog import split_tags
from desktop_app.ui.reader.document import block_format

PREVIEW_PARAGRAPHS = 4


def _direction(text: str) -> Qt.LayoutDirection:
    rtl = detect_direction(text) == "rtl"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def _follow_text(edit: QLineEdit, text: str) -> None:
    if text.strip():
        edit.setLayoutDirection(_direction(text))


class PasteDialog(QDialog):
    """The pasted article's title, source and address (editable), its first lines, its tags."""

    def __init__(self, doc: ImportedDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteDialog")
        self.setWindowTitle(self.tr("Paste as new article"))
        self.resize(600, 420)
        self.doc = doc
        form = QFormLayout(self)
        self.title_edit = self._field("pasteTitle", doc.title)
        form.addRow(self.tr("&Title:"), self.title_edit)
        self.source_edit = self._field("pasteSource", doc.source)
        form.addRow(self.tr("&Source:"), self.source_edit)
        self.url_edit = QLineEdit(doc.url, self)
        self.url_edit.setObjectName("pasteAddress")
        self.url_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.url_edit.setPlaceholderText(self.tr("The address of the page, if known"))
        form.addRow(self.tr("&Address:"), self.url_edit)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("pastePreview")
        self._fill_preview()
        form.addRow(self.preview)
        self.count = QLabel(self.tr("%n paragraph(s)", "", len(doc.paragraphs)), self)
        self.count.setObjectName("pasteParagraphs")
        form.addRow(self.count)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("pasteTags")
        self.tags_edit.setPlaceholderText(self.tr("Optional, separated by commas"))
        form.addRow(self.tr("Ta&gs:"), self.tags_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Add to the library"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.url_edit.textChanged.connect(self._check_address)
        self._check_address()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def _field(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        # an Arabic title reads right to left in an English interface, and the other way round
        edit.textChanged.connect(lambda t: _follow_text(edit, t))
        edit.setText(text)
        return edit

    def _check_address(self) -> None:
        """An address, when given, is an http or https one."""
        text = self.url_edit.text().strip()
        self.ok_button.setEnabled(not text or bool(web_address(text)))
        self.url_edit.setToolTip(
            "" if self.ok_button.isEnabled() else self.tr("Not an http or https address")
        )

    def _fill_preview(self) -> None:
        """The opening paragraphs, each laid out in its own direction."""
        cursor = QTextCursor(self.preview.document())
        for i, p in enumerate(self.doc.paragraphs[:PREVIEW_PARAGRAPHS]):
            if i:
                cursor.insertBlock()
            cursor.setBlockFormat(block_format(p, 1.3, 24.0))
            cursor.insertText(p.text)
        if len(self.doc.paragraphs) > PREVIEW_PARAGRAPHS:
            cursor.insertBlock()
            cursor.insertText("…")
        self.preview.moveCursor(QTextCursor.MoveOperation.Start)

    def document(self) -> ImportedDocument:
        """The document with the title, source and address as the dialog left them."""
        return replace(
            self.doc,
            title=self.title_edit.text().strip() or self.doc.title,
            source=self.source_edit.text().strip(),
            url=self.url_edit.text().strip(),
        )

    def tags(self) -> list[str]:
        """The tags typed for the new article."""
        return split_tags(self.tags_edit.text())
