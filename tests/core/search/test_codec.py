"""The index's codec writes Whoosh's postings without a field-length look-up per posting."""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3PerDocReader

from reader.core.library import Library
from reader.core.search.codec import IndexCodec
from reader.core.search.index import SearchIndex
from reader.core.search.store import DEAD
from tests.core.search.one_report import indexed_report


def test_segments_are_written_with_our_codec_and_no_length_look_ups(data_dir, tmp_path, monkeypatch):
    looked_up = []
    original = W3PerDocReader.doc_field_length
    monkeypatch.setattr(
        W3PerDocReader,
        "doc_field_length",
        lambda self, *args, **kw: looked_up.append(args) or original(self, *args, **kw),
    )
    search_index = indexed_report(data_dir, tmp_path)
    try:
        assert looked_up == [], "a length was looked up for a posting"
        segments = search_index.files.ix._segments()
        assert segments and all(isinstance(segment.codec(), IndexCodec) for segment in segments)
        assert search_index.search("彩虹桥").total == 1 and search_index.search("港湾 -彩虹").total == 1
    finally:
        search_index.close()


def test_compact_merges_the_segments_and_drops_removed_text_without_changing_an_answer(data_dir, tmp_path):
    library = Library(data_dir)
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    words = ["彩虹桥工程", "星河港湾", "月光宝盒", "云端数据"]
    try:
        for number, word in enumerate(words):  # one sync each: a segment each (or merged ones)
            report = tmp_path / f"r{number}.txt"
            report.write_text(f"政府工作报告\n\n各位代表：\n\n{word}进展顺利，与{words[0]}相关。\n", encoding="utf-8")
            library.add(str(report))
            search_index.sync(library.fingerprints(), library.document)
        library.remove(library.resolve(str(tmp_path / "r3.txt")))
        search_index.sync(library.fingerprints(), library.document)
        answers = {word: search_index.search(word, limit=0).total for word in words}
        assert answers == {"彩虹桥工程": 3, "星河港湾": 1, "月光宝盒": 1, "云端数据": 0}
        assert search_index.store.dead_fraction() > 0
        search_index.compact()
        assert search_index.segment_count() == 1
        assert search_index.store.dead_fraction() == 0
        assert {word: search_index.search(word, limit=0).total for word in words} == answers
        reopened = SearchIndex(data_dir / "index")
        assert reopened.open() == ""  # the manifest names the compacted commit: nothing to repair
        assert reopened.search("月光宝盒").total == 1
        reopened.close()
    finally:
        search_index.close()


def test_each_write_takes_the_small_segments_in_and_a_full_segment_starts_another(data_dir, tmp_path, monkeypatch):
    from reader.core.search import segments, writer

    library = Library(data_dir)
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    try:
        for number in range(3):  # one sync each: the small segment before is taken into the new one
            report = tmp_path / f"r{number}.txt"
            report.write_text(f"政府工作报告\n\n各位代表：\n\n独有词语{number}号进展顺利。\n", encoding="utf-8")
            library.add(str(report))
            search_index.sync(library.fingerprints(), library.document)
            assert search_index.segment_count() == 1
        monkeypatch.setattr(writer, "SEGMENT_UNITS", 1)  # every document fills a segment
        monkeypatch.setattr(segments, "SMALL_UNITS", 0)
        for number in range(3, 5):
            report = tmp_path / f"r{number}.txt"
            report.write_text(f"政府工作报告\n\n各位代表：\n\n独有词语{number}号进展顺利。\n", encoding="utf-8")
            library.add(str(report))
        search_index.sync(library.fingerprints(), library.document)
        assert search_index.segment_count() == 3  # one per document committed as it filled up, then the last
        assert [search_index.search(f"独有词语{n}号").total for n in range(5)] == [1] * 5
    finally:
        search_index.close()


def test_a_key_is_looked_up_only_in_the_segment_that_holds_it(data_dir, tmp_path, monkeypatch):
    from reader.core.search import segments

    monkeypatch.setattr(segments, "SMALL_UNITS", 0)  # one segment per sync
    library = Library(data_dir)
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    try:
        for number in range(3):
            report = tmp_path / f"r{number}.txt"
            report.write_text(f"政府工作报告\n\n各位代表：\n\n独有词语{number}号进展顺利。\n", encoding="utf-8")
            library.add(str(report))
            search_index.sync(library.fingerprints(), library.document)
        files = search_index.files
        index_reader = files.current_reader()
        assert search_index.segment_count() == 3 and len(files.manifest["segments"]) == 3
        asked: list[str] = []
        original = type(index_reader.leaf_readers()[0][0]).first_id

        def first_id(reader, field, text):
            asked.append(reader.segment().segment_id())
            return original(reader, field, text)

        monkeypatch.setattr(type(index_reader.leaf_readers()[0][0]), "first_id", first_id)
        ours = [files.stored_of(index_reader, key) for key in range(files.store.size)]
        assert not asked  # each segment holds its keys in order: found where they should be, no look-up
        monkeypatch.undo()
        with files.ix.searcher() as searcher:  # Whoosh's own look-up, by the key's term
            assert ours == [
                searcher.stored_fields(searcher.document_number(key=key)) for key in range(files.store.size)
            ]
        imported = sorted((info["ordinal"], d) for d, info in files.documents.items() if not library.entry(d).bundled)
        middle, removed = imported[len(imported) // 2]
        library.remove(removed)
        search_index.sync(library.fingerprints(), library.document)
        search_index.compact()  # one segment: the first report's keys, then the last's, with a gap between
        assert set(files.manifest["segments"]) == {s.segment_id() for s in files.ix._segments()}
        index_reader = files.current_reader()
        assert search_index.segment_count() == 1
        live = [key for key in range(files.store.size) if files.store.docs[key] != DEAD]
        assert 0 < len(live) < files.store.size and middle not in files.store.docs
        monkeypatch.setattr(type(index_reader.leaf_readers()[0][0]), "first_id", first_id)
        assert [files.stored_of(index_reader, key)["key"] for key in live] == live
        assert asked  # past the gap a key is not where it would be in order: looked up
        assert all(files.stored_of(index_reader, key) is None for key in range(files.store.size) if key not in live)
    finally:
        search_index.close()
