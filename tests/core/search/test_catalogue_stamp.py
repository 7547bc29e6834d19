"""The catalogue's change stamp: a search at an unchanged catalogue does not compare it entry by entry."""

from __future__ import annotations

import pytest

from reader.cli.common import sync_index
from reader.core.library import Library
from reader.core.paths import DataLayout
from reader.core.search.index import SearchIndex


def _report(folder, name: str, text: str):
    path = folder / f"{name}.md"
    path.write_text(f"# {name}政府工作报告\n\n{text}\n", encoding="utf-8")
    return path


def test_the_stamp_follows_every_change_of_the_catalogue_and_only_those(tmp_path):
    library = Library(tmp_path / "data")
    first = library.change_stamp()  # the bundled report is imported first
    assert first and library.change_stamp() == first and Library(tmp_path / "data").change_stamp() == first
    outcome = library.add(str(_report(tmp_path, "甲", "发展数字经济。")))
    added = library.change_stamp()
    assert added != first
    library.remove(outcome.document_id)
    assert library.change_stamp() not in (first, added)


def test_a_rebuilt_catalogue_never_repeats_an_old_stamp(tmp_path):
    library = Library(tmp_path / "data")
    before = library.change_stamp()
    library.catalogue.close()
    library.catalogue.path.unlink()  # rebuilt from the document folders on the next read
    again = Library(tmp_path / "data")
    assert again.change_stamp().split(":")[0] != before.split(":")[0]


def _found(data, query: str) -> int:
    search_index = sync_index(data, Library(data), quiet=True)
    try:
        return search_index.search(query).total
    finally:
        search_index.close()


def test_a_search_at_the_same_stamp_skips_the_comparison_and_a_change_is_indexed(tmp_path, monkeypatch):
    data = tmp_path / "data"
    assert _found(data, "数字经济") > 0  # the first search indexes the bundled report and keeps the stamp
    compared = []
    original = Library.fingerprints
    monkeypatch.setattr(Library, "fingerprints", lambda self: compared.append(1) or original(self))
    assert _found(data, "数字经济") > 0 and compared == []
    Library(data).add(str(_report(tmp_path, "乙", "建设海上风电示范区。")))  # another process adds a report
    assert _found(data, "海上风电") == 1 and compared == [1]
    assert _found(data, "海上风电") == 1 and compared == [1]  # current again


def test_an_index_updated_without_a_stamp_is_compared_again(tmp_path, monkeypatch):
    data = tmp_path / "data"
    assert _found(data, "数字经济") > 0
    library = Library(data)
    index = SearchIndex(DataLayout(data).index)
    index.open()
    index.sync(library.fingerprints(), library.document)  # a writer that gives no stamp (an older one)
    assert not index.current_for(library.change_stamp())
    index.close()
    compared = []
    original = Library.fingerprints
    monkeypatch.setattr(Library, "fingerprints", lambda self: compared.append(1) or original(self))
    assert _found(data, "数字经济") > 0 and compared == [1]


def test_an_interrupted_sync_keeps_no_stamp(tmp_path):
    data = tmp_path / "data"
    library = Library(data)
    library.add(str(_report(tmp_path, "丙", "推进乡村振兴。")))
    stamp = library.change_stamp()
    index = SearchIndex(DataLayout(data).index)
    index.open()

    def failing(doc_id):
        raise OSError("the disk went away")

    with pytest.raises(OSError):
        index.sync(library.fingerprints(), failing, stamp=stamp)
    index.close()
    again = SearchIndex(DataLayout(data).index)
    again.open()
    assert not again.current_for(stamp)
    again.close()
