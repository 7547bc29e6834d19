"""Bulk bigram postings: the same terms, postings and bytes as Whoosh's per-posting writer; rare terms inlined."""

from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage

from reader.core.search.bulk import BulkSegmentWriter, _sorted_pairs, gram_postings
from reader.core.search.codec import INLINE_LIMIT, IndexCodec
from reader.core.search.ngrams import NGramField, fold, gram_counts, ngrams

TEXTS = [
    "政府工作报告",
    "",
    "稳",  # one character: its own term
    "稳中求进，稳字当头；稳中求进。",  # grams repeated in one text are one posting, weighted by their count
    "哈哈哈",  # a gram of one repeated character: overlapping occurrences count
    "ＧＤＰ增长５．２％，PM2.5下降",  # folded: width and case
    "𠀀𠀁生僻字𠀀",  # beyond the BMP: a character is one code point, not two UTF-16 units
    "a",
    "ab",
    "稳",
]


def _expected(texts: list[str]) -> dict[bytes, list[tuple[int, int]]]:
    """Each gram's (text number, count) postings, counted text by text as the field's ``index`` does."""
    found: dict[bytes, list[tuple[int, int]]] = {}
    for number, text in enumerate(texts):
        for gram, count in gram_counts(fold(text), 2).items():
            found.setdefault(gram.encode("utf-8"), []).append((number, count))
    return dict(sorted(found.items()))


def _postings(texts: list[str]) -> dict[bytes, list[tuple[int, int]]]:
    made = gram_postings([fold(t) for t in texts])
    return {btext: list(zip(numbers.tolist(), counts.tolist(), strict=True)) for btext, numbers, counts in made}


def test_gram_postings_match_the_tokenizer_text_by_text():
    got = _postings(TEXTS)
    assert got == _expected(TEXTS)
    assert got["稳中".encode()] == [(3, 2)] and got["哈哈".encode()] == [(4, 2)]
    assert got["稳".encode()] == [(2, 1), (3, 3), (9, 1)]  # a character: every text holding it, and how often
    assert got["𠀀".encode()] == [(6, 2)]  # one code point, not two UTF-16 units
    assert got["哈".encode()] == [(4, 3)]
    assert list(got) == sorted(got), "terms must come in the order of their UTF-8 bytes"


def test_a_gram_of_two_different_characters_counts_as_str_count():
    rng = random.Random(5)
    texts = [fold("".join(rng.choice("稳中求进，稳") for _ in range(rng.randrange(0, 60)))) for _ in range(300)]
    for btext, numbers, counts in gram_postings(texts):
        gram = btext.decode()
        if len(gram) == 2 and gram[0] != gram[1]:
            assert counts.tolist() == [texts[n].count(gram) for n in numbers.tolist()]


def test_gram_postings_match_on_random_text():
    alphabet = "稳中求进发展改革开放创新协调绿色共享ab1２\u3000𠀀，。"
    rng = random.Random(7)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(400)]
    assert _postings(texts) == _expected(texts)


def test_pairs_built_a_chunk_at_a_time_are_the_pairs_built_at_once():
    rng = random.Random(11)
    texts = [fold("".join(rng.choice("稳中求进发展ab，") for _ in range(rng.randrange(0, 30)))) for _ in range(200)]
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    pairs, counts = _sorted_pairs(texts, lengths, chunk=7)
    whole_pairs, whole_counts = _sorted_pairs(texts, lengths, chunk=1 << 20)
    assert np.array_equal(pairs, whole_pairs) and np.array_equal(counts, whole_counts)


def test_no_texts_no_terms():
    assert list(gram_postings([])) == []
    assert list(gram_postings(["", ""])) == []


def _schema() -> fields.Schema:
    return fields.Schema(
        key=fields.NUMERIC(int, stored=True, unique=True, sortable=True), doc=fields.ID(stored=True), bi=NGramField(2)
    )


def _build(folder, bulk: bool, texts: list[str]) -> dict[str, bytes]:
    folder.mkdir()
    index = FileStorage(str(folder)).create_index(_schema(), indexname="t")
    codec = IndexCodec()
    writer = (
        BulkSegmentWriter(index, "bi", "key", codec=codec, compound=False)
        if bulk
        else index.writer(codec=codec, compound=False)
    )
    for key, text in enumerate(texts):
        writer.add_document(key=key, doc=f"d{key % 3}", bi=fold(text))
    writer.commit()
    return {path.suffix: path.read_bytes() for path in folder.iterdir() if path.suffix in (".rtt", ".pst")}


