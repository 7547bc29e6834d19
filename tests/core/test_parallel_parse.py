"""Sources parsed in worker processes come back in order, failures as outcomes, a bounded number ahead."""

from __future__ import annotations

import functools
from pathlib import Path

from reader.core import parallel_parse
from reader.core.library import ImportOutcome, Library, Prepared, prepare_source
from reader.core.parallel_parse import in_order


def _reports(folder, count: int) -> list[str]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"r{number}.txt"
        path.write_text(f"第{number}号报告\n\n各位代表：\n\n独有词语{number}号。\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_workers_hand_back_every_source_in_order_and_a_failure_as_its_outcome(tmp_path):
    sources = _reports(tmp_path / "in", 7)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    sources.insert(3, str(tmp_path / "in" / "empty.txt"))
    with in_order(functools.partial(prepare_source, tmp_path / "data"), sources, workers=2) as prepared:
        results = list(prepared)
    assert [r.source for r in results] == [str(Path(s).resolve()) for s in sources]
    assert isinstance(results[3], ImportOutcome) and results[3].error
    assert all(isinstance(r, Prepared) for n, r in enumerate(results) if n != 3)
    assert "独有词语6号" in results[-1].document.paragraphs[-1].text


def test_only_a_few_results_wait_ahead_of_the_caller(tmp_path, monkeypatch):
    sources = _reports(tmp_path / "in", 12)
    monkeypatch.setattr(parallel_parse, "AHEAD_PER_WORKER", 2)
    submitted: list[str] = []
    original = parallel_parse.ProcessPoolExecutor.submit

    def submit(self, function, *args):
        submitted.append(args[0])
        return original(self, function, *args)

    monkeypatch.setattr(parallel_parse.ProcessPoolExecutor, "submit", submit)
    with in_order(functools.partial(prepare_source, tmp_path / "data"), sources, workers=2) as prepared:
        next(prepared)
        assert len(submitted) == 2 * 2 + 1  # the window, refilled by one as one was taken


def test_a_library_import_of_a_folder_parses_in_workers_and_stores_in_order(tmp_path):
    _reports(tmp_path / "in", 5)
    library = Library(tmp_path / "data")
    outcomes = library.add_many([str(tmp_path / "in")], workers=2)
    assert [o.error for o in outcomes] == [""] * 5
    assert len([e for e in library.entries() if not e.bundled]) == 5
