"""A long import: its pace and time left, and what is stored becomes searchable as it goes."""

from __future__ import annotations

from reader.core.import_pace import ImportPace


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _reports(tmp_path, count: int, before: str, after: str):
    """A folder of ``count`` small reports, each with its own word (before + number + after)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for number in range(count):
        text = f"第{number}号市政府工作报告\n\n各位代表：\n\n独有词语{before}{number}{after}在此。\n"
        (folder / f"r{number}.txt").write_text(text, encoding="utf-8")
    return folder


def test_pace_is_documents_per_second_and_time_left_follows_it():
    clock = _Clock()
    pace = ImportPace(100, clock)
    assert pace.update(0) == (0.0, None)  # nothing done yet: no pace to tell
    clock.now += 10
    rate, left = pace.update(20)
    assert rate == 2.0 and left == 40.0
    for done in range(21, 100):  # it speeds up: the recent documents decide, not the whole run
        clock.now += 0.1
        rate, left = pace.update(done)
    assert rate > 9.0 and left is not None and left < 0.2


def test_what_is_stored_is_searchable_before_the_import_ends(qtbot, tmp_path, monkeypatch):
    from reader.services import library as library_service

    monkeypatch.setattr(library_service, "SEARCHABLE_EVERY", 2)
    folder = _reports(tmp_path, 5, "甲", "乙")
    service = library_service.LibraryService(tmp_path / "data")
    indexed_at_each_sync: list[int] = []
    original_sync = service._sync_index

    def sync() -> None:
        original_sync()
        indexed_at_each_sync.append(len(service._writer_index.documents))

    monkeypatch.setattr(service, "_sync_index", sync)
    paces: list[tuple[float, float]] = []
    service.importPace.connect(lambda rate, left: paces.append((rate, left)))
    with qtbot.waitSignal(service.importFinished, timeout=120000):
        service.import_sources([str(folder)])
    # The bundled report plus 2, then 4, then all 5: the index grew while the import ran.
    assert indexed_at_each_sync == [3, 5, 6]
    assert len(paces) == 5 and all(rate > 0 for rate, _left in paces[1:])
    service.close()


def test_a_fragmented_index_is_compacted_in_the_background_after_an_import(qtbot, tmp_path, monkeypatch):
    from reader.core.search import segments
    from reader.services import library as library_service

    monkeypatch.setattr(library_service, "SEARCHABLE_EVERY", 1)  # a segment per document
    monkeypatch.setattr(segments, "SMALL_UNITS", 0)  # a write takes no small segment in: they pile up
    monkeypatch.setattr(library_service, "COMPACT_FROM", 2)
    folder = _reports(tmp_path, 4, "丙", "丁")
    service = library_service.LibraryService(tmp_path / "data")
    compacted: list[int] = []
    original = service._compact

    def compact() -> None:  # on the service's worker
        before = service._writer_index.segment_count()
        original()
        compacted.append(before)

    monkeypatch.setattr(service, "_compact", compact)
    with qtbot.waitSignal(service.importFinished, timeout=120000):
        service.import_sources([str(folder)])
    qtbot.waitUntil(lambda: bool(compacted), timeout=60000)
    assert service._writes.wait(10000)  # the worker is idle: its index can be looked at from here
    assert compacted[0] >= 2 and service._writer_index.segment_count() == 1
    assert service._writer_index.search("独有词语丙3丁").total == 1
    service.close()
