"""Compare two reports: on real national and Zhejiang reports, and on made-up edits."""

from __future__ import annotations

from reader.core.analysis.compare import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    align,
    bigrams,
    compare,
    occurrences,
    phrase_changes,
)
from reader.core.analysis.novelty import formulations_only_in
from reader.core.document import Document
from reader.core.loader import parse_bytes
from tests.core.analysis.conftest import report


def _ids(document: Document) -> list[str]:
    return [p.id for p in document.paragraphs if p.kind.value != "title"]


def _check_alignment(result) -> None:
    """Every body paragraph of each report appears exactly once, in each report's reading order per section."""
    a_seen = [p.a for p in result.paragraphs if p.a]
    b_seen = [p.b for p in result.paragraphs if p.b]
    assert sorted(a_seen) == sorted(_ids(result.a))
    assert sorted(b_seen) == sorted(_ids(result.b))
    for pair in result.paragraphs:
        if pair.op == SAME:
            assert result.a.paragraph(pair.a).text == result.b.paragraph(pair.b).text
        elif pair.op == CHANGED:
            assert 0.3 <= pair.similarity < 1
        else:
            assert (pair.a is None) == (pair.op == ADDED) and (pair.b is None) == (pair.op == REMOVED)


def test_national_2023_to_2024() -> None:
    old, new = report("national", "gwy_2023.md"), report("national", "gwy_2024.md")
    result = compare(old, new)
    _check_alignment(result)
    new_terms = {t.term: t.count for t in result.new_terms}
    dropped = {t.term: t.count for t in result.dropped_terms}
    # 2024 introduced 新质生产力; 2023 (the end of the pandemic years) still spoke of 抗疫 and 疫苗.
    assert "新质生产力" in new_terms
    assert "新质生产力" in new.paragraphs[new.paragraph_index(occurrences(new, "新质生产力")[0])].text
    assert {"抗疫", "疫苗"} <= set(dropped)
    for term, count in list(new_terms.items())[:50]:  # counted at word boundaries, and 2023 never says it
        assert 0 < count <= sum(p.text.count(term) for p in new.paragraphs if p.kind.value != "title")
        assert all(term not in p.text for p in old.paragraphs) or len(term) <= 3
    scores = [t.score for t in result.new_terms]
    assert scores == sorted(scores, reverse=True)
    # The review sections are matched to each other, the tasks to the tasks.
    titles = {(old.node(s.a).title if s.a else None, new.node(s.b).title if s.b else None) for s in result.sections}
    assert ("一、过去一年和五年工作回顾", "一、2023年工作回顾") in titles
    assert ("（一）着力扩大国内需求", "（三）着力扩大国内需求，推动经济实现良性循环") in titles


def test_zhejiang_2023_2024_2025() -> None:
    z23, z24, z25 = (report("province", f"zhejiang_{year}.md") for year in (2023, 2024, 2025))
    first, second = compare(z23, z24), compare(z24, z25)
    for result in (first, second):
        _check_alignment(result)
        assert result.counts()[CHANGED] > 5
    # The Asian Games were 2023's news: mentioned in 2024's review, gone from 2025's.
    assert "亚运" in {t.term for t in second.dropped_terms}
    assert "两重" in {t.term for t in second.new_terms}
    json_form = second.to_json()
    assert json_form["a"] == {"doc": z24.id, "title": "浙江 · 2024年政府工作报告", "region": "浙江", "year": 2024}
    assert json_form["b"]["year"] == 2025
    assert set(json_form["paragraphs"][0]) == {"a", "b", "op", "similarity"}
    assert set(json_form["sections"][0]) == {"a", "b", "similarity"}


def test_a_report_compared_with_itself_is_all_same() -> None:
    document = report("province", "zhejiang_2025.md")
    result = compare(document, document)
    assert {p.op for p in result.paragraphs} == {SAME}
    assert result.new_terms == () and result.dropped_terms == ()
    assert all(s.a == s.b for s in result.sections)


def _text(content: str, name: str) -> Document:
    return parse_bytes(content.encode(), name=name, source=name, source_key=name, kind="text")


def test_edits_added_removed_changed_in_order() -> None:
    old = _text(
        "政府工作报告\n\n一、总体\n\n稳定经济大盘，扩大内需。\n\n保障民生，稳定就业。\n\n坚持绿色发展，推进生态文明建设。",
        "a.txt",
    )
    new = _text(
        "政府工作报告\n\n一、总体\n\n稳定经济大盘，扩大内需。\n\n发展新质生产力，培育新兴产业。\n\n坚持绿色发展，全面推进美丽中国建设。",
        "b.txt",
    )
    ops = [
        (p.op, old.paragraph(p.a).text if p.a else None, new.paragraph(p.b).text if p.b else None)
        for p in compare(old, new).paragraphs
        if (p.a or p.b)
    ]
    assert ops == [
        (SAME, "一、总体", "一、总体"),
        (SAME, "稳定经济大盘，扩大内需。", "稳定经济大盘，扩大内需。"),
        (REMOVED, "保障民生，稳定就业。", None),
        (ADDED, None, "发展新质生产力，培育新兴产业。"),
        (CHANGED, "坚持绿色发展，推进生态文明建设。", "坚持绿色发展，全面推进美丽中国建设。"),
    ]


def test_phrase_changes_cover_both_texts() -> None:
    old, new = "坚持绿色发展，推进生态文明建设。", "坚持绿色发展，全面推进美丽中国建设。"
    old_spans, new_spans = phrase_changes(old, new)
    assert "".join(old[s.start : s.end] for s in old_spans) == old
    assert "".join(new[s.start : s.end] for s in new_spans) == new
    assert [old[s.start : s.end] for s in old_spans if s.kind == REMOVED] == ["生态文明"]
    assert [new[s.start : s.end] for s in new_spans if s.kind == ADDED] == ["全面", "美丽中国"]


def test_alignment_is_monotonic_and_maximal() -> None:
    a = [bigrams(t) for t in ("甲乙丙丁", "戊己庚辛", "壬癸子丑")]
    b = [bigrams(t) for t in ("甲乙丙丁", "壬癸子丑", "寅卯辰巳")]
    assert align(a, b, 0.3) == [(0, 0, 1.0), (1, None, 0.0), (2, 1, 1.0), (None, 2, 0.0)]


def test_a_term_only_inside_a_longer_one_is_the_longer_one() -> None:
    old = "因地制宜推进高质量发展。"
    new = "加快发展新质生产力。因地制宜发展新质生产力。"
    assert [(t.term, t.count) for t in formulations_only_in(new, [old])] == [("新质生产力", 2)]
