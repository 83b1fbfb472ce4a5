"""The interface language in the window: plurals, digits, facet values and default label names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.ui import i18n
from desktop_app.ui.dialogs.labels_dialog import LabelsDialog
from desktop_app.ui.messages import translated
from desktop_app.ui.settings import DIGITS, put
from tests.ui.test_search_panel import facet_texts, ready, search

RLM = "\u200f"


@pytest.fixture
def arabic(qapp, settings_dir) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The Arabic interface, Arabic-Indic digits unless a test sets ui/digits first."""
    i18n.install_translators(qapp, "ar")
    yield
    i18n.install_translators(qapp, "en")


@pytest.fixture
def english(qapp, settings_dir) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The English interface."""
    i18n.install_translators(qapp, "en")
    yield


def _texts(panel, facet: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {k: v.replace(RLM, "") for k, v in facet_texts(panel, facet).items()}


def _languages(request):  # type: ignore[no-untyped-def]
    """The fixture library with each article's language set, as an import would."""
    lib, ids = request.getfixturevalue("library")
    for name, lang in {"arabic": "ar", "harakat": "ar", "mixed": "ar", "english": "en"}.items():
        lib.update_metadata(ids[name], language=lang)
    return lib, ids


def _highlighted_search(qtbot, request):  # type: ignore[no-untyped-def]
    """The window (made after the language), an Arabic highlight labelled "Key claim", and a
    search for الوزير: two Arabic articles of 2024 and the highlight."""
    lib, ids = _languages(request)
    lib.add_highlight_by_quote(ids["arabic"], "أعلن الوزير اليوم", label_id=1, note="مهمّ 📌")
    window = request.getfixturevalue("window")
    panel = ready(window)
    rows = search(qtbot, panel, "الوزير")
    assert len(rows) == 3
    return window, panel


def test_arabic_facets_read_arabic_with_arabic_indic_digits(arabic, qtbot, request):
    _window, panel = _highlighted_search(qtbot, request)
    assert _texts(panel, "kind") == {"article": "مقالات (٢)", "highlight": "تظليلات (١)"}
    assert _texts(panel, "language") == {"ar": "العربية (٣)"}
    assert _texts(panel, "year") == {"2024": "٢٠٢٤ (٣)"}
    assert _texts(panel, "label") == {"Key claim": "ادعاء رئيسي (١)"}
    assert panel.status.text() == "٣ نتائج"
    # The filter still works on the stored value, whatever the text shows.
    with qtbot.waitSignal(panel.resultsShown, timeout=10000):
        panel.facets.set_checked("label", "Key claim", True)
    assert [r.kind for r in panel.model.rows] == ["highlight"]
    assert panel.status.text() == "نتيجة واحدة"


def test_latin_digits_in_the_arabic_interface(qapp, settings_dir, qtbot, request):
    put(DIGITS, "latin")
    i18n.install_translators(qapp, "ar")
    try:
        assert i18n.digits() == "latin"
        _window, panel = _highlighted_search(qtbot, request)
        assert _texts(panel, "year") == {"2024": "2024 (3)"}
        assert _texts(panel, "language") == {"ar": "العربية (3)"}
        assert panel.status.text() == "3 نتائج"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 11) == "11 مقالًا"
        # Preferences switches back at run time.
        put(DIGITS, "arabic")
        assert i18n.apply_digits() == "arabic"
        assert i18n.format_number(1234) == "١٬٢٣٤"
        assert i18n.format_number(2024, grouping=False) == "٢٠٢٤"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 11) == "١١ مقالًا"
    finally:
        i18n.install_translators(qapp, "en")


def test_an_unknown_digits_value_falls_back_to_arabic_digits(qapp, settings_dir):
    put(DIGITS, "roman")
    try:
        i18n.install_translators(qapp, "ar")
        assert i18n.digits() == "arabic"
        assert QLocale().toString(7) == "٧"
        assert i18n.format_digits("2024-05-01 📌") == "٢٠٢٤-٠٥-٠١ 📌"
    finally:
        i18n.install_translators(qapp, "en")
    # The English interface writes Latin digits whatever the setting says.
    put(DIGITS, "arabic")
    assert i18n.digits() == "latin"
    assert i18n.format_number(1234) == "1,234"
    assert i18n.format_digits("٢٠٢٤ 2024") == "٢٠٢٤ 2024"


