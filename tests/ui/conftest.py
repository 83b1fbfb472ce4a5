"""Fixtures for the window tests: a library of team-written articles, settings in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402

from desktop_app.core.library import Library  # noqa: E402
from desktop_app.core.models import ImportedDocument  # noqa: E402
from desktop_app.core.text.paragraphs import build_paragraphs  # noqa: E402

ARABIC = [
    ("قرار الوزير الجديد", "heading", 1),
    "أعلن الوزير اليوم عن خطة جديدة لإصلاح التعليم في المدارس الحكومية، وقال إن الخطة تبدأ في العام المقبل.",
    "وأضاف أن الحكومة ستخصص ميزانية إضافية للمعلمين، مشيرًا إلى أن التنفيذ سيكون على ثلاث مراحل.",
    "وقال المتحدث باسم الوزارة إن النتائج الأولى ستظهر خلال ستة أشهر.",
]
ENGLISH = [
    "The minister announced a new plan to reform public schools on Monday.",
    "Critics said the budget was too small, and that the timeline was unrealistic.",
    "A spokesperson said the first results would be visible within six months.",
]
MIXED = [
    "قال التقرير إن النمو بلغ 3.5% هذا العام.",
    '"The outlook remains uncertain," قال المحلل الاقتصادي في مقابلة طويلة مع الصحيفة اليومية.',
    "The IMF report, published in Washington, cites وزارة المالية as its source for the figures.",
    "وختم بالقول إن الأرقام ستراجع في الربع القادم.",
]
HARAKAT = [
    "قَالَ الوَزِيرُ أَحْمَد إِنَّ القَرَارَ نِهَائِيٌّ.",
    "وَأَكَّدَ أَحْمَدُ أَنَّ الحُكُومَةَ مُلْتَزِمَةٌ بِالخُطَّةِ.",
]
EMOJI = [
    "📌 ملاحظة مهمة: الاجتماع غدًا في الساعة العاشرة.",
    "Pinned 📌 note: the meeting is tomorrow 🗓️ at ten.",
]


def add(
    lib: Library, title: str, paras: list, source: str = "", url: str = "", published: str = ""
) -> int:
    """Store a team-written article; returns its id."""
    doc = ImportedDocument(
        build_paragraphs(paras),
        title=title,
        source=source,
        url=url,
        published=published,
        format="txt",
    )
    res = lib.add_document(doc)
    assert res.article_id is not None
    return res.article_id


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    """QSettings redirected to tmp_path (INI format)."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Iterator[tuple[Library, dict[str, int]]]:
    """A library with Arabic, English, mixed, vocalised and emoji articles."""
    lib = Library(tmp_path / "lib")
    ids = {
        "arabic": add(
            lib, "خطة لإصلاح التعليم", ARABIC, "الأهرام", "https://example.org/ar", "2024-05-01"
        ),
        "english": add(
            lib, "School reform plan", ENGLISH, "Daily News", "https://example.org/en", "2024-05-02"
        ),
        "mixed": add(lib, "تقرير النمو Growth report", MIXED, "Reuters", "", "2024-05-03"),
        "harakat": add(lib, "القَرَارُ النِّهَائِيُّ", HARAKAT, "وكالة", "", "2024-05-04"),
        "emoji": add(lib, "📌 Pinned", EMOJI, "Notes", "", "2024-05-05"),
    }
    yield lib, ids
    lib.close()


@pytest.fixture
def window(qtbot, library, settings_dir):  # type: ignore[no-untyped-def]
    """The main window on the fixture library; the thread pool is drained at teardown."""
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow

    register_fonts()
    lib, _ids = library
    w = MainWindow(lib, theme="light")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    yield w
    w.close()
    w.runner.drain()
    QThreadPool.globalInstance().waitForDone(10000)
    assert QThreadPool.globalInstance().activeThreadCount() == 0


@pytest.fixture
def host(qtbot, library, settings_dir, monkeypatch):  # type: ignore[no-untyped-def]
    """A window host on the fixture library: it can replace the window by another library's
    (Preferences) or reopen it (a restore)."""
    from desktop_app.ui.fonts import register_fonts
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.window_host import WindowHost

    monkeypatch.delenv("HAMISH_LIBRARY", raising=False)
    register_fonts()
    lib, _ids = library
    h = WindowHost(lib, lambda lib: MainWindow(lib, theme="light"))
    h.window.show()
    yield h
    h.window.close()
    h.window.runner.drain()
    QThreadPool.globalInstance().waitForDone(10000)
    h.close()
