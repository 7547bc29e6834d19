"""Segments are read through one memory map per file: each part a view, never a copy in a BytesIO."""

from __future__ import annotations

import io
import random

from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import OverlayStorage

from reader.core.search.index import SearchIndex
from reader.core.search.mapped import MappedFile, ViewFile, _ViewReader
from tests.core.search.one_report import indexed_report


def _segment_storages(index_reader):
    storages = [reader._storage for reader, _offset in index_reader.leaf_readers()]
    # A compound segment's files come first from its compound file (``a``), then from the folder.
    return [storage.a if isinstance(storage, OverlayStorage) else storage for storage in storages]


def test_a_searcher_reads_every_segment_part_as_a_view_of_the_map(data_dir, tmp_path):
    search_index = indexed_report(data_dir, tmp_path)
    try:
        assert search_index.search("彩虹桥").total == 1
        storages = _segment_storages(search_index.files.current_reader())
        assert storages, "the index has segments"
        for storage in storages:
            assert isinstance(storage, CompoundStorage)
            assert storage._source is None, "Whoosh mapped the file itself (and copies each part)"
            assert isinstance(storage._file, MappedFile)
            part = storage.open_file(storage.list()[0])
            assert isinstance(part, ViewFile) and isinstance(part._buf, memoryview)
            assert part._buf.obj is storage._file._map  # a view of the one map: no copy
    finally:
        search_index.close()


def test_a_view_reads_like_a_file():
    data = bytes(random.Random(7).randrange(256) for _ in range(5000)) + b"line one\nline two\n"
    view, reference = _ViewReader(memoryview(data)), io.BytesIO(data)
    steps = random.Random(11)
    for _ in range(400):
        choice = steps.randrange(4)
        if choice == 0:
            size = steps.randrange(-1, 300)
            assert view.read(size) == reference.read(size)
        elif choice == 1:
            offset, whence = steps.randrange(0, 6000), steps.choice((io.SEEK_SET, io.SEEK_CUR, io.SEEK_END))
            offset = offset if whence == io.SEEK_SET else -min(offset, reference.tell() if whence == 1 else len(data))
            assert view.seek(offset, whence) == reference.seek(offset, whence)
        elif choice == 2:
            assert view.readline() == reference.readline()
        assert view.tell() == reference.tell()


def test_a_cold_open_checks_files_by_size_and_time_and_reads_only_what_changed(data_dir, tmp_path, monkeypatch):
    import zlib

    indexed_report(data_dir, tmp_path).close()
    read: list[int] = []
    crc32 = zlib.crc32
    monkeypatch.setattr(zlib, "crc32", lambda data, *start: read.append(len(data)) or crc32(data, *start))
    cold = SearchIndex(data_dir / "index")
    assert cold.open() == "" and cold.search("彩虹桥").total == 1
    cold.close()
    assert read == [], "an untouched index was read whole to check it"
    texts = data_dir / "index" / "texts.u16"
    data = bytearray(texts.read_bytes())
    data[2] ^= 0x40  # a character flipped in place: same size, a new modification time
    texts.write_bytes(bytes(data))
    flipped = SearchIndex(data_dir / "index")
    assert "checksums" in flipped.open() and read, "a changed file must be read and found different"
    flipped.close()


def test_a_part_is_read_by_position_from_the_file_like_its_view(data_dir, tmp_path, monkeypatch):
    search_index = indexed_report(data_dir, tmp_path)
    try:
        storage = _segment_storages(search_index.files.current_reader())[0]
        rng = random.Random(3)
        for name in storage.list():
            part = storage.open_file(name)
            size = len(part._buf)
            inner = part.subset(size // 3, size - size // 3)
            for view in (part, inner):
                for _ in range(30):
                    at = rng.randrange(0, max(1, len(view._buf)))
                    length = rng.randrange(0, 200)
                    assert view.read_at(at, length) == bytes(view._buf[at : at + length])
        read_at = []
        original = ViewFile.read_at
        monkeypatch.setattr(ViewFile, "read_at", lambda self, *a: read_at.append(a) or original(self, *a))
        search_index.close()
        search_index.open()
        assert search_index.search("彩虹桥").total == 1
        assert read_at, "term records and posting runs are read by position, not through the map"
    finally:
        search_index.close()


def test_a_part_still_reads_after_its_file_was_closed_by_another_reader(tmp_path):
    path, elsewhere = tmp_path / "f.bin", tmp_path / "other.bin"
    path.write_bytes(bytes(range(256)) * 64)
    elsewhere.write_bytes(b"\xff" * 20_000)
    mapped = MappedFile(str(path), "f.bin")
    part = mapped.subset(1000, 500)
    mapped.close()  # Whoosh closed the segment: a thread still holding a part reads on
    other = open(elsewhere, "rb")  # noqa: SIM115 - another file takes the number the closed one had
    try:
        assert part.read_at(10, 20) == bytes((1010 + n) % 256 for n in range(20))
    finally:
        other.close()
