"""The n-gram field's postings computed in bulk with numpy and handed to the codec a term at a time.

Whoosh's writer takes postings one at a time: the field yields each gram of each
paragraph, the pool sorts them in Python, and the codec writes each one. That was
~100k postings a second per process, most of an import. Here every paragraph of a
segment is encoded once as code points, each (gram, paragraph) pair becomes one
64-bit number, and one sort orders and deduplicates them all. What is left in Python
is a loop per term; the codec writes its postings as one run (``posting_runs``) and
its record in the term table (``term_table``). Other fields go through Whoosh's
writer and the same codec, so both paths write the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter
from whoosh.filedb.structfile import StructFile
from whoosh.writing import SegmentWriter

from reader.core.search.term_table import TermTableWriter

# A pair packs two 21-bit code points and the paragraph's number in its segment.
_POINT_BITS = 21
_POINT_MASK = (1 << _POINT_BITS) - 1
_ALONE = _POINT_MASK  # not a code point (those end at 0x10FFFF): marks a single character's pair
_DOC_BITS = 64 - 2 * _POINT_BITS
MAX_SEGMENT_DOCUMENTS = 1 << _DOC_BITS  # 4,194,304 paragraphs


def gram_postings(texts: Sequence[str]) -> Iterator[tuple[bytes, np.ndarray, np.ndarray]]:
    """Every distinct character and bigram of the (folded) texts with the texts holding it and how often.

    The same terms, postings and weights as ``folding.gram_counts(text, 2)`` per text.

    Args:
        texts: Folded texts; a text's number is its position.

    Yields:
        (term as UTF-8, ascending text numbers as uint32, the gram's count in each as
        uint32), in the order of the term bytes.
    """
    if len(texts) > MAX_SEGMENT_DOCUMENTS:
        raise ValueError(f"at most {MAX_SEGMENT_DOCUMENTS} texts per segment")
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    pairs, counts = _sorted_pairs(texts, lengths)
    grams = pairs >> np.uint64(_DOC_BITS)
    documents = (pairs & np.uint64(MAX_SEGMENT_DOCUMENTS - 1)).astype(np.uint32)
    del pairs
    starts = np.flatnonzero(np.concatenate(([True], grams[1:] != grams[:-1]))) if len(grams) else np.empty(0, int)
    ends = np.append(starts[1:], len(grams)) if len(starts) else starts
    terms: list[tuple[bytes, int, int]] = []
    for start, end, code in zip(starts.tolist(), ends.tolist(), grams[starts].tolist(), strict=True):
        first, second = code >> _POINT_BITS, code & _POINT_MASK
        gram = chr(second) if first == _ALONE else chr(first) + chr(second)
        terms.append((gram.encode("utf-8"), start, end))
    terms.sort(key=lambda term: term[0])  # UTF-8 order; a character sorts before its bigrams
    for btext, start, end in terms:
        yield btext, documents[start:end], counts[start:end]


def _sorted_pairs(texts: Sequence[str], lengths: np.ndarray, chunk: int = 1 << 20) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct (gram, text number) pair as one number, ascending, and how often the text has it.

    A bigram packs its two code points; a single character packs ``_ALONE`` (no code
    point) before its own. Built a chunk of texts at a time into one array (16 bytes a
    character), sorted in place, so the memory a segment takes stays near its pairs' own size.
    """
    pairs = np.empty(int(lengths.sum() + np.maximum(lengths - 1, 0).sum()), dtype=np.uint64)
    alone = np.uint64(_ALONE << _POINT_BITS)
    filled = first = 0
    while first < len(texts):
        last, units = first, 0
        while last < len(texts) and (units < chunk or last == first):
            units += int(lengths[last])
            last += 1
        points = np.frombuffer("".join(texts[first:last]).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        owner = np.repeat(np.arange(first, last, dtype=np.uint64), lengths[first:last])
        inside = owner[:-1] == owner[1:]  # both characters of the gram in one text
        made = (points[:-1][inside] << np.uint64(_POINT_BITS) | points[1:][inside]) << np.uint64(_DOC_BITS)
        made |= owner[:-1][inside]
        singles = (points | alone) << np.uint64(_DOC_BITS) | owner
        pairs[filled : filled + len(made)] = made
        pairs[filled + len(made) : filled + len(made) + len(singles)] = singles
        filled += len(made) + len(singles)
        first = last
    pairs.sort()
    if not len(pairs):
        return pairs, np.empty(0, dtype=np.uint32)
    firsts = np.flatnonzero(np.concatenate(([True], pairs[1:] != pairs[:-1])))  # a gram twice in one text: once
    counts = np.diff(np.append(firsts, len(pairs))).astype(np.uint32)
    return pairs[firsts], counts


class PositionedFile(StructFile):  # type: ignore[misc]  # Whoosh is untyped
    """A Whoosh file for writing that knows its position instead of asking the operating system.

    W3's writers ask the position twice per term and per block: an ``lseek`` each time,
    a fifth of a bulk write's time.
    """

    def __init__(self, inner: Any) -> None:
        super().__init__(inner.file, inner._name, inner.onclose)
        self._position: int = inner.file.tell()

    def write(self, data: bytes) -> int:  # noqa: D102 - file API
        written: int = self.file.write(data)
        self._position += len(data)
        return written

    def tell(self) -> int:  # noqa: D102 - file API
        return self._position

    def seek(self, *args: Any) -> int:  # noqa: D102 - file API
        self.file.seek(*args)
        self._position = self.file.tell()
        return self._position

    def write_pickle(self, obj: Any, protocol: int = -1) -> None:  # noqa: D102 - Whoosh API
        import pickle

        self.write(pickle.dumps(obj, protocol))  # through ``write``: counted

    def write_array(self, values: Any) -> None:  # noqa: D102 - Whoosh API
        super().write_array(values)  # may write to the file directly: its position is asked after
        self._position = self.file.tell()


class BulkFieldWriter(W3FieldWriter):  # type: ignore[misc]  # Whoosh is untyped
    """W3's field writer with ``add_numbers`` (a whole term's postings at once), its terms in a term table.

    Args:
        codec: The index's codec.
        storage: Where the segment's files go.
        segment: The segment written.
        terms_ext: The term table's file extension.
    """

    def __init__(self, codec: Any, storage: Any, segment: Any, terms_ext: str) -> None:
        # W3's own __init__ opens its hash-file term index: everything else it sets is set here.
        self._codec, self._storage, self._segment = codec, storage, segment
        self._fieldname: str | None = None
        self._fieldid = self._fieldobj = self._format = None
        self._btext: bytes = b""
        self._table = TermTableWriter(self._create_file(terms_ext))
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter: Any = None
        self._infield = False
        self.is_closed = False

    def _create_file(self, ext: str) -> PositionedFile:
        return PositionedFile(self._segment.create_file(self._storage, ext))

    def start_field(self, fieldname: str, fieldobj: Any) -> None:  # noqa: D102 - Whoosh API
        self._table.start_field(fieldname)
        self._fieldname, self._fieldobj, self._format = fieldname, fieldobj, fieldobj.format
        self._infield = True
        self._postwriter = self._codec.postings_writer(self._postfile)

    def finish_term(self) -> None:  # noqa: D102 - Whoosh API
        self._table.add(self._btext, self._postwriter.finish_postings())

    def close(self) -> None:  # noqa: D102 - Whoosh API
        self._table.close()
        self._postfile.close()
        self.is_closed = True

    def add_numbers(self, numbers: np.ndarray, weights: np.ndarray) -> None:
        """Add the current term's postings (ascending document numbers, each with its weight)."""
        self._postwriter.add_numbers(numbers, weights)


class BulkSegmentWriter(SegmentWriter):  # type: ignore[misc]  # Whoosh is untyped
    """A Whoosh segment writer that writes the n-gram field's postings in bulk at commit.

    Documents are added as with Whoosh's writer; the n-gram field's value, already folded
    (``folding.fold``), is kept and its postings are made by ``gram_postings`` when the
    segment is written. Other fields go through Whoosh's pool as usual. Needs the
    index's codec (``IndexCodec``).

    The n-gram postings name each paragraph by its ``id_field`` value (the text-store key),
    not by Whoosh's document number: a search reads them as arrays of keys across segments
    (``postings.gram_keys``) with no per-segment translation, and never through Whoosh's
    matchers.

    Args:
        ix: The Whoosh index.
        field: The bigram field's name.
        id_field: The numeric field whose value the bigram postings carry.
        **kwargs: Whoosh's ``SegmentWriter`` arguments.
    """

    def __init__(self, ix: Any, field: str, id_field: str, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        # Whoosh numbers fields in the order they are written and expects that to be name order.
        if any(name < field for name, fieldobj in self.schema.items() if fieldobj.indexed):
            raise ValueError(f"the bulk field {field!r} must sort before every other indexed field")
        self.bulk_field = field
        self.id_field = id_field
        self.bulk_texts: list[str] = []
        self.bulk_ids: list[int] = []
        self.units = 0  # characters of bulk text taken so far

    def add_document(self, **fields: Any) -> None:  # noqa: D102 - Whoosh API
        value = fields.pop(self.bulk_field, None)
        if self.docnum - self.docbase >= MAX_SEGMENT_DOCUMENTS:
            raise ValueError(f"a segment holds at most {MAX_SEGMENT_DOCUMENTS} paragraphs")
        identity = int(fields[self.id_field])
        if not 0 <= identity <= 0xFFFFFFFF:
            raise ValueError(f"{self.id_field} must fit 32 bits for the bulk postings")
        super().add_document(**fields)
        text = value or ""
        self.bulk_texts.append(text)
        self.bulk_ids.append(identity)
        self.units += len(text)

    def id_range(self) -> tuple[int, int] | None:
        """The smallest and largest id of the documents added (None when none was)."""
        return (min(self.bulk_ids), max(self.bulk_ids)) if self.bulk_ids else None

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        writer = self.fieldwriter
        # Numbered in the order of their ids, so each term's postings come out ascending by id.
        ids = np.array(self.bulk_ids, dtype=np.uint32)
        order = np.argsort(ids, kind="stable")
        postings = gram_postings([self.bulk_texts[n] for n in order.tolist()])
        ascending = ids[order]
        first = next(postings, None)
        if first is not None:  # written first: its name sorts first (checked on construction)
            writer.start_field(self.bulk_field, self.schema[self.bulk_field])
            for btext, numbers, counts in (first, *postings):
                writer.start_term(btext)
                writer.add_numbers(ascending[numbers], counts)
                writer.finish_term()
            writer.finish_field()
        writer.add_postings(self.schema, None, self.pool.iter_postings())
        writer.close()
