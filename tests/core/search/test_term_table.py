"""The term table: every kind of W3 term record round-trips exactly; look-ups, iteration and damage."""

from __future__ import annotations

import io
import random

import pytest
from whoosh import fields
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.reading import TermNotFound

from reader.core.search.bulk import BulkSegmentWriter
from reader.core.search.codec import IndexCodec
from reader.core.search.ngrams import NGramField, fold
from reader.core.search.term_table import (
    TermTableReader,
    TermTableWriter,
    decode_record,
    encode_record,
)


def _info(**values: object) -> W3TermInfo:
    info = W3TermInfo()
    defaults = {
        "_weight": 0.0, "_df": 0, "_minlength": None, "_maxlength": 0, "_maxweight": 0.0,
        "_minid": None, "_maxid": None, "_offset": None, "_length": None, "_inlined": None,
    }  # fmt: skip
    for name, value in {**defaults, **values}.items():
        setattr(info, name, value)
    return info


def _inlined(ids: tuple[int, ...], weights: tuple[float, ...], values: tuple[object, ...] = (), **extra: object):
    whole = weights or (1.0,) * len(ids)
    base = {"_df": len(ids), "_weight": float(sum(whole)), "_maxweight": float(max(whole))}
    base.update({"_minid": ids[0], "_maxid": ids[-1], "_inlined": (ids, weights, values)})
    base.update(extra)
    return _info(**base)


RECORDS = {
    "inlined, weights all 1": _inlined((5, 9, 400_000), ()),
    "inlined, whole weights": _inlined((0, 3), (2.0, 7.0)),
    "inlined, fractional weights": _inlined((1, 2), (0.5, 1.25)),
    "inlined, with values": _inlined((4,), (), (b"abc",)),
    "inlined, not what its postings say": _inlined((4, 8), (), _df=9, _weight=3.5),
    "inlined, with lengths": _inlined((6,), (), _minlength=3, _maxlength=40),
    "in a run": _info(
        _df=50_000, _weight=70_000.0, _maxweight=9.0, _minid=2, _maxid=999_999, _offset=2**33, _length=123
    ),
    "in a run, fractional": _info(_df=3, _weight=2.5, _maxweight=1.5, _minid=0, _maxid=7, _offset=0, _length=9),
    "no ids": _info(_df=0, _weight=0.0, _maxweight=0.0, _offset=4, _length=0),
}


def _fields(info: W3TermInfo) -> dict[str, object]:
    names = ("_weight", "_df", "_minlength", "_maxlength", "_maxweight", "_minid", "_maxid", "_inlined")
    found: dict[str, object] = {name: getattr(info, name) for name in names}
    found["_minlength"] = found["_minlength"] or 0  # W3's own record reads a missing length back as 0 too
    if info._inlined is None:
        found.update(_offset=info._offset, _length=info._length)
    return found


@pytest.mark.parametrize("kind", RECORDS)
def test_every_kind_of_record_reads_back_as_it_was_written(kind):
    info = RECORDS[kind]
    data = b"xx" + encode_record("稳中".encode(), info) + b"yy"
    btext, read = decode_record(data, 2)
    assert btext == "稳中".encode()
    if kind == "inlined, with lengths":  # lengths are kept as W3 keeps them: one byte, approximate
        assert (read._minlength, read._maxlength) != (0, 0)
        return
    assert _fields(read) == _fields(info)


def test_a_usual_rare_term_costs_a_few_bytes():
    # The term, a flags byte, the count and the ids: nothing its postings already say.
    assert len(encode_record("稳中".encode(), _inlined((400_000, 400_007), ()))) <= 6 + 1 + 1 + 1 + 3 + 1


def _table(terms: dict[str, list[bytes]]) -> TermTableReader:
    buffer = io.BytesIO()
    writer = TermTableWriter(StructFile(buffer))
    buffer.close = lambda: None  # type: ignore[method-assign]  # kept readable after the writer closes it
    for fieldname, words in terms.items():
        writer.start_field(fieldname)
        for number, word in enumerate(words):
            writer.add(word, _inlined((number,), ()))
    writer.close()
    return _reader(buffer.getvalue())


def _reader(data: bytes) -> TermTableReader:
    return TermTableReader(IndexCodec(), lambda at, n: data[at : at + n], len(data), StructFile(io.BytesIO()))


