"""Sections as units: search, export, bookmark and cite one outline node with its sub-nodes."""

from __future__ import annotations

import json

import pytest

from reader import cli
from reader.core.bookmarks.anchors import make_section_bookmark
from reader.core.bookmarks.store import BookmarkStore
from reader.core.loader import load_source
from reader.core.search.query import parse_query
from reader.core.search.results import search_document
from reader.core.sections import SectionError, section_document, section_range, section_with_citation
from tests.conftest import SEED, corpus_path


@pytest.fixture(scope="module")
def seed():
    return load_source(str(SEED))


def _subtree_ids(document, node_id: str) -> list[str]:
    start, end = document.node_paragraph_range(node_id)
    return [p.id for p in document.paragraphs[start:end]]


def test_section_search_answers_exactly_the_subtree(seed) -> None:
    reports = [seed, load_source(str(corpus_path("text", "national", "gwy_2024.md")))]
    for document in reports:
        for node in list(document.nodes())[:40]:
            ids = set(_subtree_ids(document, node.id))
            for term in ("发展", "数字经济", "稳"):
                result = search_document(document, parse_query(term), 0, within=section_range(document, node.id))
                expected = [p.id for p in document.paragraphs if p.id in ids and term in p.text]
                assert sorted(h.paragraph for h in result.hits) == sorted(expected), (node.title, term)
                assert result.total == len(expected)


def test_section_document_keeps_ids_outline_and_path(seed) -> None:
    node = next(n for n in seed.nodes() if n.title.startswith("（三）"))
    part = section_document(seed, node.id)
    assert [p.id for p in part.paragraphs] == _subtree_ids(seed, node.id)
    assert part.outline == (node,)
    assert part.meta["section"] == "二、2024年目标任务和重点工作 › （三）聚焦聚力建设现代化产业体系"
    assert part.meta["region"] == "浙江"
    text = section_with_citation(seed, node.id)
    assert text.startswith("（三）聚焦聚力建设现代化产业体系")
    assert "——浙江省《2024年政府工作报告》，二、2024年目标任务和重点工作 › （三）聚焦聚力建设现代化产业体系" in text
    with pytest.raises(SectionError, match="export it with --format json"):
        section_document(seed, "n-unknown")


def test_a_section_bookmark_survives_the_store_and_export(seed, data_dir) -> None:
    node = next(n for n in seed.nodes() if n.title.startswith("（三）"))
    store = BookmarkStore(data_dir / "b.sqlite3")
    made = store.add(make_section_bookmark(seed, node.id, note="产业"))
    again = store.get(made.uid)
    assert again.section and again.paragraph == node.paragraph
    assert again.title == "二、2024年目标任务和重点工作 › （三）聚焦聚力建设现代化产业体系"
    assert again.section_path == ("二、2024年目标任务和重点工作", "（三）聚焦聚力建设现代化产业体系")
    exported = store.export_json()
    other = BookmarkStore(data_dir / "c.sqlite3")
    other.import_json(json.loads(json.dumps(exported)))
    assert other.get(made.uid).section
    store.update(made.uid, note="改过")
    assert store.get(made.uid).section  # every update keeps the mark


def test_cli_section_scope_everywhere(seed, data_dir, capsys) -> None:
    node = next(n for n in seed.nodes() if n.title.startswith("（三）"))
    base = ["--data-dir", str(data_dir)]
    capsys.readouterr()
    assert cli.run([*base, "export", str(SEED), "--section", node.id, "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in exported["paragraphs"]] == _subtree_ids(seed, node.id)
    assert cli.run([*base, "search", "数字经济", "--in", str(SEED), "--section", node.id, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and {h["paragraph"] for h in hits} <= set(_subtree_ids(seed, node.id))
    assert cli.run([*base, "bookmarks", "add", str(SEED), "--section", node.id]) == 0
    capsys.readouterr()
    assert cli.run([*base, "bookmarks", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["section"] is True
    # Bad input: one line naming how to list the sections; usage errors for missing pieces.
    assert cli.run([*base, "export", str(SEED), "--section", "n0"]) == 1
    assert capsys.readouterr().err.strip().endswith("(export it with --format json to list its sections)")
    assert cli.run([*base, "search", "数字经济", "--section", node.id]) == 2
    assert cli.run([*base, "bookmarks", "add", str(SEED)]) == 2
    assert cli.run([*base, "bookmarks", "add", str(SEED), "p0", "--section", node.id]) == 2


def test_export_takes_a_library_id_like_every_other_command(seed, data_dir, capsys) -> None:
    base = ["--data-dir", str(data_dir)]
    assert cli.run([*base, "library", "list", "--json"]) == 0
    bundled = json.loads(capsys.readouterr().out)[0]["id"]
    assert cli.run([*base, "export", bundled, "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["id"] == bundled
    assert [p["id"] for p in exported["paragraphs"]] == [p.id for p in seed.paragraphs]
    # Neither a file nor an id: the one-line error names what was asked for.
    assert cli.run([*base, "export", "d0000000000ff"]) == 1
    assert "d0000000000ff" in capsys.readouterr().err
