"""Zip containers (Word .docx, OFD) opened with limits, so a crafted file cannot exhaust memory.

A zip bomb declares small compressed parts that expand a thousandfold; the limits
below are checked on the declared sizes before anything is expanded, and again while
reading, since the declared sizes can lie.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from reader.core.errors import DamagedFileError, InputTooLargeError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one XML part of a very long report is a few MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # text XML compresses 5–20×; a bomb compresses thousands of times


class Container:
    """Read-only access to a zip container's parts, by name (case-insensitive), within limits.

    Args:
        data: The file's bytes.
        kind: What the file is, for messages ("Word document", "OFD file").

    Raises:
        DamagedFileError: Not a readable zip.
        InputTooLargeError: It would expand beyond the limits.
    """

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise DamagedFileError(f"the {kind} is damaged or incomplete ({error})") from None
        if len(infos) > MAX_MEMBERS:
            raise InputTooLargeError(f"the {kind} holds {len(infos)} parts; the limit is {MAX_MEMBERS}")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                raise InputTooLargeError(f"the {kind} would expand to more than {MAX_TOTAL_BYTES // 2**20} MB")
            if info.compress_size and info.file_size > 1_000_000 and info.file_size / info.compress_size > MAX_RATIO:
                raise InputTooLargeError(f"the {kind} expands {info.file_size // info.compress_size}× (a zip bomb?)")
        self._names = {info.filename.lower().lstrip("/"): info.filename for info in infos}

    def names(self) -> list[str]:
        """Every part's name as stored."""
        return list(self._names.values())

    def has(self, name: str) -> bool:
        """Whether the part exists (name compared case-insensitively, leading ``/`` ignored)."""
        return name.lower().lstrip("/") in self._names

    def read(self, name: str) -> bytes:
        """A part's bytes, never more than the limit whatever its header says.

        Raises:
            DamagedFileError: Missing or unreadable part.
            InputTooLargeError: The part expands beyond the limit.
        """
        stored = self._names.get(name.lower().lstrip("/"))
        if stored is None:
            raise DamagedFileError(f"the {self.kind} has no part {name}")
        try:
            with self._zip.open(stored) as stream:
                data = stream.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise DamagedFileError(f"the {self.kind}'s part {name} cannot be read ({error})") from None
        if len(data) > MAX_MEMBER_BYTES:
            raise InputTooLargeError(f"a part of the {self.kind} expands beyond {MAX_MEMBER_BYTES // 2**20} MB")
        return data

    def close(self) -> None:
        """Release the archive."""
        self._zip.close()
