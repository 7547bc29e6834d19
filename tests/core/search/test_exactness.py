"""Search is exact: the hits are exactly the paragraphs containing the query (after folding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.queries import QUERIES
from reader.core.library import Library
from reader.core.search.index import SearchIndex
from tests.conftest import CORPUS

TEXT_DIR = CORPUS / "text"


def _fold(text: str) -> str:
    # An independent re-statement of the folding rules (full-width ASCII -> half-width, lower case).
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E and ch not in "，：；！？（）":
            ch = chr(code - 0xFEE0)
        elif code == 0x3000:
            ch = " "
        out.append(ch)
    return "".join(out).lower()


def _expected(query: str, paragraphs: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """Ground truth by plain substring tests, parsing the query independently."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    tokens, buffer, quoted = [], "", False
    for ch in query:
        if ch == '"':
            quoted = not quoted
            buffer += ch
        elif ch == " " and not quoted:
            if buffer:
                tokens.append(buffer)
            buffer = ""
        else:
            buffer += ch
    if buffer:
        tokens.append(buffer)
    join = False
    for token in tokens:
        if token.upper() == "OR":
            join = bool(groups)
            continue
        negative = token.startswith("-") and len(token) > 1
        term = _fold((token[1:] if negative else token).strip('"'))
        if not term.strip():
            continue
        if negative:
            excluded.append(term)
        elif join:
            groups[-1].append(term)
        else:
            groups.append([term])
        join = False
    if not groups:
        return set()
    return {
        (doc, para)
        for doc, para, text in paragraphs
        if all(any(t in text for t in g) for g in groups) and not any(t in text for t in excluded)
    }


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory):
    if not TEXT_DIR.exists():
        pytest.skip(f"shared corpus not found at {CORPUS} (set REPORT_READER_CORPUS)")
    data_dir = tmp_path_factory.mktemp("library")
    library = Library(data_dir)
    outcomes = library.add_many([str(TEXT_DIR)])
    assert len(outcomes) == 74 and not any(o.error for o in outcomes)
    # Copies of one report's text are one entry: zhejiang_2024.md is the bundled page's text, and the
    # Wikisource texts of the 2024 and 2025 reports have the national Markdown's wording (SOURCES.md:
    # "two independent texts of the same report"; they differ in punctuation and spacing only).
    duplicates = {Path(o.source).name: o.duplicate_of for o in outcomes if o.duplicate_of}
    assert sorted(duplicates) == ["gwy_2024_wikisource.txt", "gwy_2025_wikisource.txt", "zhejiang_2024.md"]
    by_id = {o.document_id: Path(o.source).name for o in outcomes if not o.duplicate_of}
    assert by_id[duplicates["gwy_2024_wikisource.txt"]] == "gwy_2024.md"
    assert by_id[duplicates["gwy_2025_wikisource.txt"]] == "gwy_2025.md"
    assert library.entry(duplicates["zhejiang_2024.md"]).bundled
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    search_index.sync(library.fingerprints(), library.document)
    paragraphs = [
        (entry.id, p.id, _fold(p.text)) for entry in library.entries() for p in library.document(entry.id).paragraphs
    ]
    yield library, search_index, paragraphs
    search_index.close()


def test_library_holds_the_bundled_report_and_71_other_reports(corpus_library):
    library, search_index, paragraphs = corpus_library
    assert len(library.entries()) == 72
    assert library.entries()[0].bundled
    assert search_index.paragraph_count() == len(paragraphs)


def test_at_least_50_queries_of_every_kind():
    assert len(QUERIES) >= 50


# Each way of finding a term, forced: the cost model's own choice; every term scanned; every term from
# postings (a character's own, a longer term's candidates counted).
WAYS = {
    "chosen": {},
    "scanned": {"SCAN_NS": 0.0, "CHARACTER_POSTINGS_SHARE": 0.0},
    "from postings": {"SCAN_NS": 1e9, "CHARACTER_POSTINGS_SHARE": 1.0},
}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("query", QUERIES)
def test_hits_equal_substring_ground_truth(corpus_library, query, way, monkeypatch):
    from reader.core.search import finding

    for name, value in WAYS[way].items():
        monkeypatch.setattr(finding, name, value)
    _, search_index, paragraphs = corpus_library
    expected = _expected(query, paragraphs)
    result = search_index.search(query, limit=0)
    found = {(hit.doc, hit.paragraph) for hit in result.hits}
    assert result.total == len(expected)
    assert found == expected


@pytest.mark.parametrize("query", ["港", "数字经济", "8+4", "高质量发展 -浙江", "人工智能 OR 大数据"])
def test_scope_to_one_document(corpus_library, query):
    library, search_index, paragraphs = corpus_library
    bundled = library.entries()[0].id
    expected = {hit for hit in _expected(query, paragraphs) if hit[0] == bundled}
    result = search_index.search(query, scope={bundled}, limit=0)
    assert {(h.doc, h.paragraph) for h in result.hits} == expected
    assert result.total == len(expected)


def test_first_page_is_ranked_and_total_exact(corpus_library):
    _, search_index, paragraphs = corpus_library
    result = search_index.search("数字 经济", limit=10)
    assert len(result.hits) == 10
    assert result.total == len(_expected("数字 经济", paragraphs))
    # Paragraphs holding the terms side by side ("数字经济") come first.
    side_by_side = [("数字经济" in hit.snippet) for hit in result.hits]
    assert all(side_by_side)
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_snippets_and_highlights(corpus_library):
    _, search_index, _ = corpus_library
    for hit in search_index.search("专精特新", limit=20).hits:
        assert len(hit.snippet) <= 2 * 40 + len("专精特新") + 2
        assert hit.highlights
        for start, end in hit.highlights:
            assert hit.snippet[start:end] == "专精特新"
        assert hit.matches >= 1
