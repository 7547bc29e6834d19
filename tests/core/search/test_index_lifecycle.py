"""The index follows the library, and rebuilds itself when it is unusable."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from reader.core.library import Library, LibraryError
from reader.core.search.index import SCHEMA_VERSION, IndexBusyError, SearchIndex
from tests.conftest import SEED


def _report(path, *paragraphs: str) -> str:
    path.write_text("政府工作报告\n\n各位代表：\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def setup(data_dir, tmp_path):
    library = Library(data_dir)
    report = _report(tmp_path / "report.txt", "一、2025年工作回顾", "彩虹桥工程进展顺利。", "星河港湾吞吐创新高。")
    library.add(report)
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    search_index.sync(library.fingerprints(), library.document)
    yield library, search_index, tmp_path / "report.txt"
    search_index.close()


def _hits(search_index, query):
    return {hit.paragraph for hit in search_index.search(query, limit=0).hits}


def test_bundled_report_is_always_there(data_dir):
    library = Library(data_dir)
    entries = library.entries()
    assert [e.bundled for e in entries] == [True]
    with pytest.raises(LibraryError, match="cannot be removed"):
        library.remove(entries[0].id)


def test_reimport_updates_in_place(setup):
    library, search_index, path = setup
    document_id = library.resolve(str(path))
    assert len(_hits(search_index, "彩虹桥工程")) == 1
    _report(path, "一、2025年工作回顾", "月光宝盒计划启动。", "星河港湾吞吐创新高。")
    outcome = library.add(str(path))
    assert outcome.updated and outcome.document_id == document_id
    report = search_index.sync(library.fingerprints(), library.document)
    assert (report.updated, report.added, report.removed) == (1, 0, 0)
    assert _hits(search_index, "彩虹桥工程") == set()
    assert len(_hits(search_index, "月光宝盒计划")) == 1
    assert len(search_index.search("星河港湾", limit=0).hits) == 1  # no stale duplicate of the old version


def test_unchanged_library_is_not_reindexed(setup):
    library, search_index, _ = setup
    report = search_index.sync(library.fingerprints(), library.document)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)


def test_remove_drops_the_hits(setup):
    library, search_index, path = setup
    library.remove(library.resolve(str(path)))
    search_index.sync(library.fingerprints(), library.document)
    assert _hits(search_index, "星河港湾吞吐") == set()
    assert _hits(search_index, "八八战略")  # the bundled report is still searchable


def test_schema_version_change_rebuilds(setup, data_dir):
    library, search_index, _ = setup
    search_index.close()
    manifest = data_dir / "index" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["schema"] = SCHEMA_VERSION - 1
    manifest.write_text(json.dumps(data))
    reopened = SearchIndex(data_dir / "index")
    notice = reopened.open()
    assert "schema version" in notice and "needs repair" in notice
    report = reopened.sync(library.fingerprints(), library.document)
    assert "schema version" in report.rebuilt
    assert len(_hits(reopened, "星河港湾吞吐")) == 1
    reopened.close()


def _listing(folder):
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


DAMAGES = [
    "garbage-segment",
    "missing-store",
    "truncated-manifest",
    "deleted-toc",
    "truncated-segment",
    "deleted-segment",
    "flipped-text",
    "flipped-keys",
    "flipped-paragraph-ids",
    "missing-paragraph-ids",
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_corrupt_index_is_reported_by_readers_and_rebuilt_by_the_writer(setup, data_dir, damage):
    library, search_index, _ = setup
    search_index.close()
    folder = data_dir / "index"
    if damage == "garbage-segment":
        for path in folder.glob("*.seg"):
            path.write_bytes(os.urandom(64))
        for path in folder.glob("_paragraphs_*.toc"):
            path.write_bytes(os.urandom(64))
    elif damage == "missing-store":
        (folder / "texts.u16").unlink()
    elif damage == "truncated-manifest":
        (folder / "manifest.json").write_text("{")
    elif damage == "truncated-segment":
        for path in folder.glob("*.seg"):
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "deleted-segment":
        for path in folder.glob("*.seg"):
            path.unlink()
    elif damage == "flipped-text":
        data = bytearray((folder / "texts.u16").read_bytes())
        data[len(data) // 2] ^= 0x5A
        (folder / "texts.u16").write_bytes(bytes(data))
    elif damage == "flipped-keys":
        data = bytearray((folder / "ends.npy").read_bytes())
        data[-3] ^= 0x01
        (folder / "ends.npy").write_bytes(bytes(data))
    elif damage == "flipped-paragraph-ids":  # a concordance would name a paragraph that is not there
        data = bytearray((folder / "paras.npy").read_bytes())
        data[-3] ^= 0x01
        (folder / "paras.npy").write_bytes(bytes(data))
    elif damage == "missing-paragraph-ids":
        (folder / "paras.npy").unlink()
    else:
        for path in folder.glob("*.toc"):
            path.unlink()
    before = _listing(folder)
    reader = SearchIndex(folder)
    notice = reader.open()
    assert "needs repair" in notice
    result = reader.search("星河港湾吞吐")
    assert result.total == 0 and "needs repair" in result.notice  # says why, never a wrong answer
    assert _listing(folder) == before, "a reader must never delete or rebuild the index"
    reader.close()
    writer = SearchIndex(folder)
    report = writer.sync(library.fingerprints(), library.document)
    assert report.rebuilt.startswith("Rebuilt the search index")
    assert len(_hits(writer, "星河港湾吞吐")) == 1, "a rebuilt index must not answer with silence"
    writer.close()
    healed = SearchIndex(folder)
    assert healed.open() == ""
    assert len(_hits(healed, "星河港湾吞吐")) == 1
    healed.close()


def test_text_left_by_an_interrupted_writer_never_counts(setup, data_dir):
    library, search_index, _ = setup
    total = search_index.search("星河港湾").total
    search_index.close()
    with (data_dir / "index" / "texts.u16").open("ab") as handle:  # appended, never committed
        handle.write("星河港湾星河港湾".encode("utf-16-le") + b"\x00\x00")
    reopened = SearchIndex(data_dir / "index")
    assert reopened.open() == ""
    assert reopened.search("星河港湾").total == total
    assert reopened.search("星", limit=0).total == search_index_total_of(library, "星")
    reopened.sync(library.fingerprints(), library.document)  # the writer cuts it off
    assert (data_dir / "index" / "texts.u16").stat().st_size == reopened.store.known_units * 2
    reopened.close()


def search_index_total_of(library, term: str) -> int:
    """Paragraphs holding a term, by a plain scan of the library's documents."""
    return sum(
        1 for entry in library.entries() for p in library.document(entry.id).paragraphs if term in p.text.lower()
    )


