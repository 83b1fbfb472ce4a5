"""Edit › Preferences: interface language and digits, reading, labels, export defaults, library.

The dialog only collects choices; OK and Apply hand them to what owns them: QSettings (read at
the next start for the language and digits), the reader and the window (font, size, spacing,
theme, live), the library (label names and colours, whose change reaches every view through the
bus). The Library page acts at once (see preferences_library.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import settings as st
from desktop_app.ui.dialogs.preferences_library import LibraryPage, note_label
from desktop_app.ui.fonts import AMIRI, reading_font
from desktop_app.ui.panels.annotations_panel import swatch
from desktop_app.ui.reader.view import MAX_SIZE, MIN_SIZE

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

THEMES = ("system", "light", "dark", "sepia")
SAMPLES = ("قَالَ الوَزِيرُ إِنَّ الاتفاقَ نهائيٌّ 📌", "The minister said the deal is final.")


class PreferencesDialog(QDialog):
    """A tab per section; OK / Cancel / Apply. Every control has an objectName for tests."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        self.tabs.addTab(self._general(), self.tr("&General"))
        self.tabs.addTab(self._reading(), self.tr("&Reading"))
        self.tabs.addTab(self._labels(), self.tr("&Labels"))
        self.tabs.addTab(self._export(), self.tr("E&xport"))
        self.library_page = LibraryPage(window, self)
        self.tabs.addTab(self.library_page, self.tr("Li&brary"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        buttons.setObjectName("preferencesButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.clicked.connect(self._clicked)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)
        self._update_preview()
        hint = self.sizeHint()
        self.resize(max(hint.width(), 620), max(hint.height(), 420))

    # -- pages ----------------------------------------------------------------------------------
    def _general(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("generalPage")
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setObjectName("interfaceLanguage")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("العربية", "ar")  # each language in its own name
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(st.chosen_language() or "")))
        form.addRow(self.tr("&Interface language:"), self.language)
        self.digits = QComboBox(page)
        self.digits.setObjectName("interfaceDigits")
        self.digits.addItem(self.tr("Arabic-Indic (%1)").replace("%1", "٠١٢٣"), "arabic")
        self.digits.addItem(self.tr("Latin (%1)").replace("%1", "0123"), "latin")
        lang = st.chosen_language() or _running_language()
        self.digits.setCurrentIndex(max(0, self.digits.findData(st.chosen_digits(lang))))
        form.addRow(self.tr("&Digits:"), self.digits)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.digits.setAccessibleName(self.tr("Digits in the interface"))
        self.restart_note = note_label(
            self.tr(
                "The language and the digits take effect when Hamish is restarted."
                " (A language given with --lang or $HAMISH_LANG wins over this choice.)"
            ),
            page,
        )
        self.restart_note.setObjectName("restartNote")
        form.addRow(self.restart_note)
        return page

    def _reading(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("readingPage")
        form = QFormLayout(page)
        reader = self.window_.reader
        self.font_family = QComboBox(page)
        self.font_family.setObjectName("readingFont")
        self.font_family.setAccessibleName(self.tr("Reading font"))
        self.font_family.addItem(self.tr("Default (%1 for Arabic)").replace("%1", AMIRI), "")
        for fam in sorted(set(QFontDatabase.families())):
            if not QFontDatabase.isPrivateFamily(fam):
                self.font_family.addItem(fam, fam)
        i = self.font_family.findData(reader.font_family)
        if i < 0 and reader.font_family:
            self.font_family.addItem(reader.font_family, reader.font_family)
            i = self.font_family.count() - 1
        self.font_family.setCurrentIndex(max(0, i))
        form.addRow(self.tr("&Font:"), self.font_family)
        self.font_size = QDoubleSpinBox(page)
        self.font_size.setObjectName("readingSize")
        self.font_size.setAccessibleName(self.tr("Text size in points"))
        self.font_size.setRange(MIN_SIZE, MAX_SIZE)
        self.font_size.setDecimals(1)
        self.font_size.setSingleStep(1.0)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(reader.font_size)
        form.addRow(self.tr("Text &size:"), self.font_size)
        self.line_height = QDoubleSpinBox(page)
        self.line_height.setObjectName("readingSpacing")
        self.line_height.setAccessibleName(self.tr("Line spacing"))
        self.line_height.setRange(1.0, 2.5)
        self.line_height.setDecimals(1)
        self.line_height.setSingleStep(0.1)
        self.line_height.setValue(reader.line_height)
        form.addRow(self.tr("Line s&pacing:"), self.line_height)
        self.theme = QComboBox(page)
        self.theme.setObjectName("readingTheme")
        self.theme.setAccessibleName(self.tr("Reading theme"))
        names = (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"), self.tr("Sepia"))
        for key, name in zip(THEMES, names, strict=True):
            self.theme.addItem(name, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.window_.theme_name)))
        form.addRow(self.tr("&Theme:"), self.theme)
        box = QWidget(page)
        box.setObjectName("readingPreview")
        box_lay = QVBoxLayout(box)
        box_lay.setContentsMargins(0, 0, 0, 0)
        self.previews: list[QLabel] = []
        for text, direction in zip(
            SAMPLES, (Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight), strict=True
        ):
            label = QLabel(text, box)  # sample content: each line in its own direction
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setObjectName("fontPreview")
            label.setLayoutDirection(direction)
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            box_lay.addWidget(label)
            self.previews.append(label)
        form.addRow(self.tr("Preview:"), box)
        self.font_family.currentIndexChanged.connect(self._update_preview)
        self.font_size.valueChanged.connect(self._update_preview)
        return page

    def _labels(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("labelsPage")
        grid = QGridLayout(page)
        grid.addWidget(QLabel(self.tr("Colour"), page), 0, 1)
        grid.addWidget(QLabel(self.tr("Name"), page), 0, 2)
        self.label_names: dict[int, QLineEdit] = {}
        self.label_colors: dict[int, str] = {}
        self.color_buttons: dict[int, QPushButton] = {}
        self._labels_before = {lab.id: lab for lab in self.window_.lib.labels()}
        for row, lab in enumerate(self._labels_before.values(), start=1):
            number = QLabel(f"&{lab.id}", page)
            button = QPushButton(self.tr("Colour…"), page)
            button.setObjectName(f"labelColor{lab.id}")
            button.setAccessibleName(self.tr("Colour of label %1").replace("%1", str(lab.id)))
            button.clicked.connect(lambda _c=False, lid=lab.id: self.choose_color(lid))
            edit = QLineEdit(lab.name, page)
            edit.setObjectName(f"labelName{lab.id}")
            edit.setAccessibleName(self.tr("Name of label %1").replace("%1", str(lab.id)))
            number.setBuddy(edit)
            self.label_names[lab.id] = edit
            self.label_colors[lab.id] = lab.color
            self.color_buttons[lab.id] = button
            self._show_color(lab.id)
            button.setMinimumWidth(button.sizeHint().width())
            grid.addWidget(number, row, 0)
            grid.addWidget(button, row, 1)
            grid.addWidget(edit, row, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self._labels_before) + 1, 1)
        return page

    def _export(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("exportPage")
        form = QFormLayout(page)
        self.template = QLineEdit(st.get_str(st.EXPORT_TEMPLATE, ""), page)
        self.template.setObjectName("exportTemplate")
        self.template.setAccessibleName(self.tr("Word template"))
        self.template.setReadOnly(True)
        self.template.setPlaceholderText(self.tr("Hamish's own styles"))
        choose = QPushButton(self.tr("C&hoose…"), page)
        choose.setObjectName("chooseTemplate")
        choose.clicked.connect(self.choose_template)
        clear = QPushButton(self.tr("&Own styles"), page)
        clear.setObjectName("clearTemplate")
        clear.setToolTip(self.tr("Export with Hamish's own styles, without a template"))
        clear.clicked.connect(self.template.clear)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        template_label = QLabel(self.tr("Word &template:"), page)
        template_label.setBuddy(choose)
        form.addRow(template_label, row)
        self.marking = QComboBox(page)
        self.marking.setObjectName("exportMarking")
        self.marking.setAccessibleName(self.tr("Handling marking of new briefings"))
        self.marking.setEditable(True)
        self.marking.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for text in (
            "",
            self.tr("For internal use only"),
            self.tr("Confidential"),
            self.tr("Restricted"),
            self.tr("Not for publication"),
        ):
            self.marking.addItem(text)
        self.marking.setCurrentText(st.get_str(st.EXPORT_MARKING, ""))
        form.addRow(self.tr("Default &marking:"), self.marking)
        form.addRow(
            note_label(
                self.tr(
                    "New briefings start with this marking (each briefing can change it);"
                    " Word exports take their styles from the template."
                ),
                page,
            )
        )
        return page

    # -- reactions ------------------------------------------------------------------------------
    def _update_preview(self) -> None:
        font = reading_font(self.font_size.value(), str(self.font_family.currentData() or ""))
        for label in self.previews:
            label.setFont(QFont(font))

    def _show_color(self, lid: int) -> None:
        self.color_buttons[lid].setIcon(swatch(self.label_colors[lid]))

    def choose_color(self, lid: int) -> None:
        """Ask for a label's colour (applied with OK or Apply)."""
        color = QColorDialog.getColor(
            QColor(self.label_colors[lid]),
            self,
            self.tr("Colour of “%1”").replace("%1", self.label_names[lid].text()),
        )
        if color.isValid():
            self.label_colors[lid] = color.name()
            self._show_color(lid)

    def choose_template(self) -> None:
        """Ask for the Word template (.docx or .dotx) exports borrow their styles from."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Word template"),
            self.template.text(),
            self.tr("Word documents and templates (*.docx *.dotx)"),
        )
        if path:
            self.template.setText(path)

    def _clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()

    def accept(self) -> None:
        """OK: apply, then close (not while a move runs: its outcome comes back here)."""
        if self.library_page.busy():
            return
        self.apply()
        super().accept()

    def reject(self) -> None:
        """Cancel (or Escape): a move in progress is cancelled first, nothing else is applied."""
        if self.library_page.busy():
            self.library_page.cancel_move()
            return
        super().reject()

    def apply(self) -> None:
        """Store every choice and apply what applies live."""
        st.put(st.LANGUAGE, self.language.currentData())
        st.put(st.DIGITS, self.digits.currentData())
        w, reader = self.window_, self.window_.reader
        family = str(self.font_family.currentData() or "")
        if family != reader.font_family:
            reader.set_font_family(family)
        if abs(self.font_size.value() - reader.font_size) > 1e-6:
            reader.set_font_size(self.font_size.value())
        if abs(self.line_height.value() - reader.line_height) > 1e-6:
            reader.set_line_height(self.line_height.value())
        theme = str(self.theme.currentData())
        if theme != w.theme_name:
            w.set_theme(theme)
        self._apply_labels()
        st.put(st.EXPORT_TEMPLATE, self.template.text().strip())
        st.put(st.EXPORT_MARKING, self.marking.currentText().strip())

    def _apply_labels(self) -> None:
        lib = self.window_.lib
        names: dict[int, str] = {}
        for lid, before in self._labels_before.items():
            name = self.label_names[lid].text().strip()
            if name and name != before.name:
                names[lid] = name
            if self.label_colors[lid] != before.color:
                lib.set_label_color(lid, self.label_colors[lid])
        if names:
            self.window_.session.rename_labels(names)
        self._labels_before = {lab.id: lab for lab in lib.labels()}


def _running_language() -> str:
    """The language the interface runs in now ("ar" when it is laid out right to left)."""
    from PySide6.QtWidgets import QApplication

    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return "ar" if rtl else "en"
