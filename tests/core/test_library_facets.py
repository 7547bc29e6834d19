"""The library as a catalogue from the command line: identity keys, facets, duplicates both ways."""

from __future__ import annotations

import json
import shutil

import pytest

from reader import cli
from tests.conftest import SEED, corpus_path

REPORTS = ("province/zhejiang_2023.md", "province/zhejiang_2025.md", "national/gwy_2024.md", "province/hubei_2024.md")


@pytest.fixture
def library_dir(data_dir, tmp_path, capsys):
    copies = []
    for number, relative in enumerate(REPORTS):
        source = corpus_path("text", *relative.split("/"))
        copy = tmp_path / f"report{number}{source.suffix}"  # names that say nothing
        shutil.copy(source, copy)
        copies.append(str(copy))
    assert cli.run(["--data-dir", str(data_dir), "library", "add", *copies]) == 0
    capsys.readouterr()
    return data_dir


def _json(capsys, *args) -> object:
    assert cli.run(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_list_rows_carry_identity_and_filter_by_facet(library_dir, capsys):
    rows = _json(capsys, "--data-dir", str(library_dir), "library", "list", "--json")
    assert {(r["region"], r["year"], r["kind"]) for r in rows} == {
        ("浙江", 2023, "政府工作报告"),
        ("浙江", 2024, "政府工作报告"),
        ("浙江", 2025, "政府工作报告"),
        ("全国", 2024, "政府工作报告"),
        ("湖北", 2024, "政府工作报告"),
    }
    assert {r["display_name"] for r in rows} >= {"浙江 · 2023年政府工作报告", "全国 · 2024年政府工作报告"}
    zhejiang = _json(capsys, "--data-dir", str(library_dir), "library", "list", "--region", "浙江", "--json")
    assert sorted(r["year"] for r in zhejiang) == [2023, 2024, 2025]
    span = _json(capsys, "--data-dir", str(library_dir), "library", "list", "--year", "2024-2025", "--json")
    expected = [("全国", 2024), ("浙江", 2024), ("浙江", 2025), ("湖北", 2024)]
    assert sorted((r["region"], r["year"]) for r in span) == expected
    assert _json(capsys, "--data-dir", str(library_dir), "library", "list", "--kind", "决议", "--json") == []


def test_search_by_facet_answers_only_from_those_reports(library_dir, capsys):
    everywhere = _json(capsys, "--data-dir", str(library_dir), "search", "新质生产力", "--limit", "0", "--json")
    regions = {hit["region"] for hit in everywhere["hits"]}
    assert {"全国", "浙江"} <= regions
    narrowed = _json(
        capsys, "--data-dir", str(library_dir), "search", "新质生产力", "--region", "浙江", "--year", "2024-2025",
        "--limit", "0", "--json",
    )  # fmt: skip
    assert narrowed["hits"] and {(h["region"], h["year"]) for h in narrowed["hits"]} <= {("浙江", 2024), ("浙江", 2025)}
    assert narrowed["total"] == sum(1 for h in everywhere["hits"] if h["region"] == "浙江" and h["year"] >= 2024)


def test_a_bad_year_is_a_usage_error(library_dir, capsys):
    assert cli.run(["--data-dir", str(library_dir), "library", "list", "--year", "last year"]) == 2
    assert "not a year" in capsys.readouterr().err


def test_duplicates_both_ways(data_dir, tmp_path, capsys):
    """The saved page and its Markdown copy are one entry, whichever comes first; --replace swaps them."""
    markdown = tmp_path / "copy.md"
    shutil.copy(corpus_path("text", "province", "zhejiang_2024.md"), markdown)
    page = tmp_path / "page.html"
    shutil.copy(SEED, page)
    args = ["--data-dir", str(data_dir), "library", "add"]
    # The bundled report is in every library: the Markdown copy duplicates it.
    assert cli.run([*args, str(markdown)]) == 0
    assert "duplicate of d" in capsys.readouterr().out
    # A copy of the page saved elsewhere duplicates it too (the other way round: HTML after the text).
    assert cli.run([*args, str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("duplicate of") and "浙江 · 2024年政府工作报告" in out
    rows = _json(capsys, "--data-dir", str(data_dir), "library", "list", "--json")
    assert len(rows) == 1
    # The bundled report is never replaced.
    assert cli.run([*args, "--replace", str(markdown)]) == 1
    assert "bundled report" in capsys.readouterr().err


def test_a_duplicate_check_looks_only_at_entries_sharing_a_long_paragraph(data_dir, tmp_path, monkeypatch):
    """Boilerplate every report has (各位代表：) must not make each import look at every entry."""
    from reader.core.catalogue import Catalogue
    from reader.core.library import Library

    boilerplate = "各位代表：\n\n现在，我代表省人民政府，向大会报告政府工作，请予审议。\n\n"
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(6):
        body = "".join(
            f"第{number}号报告独有的一段较长的文字，第{line}行，写得足够长以免被当作套话。\n\n" for line in range(8)
        )
        (folder / f"r{number}.txt").write_text(f"第{number}号报告\n\n{boilerplate}{body}", encoding="utf-8")
    looked_at: list[int] = []
    original = Catalogue.sharing
    monkeypatch.setattr(
        Catalogue, "sharing", lambda self, *a: looked_at.append(len(found := original(self, *a))) or found
    )
    library = Library(data_dir)
    outcomes = library.add_many([str(folder)], workers=1)
    assert [o.duplicate_of for o in outcomes] == [""] * 6 and max(looked_at) == 0
    (folder / "again.txt").write_text((folder / "r3.txt").read_text(encoding="utf-8"), encoding="utf-8")
    again = library.add_many([str(folder / "again.txt")], workers=1)
    assert again[0].duplicate_of == library.resolve(str(folder / "r3.txt"))  # a copy is still found
