"""Capture from the web in the window: Import from address, a dropped link, Paste as new article."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.ui.dialogs.address_dialog import AddressDialog, address_lines
from desktop_app.ui.dialogs.import_report import ImportReport
from desktop_app.ui.dialogs.paste_dialog import PasteDialog
from desktop_app.ui.web_capture import dropped_items
from tests.web_pages import SITE, STORIES, article_page
from tests.webserver import WebServer

STORY = STORIES[0]

HEADLINE = "الوزير يعلن خطة المياه 💧"
PARAGRAPHS = [
    "أعلن الوزير يوم الثلاثاء خطة جديدة لإدارة المياه، تشمل بناء ثلاثة سدود خلال السنوات الخمس المقبلة.",
    '"The plan is ambitious," قال خبير من World Bank في مقابلة مع الصحيفة.',
    "وَأَكَّدَ الوَزِيرُ أَنَّ الحُكُومَةَ مُلْتَزِمَةٌ بِالخُطَّةِ.",
]
SOURCE = "https://www.example.org/ar/2024/05/water?utm_source=x"


def chromium_selection() -> str:
    """A selection as Chromium puts it on the clipboard (text/html)."""
    body = f"<h1>{html.escape(HEADLINE)}</h1>" + "".join(
        f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS
    )
    return f"<html><body>\r\n<!--StartFragment-->{body}<!--EndFragment-->\r\n</body>\r\n</html>"


@pytest.fixture(autouse=True)
def _clipboard_emptied() -> Iterator[None]:
    """The clipboard owns the mime data a test puts on it; emptied while the application is
    there, it frees them now, not at the interpreter's exit (where that crashes)."""
    yield
    QApplication.clipboard().clear()


def put_on_clipboard(markup: str, text: str, source: str = "") -> None:
    mime = QMimeData()
    if markup:
        mime.setHtml(markup)
    if text:
        mime.setText(text)
    if source:  # Firefox's own format for the page a selection comes from (UTF-16)
        mime.setData("text/x-moz-url-priv", source.encode("utf-16-le"))
    QApplication.clipboard().setMimeData(mime)


def paste_dialog(window, qtbot) -> PasteDialog:  # type: ignore[no-untyped-def]
    window.registry["paste_article"].trigger()
    qtbot.waitUntil(lambda: isinstance(window.web.dialog, PasteDialog), timeout=10000)
    dialog = window.web.dialog
    assert isinstance(dialog, PasteDialog) and dialog.isVisible()
    return dialog


def test_paste_as_new_article_with_arabic_html_and_its_source(window, qtbot) -> None:
    lib = window.lib
    before = set(lib.article_ids())
    put_on_clipboard(chromium_selection(), "\n".join(PARAGRAPHS), SOURCE)
    dialog = paste_dialog(window, qtbot)
    assert dialog.title_edit.text() == HEADLINE
    assert dialog.source_edit.text() == "example.org"
    assert dialog.url_edit.text() == SOURCE
    assert dialog.title_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.preview.toPlainText().split("\n")[:3] == PARAGRAPHS
    dialog.source_edit.setText("جريدة المثال")
    dialog.tags_edit.setText("مياه، Water 💧")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: set(lib.article_ids()) - before != set(), timeout=10000)
    (aid,) = set(lib.article_ids()) - before
    art = lib.get_article(aid)
    assert art.title == HEADLINE
    assert [p.text for p in art.paragraphs] == PARAGRAPHS
    assert art.url == SOURCE and art.source == "جريدة المثال"
    assert sorted(art.tags) == sorted(["مياه", "Water 💧"])
    assert art.format == "html" and art.original_name == "clipboard.html"
    original = lib.original_path(art.original_sha256, art.original_name)
    assert original.read_bytes() == chromium_selection().encode("utf-8")
    qtbot.waitUntil(lambda: window.session.article_id == aid, timeout=5000)
    assert window.reader.browser.toPlainText().startswith(PARAGRAPHS[0])
    qtbot.waitUntil(lambda: aid in window.library.model.ids, timeout=5000)  # the list reloaded
    assert "added" in window.status_label.text()


def test_pasting_the_same_article_again_opens_the_one_there(window, qtbot) -> None:
    lib = window.lib
    put_on_clipboard(chromium_selection(), "")
    paste_dialog(window, qtbot).ok_button.click()
    qtbot.waitUntil(lambda: window.session.article_id is not None, timeout=10000)
    first = window.session.article_id
    count = len(lib.article_ids())
    window.open_article(next(i for i in lib.article_ids() if i != first))
    paste_dialog(window, qtbot).ok_button.click()
    qtbot.waitUntil(lambda: window.session.article_id == first, timeout=10000)
    assert len(lib.article_ids()) == count
    assert "already in the library" in window.status_label.text()


