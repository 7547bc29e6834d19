"""Ids are stable across re-imports and independent of unrelated edits."""

from __future__ import annotations

from reader.core.document import document_id, paragraph_ids
from reader.core.loader import load_path, parse_bytes
from tests.conftest import SEED


def test_same_text_same_ids():
    assert paragraph_ids(["甲。", "乙。"]) == paragraph_ids(["甲。", "乙。"])


def test_whitespace_and_width_do_not_change_ids():
    assert paragraph_ids(["浙江省省长 \u00a0王 浩"]) == paragraph_ids(["浙江省省长王浩"])
    assert paragraph_ids(["ＰＭ２．５下降"]) == paragraph_ids(["PM2.5下降"])


def test_repeated_paragraphs_get_distinct_ids():
    ids = paragraph_ids(["各位代表：", "正文。", "各位代表："])
    assert len(set(ids)) == 3


def test_an_edit_moves_only_the_edited_paragraph():
    before = paragraph_ids(["一。", "二。", "三。"])
    after = paragraph_ids(["一。", "二（改）。", "三。"])
    assert before[0] == after[0] and before[2] == after[2] and before[1] != after[1]


def test_reimport_keeps_document_and_paragraph_ids(tmp_path):
    copy = tmp_path / "copy.html"
    copy.write_bytes(SEED.read_bytes())
    first, second = load_path(copy), load_path(copy)
    assert first.id == second.id
    assert [p.id for p in first.paragraphs] == [p.id for p in second.paragraphs]
    assert [n.id for n in first.nodes()] == [n.id for n in second.nodes()]


def test_document_id_follows_the_source():
    data = SEED.read_bytes()
    a = parse_bytes(data, name="a", source="a", source_key="/x/a.html")
    b = parse_bytes(data, name="a", source="a", source_key="/x/b.html")
    assert a.id != b.id and a.id == document_id("/x/a.html")
