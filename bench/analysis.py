"""Analysis figures: compare two reports, 高频词, targets, and a term across a 1,000-report library.

Baselines in the same run: segmenting the texts with jieba (the floor under compare and
terms), a plain difflib diff of the two paragraph lists, and counting a term with
``str.count`` over every paragraph held in memory (what the trend answers from the index).
"""

from __future__ import annotations

import dataclasses
import difflib
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, ROOT, median_ms
from reader.core.paths import DataLayout

LIBRARY_SIZE = 1000
TREND_TERMS = ("数字经济", "新质生产力", "高质量发展", "稳")


def _load(relative: str):
    from reader.core.loader import load_source

    return load_source(str(CORPUS / "text" / relative))


def _texts(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _compare_figures() -> dict:
    from reader.core.analysis.compare import compare
    from reader.core.analysis.segment import tokenizer, words

    started = time.perf_counter()
    tokenizer()
    figures: dict = {"jieba_first_load_ms": round((time.perf_counter() - started) * 1000, 1)}
    for name, old_path, new_path in (
        ("national_2023_2024", "national/gwy_2023.md", "national/gwy_2024.md"),
        ("zhejiang_2024_2025", "province/zhejiang_2024.md", "province/zhejiang_2025.md"),
    ):
        old, new = _load(old_path), _load(new_path)
        year = int(new.meta.get("year", "0") or 0)
        history = [
            _texts(_load(f"national/gwy_{y}.md"))
            for y in range(year - 5, year - 1)
            if (CORPUS / "text" / "national" / f"gwy_{y}.md").exists()
        ]
        spread = [
            _texts(_load(str(p.relative_to(CORPUS / "text"))))
            for p in (CORPUS / "text" / "province").glob(f"*_{year}.md")
        ]
        figures[name] = {
            "characters": [sum(len(p.text) for p in old.paragraphs), sum(len(p.text) for p in new.paragraphs)],
            "compare_ms": median_ms(lambda o=old, n=new: compare(o, n), repeat=3),
            # with the region's five earlier years and the other reports of its year as context
            "compare_with_history_ms": median_ms(
                lambda o=old, n=new, h=history, s=spread: compare(o, n, history=h, spread_new=s), repeat=3
            ),
            "baseline_jieba_segment_both_ms": median_ms(lambda o=old, n=new: (words(_texts(o)), words(_texts(n)))),
            "baseline_difflib_paragraph_lists_ms": median_ms(
                lambda o=old, n=new: list(
                    difflib.SequenceMatcher(
                        None, [p.text for p in o.paragraphs], [p.text for p in n.paragraphs]
                    ).get_opcodes()
                )
            ),
        }
    figures["target_compare_ms"] = 1000
    return figures


def _terms_figures() -> dict:
    from reader.core.analysis.segment import words
    from reader.core.analysis.targets import extract_targets
    from reader.core.analysis.terms import top_terms

    figures = {}
    for name, path in (("zhejiang_2024", "province/zhejiang_2024.md"), ("national_2024", "national/gwy_2024.md")):
        document = _load(path)
        figures[name] = {
            "terms_ms": median_ms(lambda d=document: top_terms(d, 100)),
            "baseline_jieba_segment_ms": median_ms(lambda d=document: words(_texts(d))),
            "targets_ms": median_ms(lambda d=document: extract_targets(d)),
        }
    figures["target_terms_ms"] = 500
    return figures


def _library_of(size: int, work: Path):
    """An index of ``size`` reports: the corpus texts repeated under distinct ids, with their catalogue entries."""
    from reader.core.library import LibraryEntry
    from reader.core.loader import load_source
    from reader.core.search.index import SearchIndex

    texts = sorted(p for p in (CORPUS / "text").glob("*/*") if p.is_file())
    originals = [load_source(str(p)) for p in texts]
    documents = {}
    entries = []
    for number in range(size):
        original = originals[number % len(originals)]
        doc_id = f"d{number:012x}"
        documents[doc_id] = dataclasses.replace(original, id=doc_id)
        meta = original.meta
        year = int(meta["year"]) if meta.get("year", "").isdigit() else None
        entries.append(
            LibraryEntry(
                doc_id,
                original.title,
                f"/bench/{number}",
                "text",
                "",
                len(original.paragraphs),
                0,
                "",
                0.0,
                region=meta.get("region", ""),
                year=year,
                doc_kind=meta.get("kind", ""),
            )
        )
    index = SearchIndex(DataLayout(work).index)
    index.open()
    started = time.perf_counter()
    index.sync({doc_id: doc_id for doc_id in documents}, documents.__getitem__)
    build_s = round(time.perf_counter() - started, 1)
    return index, entries, documents, build_s


def _trend_figures(work: Path) -> dict:
    from reader.core.analysis.concordance import concordance
    from reader.core.analysis.trend import term_trend

    index, entries, documents, build_s = _library_of(LIBRARY_SIZE, work)
    try:
        paragraphs = [p.text for d in documents.values() for p in d.paragraphs]
        figures: dict = {"reports": len(entries), "paragraphs": len(paragraphs), "index_build_s": build_s}
        national = [e for e in entries if e.region == "全国"]
        for term in TREND_TERMS:
            points = term_trend(index, term, entries)
            figures[term] = {
                "occurrences": sum(p.count for p in points),
                "trend_all_ms": median_ms(lambda t=term: term_trend(index, t, entries)),
                "trend_one_region_ms": median_ms(lambda t=term: term_trend(index, t, national)),
                "baseline_str_count_all_paragraphs_ms": median_ms(lambda t=term: sum(x.count(t) for x in paragraphs)),
                "concordance_all_ms": median_ms(lambda t=term: concordance(index, t, entries), repeat=3),
                "concordance_lines": len(concordance(index, term, entries)),
            }
        figures["target_trend_ms"] = 300
        figures["target_concordance_ms"] = 300
        return figures
    finally:
        index.close()


def measure() -> dict:
    if not CORPUS.exists():
        return {"skipped": f"corpus not found at {CORPUS}"}
    assert ROOT.exists()
    work = Path(tempfile.mkdtemp(prefix="rr-bench-analysis-"))
    try:
        return {"compare": _compare_figures(), "terms_and_targets": _terms_figures(), "trend": _trend_figures(work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
