"""主要预期目标: extraction checked against hand-labelled reports, and the parser's cases one by one."""

from __future__ import annotations

import pytest

from reader.core.analysis.targets import extract_targets, parse_targets
from reader.core.loader import load_source
from tests.conftest import corpus_path
from tests.core.analysis.conftest import report
from tests.core.analysis.targets_labels import LABELS


def _numeric_match(label: tuple, target) -> bool:
    name, value, unit, *rest = label
    value_max = rest[0] if rest else None
    return (
        target.numeric
        and name in target.indicator
        and target.value == pytest.approx(value)
        and target.unit == unit
        and (target.value_max == pytest.approx(value_max) if value_max is not None else target.value_max is None)
    )


def _score(labels: dict, targets) -> tuple[int, int, int]:
    """(correct extracted, extracted, labelled) for one report."""
    numeric = [t for t in targets if t.numeric]
    qualitative = [t for t in targets if not t.numeric]
    correct_numeric = sum(any(_numeric_match(label, t) for label in labels["numeric"]) for t in numeric)
    correct_qualitative = sum(any(p in t.text for p in labels["qualitative"]) for t in qualitative)
    found_labels = sum(any(_numeric_match(label, t) for t in numeric) for label in labels["numeric"])
    found_labels += sum(any(p in t.text for t in qualitative) for p in labels["qualitative"])
    labelled = len(labels["numeric"]) + len(labels["qualitative"])
    return correct_numeric + correct_qualitative, len(targets), labelled, found_labels


def test_precision_and_recall_on_hand_labelled_reports() -> None:
    correct = extracted = labelled = recalled = 0
    misses = []
    for name, labels in LABELS.items():
        document = load_source(str(corpus_path("text", *name.split("/"))))
        targets = extract_targets(document).targets
        c, e, lab, rec = _score(labels, targets)
        correct, extracted, labelled, recalled = correct + c, extracted + e, labelled + lab, recalled + rec
        if c < e or rec < lab:
            misses.append(f"{name}: {c}/{e} correct, {rec}/{lab} found")
    precision, recall = correct / extracted, recalled / labelled
    print(f"targets: precision {precision:.3f}, recall {recall:.3f} over {len(LABELS)} reports", misses)
    assert labelled > 150
    assert precision >= 0.9, misses
    assert recall >= 0.9, misses


def test_achieved_figures_from_the_review() -> None:
    for name, labels in LABELS.items():
        if "achieved" not in labels:
            continue
        document = load_source(str(corpus_path("text", *name.split("/"))))
        achieved = extract_targets(document).achieved
        for label in labels["achieved"]:
            assert any(_numeric_match(label, t) for t in achieved), (name, label, [t.figure() for t in achieved])
        for target in achieved:  # every achieved figure names where it was said
            assert document.paragraph(target.paragraph) is not None
            assert target.text.replace("％", "%") in document.paragraph(target.paragraph).text.replace("％", "%")


def test_targets_point_at_their_paragraph() -> None:
    document = load_source(str(corpus_path("text", "national", "gwy_2024.md")))
    result = extract_targets(document)
    assert document.paragraph(result.paragraph).text.startswith("今年发展主要预期目标是")
    assert {t.paragraph for t in result.targets} == {result.paragraph}
    gdp = result.targets[0]
    assert (gdp.indicator, gdp.value, gdp.unit, gdp.qualifier, gdp.figure()) == (
        "国内生产总值增长",
        5,
        "%",
        "左右",
        "5%左右",
    )


