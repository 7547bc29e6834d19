"""GUI figures: cold start to first paint, memory, and GUI-thread stalls.

Each figure sits next to a bare PySide6 window showing the same prepared HTML in
a QTextBrowser, measured in the same run.
"""

from __future__ import annotations

import html
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, SEED, first_paint
from reader.core.paths import DataLayout

RUNS = 5


def _prepared_html(path: Path) -> None:
    from reader.core.loader import load_path

    document = load_path(SEED)
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in document.meta.items())
    body = []
    for paragraph in document.paragraphs:
        runs = "".join(f"<b>{html.escape(r.text)}</b>" if r.bold else html.escape(r.text) for r in paragraph.runs)
        align = " align='center'" if paragraph.centered else ""
        body.append(f"<p{align}>{runs}</p>")
    path.write_text(f"<html><body><table>{rows}</table>{''.join(body)}</body></html>", encoding="utf-8")


def _start_display() -> tuple[dict, subprocess.Popen | None]:
    if shutil.which("Xvfb") is None:
        return {"QT_QPA_PLATFORM": "offscreen"}, None
    display = f":{150 + os.getpid() % 50}"
    process = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.05)
    return {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}, process


def _compile_bytecode() -> None:
    """Compile the package's bytecode, as ``pip install`` does, so starts measure the app, not the compiler.

    An editable install under ``PYTHONDONTWRITEBYTECODE`` (as on CI) would otherwise
    compile every module from source at every start.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "reader")], check=True, stdout=subprocess.DEVNULL
    )


def _cold_start(work: Path, display_env: dict) -> dict:
    _compile_bytecode()
    prepared = work / "prepared.html"
    _prepared_html(prepared)
    env = {**os.environ, **display_env, "PYTHONPATH": str(ROOT), "LANG": "zh_CN.UTF-8"}
    app_times, app_rss, bare_times, bare_rss, first_times, first_rss = [], [], [], [], [], []
    app_settled_rss: list[int] = []
    for run in range(RUNS):
        data_dir = work / f"data{run}"
        out = work / "app-paint.txt"
        app_env = {**env, "REPORT_READER_FIRST_PAINT_FILE": str(out)}
        command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir)]
        # First start with an empty data directory: the report is parsed.
        elapsed, rss = first_paint(command, app_env, out)
        first_times.append(elapsed)
        first_rss.append(rss)
        # Every later start: a new process, the parsed cache in the data directory.
        elapsed, rss = first_paint(command, app_env, out)
        app_times.append(elapsed)
        app_rss.append(rss)
        out = work / "bare-paint.txt"
        elapsed, rss = first_paint(
            [sys.executable, str(ROOT / "bench" / "bare_window.py"), str(prepared), str(out)], env, out
        )
        bare_times.append(elapsed)
        bare_rss.append(rss)
    # Memory once the panels are built and the background services started: a separate
    # run, so its busy seconds do not disturb the timed starts above.
    first_paint(command, app_env, work / "app-paint.txt", settled=app_settled_rss)
    app_ms, bare_ms = statistics.median(app_times), statistics.median(bare_times)
    app_mib, bare_mib = statistics.median(app_rss) / 1024, statistics.median(bare_rss) / 1024
    return {
        "platform": display_env["QT_QPA_PLATFORM"],
        "runs": RUNS,
        "app_first_paint_ms": round(app_ms, 1),
        "bare_window_first_paint_ms": round(bare_ms, 1),
        "ratio": round(app_ms / bare_ms, 2),
        "target_ratio": 1.3,
        "app_rss_mib": round(app_mib, 1),
        "bare_window_rss_mib": round(bare_mib, 1),
        "rss_ratio": round(app_mib / bare_mib, 2),
        "target_rss_ratio": 1.5,
        "app_rss_settled_mib": round(app_settled_rss[0] / 1024, 1),
        "first_ever_start_ms": round(statistics.median(first_times), 1),
        "first_ever_start_ratio": round(statistics.median(first_times) / bare_ms, 2),
        "first_ever_start_rss_mib": round(statistics.median(first_rss) / 1024, 1),
        "app_samples_ms": [round(t, 1) for t in app_times],
        "bare_samples_ms": [round(t, 1) for t in bare_times],
    }


def _second_stage_gaps(data_dir: Path) -> dict:
    """Largest gap of a 5 ms timer from the first page until the panels are built (run first in the process,
    so the panel modules are imported then, as in the app)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest

    from reader.core.cache import DocumentCache
    from reader.services.settings import Settings
    from reader.services.tasks import TaskRunner
    from reader.ui.launch import create_document_service
    from reader.ui.reading.appearance import chinese_font_families
    from reader.ui.root import compose

    DocumentCache(DataLayout(data_dir).cache).load(SEED)  # as after any earlier start
    runner = TaskRunner()
    families = tuple(chinese_font_families())
    settings = Settings(DataLayout(data_dir).settings)
    app = compose(create_document_service(data_dir, runner, None), settings, runner, families, staged=True)
    window = app.window
    window.resize(1200, 860)
    window.show()
    app.navigator.open_first(str(SEED))  # as run_gui does
    clock = QElapsedTimer()
    clock.start()
    ticks = [0.0]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    timer.start()
    while not app.is_complete:
        QTest.qWait(5)
    QTest.qWait(100)
    timer.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    window.close()
    runner.wait(3000)
    return {"max_gap_ms": round(max(gaps), 1), "until_complete_ms": round(ticks[-1] - 100, 1)}


