"""A segment's term dictionary as a compact sorted table, read by position a record at a time.

W3 keeps a segment's terms in a hash file: each term's key, a fixed 23-byte record,
a 12-byte pointer or its inlined postings pickled, lengths and hash-table slots, about
80 bytes a term. A segment holds ~300,000 terms (every character and bigram of ~400
reports), so the term dictionaries were 36% of the index at 10,000 reports. Here a
term is its bytes and its record in variable-length integers, one after the other in
term order, with an array of where each starts: ~20 bytes a term. A look-up is a
binary search over that array; only the offsets and records it visits are read, by
``pread`` rather than through the memory map (``mapped.ViewFile.read_at``).

Layout (integers little-endian): ``MAGIC``; the records; the array of record offsets
(``width`` bytes each); the fields as JSON ``{name: [first, end]}`` (record numbers);
then ``_TRAILER``: where the offsets start, how many, their width, where the fields
start, and ``MAGIC`` again.

A record: the term's length and bytes, a flags byte, then the doc frequency, the
weights (integers, or float32 when any is not whole), the length bytes when not both
0, the first id and the last id's distance from it, and either the postings' extent in
the postings file or the inlined postings: their ids as deltas, their weights (none
when all are 1) and their values (pickled, when any).
"""

from __future__ import annotations

import bisect
import json
import pickle
import struct
from array import array
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from whoosh.codec.base import FieldCursor, TermsReader
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

MAGIC = b"RRT1"
_TRAILER = struct.Struct("<QQBQ4s")
_REMEMBERED = 4096  # term records a reader keeps (``TermTableReader._info``), per segment
_WEIGHTS = struct.Struct("<ff")
_LENGTHS = struct.Struct("<BB")

_INLINED = 1
_WHOLE = 2  # total and largest weight are whole numbers (varints), else float32
_LENGTHS_KEPT = 4
_HAS_IDS = 8
_INLINE_ONES = 16  # inlined weights all 1 (stored as Whoosh's empty tuple)
_INLINE_WHOLE = 32  # inlined weights whole numbers (varints), else float32
_INLINE_VALUES = 64
_DERIVED = 128  # inlined, and the frequency, weights and ids follow from the postings: not written


def _put(out: bytearray, number: int) -> None:
    """Append ``number`` (>= 0) as a variable-length integer: 7 bits a byte, low bits first."""
    while number >= 0x80:
        out.append((number & 0x7F) | 0x80)
        number >>= 7
    out.append(number)


def _get(data: Any, position: int) -> tuple[int, int]:
    """The variable-length integer at ``position`` and the position after it."""
    number = shift = 0
    while True:
        byte = data[position]
        position += 1
        number |= (byte & 0x7F) << shift
        if byte < 0x80:
            return number, position
        shift += 7


def _whole(*numbers: float) -> bool:
    return all(float(n).is_integer() and n >= 0 for n in numbers)


def encode_record(btext: bytes, info: Any) -> bytes:
    """A term's record: its bytes and what ``info`` (a ``W3TermInfo``) holds, round-tripped exactly."""
    out = bytearray()
    _put(out, len(btext))
    out += btext
    flags = 0
    inlined = info._inlined
    minlength = 0 if info._minlength is None else info._minlength
    lengths = (minlength, info._maxlength)
    if inlined is not None:
        flags |= _INLINED
        _ids, weights, values = inlined
        if not weights:
            flags |= _INLINE_ONES
        elif _whole(*weights):
            flags |= _INLINE_WHOLE
        if values:
            flags |= _INLINE_VALUES
    if _whole(info._weight, info._maxweight):
        flags |= _WHOLE
    if lengths != (0, 0):
        flags |= _LENGTHS_KEPT
    if info._minid is not None:
        flags |= _HAS_IDS
    if inlined is not None and _derivable(info, lengths):
        flags |= _DERIVED
    out.append(flags)
    if flags & _DERIVED:
        _put_inlined(out, flags, inlined, 0)
        return bytes(out)
    _put(out, info._df)
    if flags & _WHOLE:
        _put(out, int(info._weight))
        _put(out, int(info._maxweight))
    else:
        out += _WEIGHTS.pack(info._weight, info._maxweight)
    if flags & _LENGTHS_KEPT:
        out += _LENGTHS.pack(*(length_to_byte(n) for n in lengths))
    if flags & _HAS_IDS:
        _put(out, info._minid)
        _put(out, info._maxid - info._minid)
    if inlined is None:
        _put(out, info._offset)
        _put(out, info._length)
        return bytes(out)
    _put_inlined(out, flags, inlined, info._minid or 0)
    return bytes(out)


