"""Documents made by real producers (LibreOffice, Chromium, fpdf2, python-docx, web page shapes).

Each module here turns a source article (title and paragraphs we wrote or took from the corpus)
into files the way a real producer writes them, and says what an importer should read back.
The tests and bench/fidelity.py both use them; compare what comes out with what went in, word
for word.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """What the author wrote: a headline and the paragraphs of the body."""

    title: str
    paragraphs: tuple[str, ...]
    language: str = "ar"
    source: str = ""  # the outlet's name
    author: str = ""
    published: str = ""  # ISO date the outlet printed


@dataclass(frozen=True)
class Generated:
    """One generated file and what an importer must read back from it."""

    name: str  # file name, with the extension that picks the importer
    data: bytes
    source: Source
    producer: str  # e.g. "chromium-print", "libreoffice-pdf", "fpdf2-harfbuzz", "html-br"
    # When the producer adds text the author did not write as body (a lead kept as a paragraph,
    # say), the paragraphs expected instead of source.paragraphs; empty means source.paragraphs.
    expected: tuple[str, ...] = field(default=())

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return self.expected or self.source.paragraphs


def words(text: str) -> list[str]:
    """The words of a text, for word-for-word comparison (whitespace only separates)."""
    return text.split()


def which(*names: str) -> str | None:
    """The first of the named programs on PATH, or None."""
    for n in names:
        path = shutil.which(n)
        if path:
            return path
    return None


SOFFICE = which("soffice", "libreoffice")
CHROMIUM = which("chromium", "chromium-browser", "google-chrome")

# Texts for the tests: Arabic, mixed Arabic/English with numbers, harakat, a non-BMP emoji.
ARABIC = Source(
    title="الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق الريفية",
    paragraphs=(
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة.",
        "وأضاف الوزير أن المرحلة الأولى ستبدأ في الشهر المقبل، وستغطي عشر محافظات في شمال البلاد وجنوبها.",
        "ورحب اتحاد المزارعين بالقرار، معتبرا أنه خطوة مهمة نحو تحقيق الأمن الغذائي في السنوات القادمة.",
    ),
    source="الجريدة",
    author="سارة الخطيب",
    published="2024-03-15",
)
MIXED = Source(
    title="قمة NATO في واشنطن تبحث ميزانية 2025",
    paragraphs=(
        "اجتمع قادة حلف شمال الأطلسي (NATO) في واشنطن يوم 9 يوليو 2024 لبحث الميزانية.",
        "وقال الأمين العام Jens Stoltenberg إن الإنفاق الدفاعي ارتفع بنسبة 18% هذا العام.",
        "The summit ended with a joint statement on Ukraine and the Middle East.",
    ),
    source="وكالة الأنباء",
    published="2024-07-10",
)
HARAKAT = Source(
    title="قَصِيدَةٌ فِي وَصْفِ الرَّبِيعِ",
    paragraphs=(
        "جَاءَ الرَّبِيعُ الطَّلْقُ يَخْتَالُ ضَاحِكًا مِنَ الحُسْنِ حَتَّى كَادَ أَنْ يَتَكَلَّمَا",
        "وَقَدْ نَبَّهَ النَّيْرُوزُ فِي غَسَقِ الدُّجَى أَوَائِلَ وَرْدٍ كُنَّ بِالأَمْسِ نُوَّمَا",
    ),
    published="2023-04-01",
)
EMOJI = Source(
    title="مهرجان الربيع يعود إلى المدينة 🌸",
    paragraphs=(
        "عاد مهرجان الربيع إلى المدينة هذا الأسبوع بعد غياب دام ثلاث سنوات 🌸 وسط حضور كبير.",
        "وقالت اللجنة المنظمة إن عدد الزوار تجاوز 20 ألفا في اليوم الأول 🎉 من المهرجان.",
    ),
)
SOURCES = (ARABIC, MIXED, HARAKAT, EMOJI)
