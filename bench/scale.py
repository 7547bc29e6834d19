"""A research library at 1,000 and 10,000 reports: import, search, trend, concordance, list, size.

The reports are perturbed replicas of the corpus texts, written as files and imported
with ``report-reader library add`` (parse, catalogue, index), as a researcher would.
Each replica keeps its original's first lines (its identity: region, year) and has a
few characters in every hundred replaced and a line of its own, so that no two are
duplicates and the vocabulary grows as real libraries' does. Every figure is measured
at both sizes in the same run and given with its growth factor; SQLite FTS5 over the
same paragraphs is the baseline for building and for a cold search.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, ROOT, cold_process_env, median_ms, percentile
from bench.queries import QUERIES
from bench.search import _cold_processes, _Fts5, _latencies, cold_summary

SIZES = (1000, 10_000)
CHANGED_PER_HUNDRED = 1  # characters replaced in each hundred of a replica's body
COLD_QUERIES = 20  # a new process each, for both engines
TREND_TERMS = ("数字经济", "新质生产力", "高质量发展")


def _originals() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "text").glob("*/*")) if p.is_file()]


def _replica(text: str, number: int, alphabet: str) -> str:
    """A report like ``text``: its first three lines kept, the rest perturbed, a line of its own added."""
    rng = random.Random(number)
    head, _, body = text.partition("\n")
    lines = body.split("\n")
    keep, rest = "\n".join(lines[:2]), list("\n".join(lines[2:]))
    for _ in range(len(rest) * CHANGED_PER_HUNDRED // 100):
        at = rng.randrange(len(rest)) if rest else 0
        if rest and rest[at] != "\n":
            rest[at] = rng.choice(alphabet)
    return f"{head}\n{keep}\n{''.join(rest)}\n\n（样本编号{number}）\n"


def _write_reports(folder: Path, count: int) -> int:
    """``count`` replica reports as Markdown files; returns their characters."""
    originals = _originals()
    alphabet = "".join(sorted({c for text in originals[:10] for c in text if "\u4e00" <= c <= "\u9fff"}))
    folder.mkdir(parents=True)
    characters = 0
    for number in range(count):
        text = _replica(originals[number % len(originals)], number, alphabet)
        (folder / f"r{number:05d}.md").write_text(text, encoding="utf-8")
        characters += len(text)
    return characters


def _cli(data: Path, *arguments: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *arguments],
        capture_output=True, text=True, check=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    return time.perf_counter() - started, done.stdout


def _cold_cli_search(data: Path, queries: list[str]) -> dict:
    """``report-reader search QUERY --json`` as a new process per query: time from start, peak memory."""
    env = cold_process_env()
    runs = []
    for query in queries:
        done = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "cli_peak.py"), "--data-dir", str(data), "search", query, "--json"],
            capture_output=True, text=True, check=True, cwd=ROOT, env=env,
        )  # fmt: skip
        runs.append(json.loads(done.stderr.strip().splitlines()[-1]))
    return cold_summary(runs)


def _search_figures(data: Path) -> dict:
    from reader.core.paths import DataLayout
    from reader.core.search.index import SearchIndex

    index = SearchIndex(DataLayout(data).index)
    index.open()
    try:
        index.search("高质量发展")
        first_pass = []  # each query once, as it first touches its postings' and texts' pages
        for query in QUERIES:
            started = time.perf_counter()
            index.search(query, limit=20)
            first_pass.append((time.perf_counter() - started) * 1000)
        # Warm as ``bench search`` measures it: after a pass over every query, each query's median of three.
        warm = _latencies(lambda q: index.search(q, limit=20), QUERIES)
        paragraphs = [
            index.files.store.text(key)
            for key in range(index.files.store.size)
            if int(index.files.store.docs[key]) != 0xFFFFFFFF
        ]
    finally:
        index.close()
    return {
        "warm_p50_ms": warm["p50_ms"],
        "warm_p95_ms": warm["p95_ms"],
        "warm_max_ms": warm["max_ms"],
        "first_pass_p50_ms": percentile(first_pass, 0.5),
        "first_pass_p95_ms": percentile(first_pass, 0.95),
    }, paragraphs


def _analysis_figures(data: Path) -> dict:
    from reader.core.analysis.concordance import concordance
    from reader.core.analysis.trend import term_trend
    from reader.core.library import Library
    from reader.core.paths import DataLayout
    from reader.core.search.index import SearchIndex

    entries = Library(data).entries()
    index = SearchIndex(DataLayout(data).index)
    index.open()
    try:
        figures = {}
        for term in TREND_TERMS:
            figures[term] = {
                "trend_ms": median_ms(lambda t=term: term_trend(index, t, entries), repeat=3),
                "concordance_ms": median_ms(lambda t=term: concordance(index, t, entries), repeat=3),
                "concordance_lines": len(concordance(index, term, entries)),
            }
        return figures
    finally:
        index.close()


def _at(size: int, work: Path) -> dict:
    source, data = work / f"reports-{size}", work / f"data-{size}"
    characters = _write_reports(source, size)
    import_s, _ = _cli(data, "library", "add", str(source))
    _, info = _cli(data, "library", "info", "--json")
    facts = json.loads(info)
    list_s, _ = _cli(data, "library", "list", "--json")
    # Before this process holds every paragraph for the FTS5 baseline: no reader or window holds them.
    analysis = _analysis_figures(data)
    search, paragraphs = _search_figures(data)
    fts = _Fts5(paragraphs)
    fts_path = work / f"fts-{size}.sqlite3"
    fts.save(fts_path)
    text_bytes = sum(len(p.encode("utf-8")) for p in paragraphs)
    queries = QUERIES[:COLD_QUERIES]
    figures = {
        "reports": size,
        "characters_in_files": characters,
        "paragraphs": len(paragraphs),
        "cli_library_add_s": round(import_s, 1),
        "index_mib": round(facts.get("index_bytes", 0) / 2**20, 1),
        "text_utf8_mib": round(text_bytes / 2**20, 1),
        "index_to_text": round(facts.get("index_bytes", 0) / max(1, text_bytes), 2),
        "cli_library_list_json_s": round(list_s, 2),
        **search,
        "cold_search_process": _cold_processes("index", data / "index", queries),
        "cold_cli_search_command": _cold_cli_search(data, queries),
        "analysis": analysis,
        "window_with_library_open": _window_with_library(data, size),
        "baseline_sqlite_fts5": {
            "build_s": round(fts.build_seconds, 1),
            "cold_process": _cold_processes("fts5", fts_path, queries),
            "mib": round(fts_path.stat().st_size / 2**20, 1),
        },
    }
    fts.db.close()
    sqlite3.connect(":memory:").close()
    shutil.rmtree(source, ignore_errors=True)
    return figures


def _window_with_library(data: Path, size: int) -> dict:
    """The window started on the library: time until the catalogue shows every report, and its memory then."""
    import select

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORT_READER_EVENTS": "1", "LANG": "zh_CN.UTF-8"}
    started = time.perf_counter()
    window = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    shown_s = None
    try:
        assert window.stdout is not None
        while time.perf_counter() - started < 300:
            ready, _, _ = select.select([window.stdout], [], [], 5)
            line = window.stdout.readline() if ready else ""
            if line.startswith("event library ") and int(line.split()[2]) >= size:
                shown_s = time.perf_counter() - started
                break
            if window.poll() is not None:
                break
        rss = next(
            (int(x.split()[1]) for x in Path(f"/proc/{window.pid}/status").read_text().splitlines()
             if x.startswith("VmRSS")),
            0,
        )  # fmt: skip
    finally:
        window.terminate()
        window.wait(30)
    return {"catalogue_shown_s": round(shown_s, 2) if shown_s else None, "rss_mib": round(rss / 1024, 1)}


def _growth(small: dict, large: dict) -> dict:
    growth = {}
    for key, value in small.items():
        if isinstance(value, dict) and isinstance(large.get(key), dict):
            inner = _growth(value, large[key])
            if inner:
                growth[key] = inner
        elif isinstance(value, (int, float)) and value and isinstance(large.get(key), (int, float)):
            growth[key] = round(large[key] / value, 1)
    return growth


def measure() -> dict:
    if not (CORPUS / "text").exists():
        return {"skipped": f"corpus not found at {CORPUS}"}
    sizes = [int(s) for s in os.environ.get("REPORT_READER_BENCH_SIZES", "").split(",") if s] or list(SIZES)
    work = Path(tempfile.mkdtemp(prefix="rr-bench-scale-"))
    try:
        figures = {f"at_{size}": _at(size, work) for size in sizes}
        if len(sizes) == 2:
            figures["growth"] = _growth(figures[f"at_{sizes[0]}"], figures[f"at_{sizes[1]}"])
        figures["targets"] = {
            "import_10000_s": 900,
            "warm_p95_ms": 100,
            "cold_cli_ms": 300,
            "cold_cli_mib": 150,
            "trend_and_concordance_ms": 1000,
            "index_to_text": 2,
            "window_rss_mib": 500,
        }
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)