def _derivable(info: Any, lengths: tuple[int, int]) -> bool:
    """Whether an inlined term's record says nothing its postings do not (the usual case)."""
    ids, weights, _values = info._inlined
    whole = [1.0] * len(ids) if not weights else list(weights)
    return bool(
        ids
        and lengths == (0, 0)
        and info._df == len(ids)
        and info._weight == sum(whole)
        and info._maxweight == max(whole)
        and (info._minid, info._maxid) == (ids[0], ids[-1])
    )


def _put_inlined(out: bytearray, flags: int, inlined: tuple[Any, Any, Any], base: int) -> None:
    """Append inlined postings: their count, ids as deltas from ``base``, weights and values as ``flags`` say."""
    ids, weights, values = inlined
    _put(out, len(ids))
    previous = base
    for identity in ids:
        _put(out, identity - previous)
        previous = identity
    if flags & _INLINE_WHOLE:
        for weight in weights:
            _put(out, int(weight))
    elif weights and not flags & _INLINE_ONES:
        out += array("f", weights).tobytes()
    if flags & _INLINE_VALUES:
        blob = pickle.dumps(tuple(values), 2)
        _put(out, len(blob))
        out += blob


def decode_record(data: Any, position: int) -> tuple[bytes, W3TermInfo]:
    """The term and its ``W3TermInfo`` of the record at ``position`` of ``data``."""
    size, position = _get(data, position)
    btext = bytes(data[position : position + size])
    position += size
    flags = data[position]
    position += 1
    info = W3TermInfo()
    if flags & _DERIVED:
        info._inlined, position = _get_inlined(data, position, flags, 0)
        ids, weights, _values = info._inlined
        whole = weights or (1.0,) * len(ids)
        info._df, info._weight, info._maxweight = len(ids), float(sum(whole)), float(max(whole))
        info._minlength, info._maxlength, info._minid, info._maxid = 0, 0, ids[0], ids[-1]
        return btext, info
    info._df, position = _get(data, position)
    if flags & _WHOLE:
        weight, position = _get(data, position)
        maxweight, position = _get(data, position)
        info._weight, info._maxweight = float(weight), float(maxweight)
    else:
        info._weight, info._maxweight = _WEIGHTS.unpack_from(data, position)
        position += _WEIGHTS.size
    if flags & _LENGTHS_KEPT:
        low, high = _LENGTHS.unpack_from(data, position)
        info._minlength, info._maxlength = byte_to_length(low), byte_to_length(high)
        position += _LENGTHS.size
    else:
        info._minlength, info._maxlength = 0, 0
    if flags & _HAS_IDS:
        info._minid, position = _get(data, position)
        span, position = _get(data, position)
        info._maxid = info._minid + span
    else:
        info._minid, info._maxid = None, None
    if not flags & _INLINED:
        info._offset, position = _get(data, position)
        info._length, position = _get(data, position)
        return btext, info
    info._inlined, _end = _get_inlined(data, position, flags, info._minid or 0)
    return btext, info


def _get_inlined(data: Any, position: int, flags: int, base: int) -> tuple[tuple[Any, Any, Any], int]:
    """Inlined postings written by ``_put_inlined`` and the position after them."""
    count, position = _get(data, position)
    ids = []
    identity = base
    for _ in range(count):
        delta, position = _get(data, position)
        identity += delta
        ids.append(identity)
    weights: tuple[float, ...] = ()
    if flags & _INLINE_WHOLE:
        whole = []
        for _ in range(count):
            weight, position = _get(data, position)
            whole.append(float(weight))
        weights = tuple(whole)
    elif not flags & _INLINE_ONES:
        weights = tuple(array("f", bytes(data[position : position + 4 * count])))
        position += 4 * count
    values: tuple[Any, ...] = ()
    if flags & _INLINE_VALUES:
        size, position = _get(data, position)
        values = pickle.loads(bytes(data[position : position + size]))
        position += size
    return (tuple(ids), weights, values), position