def test_busy_writer_gives_a_clear_error_and_search_still_works(setup, data_dir, tmp_path):
    library, search_index, _ = setup
    other = SearchIndex(data_dir / "index")
    other.open()
    writer = other.files.ix.writer()  # another process holding the write lock
    try:
        library.add(_report(tmp_path / "second.txt", "紫金山天文台扩建。"))
        with pytest.raises(IndexBusyError, match="another process"):
            search_index.sync(library.fingerprints(), library.document, timeout=0.2)
        assert len(_hits(search_index, "星河港湾吞吐")) == 1
    finally:
        writer.cancel()
        other.close()
    search_index.sync(library.fingerprints(), library.document)
    assert len(_hits(search_index, "紫金山天文台")) == 1


def test_read_only_index_still_searches(setup, data_dir):
    _library, search_index, _ = setup
    search_index.close()
    folder = data_dir / "index"
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions do not bind")
        reopened = SearchIndex(folder)
        assert reopened.open() == ""
        assert len(_hits(reopened, "星河港湾吞吐")) == 1
        reopened.close()
    finally:
        for path in [folder, *folder.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_queries_never_raise(setup):
    _, search_index, _ = setup
    for query in ['"', '""', "OR", "OR OR", "-", "--", "* ? ~ ^ : [ ] { } ( )", "AND NOT", '"a" OR', "\x00", "\\"]:
        result = search_index.search(query)
        assert result.total >= 0


def test_compaction_keeps_results(setup, tmp_path):
    library, search_index, path = setup
    for round_number in range(4):  # each re-import kills the old version's texts
        _report(path, "一、2025年工作回顾", f"第{round_number}轮彩虹桥工程进展顺利。", "星河港湾吞吐创新高。")
        library.add(str(path))
        search_index.sync(library.fingerprints(), library.document)
    assert search_index.store.dead_fraction() < 0.5
    assert len(_hits(search_index, "星河港湾吞吐")) == 1
    assert len(_hits(search_index, "第3轮")) == 1 and _hits(search_index, "第2轮") == set()


def test_copied_library_folder_still_opens(setup, data_dir, tmp_path):
    _library, search_index, _ = setup
    search_index.close()
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    moved = SearchIndex(copy / "index")
    assert moved.open() == ""
    assert len(_hits(moved, "星河港湾吞吐")) == 1
    moved.close()
    assert SEED.exists()


@pytest.mark.parametrize(
    "failure", [BrokenPipeError(32, "Broken pipe"), OSError(12, "Cannot allocate memory"), OSError(5, "I/O error")]
)
def test_a_passing_system_error_is_said_but_not_taken_for_damage(setup, data_dir, monkeypatch, failure):
    _library, search_index, _ = setup
    finder = search_index._reader.finder

    def failing(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(finder, "hits", failing)
    result = search_index.search("稳中求进")
    assert result.total == 0
    passing = failure.errno in (32, 12)
    assert ("try again" in result.notice) == passing
    assert (data_dir / "index" / "DAMAGED").exists() != passing  # an I/O error is damage: the writer rebuilds
    assert bool(search_index.damage) != passing
    monkeypatch.undo()
    if passing:  # nothing was closed or marked: the next search reads as before
        assert search_index.search("稳中求进").total > 0