def test_plain_text_on_the_clipboard_becomes_an_article(window, qtbot) -> None:
    lib = window.lib
    before = set(lib.article_ids())
    put_on_clipboard("", f"{HEADLINE}\n\n" + "\n\n".join(PARAGRAPHS))
    dialog = paste_dialog(window, qtbot)
    assert dialog.title_edit.text() == HEADLINE
    assert dialog.url_edit.text() == "" and dialog.source_edit.text() == ""
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: set(lib.article_ids()) - before != set(), timeout=10000)
    (aid,) = set(lib.article_ids()) - before
    art = lib.get_article(aid)
    assert [p.text for p in art.paragraphs] == PARAGRAPHS and art.format == "txt"
    assert art.original_name == ""


def test_an_address_that_is_not_http_keeps_ok_disabled(window, qtbot) -> None:
    put_on_clipboard(chromium_selection(), "")
    dialog = paste_dialog(window, qtbot)
    dialog.url_edit.setText("file:///etc/passwd")
    assert not dialog.ok_button.isEnabled()
    dialog.url_edit.setText("")
    assert dialog.ok_button.isEnabled()
    dialog.reject()


def test_an_empty_clipboard_says_so_without_a_dialog(window, qtbot) -> None:
    lib = window.lib
    count = len(lib.article_ids())
    QApplication.clipboard().clear()
    put_on_clipboard("", "   \n ")
    window.registry["paste_article"].trigger()
    assert window.web.dialog is None and window.web.task is None
    assert "no text" in window.status_label.text()
    put_on_clipboard('<img src="a.png">', "")  # HTML without any text
    window.registry["paste_article"].trigger()
    qtbot.waitUntil(lambda: window.web.task is None, timeout=10000)
    assert window.web.dialog is None
    assert "Nothing was pasted" in window.status_label.text()
    assert len(lib.article_ids()) == count


def test_the_paste_shortcut_and_the_menus(window) -> None:
    assert window.registry["paste_article"].shortcut().toString() == "Ctrl+Shift+V"
    assert window.registry["import_address"].shortcut().toString() == "Ctrl+L"
    titles = {
        act.text(): [a.objectName() for a in act.menu().actions()]
        for act in window.menuBar().actions()
        if act.menu() is not None
    }
    assert "action_import_address" in titles["&File"]
    assert "action_paste_article" in titles["&Edit"]


# -- the address dialog ----------------------------------------------------------------------
def test_address_lines_say_which_lines_are_not_addresses() -> None:
    text = "https://example.org/ar/مقال\n\nftp://example.org/x\nلا عنوان\nhttp://127.0.0.1:8000/a\nhttps://example.org/ar/مقال"
    found, bad = address_lines(text)
    assert found == ["https://example.org/ar/مقال", "http://127.0.0.1:8000/a"]
    assert bad == [3, 4]


def test_the_address_dialog_needs_one_address(qtbot, settings_dir) -> None:
    dialog = AddressDialog(None, text="")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setPlainText("مقال عن المياه")
    assert not dialog.ok_button.isEnabled()
    assert "1" in dialog.problems.text()
    dialog.edit.setPlainText("مقال عن المياه\nhttps://example.org/a\nfile:///etc/passwd")
    assert dialog.ok_button.isEnabled()
    assert "1, 3" in dialog.problems.text()
    assert dialog.addresses() == ["https://example.org/a"]
    dialog.tags_edit.setText("مياه ، Water 💧,")
    assert dialog.tags() == ["مياه", "Water 💧"]


def test_the_address_dialog_takes_addresses_from_the_clipboard(qtbot, settings_dir) -> None:
    put_on_clipboard("", "https://example.org/ar/1\nhttps://example.org/ar/2\n")
    dialog = AddressDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.addresses() == ["https://example.org/ar/1", "https://example.org/ar/2"]
    assert dialog.ok_button.isEnabled()
    put_on_clipboard("", "نص عادي ليس عنوانًا")
    other = AddressDialog(None)
    qtbot.addWidget(other)
    assert other.edit.toPlainText() == "" and not other.ok_button.isEnabled()


