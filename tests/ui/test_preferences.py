"""Edit › Preferences: each page's choices are stored and applied; the library moves safely."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QPushButton,
    QWidget,
)

from desktop_app.core.library import Library
from desktop_app.core.opening import locate, remembered_library
from desktop_app.core.relocate import CopyReport
from desktop_app.core.storage.db import DB_NAME
from desktop_app.ui import settings as st
from desktop_app.ui.dialogs.preferences import PreferencesDialog
from desktop_app.ui.theme import blend, load_theme
from tests.core.test_export_template import make_template
from tests.ui.helpers import background_at

NOTE = "ملاحظة مُهِمّة 📌 on the plan"


def press(dlg: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    """Click one of the dialog's buttons as a user would."""
    button = dlg.buttons.button(which)
    assert button is not None
    button.click()


def test_the_action_is_in_the_edit_menu_with_a_shortcut(window, monkeypatch):
    act = window.registry["preferences"]
    assert not act.shortcut().isEmpty()
    native = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert act.shortcut() == (native[0] if native else QKeySequence("Ctrl+,"))
    edit = window.menuBar().actions()[1].menu()
    assert act in edit.actions()
    opened: list[PreferencesDialog] = []

    def fake_exec(self):  # type: ignore[no-untyped-def]
        opened.append(self)
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)
    act.trigger()
    (dlg,) = opened
    assert dlg.objectName() == "preferences" and dlg.tabs.count() == 5
    for name in ("interfaceLanguage", "readingFont", "labelName1", "exportMarking", "moveLibrary"):
        widget = dlg.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName() or widget.text(), name  # a screen reader can name it


def test_language_and_digits_are_stored_for_the_next_start(window):
    assert st.chosen_language() is None
    dlg = PreferencesDialog(window)
    assert "restarted" in dlg.restart_note.text()
    dlg.language.setCurrentIndex(dlg.language.findData("ar"))
    dlg.digits.setCurrentIndex(dlg.digits.findData("latin"))
    press(dlg, QDialogButtonBox.StandardButton.Apply)
    assert st.chosen_language() == "ar"
    assert st.get_str(st.DIGITS, "") == "latin" and st.chosen_digits("ar") == "latin"
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    press(dlg, QDialogButtonBox.StandardButton.Cancel)
    assert st.chosen_language() == "ar"  # Cancel keeps what Apply stored, nothing more
    again = PreferencesDialog(window)
    assert again.language.currentData() == "ar" and again.digits.currentData() == "latin"


def test_reading_font_size_spacing_and_theme_apply_live(window, library):
    lib, ids = library
    window.open_article(ids["harakat"])
    dlg = PreferencesDialog(window)
    family = next(
        dlg.font_family.itemData(i)
        for i in range(1, dlg.font_family.count())
        if dlg.font_family.itemData(i) != "Amiri"
    )
    dlg.font_family.setCurrentIndex(dlg.font_family.findData(family))
    dlg.font_size.setValue(21.0)
    dlg.line_height.setValue(1.8)
    dlg.theme.setCurrentIndex(dlg.theme.findData("sepia"))
    assert dlg.previews[0].font().families()[0] == family  # the preview follows the choice
    press(dlg, QDialogButtonBox.StandardButton.Ok)
    doc = window.reader.browser.document()
    assert doc.defaultFont().families()[0] == family
    assert "Amiri" in doc.defaultFont().families()  # Arabic still has Amiri behind it
    assert doc.defaultFont().pointSizeF() == pytest.approx(21.0)
    assert doc.firstBlock().blockFormat().lineHeight() == pytest.approx(180.0)
    assert doc.toPlainText().startswith("قَالَ الوَزِيرُ")
    assert window.theme_name == "sepia" and window.registry["theme_sepia"].isChecked()
    bg = window.reader.browser.viewport().palette().base().color()
    assert bg == load_theme("sepia").color("background")
    assert st.get_str(st.FONT_FAMILY, "") == family
    assert st.get_float("reader/fontSize", 0) == pytest.approx(21.0)
    assert st.get_float("reader/lineHeight", 0) == pytest.approx(1.8)
    assert st.get_str("reader/theme", "") == "sepia"
    from desktop_app.ui.reader.view import ReaderView

    fresh = ReaderView()  # the next start reads the same choice
    assert fresh.font_family == family and fresh.text_font().families()[0] == family
    fresh.deleteLater()


def test_label_name_and_colour_reach_the_database_and_the_reader(window, library, monkeypatch):
    lib, ids = library
    h = lib.add_highlight_by_quote(ids["harakat"], "الوَزِيرُ أَحْمَد", label_id=2, note=NOTE)
    window.open_article(ids["harakat"])
    dlg = PreferencesDialog(window)
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#2e7d32")))
    dlg.color_buttons[2].click()
    dlg.label_names[2].setText("اقتباس مُهِمّ 📌")
    press(dlg, QDialogButtonBox.StandardButton.Ok)
    lab = lib.labels()[1]
    assert (lab.id, lab.name, lab.color) == (2, "اقتباس مُهِمّ 📌", "#2e7d32")
    assert "اقتباس مُهِمّ 📌" in window.registry["label_2"].text()
    pos16 = window.reader.browser.layer.umap.to_utf16(h.start)
    theme = window.reader.theme
    expected = blend([QColor("#2e7d32")], theme.highlight_alpha, theme.color("background"))
    assert background_at(window, pos16).color().name() == expected.name()


