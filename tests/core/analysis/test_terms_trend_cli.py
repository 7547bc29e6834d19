"""高频词, a term across the years, and the four analysis commands' JSON."""

from __future__ import annotations

import pytest

from reader import cli
from reader.core.analysis.terms import STOP_WORDS, top_terms
from reader.core.library import Library
from tests.core.analysis.conftest import report, run_json


def test_top_terms_of_a_report_and_of_a_section() -> None:
    document = report("national", "gwy_2024.md")
    terms = top_terms(document, 30)
    assert len(terms) == 30
    words = [t.term for t in terms]
    assert not set(words) & STOP_WORDS
    assert all(len(w) >= 2 for w in words)
    assert [t.count for t in terms] == sorted((t.count for t in terms), reverse=True)
    assert {"高质量发展", "民生", "科技"} <= set(words)
    # A section's words are counted in that section only.
    section = next(n for n in document.nodes() if n.title.startswith("一、"))
    in_section = {t.term: t.count for t in top_terms(document, 0, section.id)}
    whole = {t.term: t.count for t in top_terms(document, 0)}
    assert in_section and all(count <= whole[term] for term, count in in_section.items())
    assert sum(in_section.values()) < sum(whole.values())
    with pytest.raises(KeyError):
        top_terms(document, 10, "no-such-node")


def _exported_count(data_dir, doc_id: str, term: str) -> int:
    document = Library(data_dir).document(doc_id)
    return sum(p.text.count(term) for p in document.paragraphs)


def test_trend_counts_are_substring_counts(analysis_library, capsys) -> None:
    data = run_json(capsys, "--data-dir", str(analysis_library), "trend", "数字经济", "--region", "全国")
    points = data["points"]
    assert data["term"] == "数字经济"
    assert [p["year"] for p in points] == list(range(2015, 2027))
    for point in points:
        assert set(point) >= {"doc", "region", "year", "count", "paragraphs"}
        assert point["region"] == "全国"
        assert point["count"] == _exported_count(analysis_library, point["doc"], "数字经济")
        if point["count"]:
            document = Library(analysis_library).document(point["doc"])
            first = next(p.id for p in document.paragraphs if "数字经济" in p.text)
            assert point["first_paragraph"] == first
            assert 1 <= point["paragraphs"] <= point["count"]
    assert points[0]["count"] == 0 and points[-1]["count"] > 0  # 2015 never says it; 2026 does


def test_trend_of_a_single_character_and_of_the_whole_library(analysis_library, capsys) -> None:
    data = run_json(capsys, "--data-dir", str(analysis_library), "trend", "稳")
    regions = {p["region"] for p in data["points"]}
    assert regions == {"全国", "浙江"}
    for point in data["points"][:4]:
        assert point["count"] == _exported_count(analysis_library, point["doc"], "稳")


def test_compare_defaults_to_the_previous_year(analysis_library, capsys) -> None:
    library = Library(analysis_library)
    z25 = next(e for e in library.entries() if e.region == "浙江" and e.year == 2025)
    data = run_json(capsys, "--data-dir", str(analysis_library), "compare", z25.id)
    assert (data["a"]["region"], data["a"]["year"]) == ("浙江", 2024)  # the bundled seed is Zhejiang 2024
    assert (data["b"]["region"], data["b"]["year"]) == ("浙江", 2025)
    assert {"sections", "paragraphs", "new_terms", "dropped_terms"} <= set(data)
    assert all({"term", "count", "score"} <= set(t) for t in data["new_terms"])


def test_compare_without_an_earlier_report_is_a_usage_error(analysis_library, capsys) -> None:
    library = Library(analysis_library)
    first = next(e for e in library.entries() if e.region == "全国" and e.year == 2015)
    assert cli.run(["--data-dir", str(analysis_library), "compare", first.id]) == 2
    assert "no earlier report" in capsys.readouterr().err


def test_targets_and_terms_commands(analysis_library, capsys) -> None:
    library = Library(analysis_library)
    n24 = next(e for e in library.entries() if e.region == "全国" and e.year == 2024)
    data = run_json(capsys, "--data-dir", str(analysis_library), "targets", n24.id)
    assert data["doc"] == n24.id
    first = data["targets"][0]
    assert set(first) == {"indicator", "key", "value", "value_max", "unit", "qualifier", "text", "paragraph"}
    assert (first["indicator"], first["value"], first["unit"], first["qualifier"]) == (
        "国内生产总值增长",
        5,
        "%",
        "左右",
    )
    assert any(a["indicator"] == "国内生产总值增长" and a["value"] == 5.2 for a in data["achieved"])
    terms = run_json(capsys, "--data-dir", str(analysis_library), "terms", n24.id, "--top", "5")
    assert terms["doc"] == n24.id and len(terms["terms"]) == 5
    assert cli.run(["--data-dir", str(analysis_library), "terms", n24.id, "--section", "nope"]) == 2
    assert cli.run(["--data-dir", str(analysis_library), "terms", n24.id, "--top", "-1"]) == 2
    assert cli.run(["--data-dir", str(analysis_library), "trend", "  "]) == 2
