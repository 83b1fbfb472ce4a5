"""Read compound index segments in place instead of copying each into memory.

whoosh-reloaded 2.7.5 maps a compound segment (`*.seg`) with mmap, then wraps each file inside
it in `BufferFile`, whose `BytesIO(memoryview)` copies the whole file: every open searcher held
its own copy of the index's postings and term tables (about 75 MB at 20,000 articles, all of
it at 100,000). The class installed here keeps the memoryview and copies only what is read, so
resident memory grows with the pages searches touch, and the operating system shares them
between processes and can drop them.

Private Whoosh parts relied on (the version is pinned in pyproject.toml):
`whoosh.filedb.compound.BufferFile` (the name CompoundStorage.open_file calls) and
`BufferFile`'s attributes `_buf`, `_name`, `file`, `onclose`, `is_real`, `is_closed`.
"""

from __future__ import annotations

from typing import Any

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class _View:
    """A read-only, seekable file over a memoryview; a read copies only the bytes it returns."""

    __slots__ = ("_buf", "_len", "_pos")

    def __init__(self, buf: Any) -> None:
        self._buf = buf
        self._len = len(buf)
        self._pos = 0

    def read(self, n: int | None = -1) -> bytes:
        start = self._pos
        end = self._len if n is None or n < 0 else min(self._len, start + n)
        self._pos = max(start, end)
        return bytes(self._buf[start:end])

    def readline(self, limit: int = -1) -> bytes:
        rest = bytes(self._buf[self._pos : self._len if limit < 0 else self._pos + limit])
        cut = rest.find(b"\n")
        line = rest if cut < 0 else rest[: cut + 1]
        self._pos += len(line)
        return line

    def seek(self, pos: int, whence: int = 0) -> int:
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += self._len
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._buf = b""
        self._len = self._pos = 0


class MappedBufferFile(BufferFile):  # type: ignore[misc]  # whoosh is untyped
    """BufferFile over a segment's memory map, without the copy."""

    def __init__(self, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.file = _View(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False


def install() -> None:
    """Make compound segments open their files in place (idempotent)."""
    compound.BufferFile = MappedBufferFile