class TermTableWriter:
    """Writes a segment's term table: fields in the order they come, each field's terms ascending.

    Args:
        dbfile: The terms file (a Whoosh ``StructFile``); closed by ``close``.
    """

    def __init__(self, dbfile: Any) -> None:
        self._file = dbfile
        self._offsets: list[int] = []
        self._fields: dict[str, list[int]] = {}
        self._field = ""
        dbfile.write(MAGIC)

    def start_field(self, fieldname: str) -> None:
        """Terms added from now on belong to ``fieldname`` (each field once)."""
        if fieldname in self._fields:
            raise ValueError(f"field {fieldname!r} written twice")
        self._field = fieldname
        self._fields[fieldname] = [len(self._offsets), len(self._offsets)]

    def add(self, btext: bytes, info: Any) -> None:
        """Add the next term of the current field with its ``W3TermInfo``."""
        self._offsets.append(self._file.tell())
        self._file.write(encode_record(btext, info))
        self._fields[self._field][1] = len(self._offsets)

    def close(self) -> None:
        """Write the offsets, the fields and the trailer, and close the file."""
        start = self._file.tell()
        width = 4 if not self._offsets or self._offsets[-1] < 1 << 32 else 8
        self._file.write(np.array(self._offsets, dtype=f"<u{width}").tobytes())
        fields_at = self._file.tell()
        self._file.write(json.dumps(self._fields).encode("utf-8"))
        self._file.write(_TRAILER.pack(start, len(self._offsets), width, fields_at, MAGIC))
        self._file.close()


class _Keys:
    """The terms of a table as a sequence, for ``bisect``: each read from its record."""

    def __init__(self, table: TermTableReader) -> None:
        self._table = table

    def __len__(self) -> int:
        count: int = self._table._count
        return count

    def __getitem__(self, number: int) -> bytes:
        record = self._table._record_bytes(number)
        size, position = _get(record, 0)
        return record[position : position + size]


