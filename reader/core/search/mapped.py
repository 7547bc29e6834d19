"""Whoosh's segments read through a memory map, never copied whole into memory.

Whoosh's ``FileStorage`` maps a compound segment file, but then hands each of its parts
(postings, term index, stored fields, columns) to readers as a ``BufferFile``, which
copies the part into a ``BytesIO``: every search process held the whole index in RAM.
``MappedStorage`` gives each part as a view of the map instead (``ViewFile``): the
operating system pages in what a query touches and shares it between processes.

It plugs into Whoosh's own storage interface: with ``supports_mmap`` off, the compound
reader asks the opened file for ``subset(offset, length)`` of each part, and our file
answers with a view.
"""

from __future__ import annotations

import contextlib
import io
import mmap
import os
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile


class _ViewReader(io.RawIOBase):
    """A read-only, seekable file over a memoryview: ``read`` copies only what it returns."""

    def __init__(self, view: memoryview) -> None:
        super().__init__()
        self._view = view
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._position + size)
        data = bytes(self._view[self._position : end])
        self._position = max(self._position, end)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._position + size)
        # Looked for a piece at a time: copying the rest of a large part to find one newline would
        # undo what the map saves.
        position = self._position
        while position < end:
            piece_end = min(end, position + 4096)
            found = bytes(self._view[position:piece_end]).find(b"\n")
            if found >= 0:
                return self.read(position + found + 1 - self._position)
            position = piece_end
        return self.read(end - self._position)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position


class ViewFile(BufferFile):  # type: ignore[misc]  # Whoosh is untyped
    """One part of a segment, read straight from the memory map.

    Args:
        buf: The part, a view of the map.
        name: Its name.
        onclose: Whoosh's close callback.
        source: The mapped file's descriptor and where the part starts in it (for ``read_at``).
    """

    def __init__(
        self,
        buf: memoryview,
        name: str | None = None,
        onclose: Any = None,
        source: tuple[_Descriptor, int] | None = None,
    ) -> None:
        self._buf = buf
        self._name = name
        self._source = source
        self.file = _ViewReader(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def subset(self, position: int, length: int, name: str | None = None) -> ViewFile:
        """A part of this part, still a view."""
        source = (self._source[0], self._source[1] + position) if self._source else None
        return ViewFile(self._buf[position : position + length], name=name or self._name, source=source)

    def read_at(self, position: int, length: int) -> bytes:
        """Bytes of the part, read from the file, not through the map, where the system can.

        Touching a mapped page maps the pages around it too (the kernel's fault-around,
        16 pages): a binary search of a segment's term table made the process's memory
        grow by ~0.6 MiB per segment and term. A read copies only what it asks.
        """
        length = max(0, min(length, len(self._buf) - position))  # never past the part, as its view
        if self._source is not None and _PREAD is not None:
            read: bytes = _PREAD(self._source[0].number, length, self._source[1] + position)
            return read
        return bytes(self._buf[position : position + length])


_PREAD = getattr(os, "pread", None)  # not on Windows: there the map is read


class _Descriptor:
    """A duplicate of a mapped file's descriptor, open as long as a part that reads by it exists.

    Whoosh closes a segment's file when its reader closes, but a part read by another
    thread meanwhile must not read a closed descriptor, or one the system gave to another
    file since: the views of the map keep the map alive, and the parts keep this.
    """

    def __init__(self, number: int) -> None:
        self.number = os.dup(number)

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.number)


class MappedFile(StructFile):  # type: ignore[misc]  # Whoosh is untyped
    """A whole index file, memory-mapped once; its parts are views of the map."""

    def __init__(self, path: str, name: str) -> None:
        handle = open(path, "rb")  # noqa: SIM115 - owned by the StructFile, closed with it
        size = os.fstat(handle.fileno()).st_size
        self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else None
        self._descriptor = _Descriptor(handle.fileno()) if size and _PREAD is not None else None
        super().__init__(handle, name=name)

    def subset(self, offset: int, length: int, name: str | None = None) -> StructFile:
        """A part of the file: a view of the map (an empty file has no map: a plain sub-file)."""
        if self._map is None:
            return super().subset(offset, length, name=name)
        view = memoryview(self._map)[offset : offset + length]
        source = (self._descriptor, offset) if self._descriptor is not None else None
        return ViewFile(view, name=name or self._name, source=source)

    def close(self) -> None:
        """Close the file; the map goes when the last view of it does."""
        super().close()
        if self._map is not None:
            with contextlib.suppress(BufferError):  # a reader still holds a view: it keeps the map alive
                self._map.close()


class MappedStorage(FileStorage):  # type: ignore[misc]  # Whoosh is untyped
    """The index directory, its files opened as ``MappedFile``."""

    def __init__(self, path: str) -> None:
        # supports_mmap off, so that Whoosh's compound reader asks our file for each part (a view)
        # instead of mapping the file itself and copying every part into a BytesIO.
        super().__init__(path, supports_mmap=False)

    def open_file(self, name: str, **kwargs: Any) -> MappedFile:
        """Open an index file for reading, memory-mapped."""
        return MappedFile(self._fpath(name), name)