def test_look_ups_and_iteration_follow_each_field_in_term_order():
    rng = random.Random(2)
    words = sorted({"".join(rng.choice("稳中求进ab") for _ in range(rng.randrange(1, 4))).encode() for _ in range(300)})
    table = _table({"bi": words, "doc": [b"d1", b"d2"]})
    for number, word in enumerate(words):
        assert table.term_info("bi", word).inlined_postings()[0] == (number,)
        assert ("bi", word) in table and table.doc_frequency("bi", word) == 1
    assert ("bi", b"zz") not in table and ("doc", words[0]) not in table and ("nothing", b"d1") not in table
    with pytest.raises(TermNotFound):
        table.term_info("bi", b"zz")
    with pytest.raises(KeyError):  # what Whoosh's reader answers as a frequency of 0
        table.frequency("doc", b"d3")
    assert list(table.terms()) == [("bi", w) for w in words] + [("doc", b"d1"), ("doc", b"d2")]
    prefix = "稳".encode()
    expected = [("bi", w) for w in words if w >= prefix] + [("doc", b"d1"), ("doc", b"d2")]
    assert list(table.terms_from("bi", prefix)) == expected
    assert [term for term, _info in table.items_from("doc", b"d2")] == [("doc", b"d2")]
    assert sorted(table.indexed_field_names()) == ["bi", "doc"]
    cursor = table.cursor("doc", fields.ID())
    assert cursor.text() == "d1" and cursor.next() == "d2" and cursor.next() is None and not cursor.is_valid()
    assert cursor.find("d2") == "d2" and cursor.term_info().inlined_postings()[0] == (1,)


def test_records_looked_up_are_remembered_and_the_memory_stays_bounded(monkeypatch):
    from reader.core.search import term_table

    monkeypatch.setattr(term_table, "_REMEMBERED", 5)
    words = [f"词{n:03d}".encode() for n in range(40)]
    table = _table({"bi": words})
    reads = []
    original = table._record
    monkeypatch.setattr(table, "_record", lambda number: reads.append(number) or original(number))
    for _ in range(3):
        for number, word in enumerate(words):
            assert table.term_info("bi", word).inlined_postings()[0] == (number,)
            assert table.term_info("bi", word) is table.term_info("bi", word)
        assert ("bi", b"none") not in table
        assert len(table._looked_up) <= 5
    assert len(reads) == 3 * len(words)  # each read once per pass, then remembered for the next asks


def test_a_damaged_table_is_refused():
    buffer = io.BytesIO()
    writer = TermTableWriter(StructFile(buffer))
    buffer.close = lambda: None  # type: ignore[method-assign]
    writer.start_field("bi")
    writer.add(b"a", _inlined((1,), ()))
    writer.close()
    whole = buffer.getvalue()
    for damaged in (whole[:-3], b"XXXX" + whole[4:], whole[:10]):
        with pytest.raises(ValueError):
            _reader(damaged)


def test_whoosh_reads_a_segment_through_its_table(tmp_path):
    key = fields.NUMERIC(int, stored=True, unique=True)
    schema = fields.Schema(key=key, doc=fields.ID(stored=True), bi=NGramField(2))
    index = FileStorage(str(tmp_path)).create_index(schema)
    writer = BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())
    texts = ["稳中求进", "高质量发展", "稳步发展"]
    for key, text in enumerate(texts):
        writer.add_document(key=key, doc=f"d{key}", bi=fold(text))
    writer.commit()
    assert [p.suffix for p in tmp_path.iterdir() if p.suffix == ".trm"] == []  # no W3 hash file is written
    with index.searcher() as searcher:
        assert searcher.document_number(doc="d1") == 1
        assert sorted(searcher.lexicon("doc")) == [b"d0", b"d1", b"d2"]
        assert searcher.doc_frequency("bi", "发展") == 2 and searcher.doc_frequency("bi", "无此") == 0
        assert sorted(searcher.reader().expand_prefix("bi", "稳")) == sorted(t.encode() for t in ("稳", "稳中", "稳步"))
    deleting = index.writer(codec=IndexCodec())
    deleting.delete_by_term("doc", "d1")
    deleting.commit()
    with index.searcher() as searcher:
        assert searcher.doc_count() == 2 and searcher.document_number(doc="d1") is None