# -- dropping ----------------------------------------------------------------------------------
def test_what_a_drop_brings() -> None:
    links = QMimeData()
    links.setUrls([QUrl("https://example.org/ar/مقال"), QUrl("ftp://example.org/x")])
    assert dropped_items(links) == ["https://example.org/ar/مقال"]  # readable, as typed
    uri_list = QMimeData()
    uri_list.setData("text/uri-list", b"# a comment\r\nhttp://127.0.0.1:9/a\r\n")
    assert dropped_items(uri_list) == ["http://127.0.0.1:9/a"]
    text = QMimeData()
    text.setText("  https://example.org/news?id=7 \n")
    assert dropped_items(text) == ["https://example.org/news?id=7"]
    moz = QMimeData()  # Firefox's own link format: the address, a line break, the title
    moz.setData("text/x-moz-url", "https://example.org/ar/1\nخبر عاجل 📌".encode("utf-16-le"))
    assert dropped_items(moz) == ["https://example.org/ar/1"]
    prose = QMimeData()
    prose.setText("اقرأ https://example.org/news")
    assert dropped_items(prose) == []


def drop_on(window, mime: QMimeData) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    """Drag mime over the window and drop it; whether each event was accepted."""
    pos = QPoint(window.width() // 2, window.height() // 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    enter = QDragEnterEvent(
        pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dragEnterEvent(enter)
    drop = QDropEvent(
        QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_dropped_file_is_still_imported(window, qtbot, tmp_path: Path) -> None:
    lib = window.lib
    before = set(lib.article_ids())
    path = tmp_path / "مقال.txt"
    path.write_text("عنوان المقال\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert drop_on(window, mime) == (True, True)
    qtbot.waitUntil(lambda: window.imports.task is None and window.imports.last is not None)
    (aid,) = set(lib.article_ids()) - before
    assert [p.text for p in lib.get_article(aid).paragraphs] == PARAGRAPHS


def test_a_drop_of_nothing_importable_is_refused(window) -> None:
    mime = QMimeData()
    mime.setText("نص عادي")
    assert drop_on(window, mime) == (False, False)
    assert window.imports.task is None


# -- addresses on the loopback server ----------------------------------------------------------
def imported(window, qtbot) -> list:  # type: ignore[no-untyped-def]
    """Wait for the window's import to end; its results."""
    qtbot.waitUntil(
        lambda: window.imports.task is None and window.imports.last is not None, timeout=20000
    )
    results, cancelled = window.imports.last
    assert not cancelled
    return results


def close_reports() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ImportReport):
            widget.close()


def test_import_from_address_brings_an_arabic_page(window, qtbot, web: WebServer) -> None:
    lib = window.lib
    address = web.page(STORY.path, article_page(STORY))
    gone = web.url("/news/gone")  # 404
    put_on_clipboard("", address)
    window.registry["import_address"].trigger()
    dialog = window.web.dialog
    assert isinstance(dialog, AddressDialog) and dialog.isVisible()
    assert dialog.edit.toPlainText() == address  # taken from the clipboard
    dialog.edit.setPlainText(f"{address}\nليس عنوانًا\n{gone}")
    dialog.tags_edit.setText("مياه، Water 💧")
    assert dialog.ok_button.isEnabled() and "2" in dialog.problems.text()
    dialog.ok_button.click()
    results = imported(window, qtbot)
    assert [(r.path, r.status) for r in results] == [(address, "imported"), (gone, "failed")]
    assert results[1].error_code == "web.not_found"
    art = lib.get_article(results[0].article_id)
    assert art.url == address and art.title == STORY.title and art.source == SITE
    assert [p.text for p in art.paragraphs] == list(STORY.paragraphs)
    assert sorted(art.tags) == sorted(["مياه", "Water 💧"])
    assert window.imports.progress.format() == "%v of %m"
    qtbot.waitUntil(lambda: art.id in window.library.model.ids, timeout=5000)
    reports = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportReport)]
    assert reports and any(w.isVisible() for w in reports)  # the 404 is reported
    close_reports()


def test_a_link_dropped_from_a_browser_is_imported(window, qtbot, web: WebServer) -> None:
    lib = window.lib
    address = web.page(STORY.path, article_page(STORY))
    mime = QMimeData()  # what a browser gives for a dragged link
    mime.setUrls([QUrl(address)])
    mime.setText(address)
    mime.setHtml(f'<a href="{address}">{STORY.title}</a>')
    assert drop_on(window, mime) == (True, True)
    [result] = imported(window, qtbot)
    assert result.status == "imported", result.error
    art = lib.get_article(result.article_id)
    assert art.url == address and [p.text for p in art.paragraphs] == list(STORY.paragraphs)
    assert web.paths() == [STORY.path]


def test_an_address_dropped_as_plain_text_is_imported(window, qtbot, web: WebServer) -> None:
    story = STORIES[1]
    address = web.page(story.path, article_page(story))
    mime = QMimeData()
    mime.setText(f"  {address}\n")
    assert drop_on(window, mime) == (True, True)
    [result] = imported(window, qtbot)
    assert result.status == "imported", result.error
    assert window.lib.get_article(result.article_id).title == story.title
