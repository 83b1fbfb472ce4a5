"""The saved-searches row of the search panel: pick one, save the current one, delete one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QToolButton, QWidget

from desktop_app.core.errors import HamishError
from desktop_app.core.saved_searches import SavedSearch, SavedSearches

CurrentFn = Callable[[], tuple[str, dict[str, list[str]]]]


class SavedSearchBar(QWidget):
    """A combo box of saved searches with Save and Delete buttons."""

    applyRequested = Signal(str, dict)  # query, filters
    message = Signal(str)

    def __init__(self, current: CurrentFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedSearches")
        self.current = current
        self.store: SavedSearches | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setObjectName("savedSearchCombo")
        self.combo.setToolTip(self.tr("Run a saved search"))
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(6)
        self.save_btn = QToolButton(self)
        self.save_btn.setObjectName("saveSearch")
        self.save_btn.setText(self.tr("Save…"))
        self.save_btn.setToolTip(self.tr("Save this search under a name"))
        self.delete_btn = QToolButton(self)
        self.delete_btn.setObjectName("deleteSavedSearch")
        self.delete_btn.setText(self.tr("Delete"))
        self.delete_btn.setToolTip(self.tr("Delete the chosen saved search"))
        lay.addWidget(self.combo, 1)
        lay.addWidget(self.save_btn)
        lay.addWidget(self.delete_btn)
        self.combo.activated.connect(self._activated)
        self.save_btn.clicked.connect(self.save_current)
        self.delete_btn.clicked.connect(self.delete_chosen)
        self.reload()

    def set_library(self, lib: object | None) -> None:
        """Keep saved searches in this library (None: none to show)."""
        self.store = SavedSearches(lib) if lib is not None else None
        self.reload()

    def searches(self) -> list[SavedSearch]:
        """The saved searches, by name."""
        return self.store.list() if self.store is not None else []

    def reload(self, select: int | None = None) -> None:
        """Refill the combo box."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Saved searches"), None)
        for s in self.searches():
            self.combo.addItem(s.name, s.id)
        index = self.combo.findData(select) if select is not None else 0
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.delete_btn.setEnabled(self.combo.currentData() is not None)
        self.save_btn.setEnabled(self.store is not None)

    def _activated(self, index: int) -> None:
        sid = self.combo.itemData(index)
        self.delete_btn.setEnabled(sid is not None)
        if sid is None or self.store is None:
            return
        try:
            s = self.store.get(int(sid))
        except HamishError as exc:
            self.message.emit(str(exc))
            self.reload()
            return
        self.applyRequested.emit(s.query, dict(s.filters))

    def save_current(self) -> SavedSearch | None:
        """Ask for a name and save the panel's current query and filters under it."""
        if self.store is None:
            return None
        query, filters = self.current()
        chosen = self.combo.currentData()
        default = self.combo.currentText() if chosen is not None else query.strip()[:60]
        name, ok = QInputDialog.getText(
            self, self.tr("Save the search"), self.tr("Name of this search:"), text=default
        )
        if not ok:
            return None
        try:
            saved = self.store.save(name, query, filters)
        except (ValueError, HamishError) as exc:
            self.message.emit(self.tr("The search was not saved: %1").replace("%1", str(exc)))
            return None
        self.reload(saved.id)
        self.message.emit(self.tr("The search “%1” was saved.").replace("%1", saved.name))
        return saved

    def delete_chosen(self) -> None:
        """Delete the saved search chosen in the combo box."""
        sid = self.combo.currentData()
        if sid is None or self.store is None:
            return
        try:
            self.store.delete(int(sid))
        except HamishError as exc:
            self.message.emit(str(exc))
        self.reload()
