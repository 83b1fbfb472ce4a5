"""LibraryService: import, list, read, annotate, delete. Every write is one transaction."""

from __future__ import annotations

import errno
import hashlib
import re
import sqlite3
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.core import annotations as anchoring
from desktop_app.core import private
from desktop_app.core.errors import (
    HamishError,
    ImportFailed,
    InvalidInput,
    NotFound,
    QuoteNotFound,
    StorageError,
    storage_error,
)
from desktop_app.core.importers import check_size, expand_items
from desktop_app.core.importers.worker import Parser
from desktop_app.core.models import (
    Article,
    ArticleSummary,
    Changes,
    Highlight,
    ImportedComment,
    ImportedDocument,
    ImportResult,
    Label,
    Note,
    Paragraph,
)
from desktop_app.core.sessions import Ended, Session
from desktop_app.core.storage import annotations as sql_ann
from desktop_app.core.storage import articles as sql_art
from desktop_app.core.storage.db import (
    DB_NAME,
    connect,
    is_read_only,
    now_iso,
    read_only_place,
    transaction,
)
from desktop_app.core.text.normalize import find_all_folded
from desktop_app.core.text.paragraphs import build_paragraphs
from desktop_app.core.web.address import canonical

Listener = Callable[[Changes], None]
_COLOR = re.compile(r"#[0-9a-f]{6}")
ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


def content_hash(paragraphs: Sequence[Paragraph]) -> str:
    """Hash of an article's text, for dedupe (NFC text, paragraphs joined)."""
    return hashlib.sha256("\n".join(p.text for p in paragraphs).encode("utf-8")).hexdigest()


