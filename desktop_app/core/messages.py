"""Messages the core gives people, by stable code: one English template each, with {params}.

The window translates a message by its code (the template is the source text of the
"Messages" context in i18n/), so an Arabic interface shows import failures in Arabic; the
command line prints the English text. `QT_TRANSLATE_NOOP` only marks a string for lupdate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Return text unchanged; pyside6-lupdate collects it for translation under context."""
    del context
    return text


MESSAGES: dict[str, str] = {
    # importing files
    "import.no_such_file": QT_TRANSLATE_NOOP("Messages", "no such file"),
    "import.is_folder": QT_TRANSLATE_NOOP("Messages", "is a folder"),
    "import.empty": QT_TRANSLATE_NOOP("Messages", "empty file"),
    "import.no_text": QT_TRANSLATE_NOOP("Messages", "no text found in the file"),
    "import.unsupported": QT_TRANSLATE_NOOP("Messages", "unsupported file type {ext}"),
    "import.too_large": QT_TRANSLATE_NOOP(
        "Messages", "file too large: {size_mb} MB (the limit is {limit_mb} MB)"
    ),
    "import.part_too_large": QT_TRANSLATE_NOOP(
        "Messages", "a part of the file unpacks to over {limit_mb} MB: refused (a zip bomb?)"
    ),
    "import.text_too_large": QT_TRANSLATE_NOOP(
        "Messages", "the text is over {limit_mb} MB: too long for one article"
    ),
    "import.timeout": QT_TRANSLATE_NOOP(
        "Messages", "took too long: reading stopped after {seconds} s"
    ),
    "import.out_of_memory": QT_TRANSLATE_NOOP(
        "Messages", "could not be read: the parser ran out of memory"
    ),
    "import.parser_stopped": QT_TRANSLATE_NOOP(
        "Messages", "could not be read: the parser stopped ({reason})"
    ),
    "import.cannot_read": QT_TRANSLATE_NOOP("Messages", "cannot read the file: {reason}"),
    "import.parser_error": QT_TRANSLATE_NOOP("Messages", "cannot read this file ({reason})"),
    "import.undecodable_bom": QT_TRANSLATE_NOOP(
        "Messages", "undecodable bytes after a {encoding} byte-order mark (at byte {offset})"
    ),
    "import.undecodable_controls": QT_TRANSLATE_NOOP(
        "Messages", "undecodable bytes: control characters, not a text file"
    ),
    "import.undecodable": QT_TRANSLATE_NOOP(
        "Messages",
        "undecodable bytes: not UTF-8, UTF-16, Windows-1256, ISO-8859-6 or another known encoding",
    ),
    "import.html_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "cannot read this HTML page ({reason})"
    ),
    "import.docx_corrupt": QT_TRANSLATE_NOOP("Messages", "corrupt or truncated .docx file"),
    "import.epub_corrupt": QT_TRANSLATE_NOOP("Messages", "corrupt or truncated EPUB file"),
    "import.epub_drm": QT_TRANSLATE_NOOP(
        "Messages", "this EPUB is protected (DRM) and cannot be read"
    ),
    "import.pdf_corrupt": QT_TRANSLATE_NOOP("Messages", "corrupt or truncated PDF file"),
    "import.pdf_no_text": QT_TRANSLATE_NOOP(
        "Messages", "this PDF has no text layer (a scanned PDF?): run OCR on it first"
    ),
    "import.pdf_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "the text layer cannot be read: run OCR on it first"
    ),
    # fetching a page by its address (core.web.fetch)
    "web.bad_address": QT_TRANSLATE_NOOP("Messages", "not a web address: {url}"),
    "web.timeout": QT_TRANSLATE_NOOP("Messages", "no answer from {host} within {seconds} s"),
    "web.not_found": QT_TRANSLATE_NOOP("Messages", "not found on {host} ({status})"),
    "web.forbidden": QT_TRANSLATE_NOOP("Messages", "{host} refused access ({status})"),
    "web.http_error": QT_TRANSLATE_NOOP("Messages", "{host} answered {status}"),
    "web.too_large": QT_TRANSLATE_NOOP(
        "Messages", "too large: {size_mb} MB (the limit is {limit_mb} MB)"
    ),
    "web.too_large_stream": QT_TRANSLATE_NOOP(
        "Messages", "too large: over {limit_mb} MB, the download was stopped"
    ),
    "web.bad_redirect": QT_TRANSLATE_NOOP(
        "Messages", "{host} redirected to a {scheme} address: refused (only http and https)"
    ),
    "web.too_many_redirects": QT_TRANSLATE_NOOP("Messages", "more than {count} redirects"),
    "web.unsupported_type": QT_TRANSLATE_NOOP(
        "Messages", "not a web page or a PDF: the server sent {type}"
    ),
    "web.no_network": QT_TRANSLATE_NOOP(
        "Messages", "cannot reach {host}: no network, or no such site"
    ),
    "web.refused": QT_TRANSLATE_NOOP("Messages", "{host} refused the connection"),
    "web.tls": QT_TRANSLATE_NOOP("Messages", "no secure connection to {host}: {reason}"),
    "web.failed": QT_TRANSLATE_NOOP("Messages", "could not fetch from {host}: {reason}"),
    "clipboard.no_text": QT_TRANSLATE_NOOP(
        "Messages", "the clipboard holds no text to make an article of"
    ),
    # news feeds (core.feeds)
    "feeds.not_a_feed": QT_TRANSLATE_NOOP("Messages", "not a news feed (RSS or Atom): {reason}"),
    "feeds.no_such_feed": QT_TRANSLATE_NOOP("Messages", "no feed with id {id}"),
    "feeds.exists": QT_TRANSLATE_NOOP("Messages", "this feed is followed already (id {id})"),
    # what the import report says about a document that did import
    "import.remark_revisions": QT_TRANSLATE_NOOP(
        "Messages",
        "the document had tracked changes: imported as accepted"
        " (insertions kept: {insertions}, deletions dropped: {deletions})",
    ),
    "import.remark_comments": QT_TRANSLATE_NOOP(
        "Messages", "reviewer comments imported as notes: {count}"
    ),
    "import.remark_notes": QT_TRANSLATE_NOOP(
        "Messages", "footnotes, endnotes and text boxes imported: {count}"
    ),
    "import.remark_reflowed": QT_TRANSLATE_NOOP(
        "Messages", "the text was wrapped at a fixed width: its lines were joined into paragraphs"
    ),
    "import.remark_visual_order": QT_TRANSLATE_NOOP(
        "Messages", "lines stored in visual order were put back in reading order: {count}"
    ),
    "import.remark_kashida": QT_TRANSLATE_NOOP(
        "Messages",
        "justified lines were reassembled and their stretching (tatweel) removed: {count}",
    ),
    "import.remark_running_heads": QT_TRANSLATE_NOOP(
        "Messages", "running headers and footers repeated on every page were left out: {count}"
    ),
    "import.pdf_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "this PDF is protected by a password: remove the protection, then import it again",
    ),
    "import.pdf_aes": QT_TRANSLATE_NOOP(
        "Messages", "this PDF is encrypted with AES, which needs the cryptography package"
    ),
    # opening a library
    "library.schema_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "the library at {folder} was written by a newer Hamish (schema {found}; this one knows"
        " {known}): update Hamish to open it",
    ),
    "library.locked": QT_TRANSLATE_NOOP(
        "Messages", "the library at {folder} is locked by another program: {reason}"
    ),
    "library.unwritable": QT_TRANSLATE_NOOP(
        "Messages", "the library at {folder} cannot be written: {reason}"
    ),
    "library.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "the library at {folder} cannot be opened: {reason}"
    ),
    "library.ended_unexpectedly": QT_TRANSLATE_NOOP(
        "Messages",
        "Hamish was stopped before it closed this library (process {pid}); everything saved"
        " is kept, and the search index is brought up to date",
    ),
    "library.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "the library at {folder} cannot be opened: its disk is full; free some space and try again",
    ),
    "library.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "the library at {folder} is read-only (a read-only disk or folder): it can be read"
        " and searched, not changed",
    ),
    "library.read_only_window": QT_TRANSLATE_NOOP(
        "Messages",
        "the library at {folder} is on a read-only disk or folder: copy it to a folder you"
        " can write to, or read and search it with the hamish command",
    ),
    # the search index being rebuilt in the background
    "index.rebuilding": QT_TRANSLATE_NOOP("Messages", "indexing: {percent}%"),
    "index.partial_results": QT_TRANSLATE_NOOP(
        "Messages",
        "indexing: {percent}%; until it ends, results come from the part already indexed",
    ),
    # a write the disk refused: nothing was half-written
    "storage.full": QT_TRANSLATE_NOOP(
        "Messages",
        "the disk is full: nothing was saved in {path}; free some space and try again",
    ),
    "storage.read_only": QT_TRANSLATE_NOOP(
        "Messages", "{path} is on a read-only disk or folder: nothing was saved"
    ),
    # moving, opening or creating a library from Preferences
    "relocate.same_folder": QT_TRANSLATE_NOOP("Messages", "the library is already at {folder}"),
    "relocate.nested": QT_TRANSLATE_NOOP(
        "Messages", "{folder} is inside the library, or holds it: choose a folder elsewhere"
    ),
    "relocate.not_empty": QT_TRANSLATE_NOOP(
        "Messages", "{folder} is not empty: choose an empty folder"
    ),
    "relocate.not_a_library": QT_TRANSLATE_NOOP(
        "Messages", "{folder} does not hold a Hamish library"
    ),
    "relocate.damaged": QT_TRANSLATE_NOOP(
        "Messages", "the library at {folder} is damaged: {reason}"
    ),
    "relocate.copy_failed": QT_TRANSLATE_NOOP(
        "Messages", "the library could not be copied: {reason}"
    ),
    "relocate.verify_failed": QT_TRANSLATE_NOOP(
        "Messages", "the copy of the library did not match the original: {reason}"
    ),
    "relocate.cancelled": QT_TRANSLATE_NOOP("Messages", "the move was cancelled"),
    # backups and restoring them
    "backup.not_found": QT_TRANSLATE_NOOP("Messages", "no such backup: {path}"),
    "backup.cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "cannot write the backup to {path}: {reason}"
    ),
    "backup.cancelled": QT_TRANSLATE_NOOP(
        "Messages", "cancelled: nothing was written and nothing was changed"
    ),
    "backup.not_zip": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a zip archive, or it is truncated"
    ),
    "backup.truncated": QT_TRANSLATE_NOOP("Messages", "{name} is truncated: {member} is cut short"),
    "backup.no_manifest": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a Hamish backup (it has no manifest.json)"
    ),
    "backup.bad_manifest": QT_TRANSLATE_NOOP(
        "Messages", "the manifest of {name} is not valid: {reason}"
    ),
    "backup.format_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was written by a newer Hamish (archive format {found}; this one reads {known})",
    ),
    "backup.unsafe_member": QT_TRANSLATE_NOOP(
        "Messages", "{name} is refused: the member {member} would be written outside the library"
    ),
    "backup.symlink_member": QT_TRANSLATE_NOOP(
        "Messages", "{name} is refused: the member {member} is a symbolic link"
    ),
    "backup.unexpected_member": QT_TRANSLATE_NOOP(
        "Messages", "{name} is refused: unexpected member {member}"
    ),
    "backup.index_member": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is refused: it holds a search index ({member}); the index is rebuilt, never restored",
    ),
    "backup.duplicate_member": QT_TRANSLATE_NOOP(
        "Messages", "{name} is refused: {member} is in it twice"
    ),
    "backup.missing_member": QT_TRANSLATE_NOOP(
        "Messages", "{name} is incomplete: {member}, listed in its manifest, is missing"
    ),
    "backup.unsupported_member": QT_TRANSLATE_NOOP(
        "Messages", "{name} is refused: {member} is encrypted or compressed in an unknown way"
    ),
    "backup.bomb": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is refused: {member} inflates beyond its declared size of {size} bytes"
        " (damaged, or a zip bomb)",
    ),
    "backup.size_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{name} is damaged: {member} has {actual} bytes, its manifest says {declared}"
    ),
    "backup.hash_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{name} is damaged: {member} does not match its checksum"
    ),
    "backup.no_space": QT_TRANSLATE_NOOP(
        "Messages", "not enough free space at {folder}: {need_mb} MB needed, {free_mb} MB free"
    ),
    "backup.damaged_db": QT_TRANSLATE_NOOP(
        "Messages", "the database in {name} is damaged: {reason}"
    ),
    "backup.not_hamish_db": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a Hamish library database"
    ),
    "backup.schema_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was written by a newer Hamish (schema {found}; this one knows {known}):"
        " update Hamish to restore it",
    ),
    "backup.target_not_empty": QT_TRANSLATE_NOOP(
        "Messages", "{folder} is not empty and holds no Hamish library: choose an empty folder"
    ),
    "backup.restore_failed": QT_TRANSLATE_NOOP(
        "Messages", "the restore failed: {reason}; the library is as it was"
    ),
}

_PARAM = re.compile(r"\{(\w+)\}")


def fill(template: str, params: Mapping[str, object]) -> str:
    """Put params into a template's {name} places (a missing one stays as written)."""
    return _PARAM.sub(lambda m: str(params[m[1]]) if m[1] in params else m[0], template)


def render(code: str, params: Mapping[str, object]) -> str:
    """The English text of a message code with its parameters."""
    return fill(MESSAGES[code], params)