def test_the_segment_written_in_bulk_is_byte_for_byte_the_per_posting_writers(tmp_path):
    rng = random.Random(3)
    alphabet = "稳中求进发展改革开放创新协调绿色共享，。"
    texts = [*TEXTS, *("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 300))) for _ in range(300))]
    whoosh_files = _build(tmp_path / "whoosh", False, texts)
    bulk_files = _build(tmp_path / "bulk", True, texts)
    assert set(whoosh_files) == {".rtt", ".pst"}
    assert bulk_files == whoosh_files


def test_searching_a_bulk_segment_finds_every_text(tmp_path):
    (tmp_path / "i").mkdir()
    index = FileStorage(str(tmp_path / "i")).create_index(_schema())
    writer = BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())
    for key, text in enumerate(TEXTS):
        writer.add_document(key=key, doc="d", bi=fold(text))
    writer.commit()
    with index.searcher() as searcher:
        for gram, postings in _expected(TEXTS).items():
            matcher = searcher.postings("bi", gram)
            got = []
            while matcher.is_active():
                got.append((searcher.stored_fields(matcher.id())["key"], int(matcher.weight())))
                matcher.next()
            assert sorted(got) == postings


def test_a_rare_term_keeps_its_postings_in_its_record_and_a_common_one_in_a_run(tmp_path):
    (tmp_path / "i").mkdir()
    index = FileStorage(str(tmp_path / "i")).create_index(_schema())
    writer = BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())
    texts = ["稳中求进" if n % 2 else f"第{n}号" for n in range(40)]
    for key, text in enumerate(texts):
        writer.add_document(key=key, doc="d", bi=fold(text))
    writer.commit()
    with index.reader() as reader:
        common, rare = reader.term_info("bi", "稳中"), reader.term_info("bi", "第8")
        assert not common.is_inlined() and rare.is_inlined()
        assert rare.doc_frequency() == 1 and common.doc_frequency() == 20
        assert list(reader.postings("bi", "第8").all_ids()) == [8]
        assert list(reader.postings("bi", "稳中").all_ids()) == list(range(1, 40, 2))


def test_a_bulk_field_must_sort_first(tmp_path):
    (tmp_path / "i").mkdir()
    schema = fields.Schema(a=fields.ID(), bi=NGramField(2))
    index = FileStorage(str(tmp_path / "i")).create_index(schema)
    with pytest.raises(ValueError, match="sort before"):
        BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())


def test_a_grams_postings_read_as_keys_across_segments_inlined_or_in_runs(tmp_path):
    from reader.core.search.postings import gram_counts as read_counts
    from reader.core.search.postings import gram_keys, segment_readers

    (tmp_path / "i").mkdir()
    index = FileStorage(str(tmp_path / "i")).create_index(_schema())
    texts = {}
    for first in (0, 1000):  # two segments: keys are not docnums
        writer = BulkSegmentWriter(index, "bi", "key", codec=IndexCodec())
        for key in range(first + 400, first, -1):  # added in descending key order
            texts[key] = ("稳中求进稳中" if key % 2 else "稳中求进") if key % 3 else f"第{key}号"
            writer.add_document(key=key, doc="d", bi=fold(texts[key]))
        writer.commit(merge=False)
    expected: dict[str, list[int]] = {}
    for key in sorted(texts):
        for gram in ngrams(texts[key], 2):
            expected.setdefault(gram, []).append(key)
    weighted = {gram: [gram_counts(texts[key], 2)[gram] for key in keys] for gram, keys in expected.items()}
    with index.searcher() as searcher:
        readers = segment_readers(searcher.reader())
        assert len(readers) == 2
        for gram, keys in expected.items():
            assert gram_keys(readers, "bi", gram).tolist() == keys, gram
            found, counts = read_counts(readers, "bi", gram)
            assert found.tolist() == keys and counts.tolist() == weighted[gram], gram
        assert set(weighted["稳中"]) == {1, 2}  # counts other than 1 in runs and records
        assert gram_keys(readers, "bi", "无此").tolist() == []
        records = [info for reader in readers for _term, info in reader.iter_field("bi")]
        assert all(info.is_inlined() == (info.doc_frequency() < INLINE_LIMIT) for info in records)
        assert {info.is_inlined() for info in records} == {True, False}  # a few in the record, more in a run