def with_offsets(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Paragraphs with `start` recomputed for the text joined by newlines."""
    out: list[Paragraph] = []
    start = 0
    for p in paragraphs:
        out.append(Paragraph(p.text, p.direction, p.kind, start, p.level))
        start += len(p.text) + 1
    return out


_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _remove(path: Path) -> None:
    """Remove a file left by a failed write (and its folder if now empty), if the disk lets us."""
    try:
        path.unlink(missing_ok=True)
        path.parent.rmdir()
    except OSError:  # the folder holds other originals, or the disk refuses
        pass


def _reported(path: str, step: Callable[[], ImportResult | None]) -> ImportResult | None:
    """One item's import: its failure becomes its result in one line, and the next goes on;
    a disk that refuses a write (StorageError) stops the whole import."""
    try:
        return step()
    except StorageError:
        raise
    except HamishError as exc:
        return ImportResult.failure(path, exc)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        return ImportResult.failure(path, ImportFailed(code="import.cannot_read", reason=reason))
    except Exception as exc:  # a parser library's own error: report it, keep going
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return ImportResult.failure(path, ImportFailed(code="import.parser_error", reason=reason))


class Library:
    """A library folder: library.sqlite3, originals/, and (for search) index/.

    The folder is private (0700, its files 0600; see desktop_app.core.private). One on a
    read-only disk opens read-only (`read_only`): it reads, and writes raise StorageReadOnly.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        if not read_only_place(self.folder / DB_NAME):
            private.prepare_folder(self.folder)
        self.conn: sqlite3.Connection = connect(self.folder / DB_NAME)
        self.read_only = is_read_only(self.conn)
        self._listeners: list[Listener] = []
        self.session = Session(self.folder)

    # -- plumbing ---------------------------------------------------------------------------
    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()
        self.session.close()

    @property
    def ended_sessions(self) -> list[Ended]:
        """Processes that had this library open and ended without closing it (a crash)."""
        return self.session.ended

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_listener(self, fn: Listener) -> None:
        """Call fn(changes) after every committed change."""
        self._listeners.append(fn)

    def remove_listener(self, fn: Listener) -> None:
        """Stop calling fn."""
        if fn in self._listeners:
            self._listeners.remove(fn)

    def notify(self, changes: Changes) -> Changes:
        """Tell every listener about a committed change (services built on the library use it)."""
        if changes:
            for fn in list(self._listeners):
                fn(changes)
        return changes

    @property
    def originals_dir(self) -> Path:
        """Where imported originals are kept, content-addressed."""
        return self.folder / "originals"

    def original_path(self, sha256: str, name: str) -> Path:
        """Path of a kept original file."""
        return self.originals_dir / sha256[:2] / f"{sha256}{Path(name).suffix.lower()}"

    # -- import -----------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        tags: Sequence[str] = (),
        results: list[ImportResult] | None = None,
    ) -> list[ImportResult]:
        """Import files, folders (recursively) and web addresses; a failure never stops the rest.

        `paths` may mix paths and http(s) addresses (strings; core.web fetches them, on this
        request only). Files and pages are parsed in one worker process (see importers.worker),
        stored here one transaction each. Each result is appended to `results` (when given) as
        soon as its item is done, so that a caller interrupted (KeyboardInterrupt) still has the
        finished ones.
        """
        files = list(expand_items(paths))
        out: list[ImportResult] = results if results is not None else []
        with Parser() as parser:
            for i, path in enumerate(files):
                if cancel is not None and cancel():
                    break
                try:
                    result = self._import_one(path, tags, parser, cancel)
                except StorageError as exc:  # a full or read-only disk: the next cannot fit
                    out.append(ImportResult.failure(str(path), exc))
                    break
                if result is None:
                    break  # cancelled while the file was being parsed
                out.append(result)
                if progress is not None:
                    progress(i + 1, len(files), str(path))
        return out

    def import_file(self, path: Path | str, tags: Sequence[str] = ()) -> ImportResult:
        """Import one file; errors become a failed ImportResult with a one-line reason."""
        with Parser() as parser:
            result = self._import_one(path, tags, parser)
        assert result is not None  # nothing cancels it
        return result

    def _import_one(
        self,
        path: Path | str,
        tags: Sequence[str],
        parser: Parser,
        cancel: CancelFn | None = None,
    ) -> ImportResult | None:
        if isinstance(path, str):
            return self.import_address(path, parser, tags, cancel)
        return _reported(str(path), lambda: self._read_and_add(path, tags, parser, cancel))

    def _read_and_add(
        self, path: Path, tags: Sequence[str], parser: Parser, cancel: CancelFn | None
    ) -> ImportResult | None:
        try:
            st = path.stat()  # one system call for existence, kind and size
        except OSError as exc:
            if exc.errno not in _MISSING:  # what Path.exists() would call missing
                raise
            raise ImportFailed(code="import.no_such_file") from None
        if stat.S_ISDIR(st.st_mode):
            raise ImportFailed(code="import.is_folder")
        check_size(st.st_size)
        data = path.read_bytes()
        doc = parser.parse(data, path.name, cancel)
        if doc is None:
            return None
        return self.add_document(
            doc, original=data, original_name=path.name, path=str(path), tags=tags
        )

    def import_address(
        self,
        address: str,
        parser: Parser,
        tags: Sequence[str] = (),
        cancel: CancelFn | None = None,
    ) -> ImportResult | None:
        """Fetch a page and import it; None when cancel() stopped it.

        An address whose canonical form an article already has is reported as that duplicate
        without being fetched; after the fetch, the page's own canonical address and its text
        are checked too. Failures are results (one line, a `web.*` code), never exceptions.
        """
        return _reported(address, lambda: self._fetch_and_add(address, tags, parser, cancel))

    def _fetch_and_add(
        self, address: str, tags: Sequence[str], parser: Parser, cancel: CancelFn | None
    ) -> ImportResult | None:
        from desktop_app.core.web.page import fetch_page, with_address

        existing = sql_art.find_by_canonical(self.conn, canonical(address))
        if existing is not None:
            return ImportResult(address, "duplicate", existing, None)
        page = fetch_page(address, cancel)
        if page is None:
            return None
        doc = parser.parse(page.data, page.name, cancel)
        if doc is None:
            return None
        return self.add_document(
            with_address(doc, page),
            original=page.fetched.data,
            original_name=page.name,
            path=address,
            tags=tags,
        )

    def add_document(
        self,
        doc: ImportedDocument,
        original: bytes | None = None,
        original_name: str = "",
        path: str = "",
        tags: Sequence[str] = (),
    ) -> ImportResult:
        """Store an imported document in one transaction; a duplicate is reported, not stored."""
        paragraphs = with_offsets(doc.paragraphs)
        if not paragraphs:
            return ImportResult.failure(path, ImportFailed(code="import.no_text"))
        digest = content_hash(paragraphs)
        key = canonical(doc.canonical_url)  # "" for what is no absolute http(s) address
        existing = sql_art.find_by_canonical(self.conn, key)
        if existing is None:
            existing = sql_art.find_by_hash(self.conn, digest)
        if existing is not None:
            return ImportResult(path, "duplicate", existing, None)
        sha = ""
        kept: Path | None = None
        if original is not None:
            sha = hashlib.sha256(original).hexdigest()
            kept = self._keep_original(sha, original_name, original)
        now = now_iso()
        fields: dict[str, Any] = {
            "title": doc.title.strip() or (paragraphs[0].text[:80]),
            "source": doc.source,
            "author": doc.author,
            "url": doc.url,
            "canonical_url": key,
            "published": doc.published,
            "language": doc.language,
            "format": doc.format,
            "content_hash": digest,
            "original_sha256": sha,
            "original_name": original_name,
            "encoding": doc.encoding,
            "imported_at": now,
            "updated_at": now,
        }
        try:
            with transaction(self.conn):
                aid = sql_art.insert_article(self.conn, fields)
                sql_art.replace_paragraphs(self.conn, aid, paragraphs)
                all_tags = list(doc.tags) + list(tags)
                if all_tags:
                    sql_art.set_tags(self.conn, aid, all_tags)
                hids, nids = self._store_comments(aid, paragraphs, doc.comments, now)
        except BaseException:
            if kept is not None:  # the original of an article that was not stored
                _remove(kept)
            raise
        self.notify(Changes(articles={aid}, tags=bool(all_tags), highlights=hids, notes=nids))
        return ImportResult(path, "imported", aid, None, remarks=list(doc.remarks))

    def _store_comments(
        self,
        article_id: int,
        paragraphs: Sequence[Paragraph],
        comments: Sequence[ImportedComment],
        now: str,
    ) -> tuple[set[int], set[int]]:
        """A document's reviewer comments as highlighted notes (inside the caller's transaction).

        A comment whose passage cannot be found becomes a note on the article that quotes it.
        """
        hids: set[int] = set()
        nids: set[int] = set()
        text = "\n".join(p.text for p in paragraphs)
        for c in comments:
            body = c.body.strip()
            if c.author:
                body += f"\n\n— {c.author}"
            created = c.created or now
            hid: int | None = None
            after = paragraphs[c.paragraph].start if 0 <= c.paragraph < len(paragraphs) else 0
            hits = anchoring.occurrences(text, c.quote) if c.quote else []
            start = next((h for h in hits if h >= after), None)
            if start is not None:
                end = start + len(c.quote)
                fields = self._highlight_fields(text, article_id, start, end, 1, created)
                hid = sql_ann.insert_highlight(self.conn, fields)
                hids.add(hid)
            elif c.quote.strip():
                body = f"> {' '.join(c.quote.split())}\n\n{body}"
            nid = sql_ann.insert_note(self.conn, self._note_fields(body, article_id, hid, created))
            nids.add(nid)
        return hids, nids

    @staticmethod
    def _note_fields(
        body: str, article_id: int | None, highlight_id: int | None, now: str
    ) -> dict[str, Any]:
        return {
            "body": body,
            "article_id": article_id,
            "highlight_id": highlight_id,
            "created_at": now,
            "updated_at": now,
        }

    @staticmethod
    def _highlight_fields(
        text: str, article_id: int, start: int, end: int, label_id: int, now: str
    ) -> dict[str, Any]:
        exact, prefix, suffix = anchoring.selector(text, start, end)
        return {
            "article_id": article_id,
            "start": start,
            "end": end,
            "exact": exact,
            "prefix": prefix,
            "suffix": suffix,
            "label_id": label_id,
            "orphaned": 0,
            "created_at": now,
            "updated_at": now,
        }

    def _keep_original(self, sha: str, name: str, data: bytes) -> Path | None:
        """Keep the imported file; returns its path when written now (None: kept before)."""
        target = self.original_path(sha, name)
        if target.exists():
            return None
        part = target.with_name(target.name + ".part")
        try:
            try:
                part.write_bytes(data)
            except FileNotFoundError:  # its folder is not there yet: one mkdir a folder
                target.parent.mkdir(parents=True, exist_ok=True)
                part.write_bytes(data)
            part.replace(target)
        except OSError as exc:
            _remove(part)
            mapped = storage_error(exc, self.folder)
            if mapped is None:
                raise
            raise mapped from exc
        except BaseException:  # Ctrl+C mid-write: no half file left beside the originals
            _remove(part)
            raise
        return target

    # -- articles ---------------------------------------------------------------------------
    def article_ids(
        self, text: str = "", tag: str | None = None, sort: str = "imported", trash: bool = False
    ) -> list[int]:
        """Ids of articles matching a filter, in display order."""
        return sql_art.article_ids(self.conn, text, tag, sort, trash)

    def article_count(self, trash: bool = False) -> int:
        """How many articles the library holds (or the trash, with trash=True)."""
        return sql_art.article_count(self.conn, trash)

    def summaries(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        """Summaries for a page of ids."""
        return sql_art.summaries(self.conn, ids)

    def list_articles(
        self, text: str = "", tag: str | None = None, sort: str = "imported", trash: bool = False
    ) -> list[ArticleSummary]:
        """Summaries of every matching article, in order."""
        ids = self.article_ids(text, tag, sort, trash)
        rows = self.summaries(ids)
        return [rows[i] for i in ids if i in rows]

    def get_article(self, article_id: int) -> Article:
        """An article with paragraphs and tags; NotFound when there is none."""
        art = sql_art.get_article(self.conn, article_id)
        if art is None:
            raise NotFound(f"no article with id {article_id}")
        return art

    def update_metadata(self, article_id: int, **fields: str) -> Changes:
        """Change title, source, author, url, published or language."""
        allowed = {"title", "source", "author", "url", "published", "language"}
        bad = set(fields) - allowed
        if bad:
            raise InvalidInput(f"cannot set {', '.join(sorted(bad))}")
        self.get_article(article_id)
        with transaction(self.conn):
            sql_art.update_article(self.conn, article_id, {**fields, "updated_at": now_iso()})
        return self.notify(Changes(articles={article_id}))

    def update_text(self, article_id: int, texts: Sequence[str | tuple[str, Any]]) -> Changes:
        """Replace an article's text; its highlights re-anchor by quote, or become orphans."""
        art = self.get_article(article_id)
        paragraphs = build_paragraphs(texts)
        new_text = "\n".join(p.text for p in paragraphs)
        changed: set[int] = set()
        with transaction(self.conn):
            for h in sql_ann.article_highlights(self.conn, article_id):
                a = anchoring.reanchor(new_text, h.start, h.end, h.exact, h.prefix, h.suffix)
                fields: dict[str, Any] = {
                    "start": a.start,
                    "end": a.end,
                    "orphaned": int(a.orphaned),
                }
                if not a.orphaned:
                    exact, prefix, suffix = anchoring.selector(new_text, a.start, a.end)
                    fields.update(exact=exact, prefix=prefix, suffix=suffix)
                sql_ann.update_highlight(self.conn, h.id, fields)
                changed.add(h.id)
            sql_art.replace_paragraphs(self.conn, article_id, paragraphs)
            sql_art.update_article(
                self.conn,
                article_id,
                {"content_hash": content_hash(paragraphs), "updated_at": now_iso()},
            )
        del art
        return self.notify(Changes(articles={article_id}, highlights=changed))

    def set_reading_position(self, article_id: int, position: int) -> None:
        """Remember where the reader was (code-point offset); not a change others redraw for."""
        with transaction(self.conn):
            sql_art.update_article(self.conn, article_id, {"reading_position": int(position)})

    def mark_opened(self, article_id: int) -> bool:
        """Remember that the article has been opened (a feed counts the others as unread).

        Only the first opening writes (a read tells, without the write lock); True when this
        call did. Not a change others redraw for.
        """
        row = self.conn.execute(
            "SELECT opened_at IS NULL FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None or not row[0]:
            return False
        with transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE articles SET opened_at = ? WHERE id = ? AND opened_at IS NULL",
                (now_iso(), article_id),
            )
        return cur.rowcount > 0

    def delete_article(self, article_id: int) -> Changes:
        """Move an article to the trash (restorable)."""
        self.get_article(article_id)
        with transaction(self.conn):
            sql_art.update_article(self.conn, article_id, {"deleted_at": now_iso()})
        return self.notify(Changes(articles={article_id}))

    def restore_article(self, article_id: int) -> Changes:
        """Bring an article back from the trash."""
        self.get_article(article_id)
        with transaction(self.conn):
            sql_art.update_article(self.conn, article_id, {"deleted_at": None})
        return self.notify(Changes(articles={article_id}))

    def purge_article(self, article_id: int) -> Changes:
        """Delete an article for good, with its highlights and notes."""
        hls = {h.id for h in sql_ann.article_highlights(self.conn, article_id)}
        with transaction(self.conn):
            sql_art.delete_article_row(self.conn, article_id)
        return self.notify(Changes(articles={article_id}, highlights=hls))

    def set_tags(self, article_id: int, tags: Sequence[str]) -> Changes:
        """Replace the tags of an article."""
        self.get_article(article_id)
        with transaction(self.conn):
            sql_art.set_tags(self.conn, article_id, tags)
        return self.notify(Changes(articles={article_id}, tags=True))

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with its article count."""
        return sql_art.all_tags(self.conn)

    def get_setting(self, key: str) -> str | None:
        """A setting stored in the library (travels with the folder)."""
        return sql_art.get_setting(self.conn, key)

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting in the library."""
        with transaction(self.conn):
            sql_art.set_setting(self.conn, key, value)

    # -- labels -----------------------------------------------------------------------------
    def labels(self) -> list[Label]:
        """The six labels."""
        return sql_ann.labels(self.conn)

    def label_id(self, name_or_id: str | int) -> int:
        """Resolve a label by id or (case-insensitive) name; NotFound otherwise."""
        labels = self.labels()
        for lab in labels:
            if str(lab.id) == str(name_or_id) or lab.name.casefold() == str(name_or_id).casefold():
                return lab.id
        names = ", ".join(lab.name for lab in labels)
        raise NotFound(f"no label {name_or_id!r} (labels: {names})")

    def rename_label(self, label_id: int, name: str) -> Changes:
        """Rename one of the six labels."""
        name = name.strip()
        if not name:
            raise InvalidInput("a label needs a name")
        with transaction(self.conn):
            sql_ann.rename_label(self.conn, label_id, name)
        return self.notify(Changes(labels=True))

    def set_label_color(self, label_id: int, color: str) -> Changes:
        """Give one of the six labels another colour (#rrggbb)."""
        color = color.strip().lower()
        if not _COLOR.fullmatch(color):
            raise InvalidInput(f"a label colour is #rrggbb, not {color!r}")
        if label_id not in {lab.id for lab in self.labels()}:
            raise NotFound(f"no label {label_id}")
        with transaction(self.conn):
            sql_ann.set_label_color(self.conn, label_id, color)
        return self.notify(Changes(labels=True))

    # -- highlights -------------------------------------------------------------------------
    def add_highlight(
        self,
        article_id: int,
        start: int,
        end: int,
        label_id: int = 1,
        note: str = "",
        highlight_id: int | None = None,
    ) -> Highlight:
        """Highlight text[start:end] (code points) of an article, optionally with a note."""
        art = self.get_article(article_id)
        text = art.text
        if not (0 <= start < end <= len(text)):
            raise InvalidInput(f"range {start}..{end} is outside the article (length {len(text)})")
        now = now_iso()
        fields = self._highlight_fields(text, article_id, start, end, label_id, now)
        if highlight_id is not None:
            fields["id"] = highlight_id
        with transaction(self.conn):
            hid = sql_ann.insert_highlight(self.conn, fields)
            if note.strip():
                sql_ann.insert_note(self.conn, self._note_fields(note, article_id, hid, now))
        self.notify(Changes(highlights={hid}, articles={article_id}))
        return self.get_highlight(hid)

    def add_highlight_by_quote(
        self, article_id: int, quote: str, occurrence: int = 1, label_id: int = 1, note: str = ""
    ) -> Highlight:
        """Highlight the Nth exact occurrence of quote; a miss says what does match."""
        text = self.get_article(article_id).text
        hits = anchoring.occurrences(text, quote)
        if occurrence < 1:
            raise QuoteNotFound("the occurrence counts from 1")
        if len(hits) < occurrence:
            folded = len(find_all_folded(text, quote))
            where = f"it occurs {len(hits)} time(s)" if hits else "it does not occur"
            hint = f"; ignoring harakat and hamza it matches {folded} time(s)" if folded else ""
            raise QuoteNotFound(
                f"cannot highlight occurrence {occurrence} of the quote: {where} exactly{hint}"
            )
        start = hits[occurrence - 1]
        return self.add_highlight(article_id, start, start + len(quote), label_id, note)

    def get_highlight(self, hid: int) -> Highlight:
        """One highlight with its note; NotFound when missing."""
        h = sql_ann.get_highlight(self.conn, hid)
        if h is None:
            raise NotFound(f"no highlight with id {hid}")
        return h

    def highlights(self, article_id: int) -> list[Highlight]:
        """An article's highlights, orphans last."""
        return sql_ann.article_highlights(self.conn, article_id)

    def relabel_highlight(self, hid: int, label_id: int) -> Changes:
        """Give a highlight another label."""
        h = self.get_highlight(hid)
        with transaction(self.conn):
            sql_ann.update_highlight(
                self.conn, hid, {"label_id": label_id, "updated_at": now_iso()}
            )
        return self.notify(Changes(highlights={hid}, articles={h.article_id}))

    def delete_highlight(self, hid: int) -> Changes:
        """Delete a highlight and its note."""
        h = self.get_highlight(hid)
        changes = Changes(highlights={hid}, articles={h.article_id})
        if h.note_id is not None:
            changes.notes.add(h.note_id)
        with transaction(self.conn):
            sql_ann.delete_highlight(self.conn, hid)
        return self.notify(changes)

    def restore_highlight(self, h: Highlight) -> Highlight:
        """Put back a deleted highlight with its id, anchor and note (for undo)."""
        now = h.updated_at or now_iso()
        fields: dict[str, Any] = {
            "id": h.id,
            "article_id": h.article_id,
            "start": h.start,
            "end": h.end,
            "exact": h.exact,
            "prefix": h.prefix,
            "suffix": h.suffix,
            "label_id": h.label_id,
            "orphaned": int(h.orphaned),
            "created_at": h.created_at,
            "updated_at": now,
        }
        with transaction(self.conn):
            sql_ann.insert_highlight(self.conn, fields)
            if h.note_id is not None:
                fields = self._note_fields(h.note, h.article_id, h.id, now)
                sql_ann.insert_note(self.conn, {"id": h.note_id, **fields})
        self.notify(
            Changes(
                highlights={h.id},
                articles={h.article_id},
                notes={h.note_id} if h.note_id else set(),
            )
        )
        return self.get_highlight(h.id)

    def set_highlight_note(self, hid: int, body: str) -> Note | None:
        """Set (create, change, or with empty body delete) the note of a highlight."""
        h = self.get_highlight(hid)
        existing = sql_ann.note_of_highlight(self.conn, hid)
        now = now_iso()
        with transaction(self.conn):
            if existing is None:
                if not body.strip():
                    return None
                fields = self._note_fields(body, h.article_id, hid, now)
                nid = sql_ann.insert_note(self.conn, fields)
            elif not body.strip():
                sql_ann.delete_note(self.conn, existing.id)
                nid = existing.id
            else:
                sql_ann.update_note(self.conn, existing.id, body, now)
                nid = existing.id
        self.notify(Changes(highlights={hid}, notes={nid}, articles={h.article_id}))
        return sql_ann.get_note(self.conn, nid)

    # -- notes ------------------------------------------------------------------------------
    def add_note(
        self, body: str, article_id: int | None = None, note_id: int | None = None
    ) -> Note:
        """A note on an article, or free-standing when article_id is None."""
        if article_id is not None:
            self.get_article(article_id)
        now = now_iso()
        fields = self._note_fields(body, article_id, None, now)
        if note_id is not None:
            fields["id"] = note_id
        with transaction(self.conn):
            nid = sql_ann.insert_note(self.conn, fields)
        self.notify(Changes(notes={nid}, articles={article_id} if article_id else set()))
        return self.get_note(nid)

    def get_note(self, nid: int) -> Note:
        """One note; NotFound when missing."""
        n = sql_ann.get_note(self.conn, nid)
        if n is None:
            raise NotFound(f"no note with id {nid}")
        return n

    def update_note(self, nid: int, body: str) -> Changes:
        """Change a note's Markdown text."""
        n = self.get_note(nid)
        if n.body == body:
            return Changes()
        with transaction(self.conn):
            sql_ann.update_note(self.conn, nid, body, now_iso())
        ch = Changes(notes={nid})
        if n.article_id:
            ch.articles.add(n.article_id)
        if n.highlight_id:
            ch.highlights.add(n.highlight_id)
        return self.notify(ch)

    def delete_note(self, nid: int) -> Changes:
        """Delete a note."""
        n = self.get_note(nid)
        with transaction(self.conn):
            sql_ann.delete_note(self.conn, nid)
        ch = Changes(notes={nid})
        if n.article_id:
            ch.articles.add(n.article_id)
        if n.highlight_id:
            ch.highlights.add(n.highlight_id)
        return self.notify(ch)

    def article_notes(self, article_id: int) -> list[Note]:
        """Notes on the article itself."""
        return sql_ann.article_notes(self.conn, article_id)

    def free_notes(self) -> list[Note]:
        """Free-standing notes."""
        return sql_ann.free_notes(self.conn)