def test_english_plurals_say_one_article_and_two_articles(english, qtbot, request):
    lib, ids = _languages(request)
    window = request.getfixturevalue("window")
    count = window.library.count
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5, timeout=10000)
    assert count.text() == "5 articles"
    window.library.filter.setText("School reform")
    qtbot.waitUntil(lambda: count.text() == "1 article", timeout=10000)
    panel = ready(window)
    search(qtbot, panel, "budget")
    assert panel.status.text() == "1 result"
    assert _texts(panel, "language") == {"en": "English (1)"}
    assert _texts(panel, "kind") == {"article": "Articles (1)"}
    window.open_article(ids["arabic"])
    assert window.status_label.text() == "0 highlights in this article."
    lib.add_highlight_by_quote(ids["arabic"], "الخطة تبدأ")
    window.open_article(ids["arabic"])
    assert window.status_label.text() == "1 highlight in this article."
    tr = QCoreApplication.translate
    assert tr("ImportReport", "%n file(s) were already in the library.", "", 1) == (
        "1 file was already in the library."
    )
    assert tr("ImportFlow", "%n article(s) imported.", "", 1234) == "1,234 articles imported."


def test_a_language_without_a_translation_reads_english_with_its_plurals(qapp, settings_dir):
    try:
        assert i18n.install_translators(qapp, "sw") == "sw"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 1) == "1 article"
        assert QCoreApplication.translate("MainWindow", "Library") == "Library"
        assert i18n.digits() == "latin"
    finally:
        i18n.install_translators(qapp, "en")


def test_default_label_names_follow_the_interface_and_renamed_ones_stay(arabic, request):
    lib, _ids = request.getfixturevalue("library")
    window = request.getfixturevalue("window")
    combo = window.annotations.label_box
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "ادعاء رئيسي",
        "اقتباس",
        "رقم",
        "سؤال",
        "تناقض",
        "متابعة",
    ]
    # The reader's context menu and the Highlight menu.
    assert window.registry["label_1"].text() == "تظليل بتصنيف «ادعاء رئيسي»"
    # The labels dialog shows the names in Arabic; leaving them as shown changes nothing.
    dialog = LabelsDialog(lib.labels(), window)
    assert dialog.edits[2].text() == "اقتباس"
    assert dialog.changes() == {}
    dialog.edits[2].setText("مصدرٌ موثوق 📌")
    dialog.edits[3].setText("Figure")  # typed in English: stored as typed, still shown translated
    assert dialog.changes() == {2: "مصدرٌ موثوق 📌"}
    dialog.deleteLater()
    lib.rename_label(2, "مصدرٌ موثوق 📌")
    lib.rename_label(4, "Question ما العمل؟")
    window.labels_changed()
    assert combo.itemText(1) == "مصدرٌ موثوق 📌"
    assert combo.itemText(3) == "Question ما العمل؟"
    assert combo.itemText(0) == "ادعاء رئيسي"
    assert window.registry["label_2"].text() == "تظليل بتصنيف «مصدرٌ موثوق 📌»"


def test_label_and_language_names_pass_other_names_through(english):
    assert i18n.label_display_name("Key claim") == "Key claim"
    assert i18n.label_display_name("key claim") == "key claim"
    assert i18n.label_display_name("الوَزِيرُ 📌") == "الوَزِيرُ 📌"
    assert i18n.label_stored_name("Quote", "Quote") == "Quote"
    assert i18n.language_name("ar") == "Arabic"
    assert i18n.language_name("fa") == "Persian"
    assert i18n.language_name("sw") == "Swahili"  # not in the table: Qt's English name
    assert i18n.language_name("zz-unknown") == "zz-unknown"


def test_numbers_in_core_messages_take_the_interface_digits(arabic):
    text = translated("import.remark_comments", {"count": 12})
    assert "١٢" in text and "12" not in text
    assert text.startswith("تعليقات المراجعين")
