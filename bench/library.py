"""Library figures: identity on the corpus, importing the 74 corpus texts (CLI and GUI), a 1,000-report catalogue.

Baselines in the same run: parsing the same files one after another in one process (the
work an import cannot avoid), and filling a bare item model with the same 1,000 rows.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, ROOT, corpus_region_and_year


def _texts() -> list[Path]:
    return sorted(p for p in (CORPUS / "text").glob("*/*") if p.is_file())


def _identity() -> dict:
    from reader.core.loader import load_path
    from reader.core.naming import Identity

    right = speakers = dated = 0
    texts = _texts()
    for path in texts:
        identity = Identity.from_meta(load_path(path).meta)
        stem = path.stem
        expected = corpus_region_and_year(stem)
        right += (identity.region, identity.year) == expected
        speakers += bool(identity.speaker)
        dated += bool(identity.delivered)
    return {"texts": len(texts), "region_and_year_right": right, "with_speaker": speakers, "with_date": dated}


def _parse_floor_s(paths: list[Path]) -> float:
    from reader.core.loader import load_path

    started = time.perf_counter()
    for path in paths:
        load_path(path)
    return round(time.perf_counter() - started, 2)


def _cli_import_s(work: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(work / "cli"), "library", "add", str(CORPUS / "text")],
        check=True,
        capture_output=True,
        env=env,
        timeout=600,
    )
    return round(time.perf_counter() - started, 2)


def _gui_import(work: Path) -> dict:
    """The library service importing the corpus in a running Qt app; the GUI thread's longest pause meanwhile."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.services.library import LibraryService

    _app = QApplication.instance() or QApplication([])
    service = LibraryService(work / "gui")
    clock = QElapsedTimer()
    ticks = [0.0]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    clock.start()
    timer.start()
    loop = QEventLoop()  # an event loop like the app's (polling with QTest.qWait holds the GIL and slows workers)
    service.importFinished.connect(lambda _outcomes: loop.quit())
    started = time.perf_counter()
    service.import_sources([str(CORPUS / "text")])
    loop.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    service.close()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    return {"gui_import_74_s": round(elapsed, 2), "gui_thread_max_gap_ms": round(max(gaps), 1)}


def _catalogue(size: int) -> dict:
    """A catalogue of ``size`` reports: shown, sorted, grouped and filtered (GUI thread), next to a bare model fill."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTreeView

    from reader.core.library import LibraryEntry
    from reader.core.regions import PROVINCES
    from reader.ui.library.panel import LibraryPanel

    app = QApplication.instance() or QApplication([])
    entries = [
        LibraryEntry(
            id=f"d{n:012x}", title=f"{2000 + n % 27}年政府工作报告", source=f"/reports/{n}.html", kind="html",
            original="original.html", paragraphs=90 + n % 50, characters=12000 + n * 7 % 9000, sha1="", imported=0.0,
            region=PROVINCES[n % len(PROVINCES)][0], level="provincial", year=2000 + n % 27, doc_kind="政府工作报告",
            speaker=f"报告人{n % 97}", delivered=f"{2000 + n % 27}-01-{1 + n % 28:02d}",
            display=f"{PROVINCES[n % len(PROVINCES)][0]} · {2000 + n % 27}年政府工作报告",
        )
        for n in range(size)
    ]  # fmt: skip
    panel = LibraryPanel()
    panel.resize(700, 800)
    panel.show()
    app.processEvents()

    def timed(step) -> float:
        started = time.perf_counter()
        step()
        app.processEvents()
        return round((time.perf_counter() - started) * 1000, 1)

    figures = {
        "show_ms": timed(lambda: panel.show_entries(entries)),
        "sort_by_year_ms": timed(lambda: panel.list.sortByColumn(1, Qt.SortOrder.AscendingOrder)),
        "sort_by_characters_ms": timed(lambda: panel.list.sortByColumn(6, Qt.SortOrder.DescendingOrder)),
        "group_by_region_ms": timed(lambda: panel.set_grouping("region")),
        "group_by_year_ms": timed(lambda: panel.set_grouping("year")),
        "filter_ms": timed(lambda: panel.filter_box.setText("浙江")),
        "clear_filter_ms": timed(panel.filter_box.clear),
    }
    model = QStandardItemModel()
    bare = QTreeView()
    bare.setModel(model)
    bare.show()

    def fill() -> None:
        for entry in entries:
            model.appendRow(
                [
                    QStandardItem(str(v))
                    for v in (
                        entry.region,
                        entry.year,
                        entry.doc_kind,
                        entry.title,
                        entry.speaker,
                        entry.delivered,
                        entry.characters,
                    )
                ]
            )

    figures["baseline_bare_model_fill_ms"] = timed(fill)
    panel.close()
    bare.close()
    figures["targets_ms"] = {"show": 100, "sort_group_filter": 50}
    return figures


def measure() -> dict:
    if not CORPUS.exists():
        return {"skipped": f"corpus not found at {CORPUS}"}
    work = Path(tempfile.mkdtemp(prefix="rr-bench-library-"))
    try:
        at_1000, at_10000 = _catalogue(1000), _catalogue(10_000)
        growth = {
            key: round(at_10000[key] / at_1000[key], 1)
            for key in at_1000
            if key.endswith("_ms") and isinstance(at_1000[key], float) and at_1000[key]
        }
        catalogue = {"at_1000": at_1000, "at_10000": at_10000, "growth_1000_to_10000": growth}
        figures = {"identity": _identity(), "catalogue": catalogue}
        figures["import"] = {
            "baseline_parse_74_one_process_s": _parse_floor_s(_texts()),
            "cli_library_add_74_s": _cli_import_s(work),
            **_gui_import(work),
            "targets_s": {"cli": 8, "gui": 12},
        }
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)
