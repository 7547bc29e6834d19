"""Stored fields split in two: a block column for most, the original text per document; both read back whole."""

from __future__ import annotations

import io

import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile

from reader.core.search import stored_fields
from reader.core.search.bulk import BulkSegmentWriter
from reader.core.search.codec import IndexCodec
from reader.core.search.index_files import make_schema
from reader.core.search.ngrams import NGramField, fold
from reader.core.search.stored_fields import BlockColumn


class _File(StructFile):
    """A Whoosh file over bytes that can be read back after the writer is done."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data))

    def get(self, position: int, length: int) -> bytes:
        return self.file.getvalue()[position : position + length]


@pytest.mark.parametrize("documents", [1, 3, 64])
def test_a_block_column_reads_back_every_value_with_gaps_as_empty(documents):
    column = BlockColumn(documents=documents)
    out = _File()
    writer = column.writer(out)
    written = {0: b"a", 1: b"", 2: "稳中求进".encode(), 5: b"x" * 1000, 6: b"y"}  # 3 and 4 never added
    for docnum, value in written.items():
        writer.add(docnum, value)
    writer.finish(9)  # 7 and 8 neither
    data = out.file.getvalue()
    reader = column.reader(_File(b"pad" + data), 3, len(data), 9)
    expected = [written.get(n, b"") for n in range(9)]
    assert [reader[n] for n in range(9)] == expected
    assert [reader[n] for n in (8, 0, 5, 2)] == [expected[n] for n in (8, 0, 5, 2)]  # any order
    assert list(reader) == expected
    with pytest.raises(IndexError):
        reader[9]


def test_a_block_column_for_another_count_of_documents_is_refused():
    column = BlockColumn()
    out = _File()
    writer = column.writer(out)
    writer.add(0, b"a")
    writer.finish(1)
    data = out.file.getvalue()
    with pytest.raises(ValueError, match="documents"):
        column.reader(_File(data), 0, len(data), 2)


def _index(tmp_path, texts):
    index = FileStorage(str(tmp_path)).create_index(make_schema(), indexname="paragraphs")
    writer = BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())
    for key, (text, section) in enumerate(texts):
        original = {"text": text} if fold(text) != text else {}
        writer.add_document(key=key, doc=f"d{key // 3}", para=f"p{key}", section=section, bi=fold(text), **original)
    writer.commit()
    return index


TEXTS = [(f"第{n}段：ＧＤＰ增长" if n % 4 == 0 else f"第{n}段", ["一、总体要求", f"（{n % 2}）"]) for n in range(150)]


def test_every_stored_field_reads_back_and_the_original_alone_without_its_block(tmp_path, monkeypatch):
    index = _index(tmp_path, TEXTS)
    with index.reader() as reader:
        assert reader.doc_count_all() == len(TEXTS)  # W3's extra ``finish_doc`` at close added nothing
        for key, (text, section) in enumerate(TEXTS):
            expected = {"key": key, "doc": f"d{key // 3}", "para": f"p{key}", "section": section}
            if fold(text) != text:
                expected["text"] = text
            assert reader.stored_fields(key) == expected
        perdoc = reader._perdoc

        def no_block(*_args):
            raise AssertionError("the original is read without decompressing a block")

        monkeypatch.setattr(stored_fields.BlockColumn.Reader, "_block", no_block)
        assert perdoc.original(0) == {"text": TEXTS[0][0]} and perdoc.original(1) == {}


def test_the_index_reads_a_keys_original_and_its_stored_fields(tmp_path):
    from reader.core.search.index import SearchIndex

    search_index = SearchIndex(tmp_path / "index")
    search_index.files.create()
    index = search_index.files.ix
    writer = BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())
    for key, (text, section) in enumerate(TEXTS):
        original = {"text": text} if fold(text) != text else {}
        writer.add_document(key=key, doc="d", para=f"p{key}", section=section, bi=fold(text), **original)
    writer.commit()
    search_index.files.note_segment(writer.newsegment.segment_id(), writer.id_range())
    with index.reader() as reader:
        assert search_index.files.original_of(reader, 4) == TEXTS[4][0]
        assert search_index.files.original_of(reader, 5) is None  # folding changed nothing: not stored
        assert search_index.files.stored_of(reader, 7)["section"] == TEXTS[7][1]
        assert search_index.files.stored_of(reader, 10_000) is None


def test_a_plain_whoosh_schema_keeps_its_stored_fields_too(tmp_path):
    schema = fields.Schema(key=fields.NUMERIC(int, stored=True, unique=True), note=fields.STORED, bi=NGramField(2))
    index = FileStorage(str(tmp_path)).create_index(schema)
    writer = index.writer(codec=IndexCodec())
    writer.add_document(key=1, note={"any": ["value", 2]}, bi="稳中")
    writer.add_document(key=2, bi="求进")
    writer.commit()
    with index.searcher() as searcher:
        assert searcher.stored_fields(0) == {"key": 1, "note": {"any": ["value", 2]}}
        assert searcher.stored_fields(1) == {"key": 2}
