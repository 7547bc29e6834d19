"""The index's codec writes Whoosh's postings without a field-length look-up per posting."""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3PerDocReader

from reader.core.library import Library
from reader.core.search.codec import IndexCodec
from reader.core.search.index import SearchIndex


def test_segments_are_written_with_our_codec_and_no_length_look_ups(data_dir, tmp_path, monkeypatch):
    looked_up = []
    original = W3PerDocReader.doc_field_length
    monkeypatch.setattr(
        W3PerDocReader,
        "doc_field_length",
        lambda self, *args, **kw: looked_up.append(args) or original(self, *args, **kw),
    )
    report = tmp_path / "report.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n彩虹桥工程进展顺利。\n\n星河港湾吞吐创新高。\n", encoding="utf-8")
    library = Library(data_dir)
    library.add(str(report))
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    try:
        search_index.sync(library.fingerprints(), library.document, processes=1)
        assert looked_up == [], "a length was looked up for a posting"
        segments = search_index.files.ix._segments()
        assert segments and all(isinstance(segment.codec(), IndexCodec) for segment in segments)
        assert search_index.search("彩虹桥").total == 1 and search_index.search("港湾 -彩虹").total == 1
    finally:
        search_index.close()
