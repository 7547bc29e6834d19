"""The parsed-document cache: fresh entries served, anything stale or damaged parsed again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reader.core import cache as cache_module
from reader.core.cache import DocumentCache, document_modules, fingerprint_of
from reader.core.serialize import dump_document
from tests.conftest import SEED


def _page(tmp_path):
    page = tmp_path / "report.html"
    shutil.copy(SEED, page)
    return page


def test_an_entry_round_trips_the_document(tmp_path):
    cache, page = DocumentCache(tmp_path / "cache"), _page(tmp_path)
    assert cache.get(page) is None
    parsed = cache.load(page)  # parses and stores
    cached = cache.get(page)
    assert cached is not None and cached is not parsed
    assert dump_document(cached) == dump_document(parsed)


def test_a_changed_file_misses(tmp_path):
    cache, page = DocumentCache(tmp_path / "cache"), _page(tmp_path)
    before = dump_document(cache.load(page))
    page.write_bytes(page.read_bytes().replace("各位代表".encode(), "各位委员".encode(), 1))
    assert cache.get(page) is None
    after = dump_document(cache.load(page))  # parsed again, and now cached
    assert after != before
    assert dump_document(cache.get(page)) == after


def test_a_damaged_entry_is_removed_and_the_file_parsed_again(tmp_path):
    cache, page = DocumentCache(tmp_path / "cache"), _page(tmp_path)
    cache.load(page)
    (entry,) = (tmp_path / "cache").glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get(page) is None
    assert not entry.exists()
    assert len(cache.load(page).paragraphs) == 96


def test_an_entry_written_for_another_key_is_never_served(tmp_path):
    # Entry names are a 32-bit checksum of the key: a clash must read as a miss.
    cache, page = DocumentCache(tmp_path / "cache"), _page(tmp_path)
    cache.load(page)
    (entry,) = (tmp_path / "cache").glob("*.json")
    envelope = json.loads(entry.read_text(encoding="utf-8"))
    envelope["key"] = envelope["key"] + "-another-file"
    entry.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    assert cache.get(page) is None


def _core_copy(tmp_path):
    core = tmp_path / "core"
    shutil.copytree(Path(cache_module.__file__).resolve().parent, core, ignore=shutil.ignore_patterns("__pycache__"))
    return core


def test_the_fingerprint_follows_every_module_that_shapes_a_document(tmp_path):
    core = _core_copy(tmp_path)
    modules = document_modules(core)
    names = {path.relative_to(core).as_posix() for path in modules}
    # The identity rules (region, year, speaker) and the region table shape every Document.
    assert {"identity.py", "regions.py", "loader.py", "serialize.py", "outline.py", "formats/html_page.py"} <= names
    before = fingerprint_of(core)
    for path in modules:
        original = path.read_bytes()
        path.write_bytes(original + b"\n# a changed rule\n")
        assert fingerprint_of(core) != before, f"changing {path.name} left the fingerprint as it was"
        path.write_bytes(original)
    assert fingerprint_of(core) == before


def test_a_module_no_document_depends_on_leaves_the_fingerprint(tmp_path):
    core = _core_copy(tmp_path)
    assert core / "bookmarks.py" not in document_modules(core)
    before = fingerprint_of(core)
    (core / "bookmarks.py").write_text("# unrelated change\n", encoding="utf-8")
    assert fingerprint_of(core) == before


def test_a_new_fingerprint_parses_the_cached_file_again(tmp_path, monkeypatch):
    cache, page = DocumentCache(tmp_path / "cache"), _page(tmp_path)
    cache.load(page)
    assert cache.get(page) is not None
    monkeypatch.setattr(cache_module, "parser_fingerprint", lambda: "0badc0de")
    assert cache.get(page) is None
