"""Facet filters of the search panel: checkable values with their counts, grouped by facet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.core.search.schema import FACETS
from desktop_app.core.text.direction import LRM, RLM
from desktop_app.ui.i18n import format_digits, format_number, label_display_name, language_name
from desktop_app.ui.models.search_model import FacetValue

FacetRole = Qt.ItemDataRole.UserRole + 10
ValueRole = Qt.ItemDataRole.UserRole + 11


def facet_title(facet: str) -> str:
    """The translated heading of a facet."""
    return {
        "kind": QCoreApplication.translate("SearchFacets", "Kind"),
        "source": QCoreApplication.translate("SearchFacets", "Source"),
        "year": QCoreApplication.translate("SearchFacets", "Year"),
        "language": QCoreApplication.translate("SearchFacets", "Language"),
        "label": QCoreApplication.translate("SearchFacets", "Label"),
    }.get(facet, facet)


def value_text(fv: FacetValue) -> str:
    """How a facet value reads in the interface language: kinds, languages and default labels
    translated, years in the interface's digits, sources as they are."""
    if fv.facet == "kind":
        return {
            "article": QCoreApplication.translate("SearchFacets", "Articles"),
            "highlight": QCoreApplication.translate("SearchFacets", "Highlights"),
            "note": QCoreApplication.translate("SearchFacets", "Notes"),
        }.get(fv.value, fv.label)
    if fv.facet == "language":
        return language_name(fv.value)
    if fv.facet == "label":
        return label_display_name(fv.value)
    if fv.facet == "year":
        return format_digits(fv.label)
    return fv.label


class FacetTree(QTreeWidget):
    """Facets as a tree: a heading per facet, checkable values 'value (count)' under it."""

    filtersChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchFacets")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.filters: dict[str, set[str]] = {}
        self._filling = False
        self.itemChanged.connect(self._item_changed)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Modest: the results, not the filters, should get most of the panel."""
        return QSize(super().sizeHint().width(), 150)

    def set_facets(self, facets: dict[str, list[FacetValue]]) -> None:
        """Show these facet values; checked values that no longer occur stay, with count 0."""
        self._filling = True
        expanded = {head.data(0, FacetRole) for head in self._heads() if head.isExpanded()}
        first_fill = self.topLevelItemCount() == 0
        self.clear()
        for facet in FACETS:
            values = list(facets.get(facet, []))
            present = {v.value for v in values}
            for missing in sorted(self.filters.get(facet, set()) - present):
                values.append(FacetValue(facet, missing, missing, 0))
            if not values:
                continue
            head = QTreeWidgetItem(self, [facet_title(facet)])
            head.setData(0, FacetRole, facet)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for fv in values:
                self._value_item(head, fv)
            head.setExpanded(facet in expanded or first_fill or facet in self.filters)
        self._filling = False

    def _value_item(self, head: QTreeWidgetItem, fv: FacetValue) -> QTreeWidgetItem:
        # A mark of the interface's direction keeps "(3)" after an Arabic name in an English list.
        mark = RLM if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else LRM
        text = (
            QCoreApplication.translate("SearchFacets", "%1 (%2)")
            .replace("%1", value_text(fv) + mark)
            .replace("%2", format_number(fv.count))
        )
        item = QTreeWidgetItem(head, [text])
        item.setData(0, FacetRole, fv.facet)
        item.setData(0, ValueRole, fv.value)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        checked = fv.value in self.filters.get(fv.facet, set())
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def value_item(self, facet: str, value: str) -> QTreeWidgetItem | None:
        """The tree item of a facet value, or None."""
        for child in self._values():
            if child.data(0, FacetRole) == facet and child.data(0, ValueRole) == value:
                return child
        return None

    def _heads(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _values(self) -> list[QTreeWidgetItem]:
        children = (head.child(j) for head in self._heads() for j in range(head.childCount()))
        return [child for child in children if child is not None]

    def set_checked(self, facet: str, value: str, on: bool) -> None:
        """Check or uncheck a value (as the user would)."""
        item = self.value_item(facet, value)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_filters(self, filters: dict[str, list[str]]) -> None:
        """Replace the checked values (a saved search) without announcing it."""
        self.filters = {k: set(v) for k, v in filters.items() if v}
        self._filling = True
        for c in self._values():
            on = c.data(0, ValueRole) in self.filters.get(c.data(0, FacetRole), set())
            c.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._filling = False

    def plain_filters(self) -> dict[str, list[str]]:
        """The checked values as {facet: sorted values}."""
        return {k: sorted(v) for k, v in self.filters.items() if v}

    def _item_changed(self, item: QTreeWidgetItem, _col: int) -> None:
        if self._filling or item.data(0, ValueRole) is None:
            return
        facet, value = str(item.data(0, FacetRole)), str(item.data(0, ValueRole))
        chosen = self.filters.setdefault(facet, set())
        if item.checkState(0) == Qt.CheckState.Checked:
            chosen.add(value)
        else:
            chosen.discard(value)
        if not chosen:
            del self.filters[facet]
        self.filtersChanged.emit(self.plain_filters())
