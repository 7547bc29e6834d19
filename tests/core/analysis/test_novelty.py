"""新提法 against the region's recent history, 高频词 without filler, counts at word boundaries."""

from __future__ import annotations

from reader.core.analysis.novelty import formulations_only_in, term_counts
from reader.core.analysis.terms import top_terms
from reader.core.analysis.vocabulary import vocabulary
from tests.core.analysis.conftest import report, run_json

# Words the issue found at the top of the old lists: verbs and adverbs of every report.
FILLER = {
    "深入",
    "增强",
    "统筹",
    "扩大",
    "必须",
    "应该",
    "可以",
    "加强",
    "推进",
    "推动",
    "加快",
    "坚持",
    "打造",
    "发力",
}
PLACES = {"广东", "广州", "深圳", "浙江", "湖北", "武汉", "中国"}


def _position(terms: list[str], term: str) -> int | None:
    return terms.index(term) if term in terms else None


def test_the_formulations_a_policy_reader_names_first_lead_the_list(analysis_library, capsys):
    for year, gold in ((2024, ["新质生产力"]), (2025, ["适度宽松", "两新", "投资于人"])):
        path = str(report.__globals__["corpus_path"]("text", "national", f"gwy_{year}.md"))
        data = run_json(capsys, "--data-dir", str(analysis_library), "compare", path)
        terms = [t["term"] for t in data["new_terms"]]
        for term in gold:
            position = _position(terms, term)
            assert position is not None and position < 40, (year, term, position, terms[:40])
        assert not FILLER & set(terms[:40])


def test_a_term_counts_at_word_boundaries_only():
    counts, _sizes = term_counts("我们更加注重实效，更加注重质量。要加注燃料。", vocabulary())
    assert counts.get("加注", 0) <= 1  # never the twice it sits inside 更加注重


def test_a_variant_or_an_old_name_used_before_is_not_new():
    history = ["推进自由贸易试验区建设，支持市场主体发展。"]
    found = {f.term: f for f in formulations_only_in("建设自贸试验区。服务经营主体，经营主体活力增强。", history)}
    assert "自贸试验区" not in found
    assert found["经营主体"].renamed_from == "市场主体"


def test_a_short_term_inside_a_longer_word_of_the_past_is_still_new():
    found = {f.term for f in formulations_only_in("加力推进两新工作，两新政策落地。", ["推进两新一重建设。"])}
    assert "两新" in found


def test_top_terms_hold_at_most_two_filler_words_and_no_place_names():
    for parts in (("national", "gwy_2024.md"), ("province", "guangdong_2024.md"), ("province", "hubei_2024.md")):
        terms = [t.term for t in top_terms(report(*parts), 30)]
        assert len(FILLER & set(terms)) <= 2, (parts, FILLER & set(terms))
        assert not PLACES & set(terms), parts


def test_terms_carry_word_counts_search_counts_and_keyness(analysis_library, capsys):
    path = str(report.__globals__["corpus_path"]("text", "national", "gwy_2024.md"))
    data = run_json(capsys, "--data-dir", str(analysis_library), "terms", path, "--top", "20", "--order", "keyness")
    assert data["order"] == "keyness"
    first = data["terms"][0]
    assert first["term"] == "高质量发展" and first["occurrences"] >= first["count"] > 0 and first["score"] > 0
    scores = [t["score"] for t in data["terms"]]
    assert scores == sorted(scores, reverse=True)
