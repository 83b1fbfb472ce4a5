"""File › Import from address…: one or more web addresses (one a line) and optional tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.core.web.clipboard import web_address


def split_tags(text: str) -> list[str]:
    """Tags typed in one field, separated by commas (Latin or Arabic)."""
    out: list[str] = []
    for tag in text.replace("،", ",").split(","):
        tag = tag.strip()
        if tag and tag not in out:
            out.append(tag)
    return out


def address_lines(text: str) -> tuple[list[str], list[int]]:
    """The http/https addresses of a text (one a line, each once) and the numbers (from 1) of
    the non-blank lines that are not addresses."""
    found: list[str] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if web_address(line):
            if line not in found:
                found.append(line)
        else:
            bad.append(number)
    return found, bad


def clipboard_addresses() -> str:
    """The clipboard's text when it holds web addresses (only those lines), else ""."""
    clipboard = QGuiApplication.clipboard()
    found, _bad = address_lines(clipboard.text() if clipboard is not None else "")
    return "\n".join(found)


class AddressDialog(QDialog):
    """Addresses to fetch, tags for their articles; OK once at least one line is an address."""

    def __init__(self, parent: QWidget | None = None, text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressDialog")
        self.setWindowTitle(self.tr("Import from address"))
        self.resize(560, 300)
        form = QFormLayout(self)
        intro = QLabel(self.tr("Web pages or PDF documents, one address a line:"), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("addressEdit")
        # addresses read left to right in either interface language
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setTabChangesFocus(True)
        form.addRow(self.edit)
        self.problems = QLabel(self)
        self.problems.setObjectName("addressProblems")
        self.problems.setWordWrap(True)
        form.addRow(self.problems)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("addressTags")
        self.tags_edit.setPlaceholderText(self.tr("Optional, separated by commas"))
        form.addRow(self.tr("&Tags:"), self.tags_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.edit.textChanged.connect(self._check)
        self.edit.setPlainText(clipboard_addresses() if text is None else text)
        self._check()
        self.edit.setFocus()

    def addresses(self) -> list[str]:
        """The addresses typed, each once, in order (lines that are not addresses left out)."""
        return address_lines(self.edit.toPlainText())[0]

    def tags(self) -> list[str]:
        """The tags typed for the new articles."""
        return split_tags(self.tags_edit.text())

    def _check(self) -> None:
        found, bad = address_lines(self.edit.toPlainText())
        self.ok_button.setEnabled(bool(found))
        if bad:
            numbers = ", ".join(str(n) for n in bad)
            self.problems.setText(
                self.tr(
                    "%n line(s) not an http or https address, left out: %1", "", len(bad)
                ).replace("%1", numbers)
            )
        elif not found and self.edit.toPlainText().strip() == "":
            self.problems.setText(self.tr("Type or paste an address that starts with https://"))
        else:
            self.problems.setText(self.tr("%n address(es) to import.", "", len(found)))
