"""The concordance (KWIC), one report counted once, and a term across the years of the reports themselves."""

from __future__ import annotations

from reader import cli
from reader.core.analysis.concordance import occurrence_offsets
from reader.core.library import Library
from reader.core.search.folding import fold
from tests.conftest import corpus_path
from tests.core.analysis.conftest import run_json


def _exact_occurrences(data_dir, term: str, region: str = "") -> int:
    library = Library(data_dir)
    total = 0
    for entry in library.entries():
        if region and entry.region != region:
            continue
        total += sum(fold(p.text).count(fold(term)) for p in library.document(entry.id).paragraphs)
    return total


def test_one_line_per_occurrence_centred_in_its_context(analysis_library, capsys):
    data = run_json(capsys, "--data-dir", str(analysis_library), "concordance", "数字经济", "--width", "12")
    lines = data["lines"]
    assert data["term"] == "数字经济"
    assert len(lines) == _exact_occurrences(analysis_library, "数字经济")
    assert all(line["match"] == "数字经济" and len(line["left"]) <= 12 and len(line["right"]) <= 12 for line in lines)
    library = Library(analysis_library)
    first = lines[0]
    paragraph = library.document(first["doc"]).paragraph(first["paragraph"])
    assert first["left"] + first["match"] + first["right"] in paragraph.text
    years = [line["year"] for line in lines]
    assert years == sorted(years)  # the library's reading order: oldest report first


def test_the_concordance_count_equals_the_trend_total(analysis_library, capsys):
    for term in ("新质生产力", "高质量发展", "港"):
        lines = run_json(capsys, "--data-dir", str(analysis_library), "concordance", term, "--region", "全国")["lines"]
        points = run_json(capsys, "--data-dir", str(analysis_library), "trend", term, "--region", "全国")["points"]
        assert (
            len(lines) == sum(point["count"] for point in points) == _exact_occurrences(analysis_library, term, "全国")
        )


def test_occurrences_do_not_overlap():
    assert occurrence_offsets("发展发展发展", "发展发展") == [0]
    assert occurrence_offsets("更加注重加注", "加注") == [1, 4]


def test_the_same_report_from_two_sources_is_one_entry(tmp_path, capsys):
    data = tmp_path / "data"
    national = corpus_path("text", "national", "gwy_2024.md")
    wikisource = corpus_path("text", "wikisource", "gwy_2024_wikisource.txt")
    assert cli.run(["--data-dir", str(data), "library", "add", str(national), str(wikisource)]) == 0
    assert "duplicate of" in capsys.readouterr().out
    entries = [e for e in Library(data).entries() if e.region == "全国" and e.year == 2024]
    assert len(entries) == 1


def test_trend_counts_the_reports_themselves_unless_asked(tmp_path, capsys):
    data = tmp_path / "data"
    sources = [
        corpus_path("text", "national", "gwy_2024.md"),
        corpus_path("text", "wikisource", "npc_2024_jueyi_on_gwy_report_wikisource.txt"),
    ]
    assert cli.run(["--data-dir", str(data), "library", "add", *map(str, sources)]) == 0
    reports = run_json(capsys, "--data-dir", str(data), "trend", "新质生产力", "--region", "全国")["points"]
    every = run_json(capsys, "--data-dir", str(data), "trend", "新质生产力", "--region", "全国", "--kind", "all")[
        "points"
    ]
    assert len(reports) == 1 and len(every) == 2


def test_several_terms_across_the_years_with_rates(analysis_library, capsys):
    data = run_json(capsys, "--data-dir", str(analysis_library), "trend", "数字经济", "新质生产力", "--region", "全国")
    assert data["term"] == "数字经济" and list(data["terms"]) == ["新质生产力"]
    first, second = data["points"], data["terms"]["新质生产力"]
    assert [p["doc"] for p in first] == [p["doc"] for p in second]
    library = Library(analysis_library)
    for point in first:
        characters = library.entry(point["doc"]).characters
        assert point["per_10k"] == round(point["count"] * 10_000 / characters, 2)


def test_lines_show_the_original_words_and_paragraph_even_where_folding_changed_them(tmp_path, capsys):
    """Most paragraphs are named and shown from the text store; those folding changed come from Whoosh."""
    report = tmp_path / "report.md"
    report.write_text(
        "# 2024年某市政府工作报告\n\n全年ＧＤＰ增长5%，数字经济占比提高。\n\n"
        "数字经济核心产业增加值增长10%，GDP质量提升。\n\n推进数字经济和实体经济深度融合。\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    assert cli.run(["--data-dir", str(data), "library", "add", str(report)]) == 0
    capsys.readouterr()
    library = Library(data)
    mine = library.resolve(str(report))
    for term in ("数字经济", "gdp"):
        found = run_json(capsys, "--data-dir", str(data), "concordance", term, "--width", "40")["lines"]
        lines = [line for line in found if line["doc"] == mine]  # (the bundled report is in the library too)
        assert lines
        for line in lines:
            paragraph = library.document(line["doc"]).paragraph(line["paragraph"])
            assert line["left"] + line["match"] + line["right"] == paragraph.text
            assert fold(line["match"]) == fold(term)
    assert [line["match"] for line in lines] == ["ＧＤＰ", "GDP"]