def test_ranges_full_width_and_respectively() -> None:
    targets = parse_targets(
        "国内生产总值增长6.5%—7%；城镇、农村常住居民人均可支配收入分别增长5%、7%左右，"
        "居民消费价格涨幅、城镇调查失业率分别控制在3%和5%以内，粮食产量８８０亿斤以上，在实际工作中争取更好结果"
    )
    rows = [(t.indicator, t.value, t.value_max, t.unit, t.qualifier) for t in targets]
    assert rows == [
        ("国内生产总值增长", 6.5, 7.0, "%", ""),
        ("城镇常住居民人均可支配收入增长", 5.0, None, "%", "左右"),
        ("农村常住居民人均可支配收入增长", 7.0, None, "%", "左右"),
        ("居民消费价格涨幅", 3.0, None, "%", "以内"),
        ("城镇调查失业率", 5.0, None, "%", "以内"),
        ("粮食产量", 880.0, None, "亿斤", "以上"),
    ]
    assert targets[-1].text.endswith("在实际工作中争取更好结果")  # a comment stays with its target
    assert targets[0].figure() == "6.5%—7%"


def test_several_figures_joined_by_a_pause_mark() -> None:
    targets = parse_targets("城镇新增就业46万人、城镇调查失业率控制在5.5%以内，居民收入增长与经济增长基本同步")
    assert [(t.indicator, t.value, t.unit) for t in targets] == [
        ("城镇新增就业", 46.0, "万人"),
        ("城镇调查失业率", 5.5, "%"),
        ("居民收入增长与经济增长基本同步", None, ""),
    ]


def test_numbers_that_are_not_figures_are_left_alone() -> None:
    (target,) = parse_targets("能耗强度在“十四五”规划期内统筹完成国家规定目标")
    assert not target.numeric


def test_a_report_without_targets_gives_none() -> None:
    document = load_source(str(corpus_path("text", "national", "gwy_1954.md")))
    result = extract_targets(document)
    assert result.targets == () and result.achieved == ()
    assert result.to_json(document.id) == {"doc": document.id, "targets": [], "achieved": []}


def test_lead_ins_of_other_years_and_a_targets_sentence_without_one() -> None:
    firsts = {2007: ("国内生产总值增长", 8.0), 2008: ("国内生产总值增长", 8.0), 2020: ("城镇新增就业", 900.0)}
    for year, first in firsts.items():
        targets = extract_targets(report("national", f"gwy_{year}.md")).targets
        assert (targets[0].indicator, targets[0].value) == first, year
        assert not any(t.indicator.startswith("在优化结构") for t in targets)  # the condition, not a target


def test_achieved_figures_are_last_years_results_of_the_same_indicator() -> None:
    expected = {
        ("national", "gwy_2013.md"): ("国内生产总值增长", 7.8),  # not the 2.8% deficit ratio
        ("national", "gwy_2018.md"): ("城镇新增就业", 1351.0),  # not the five years' 6600万
        ("national", "gwy_2011.md"): ("国内生产总值增长", 10.3),  # not the five-year average 11.2%
        ("province", "guangdong_2024.md"): ("地区生产总值增长", 4.8),  # not the manufacturing share 32.7%
    }
    for parts, (indicator, value) in expected.items():
        achieved = {a.indicator: a.value for a in extract_targets(report(*parts)).achieved}
        assert achieved.get(indicator) == value, (parts, achieved)
    xinjiang = {a.indicator: a for a in extract_targets(report("province", "xinjiang_2024.md")).achieved}
    assert "进出口总额增长" not in xinjiang  # its clause has no growth figure; the next clause is another's
    achieved_2008 = {a.indicator: a.value for a in extract_targets(report("national", "gwy_2008.md")).achieved}
    assert achieved_2008.get("国内生产总值增长") != 3.27  # 单位国内生产总值能耗 is another indicator


def test_one_indicator_under_the_names_reports_give_it() -> None:
    from reader.core.analysis.targets import indicator_key

    assert indicator_key("地区生产总值增长") == indicator_key("生产总值增长") == indicator_key("经济增长")
    assert indicator_key("国际收支保持基本平衡") == indicator_key("国际收支基本平衡")
    assert indicator_key("居民消费价格总水平涨幅") == indicator_key("居民消费价格涨幅")
    assert indicator_key("城镇新增就业人数") == indicator_key("城镇新增就业")
    assert indicator_key("城镇调查失业率") != indicator_key("城镇登记失业率")