class TermTableReader(TermsReader):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's terms reader over a term table.

    Args:
        codec: The codec (makes the matchers).
        read: Returns ``length`` bytes of the table from ``position`` (``mapped.ViewFile.read_at``).
        size: The table's length.
        postfile: The segment's postings file.
    """

    def __init__(self, codec: Any, read: Callable[[int, int], bytes], size: int, postfile: Any) -> None:
        self._codec = codec
        self._read = read
        self._postfile = postfile
        if size < len(MAGIC) + _TRAILER.size or read(0, len(MAGIC)) != MAGIC:
            raise ValueError("a term table does not start with its tag")
        start, count, width, fields_at, magic = _TRAILER.unpack(read(size - _TRAILER.size, _TRAILER.size))
        if (
            magic != MAGIC
            or width not in (4, 8)
            or start + count * width > fields_at
            or fields_at > size - _TRAILER.size
        ):
            raise ValueError("a term table's trailer is damaged")
        self._start, self._count, self._width = start, count, width
        self._pair = struct.Struct("<II" if width == 4 else "<QQ")
        self._keys = _Keys(self)
        fields = json.loads(read(fields_at, size - _TRAILER.size - fields_at))
        self._fields: dict[str, tuple[int, int]] = {name: (int(a), int(b)) for name, (a, b) in fields.items()}
        self._looked_up: dict[tuple[str, bytes], W3TermInfo | None] = {}

    def _record_bytes(self, number: int) -> bytes:
        """Record ``number``'s bytes: from its offset to the next one's (the last ends where the offsets start)."""
        if not 0 <= number < self._count:
            raise IndexError(number)
        at = self._start + number * self._width
        if number + 1 < self._count:
            first, end = self._pair.unpack(self._read(at, 2 * self._width))
        else:
            first, end = self._pair.unpack(self._read(at, self._width) + self._start.to_bytes(self._width, "little"))
        if not len(MAGIC) <= first < end <= self._start:
            raise ValueError("a term table's offsets are damaged")
        return self._read(first, end - first)

    def _info(self, fieldname: str, btext: bytes) -> W3TermInfo | None:
        """A term's record (None when it has none), remembered.

        A query asks each of its grams' records several times in every segment (to
        estimate, to choose how to find, to read): a look-up is a binary search of ~18
        steps, each reading a record in Python.
        """
        term = (fieldname, btext)
        if term not in self._looked_up:
            if len(self._looked_up) >= _REMEMBERED:
                self._looked_up.clear()
            number = self._find(fieldname, btext)
            self._looked_up[term] = self._record(number)[1] if number >= 0 else None
        return self._looked_up[term]

    def _find(self, fieldname: str, btext: bytes) -> int:
        """The record number of a term, or -1."""
        first, end = self._fields.get(fieldname, (0, 0))
        at = bisect.bisect_left(self._keys, btext, first, end)
        return at if at < end and self._keys[at] == btext else -1

    def _record(self, number: int) -> tuple[bytes, W3TermInfo]:
        return decode_record(self._record_bytes(number), 0)

    def _from(self, fieldname: str, prefix: bytes) -> int:
        """The number of the first record at or after ``prefix`` in ``fieldname``."""
        if fieldname not in self._fields:
            later = [first for name, (first, _end) in self._fields.items() if name > fieldname]
            return min(later, default=self._count)
        first, end = self._fields[fieldname]
        return bisect.bisect_left(self._keys, prefix, first, end)

    def _items(self, start: int) -> Iterator[tuple[tuple[str, bytes], W3TermInfo]]:
        for fieldname, (first, end) in self._fields.items():
            for number in range(max(first, start), end):
                btext, info = self._record(number)
                yield (fieldname, btext), info

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        return self._info(*term) is not None

    def indexed_field_names(self) -> Any:  # noqa: D102 - Whoosh API
        return self._fields.keys()

    def cursor(self, fieldname: str, fieldobj: Any) -> TableCursor:  # noqa: D102 - Whoosh API
        return TableCursor(self, fieldname, fieldobj)

    def terms(self) -> Iterator[tuple[str, bytes]]:  # noqa: D102 - Whoosh API
        return (term for term, _info in self._items(0))

    def terms_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[str, bytes]]:  # noqa: D102 - Whoosh API
        return (term for term, _info in self._items(self._from(fieldname, prefix)))

    def items(self) -> Iterator[tuple[tuple[str, bytes], W3TermInfo]]:  # noqa: D102 - Whoosh API
        return self._items(0)

    def items_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[tuple[str, bytes], W3TermInfo]]:  # noqa: D102
        return self._items(self._from(fieldname, prefix))

    def term_info(self, fieldname: str, tbytes: bytes) -> W3TermInfo:  # noqa: D102 - Whoosh API
        info = self._info(fieldname, tbytes)
        if info is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return info

    def _known(self, fieldname: str, tbytes: bytes) -> W3TermInfo:
        """A term's record; a missing term raises ``KeyError``, which Whoosh's reader answers as 0."""
        info = self._info(fieldname, tbytes)
        if info is None:
            raise KeyError((fieldname, tbytes))
        return info

    def frequency(self, fieldname: str, tbytes: bytes) -> float:  # noqa: D102 - Whoosh API
        return float(self._known(fieldname, tbytes).weight())

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:  # noqa: D102 - Whoosh API
        return int(self._known(fieldname, tbytes).doc_frequency())

    def matcher(self, fieldname: str, tbytes: bytes, format_: Any, scorer: Any = None) -> Any:  # noqa: D102
        info = self.term_info(fieldname, tbytes)
        return self._codec.postings_reader(self._postfile, info, format_, term=(fieldname, tbytes), scorer=scorer)

    def close(self) -> None:  # noqa: D102 - Whoosh API
        self._count = 0
        self._looked_up = {}
        self._postfile.close()


class TableCursor(FieldCursor):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's cursor over one field's terms in a term table."""

    def __init__(self, table: TermTableReader, fieldname: str, fieldobj: Any) -> None:
        self._table = table
        self._fieldobj = fieldobj
        self._first, self._end = table._fields.get(fieldname, (0, 0))
        self._at = self._first

    def first(self) -> Any:  # noqa: D102 - Whoosh API
        self._at = self._first
        return self.text()

    def find(self, term: Any) -> Any:  # noqa: D102 - Whoosh API
        btext = term if isinstance(term, bytes) else self._fieldobj.to_bytes(term)
        self._at = bisect.bisect_left(self._table._keys, btext, self._first, self._end)
        return self.text()

    def next(self) -> Any:  # noqa: D102 - Whoosh API
        self._at += 1
        return self.text()

    def is_valid(self) -> bool:  # noqa: D102 - Whoosh API
        return self._first <= self._at < self._end

    def text(self) -> Any:  # noqa: D102 - Whoosh API
        return self._fieldobj.from_bytes(self._table._keys[self._at]) if self.is_valid() else None

    def term_info(self) -> Any:  # noqa: D102 - Whoosh API
        return self._table._record(self._at)[1] if self.is_valid() else None
