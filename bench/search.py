"""Search figures: index build time and size, query latency at 1 and 1,000 documents,
next to a plain Python substring scan and SQLite FTS5 (trigram) over the same paragraphs.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.common import CORPUS, cold_process_env, percentile
from bench.queries import QUERIES
from reader.core.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.query import parse_query

REPEAT = 3
PAGE = 20


def _plain_scan(paragraphs: list[str], query: str) -> tuple[int, list[int]]:
    """The baseline: Python substring tests on lower-cased paragraph texts, same query semantics."""
    parsed = parse_query(query)
    if parsed.is_empty:
        return 0, []
    hits = []
    for number, text in enumerate(paragraphs):
        low = text.lower()
        if all(any(term in low for term in group) for group in parsed.groups) and not any(
            term in low for term in parsed.excluded
        ):
            hits.append(number)
    return len(hits), hits[:PAGE]


class _Fts5:
    """SQLite FTS5 with the trigram tokenizer; LIKE for terms under three characters."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.db = sqlite3.connect(":memory:")
        started = time.perf_counter()
        self.db.execute("CREATE VIRTUAL TABLE p USING fts5(text, tokenize='trigram')")
        self.db.executemany("INSERT INTO p(rowid, text) VALUES (?, ?)", enumerate(paragraphs))
        self.db.commit()
        self.build_seconds = time.perf_counter() - started

    def search(self, query: str) -> tuple[int, list]:
        return fts5_search(self.db, query)

    def save(self, path: Path) -> None:
        """Write the database to a file (for the cold-process comparison)."""
        disk = sqlite3.connect(path)
        self.db.backup(disk)
        disk.close()


def fts5_search(db: sqlite3.Connection, query: str) -> tuple[int, list]:
    """The query's total and first page in an FTS5 trigram table ``p`` (the same semantics as the index)."""
    parsed = parse_query(query)
    if parsed.is_empty:
        return 0, []
    clauses, params = [], []
    for group in parsed.groups:
        alternatives = []
        for term in group:
            if len(term) >= 3:
                alternatives.append("rowid IN (SELECT rowid FROM p WHERE p MATCH ?)")
                params.append('"' + term.replace('"', '""') + '"')
            else:
                alternatives.append("text LIKE ?")
                params.append(f"%{term}%")
        clauses.append("(" + " OR ".join(alternatives) + ")")
    for term in parsed.excluded:
        clauses.append("text NOT LIKE ?")
        params.append(f"%{term}%")
    where = " AND ".join(clauses)
    total = db.execute(f"SELECT count(*) FROM p WHERE {where}", params).fetchone()[0]
    page = db.execute(f"SELECT rowid FROM p WHERE {where} LIMIT {PAGE}", params).fetchall()
    return total, page


def _latencies(function, queries: list[str]) -> dict:
    for query in queries:  # warm-up: first-touch costs are not query latency
        function(query)
    medians = []
    for query in queries:
        samples = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            function(query)
            samples.append((time.perf_counter() - started) * 1000)
        medians.append(statistics.median(samples))
    return {"p50_ms": percentile(medians, 0.5), "p95_ms": percentile(medians, 0.95), "max_ms": round(max(medians), 3)}


_COLD_PROCESS = r"""
import json, resource, sqlite3, sys, time
from pathlib import Path
started = time.perf_counter()
kind, where, query = sys.argv[1:4]
if kind == "index":
    from reader.core.search.index import SearchIndex
    index = SearchIndex(Path(where))
    index.open()
    total = index.search(query, limit=20).total
else:
    from bench.search import fts5_search
    total = fts5_search(sqlite3.connect(where), query)[0]
# VmHWM, this process's own peak (ru_maxrss would count the forking parent's peak too).
peak = next((int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")),
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(json.dumps({"ms": (time.perf_counter() - started) * 1000, "total": total, "rss_mib": peak / 1024}))
"""


def _cold_processes(kind: str, where: Path, queries: list[str]) -> dict:
    """A new process per query (as ``report-reader search`` is): its time from start and its peak memory."""
    import json
    import subprocess
    import sys

    env = cold_process_env()
    runs = []
    for query in queries:
        done = subprocess.run(
            [sys.executable, "-c", _COLD_PROCESS, kind, str(where), query],
            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1], env=env,
        )  # fmt: skip
        runs.append(json.loads(done.stdout))
    return cold_summary(runs)


def cold_summary(runs: list[dict]) -> dict:
    """p50 and p95 of cold runs' times ("ms") and the largest peak memory ("rss_mib")."""
    times = sorted(run["ms"] for run in runs)
    return {
        "p50_ms": percentile(times, 0.5),
        "p95_ms": percentile(times, 0.95),
        "peak_rss_mib": round(max(run["rss_mib"] for run in runs), 1),
    }


def _scale(documents: dict, work: Path, label: str, queries: list[str]) -> dict:
    folder = work / label
    index = SearchIndex(folder)
    index.open()
    started = time.perf_counter()
    index.sync({doc_id: "bench" for doc_id in documents}, documents.__getitem__)
    build = time.perf_counter() - started
    texts = [p.text for doc in documents.values() for p in doc.paragraphs]
    result = {
        "documents": len(documents),
        "paragraphs": len(texts),
        "characters": sum(len(t) for t in texts),
        "index_build_s": round(build, 2),
        "index_size_mib": round(index.size_on_disk() / 2**20, 1),
        "query_first_page_exact_total": _latencies(lambda q: index.search(q, limit=PAGE), queries),
        "plain_python_scan": _latencies(lambda q: _plain_scan(texts, q), queries),
    }
    fts = _Fts5(texts)
    result["sqlite_fts5_trigram"] = {"build_s": round(fts.build_seconds, 2), **_latencies(fts.search, queries)}
    if len(documents) >= 1000:  # what a search from the command line costs: a cold process each
        fts.save(work / f"{label}.fts5.sqlite3")
        result["cold_process"] = _cold_processes("index", folder, queries)
        result["sqlite_fts5_trigram"]["cold_process"] = _cold_processes("fts5", work / f"{label}.fts5.sqlite3", queries)
    cold = SearchIndex(folder)
    cold.open()
    started = time.perf_counter()
    cold.search("高质量发展", limit=PAGE)
    result["first_query_after_open_ms"] = round((time.perf_counter() - started) * 1000, 1)
    cold.close()
    index.close()
    return result


def measure() -> dict:
    if not (CORPUS / "text").exists():
        return {"skipped": f"corpus not found at {CORPUS}"}
    work = Path(tempfile.mkdtemp(prefix="rr-bench-"))
    try:
        library = Library(work / "data")
        started = time.perf_counter()
        library.add_many([str(CORPUS / "text")])
        import_seconds = time.perf_counter() - started
        documents = {entry.id: library.document(entry.id) for entry in library.entries()}
        bundled = next(e.id for e in library.entries() if e.bundled)
        base = list(documents.values())
        synthetic = {}
        for number in range(1000):
            source = base[number % len(base)]
            synthetic[f"syn{number:04d}"] = replace(source, id=f"syn{number:04d}", title=f"{source.title} #{number}")
        return {
            "queries": len(QUERIES),
            "library_import_75_s": round(import_seconds, 2),
            "at_1_document": _scale({bundled: documents[bundled]}, work, "one", QUERIES),
            "at_75_documents": _scale(documents, work, "seventy-five", QUERIES),
            "at_1000_documents": _scale(synthetic, work, "thousand", QUERIES),
            "targets": {"p95_at_1000_ms": 50, "p95_at_1_ms": 5, "no_slower_than_plain_scan": True},
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