def _stalls(display_env: dict) -> dict:
    """Largest gap between ticks of a 5 ms timer while scrolling, zooming and switching themes."""
    os.environ.update(display_env)
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.services.documents import DocumentService
    from reader.services.settings import Settings
    from reader.services.tasks import TaskRunner
    from reader.ui.reading.appearance import chinese_font_families
    from reader.ui.root import compose

    _app = QApplication.instance() or QApplication([])  # kept alive for the widgets below
    work = Path(tempfile.mkdtemp())
    second_stage = _second_stage_gaps(work / "staged")
    runner = TaskRunner()
    app = compose(DocumentService(runner), Settings(DataLayout(work).settings), runner, tuple(chinese_font_families()))
    window = app.window
    window.resize(1200, 860)
    window.show()
    shown = []
    app.navigator.documentShown.connect(shown.append)
    app.navigator.open(str(SEED))
    while not shown:
        QTest.qWait(10)
    QTest.qWait(300)

    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    def measure(steps) -> dict:
        gaps.clear()
        clock.start()
        last[0] = 0.0
        timer.start()
        for step in steps:
            step()
            QTest.qWait(15)
        timer.stop()
        ordered = sorted(gaps)
        return {
            "max_gap_ms": round(ordered[-1], 1),
            "p95_gap_ms": round(ordered[int(len(ordered) * 0.95)], 1),
            "steps": len(steps),
        }

    bar = app.view.verticalScrollBar()
    scroll = [lambda i=i: bar.setValue(int(bar.maximum() * i / 150)) for i in range(151)]
    zoom = [lambda d=d: app.style.zoom(d) for d in (1, 1, 1, -1, -1, -1, -1, 0, 1, -1)]
    zoom += [window.action(name).trigger for name in ("large", "small", "medium")]
    themes = [lambda n=n: app.style.set_theme(n) for n in ("dark", "sepia", "light", "system") * 2]
    result = {
        "second_stage_of_start": second_stage,
        "scrolling": measure(scroll),
        "zooming": measure(zoom),
        "switching_themes": measure(themes),
        "target_max_gap_ms": 50,
    }
    window.close()
    runner.wait(3000)
    return result


def measure() -> dict:
    display_env, xvfb = _start_display()
    try:
        with tempfile.TemporaryDirectory() as work:
            startup = _cold_start(Path(work), display_env)
        stalls = _stalls(display_env)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    return {"cold_start": startup, "gui_thread_stalls": stalls}