def test_export_defaults_reach_new_briefings_and_the_word_export(
    qtbot, window, library, monkeypatch, tmp_path: Path
):
    template = make_template(tmp_path / "قالب المؤسسة.docx")
    dlg = PreferencesDialog(window)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(template), ""))
    )
    dlg.findChild(QPushButton, "chooseTemplate").click()
    dlg.marking.setCurrentText("سري — للاستخدام الداخلي 📌")
    press(dlg, QDialogButtonBox.StandardButton.Ok)
    assert st.get_str(st.EXPORT_TEMPLATE, "") == str(template)
    panel = window.briefing
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("موجز الأسبوع", True))
    )
    panel.acts["newBriefing"].trigger()
    assert panel.briefing is not None and panel.briefing.marking == "سري — للاستخدام الداخلي 📌"
    out = tmp_path / "brief.docx"
    with qtbot.waitSignal(panel.exported, timeout=20000):
        assert panel.export("docx", str(out))
    with zipfile.ZipFile(out) as z:
        parts = "".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header")
        )
    assert "ACME Corp" in parts  # the template's header: its styles were used
    assert "للاستخدام الداخلي" in parts


def choose_folder(monkeypatch, folder: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )


def test_move_copies_verifies_switches_and_removes_the_old_folder(
    qtbot, host, library, monkeypatch, tmp_path: Path
):
    lib, ids = library
    h = lib.add_highlight_by_quote(ids["harakat"], "الوَزِيرُ أَحْمَد", label_id=3, note=NOTE)
    old = lib.folder
    target = tmp_path / "مكان جديد"
    choose_folder(monkeypatch, target)
    dlg = PreferencesDialog(host.window)
    with qtbot.waitSignal(host.windowReplaced, timeout=30000):
        assert dlg.library_page.move_library() is not None
        assert dlg.library_page.busy() and not dlg.library_page.progress.isHidden()
        ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None and not ok.isEnabled()  # the dialog waits for the move
    new_lib = host.window.lib
    assert new_lib.folder == target and new_lib is not lib
    assert remembered_library() == target and locate().folder == target
    art = new_lib.get_article(ids["harakat"])
    assert art.title == "القَرَارُ النِّهَائِيُّ" and art.paragraphs[0].text.startswith("قَالَ")
    assert new_lib.get_article(ids["emoji"]).title == "📌 Pinned"
    (moved,) = new_lib.highlights(ids["harakat"])
    assert (moved.id, moved.exact, moved.note, moved.label_id) == (h.id, h.exact, NOTE, 3)
    qtbot.waitUntil(lambda: not (old / DB_NAME).exists(), timeout=10000)
    qtbot.waitUntil(lambda: "removed" in host.window.status_label.text(), timeout=10000)
    assert not old.exists()


def test_a_damaged_copy_leaves_the_old_library_in_use(
    qtbot, host, library, monkeypatch, tmp_path: Path
):
    lib, ids = library
    window = host.window
    target = tmp_path / "نسخة تالفة"
    choose_folder(monkeypatch, target)
    dlg = PreferencesDialog(window)

    def damage(report: CopyReport) -> None:
        db = report.target / DB_NAME
        data = bytearray(db.read_bytes())
        data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
        db.write_bytes(bytes(data))

    dlg.library_page.after_copy = damage
    dlg.library_page.move_library()
    qtbot.waitUntil(lambda: not dlg.library_page.busy(), timeout=30000)
    status = dlg.library_page.status.text()
    assert "was not moved" in status and "did not match" in status and str(lib.folder) in status
    assert host.window is window and window.lib is lib
    assert not target.exists() and remembered_library() is None
    assert lib.get_article(ids["harakat"]).title == "القَرَارُ النِّهَائِيُّ"
    assert all(b.isEnabled() for b in dlg.library_page.buttons.values())
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and ok.isEnabled()


def test_new_and_other_libraries_switch_the_window(
    qtbot, host, library, monkeypatch, tmp_path: Path
):
    lib, ids = library
    old = lib.folder
    dlg = PreferencesDialog(host.window)
    not_a_library = tmp_path / "مجلد عادي"
    not_a_library.mkdir()
    choose_folder(monkeypatch, not_a_library)
    assert not dlg.library_page.open_other()
    assert "does not hold" in dlg.library_page.status.text()
    fresh = tmp_path / "مكتبة جديدة"
    choose_folder(monkeypatch, fresh)
    with qtbot.waitSignal(host.windowReplaced, timeout=10000):
        assert dlg.library_page.new_library()
    assert host.window.lib.folder == fresh and host.window.lib.article_count() == 0
    assert remembered_library() == fresh
    dlg = PreferencesDialog(host.window)
    choose_folder(monkeypatch, old)
    with qtbot.waitSignal(host.windowReplaced, timeout=10000):
        assert dlg.library_page.open_other()
    assert host.window.lib.folder == old
    assert host.window.lib.article_count() == len(ids)
    with Library(fresh) as again:
        assert again.article_count() == 0  # the other library is left as it was
