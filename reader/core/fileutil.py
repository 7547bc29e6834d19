"""Crash-safe file writes, and reads and writes of files the user names (never a device replaced)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# New files get what the user's umask allows (mkstemp alone would make them private).
FILE_MODE = 0o666 & ~_read_umask()


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a torn one.

    Args:
        path: Destination.
        data: New content.
        durable: fsync before the rename (survives a power cut, costs a few ms).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        os.chmod(temporary, FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def special_file(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (a device, a pipe, a socket).

    Decided by ``stat``, never by name: ``-o /dev/null`` and ``-o fifo`` must be written
    to, not replaced by a regular file renamed over them (as root that would replace the
    system's own ``/dev/null``).
    """
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_output(path: Path, data: bytes) -> None:
    """Write a file the user asked for (``-o``, an export): atomically when it is a regular file.

    A device or a pipe is written to in place; a symbolic link is followed, so the file it
    names is replaced, not the link.

    Raises:
        OSError: The destination is a folder or a socket, or cannot be written.
    """
    if path.is_symlink():
        path = path.resolve()
    if special_file(path):
        if stat.S_ISSOCK(path.stat().st_mode):
            raise OSError(errno.EINVAL, "cannot write to a socket", str(path))
        with path.open("wb") as stream:
            stream.write(data)
        return
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    write_atomic(path, data)


def read_input(path: Path, limit: int, what: str) -> bytes:
    """Read a file the user gave (an import), refusing what is not a regular file or is too large.

    Args:
        path: The file.
        limit: Largest size accepted, in bytes.
        what: What the file should be, for messages ("a bookmark file").

    Raises:
        UnsupportedSourceError: Missing, a folder, a device or a pipe.
        InputTooLargeError: Larger than ``limit``.
    """
    from reader.core.errors import InputTooLargeError, UnsupportedSourceError

    try:
        info = path.stat()
    except OSError as error:
        raise UnsupportedSourceError(f"cannot read {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnsupportedSourceError(f"{path} is not a regular file ({what} is read from a file)")
    if info.st_size > limit:
        raise InputTooLargeError(f"{path} is {info.st_size / 2**20:.0f} MB; {what} may be at most {limit // 2**20} MB")
    with path.open("rb") as stream:
        data = stream.read(limit + 1)  # the size may have changed since stat
    if len(data) > limit:
        raise InputTooLargeError(f"{path} is larger than {limit // 2**20} MB")
    return data


def remove_stale_temporaries(folders: list[Path], older_than: float = 0.0) -> int:
    """Remove the ``.tmp-*`` files a killed writer left in ``folders`` (and their sub-folders one level down).

    Call it holding the lock of whatever writes there: no live writer then has a temporary open.

    Args:
        folders: Where ``write_atomic`` writes.
        older_than: Keep temporaries younger than this many seconds (for places written without a lock).

    Returns:
        How many were removed.
    """
    import time

    removed = 0
    limit = time.time() - older_than
    for folder in folders:
        try:
            candidates = [*folder.glob(".tmp-*"), *folder.glob("*/.tmp-*")]
        except OSError:
            continue
        for path in candidates:
            try:
                if path.is_file() and path.stat().st_mtime <= limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
    return removed
