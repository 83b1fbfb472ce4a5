"""Add a feed: its address, an optional name and tag; the check runs in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class AddFeedDialog(QDialog):
    """Asks for a feed; `addRequested(url, name, tag)` starts the check, which reports back
    through `added()` or `failed(message)`. The dialog stays open, its fields locked, meanwhile."""

    addRequested = Signal(str, str, str)

    def __init__(self, tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addFeedDialog")
        self.setWindowTitle(self.tr("Add a feed"))
        self.busy = False
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.address = QLineEdit(self)
        self.address.setObjectName("feedAddress")
        self.address.setPlaceholderText("https://")
        self.address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an address reads LTR
        self.name = QLineEdit(self)
        self.name.setObjectName("feedName")
        self.name.setPlaceholderText(self.tr("The feed's own title"))
        self.tag = QLineEdit(self)
        self.tag.setObjectName("feedTag")
        self.tag.setPlaceholderText(self.tr("None"))
        completer = QCompleter(tags, self.tag)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag.setCompleter(completer)
        form.addRow(self.tr("&Address of the RSS or Atom feed:"), self.address)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Tag of its articles:"), self.tag)
        lay.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("feedStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Add"))
            ok.setEnabled(False)
        self.address.textChanged.connect(self._address_changed)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _address_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(text.strip()) and not self.busy)

    def submit(self) -> None:
        """Add: lock the fields and ask for the check (the dialog closes when it succeeds)."""
        url = self.address.text().strip()
        if not url or self.busy:
            return
        self._set_busy(True)
        self._say(self.tr("Reading the feed…"), error=False)
        self.addRequested.emit(url, self.name.text().strip(), self.tag.text().strip())

    def added(self) -> None:
        """The feed was added."""
        self._set_busy(False)
        self.accept()

    def failed(self, message: str) -> None:
        """The feed could not be added: say why in one line; the fields can be corrected."""
        self._set_busy(False)
        self._say(message.splitlines()[0] if message else "", error=True)
        self.address.setFocus()

    def _say(self, text: str, error: bool) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "")
        self.status.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for field in (self.address, self.name, self.tag):
            field.setReadOnly(busy)
        self._address_changed(self.address.text())
