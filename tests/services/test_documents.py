"""The document service: cached files shown at once, everything else read on the worker."""

from __future__ import annotations

import shutil

from reader.core.cache import DocumentCache
from reader.services.documents import DocumentService, OpenRequest
from reader.services.tasks import TaskRunner
from tests.conftest import SEED


def _service(tmp_path) -> tuple[DocumentService, DocumentCache]:
    cache = DocumentCache(tmp_path / "cache")
    return DocumentService(TaskRunner(), cache=cache), cache


def test_a_cached_file_is_delivered_synchronously_with_what_prepare_made(tmp_path):
    service, cache = _service(tmp_path)
    page = tmp_path / "report.html"
    shutil.copy(SEED, page)
    cache.load(page)
    delivered = []
    service.loaded.connect(lambda document, request, prepared: delivered.append((document, request.source, prepared)))
    assert service.open_from_cache(OpenRequest(str(page)), lambda document: len(document.paragraphs))
    assert len(delivered) == 1  # before any event loop ran
    document, source, prepared = delivered[0]
    assert source == document.source == str(page)
    assert prepared == len(document.paragraphs) == 96


def test_anything_not_cached_is_left_to_the_worker(qtbot, tmp_path):
    service, _cache = _service(tmp_path)
    page = tmp_path / "report.html"
    shutil.copy(SEED, page)
    delivered = []
    service.loaded.connect(lambda document, request, prepared: delivered.append(request.source))
    assert not service.open_from_cache(OpenRequest(str(page)))  # never parsed: not in the cache
    assert not service.open_from_cache(OpenRequest(str(tmp_path / "missing.html")))
    assert not service.open_from_cache(OpenRequest("https://www.zj.gov.cn/report.html"))
    assert not DocumentService(TaskRunner()).open_from_cache(OpenRequest(str(page)))  # no cache at all
    assert delivered == []
    with qtbot.waitSignal(service.loaded, timeout=15000):
        service.open(OpenRequest(str(page)))  # the worker parses it and fills the cache
    assert delivered == [str(page)]
    assert service.open_from_cache(OpenRequest(str(page)))
    assert delivered == [str(page), str(page)]


def test_a_changed_file_is_not_served_from_a_stale_cache(tmp_path):
    service, cache = _service(tmp_path)
    page = tmp_path / "report.html"
    shutil.copy(SEED, page)
    cache.load(page)
    page.write_bytes(page.read_bytes() + b"\n<!-- edited -->\n")
    assert not service.open_from_cache(OpenRequest(str(page)))


def test_a_request_carries_where_to_land():
    plain = OpenRequest.parse("/tmp/report.html")
    assert (plain.source, plain.node, plain.restore) == ("/tmp/report.html", "", True)
    linked = OpenRequest.parse("https://www.zj.gov.cn/art/report.html#n0123456789")
    assert linked.source == "https://www.zj.gov.cn/art/report.html"
    assert (linked.node, linked.restore) == ("n0123456789", False)
    assert OpenRequest.parse("/tmp/a#b.html").source == "/tmp/a#b.html"  # a file name may hold a '#'
