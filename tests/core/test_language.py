"""Language from the letters of the text; metadata only names a language the letters allow."""

from __future__ import annotations

import pytest

from desktop_app.core.importers import parse_bytes
from desktop_app.core.text.language import detect_language

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال وزير الزراعة إن الخطة تشمل قروضا."
PERSIAN = "دولت ایران امروز برنامه‌ای تازه برای حمایت از کشاورزان در مناطق روستایی اعلام کرد و گفت که این طرح از ماه آینده آغاز می‌شود."
URDU = "حکومت نے آج دیہی علاقوں میں کسانوں کی مدد کے لیے ایک نیا منصوبہ پیش کیا ہے اور کہا کہ یہ اگلے مہینے سے شروع ہوگا۔"
ENGLISH = "The government announced a new plan today to support farmers in rural areas, the minister said."
FRENCH = "Le gouvernement a annoncé aujourd'hui un nouveau plan pour soutenir les agriculteurs."
HARAKAT = "جَاءَ الرَّبِيعُ الطَّلْقُ يَخْتَالُ ضَاحِكًا مِنَ الحُسْنِ حَتَّى كَادَ أَنْ يَتَكَلَّمَا"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ARABIC, "ar"),
        (HARAKAT, "ar"),
        (PERSIAN, "fa"),
        (URDU, "ur"),
        (ENGLISH, "en"),
        (ARABIC + " 🌸", "ar"),
        ("١٢٣ 📌", ""),
    ],
)
def test_language_by_letters(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_metadata_names_only_a_language_the_letters_allow() -> None:
    assert detect_language(ARABIC, "en") == "ar"  # a site template's lang="en-US"
    assert detect_language(ARABIC, "fr") == "ar"  # an editor's default /Lang fr-FR
    assert detect_language(FRENCH, "fr") == "fr"  # Latin letters: French is allowed
    assert detect_language(ENGLISH, "ar") == "en"  # an English article on an Arabic site
    assert detect_language(PERSIAN, "ar") == "fa"
    assert detect_language("١٢٣", "ar") == "ar"  # no letters: the metadata stands


def test_persian_typed_with_arabic_kaf_and_yeh_is_still_persian() -> None:
    # Older Persian files (cp1256 keyboards) write ك and ي; پ چ ژ گ still give them away.
    old = PERSIAN.replace("ک", "ك").replace("ی", "ي")
    assert detect_language(old) in {"fa", "ar"}
    assert detect_language("پرچم گچ ژاله چگونه پیگیری " + old) == "fa"


def test_an_arabic_name_in_persian_does_not_make_it_arabic() -> None:
    assert detect_language(PERSIAN + " «الجزيرة» ") == "fa"
    assert detect_language(ARABIC + " گفت ") == "ar"


def test_mixed_document_gets_the_majority_language() -> None:
    assert detect_language(f"{ARABIC} {ARABIC} {ENGLISH}") == "ar"
    assert detect_language(f"{ENGLISH} {ENGLISH} {ENGLISH} {ARABIC}") == "en"
    text = f"{ENGLISH}\n\n" + "\n\n".join([ARABIC] * 6) + "\n"
    doc = parse_bytes(text.encode("utf-8"), "mixed.txt")
    assert doc.language == "ar"  # an English opening paragraph does not decide


def test_arabic_page_marked_english_imports_as_arabic() -> None:
    page = f'<html lang="en-US"><head><title>خبر</title></head><body><article><p>{ARABIC}</p><p>{ARABIC} 🌸</p></article></body></html>'
    assert parse_bytes(page.encode("utf-8"), "page.html").language == "ar"


def test_persian_and_urdu_text_files() -> None:
    assert parse_bytes(f"{PERSIAN}\n\n{PERSIAN}\n".encode(), "fa.txt").language == "fa"
    assert parse_bytes(f"{URDU}\n\n{URDU}\n".encode(), "ur.txt").language == "ur"
