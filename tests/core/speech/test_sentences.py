"""The sentence splitter: exact tiling of every paragraph, Chinese punctuation rules."""

from __future__ import annotations

import itertools
import re

import pytest

from reader.core.loader import load_path
from reader.core.speech import sentences
from reader.core.speech.sentences import MAX_PIECE, split_sentences
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED)


def test_every_character_of_the_seed_lands_in_exactly_one_piece_in_order(seed):
    pieces = sentences.document_pieces(seed)
    for index, paragraph in enumerate(seed.paragraphs):
        mine = [p for p in pieces if p.paragraph == index]
        assert mine[0].start == 0 and mine[-1].end == len(paragraph.text)
        for before, after in itertools.pairwise(mine):
            assert before.end == after.start
        assert "".join(p.text for p in mine) == paragraph.text
        assert all(p.text == paragraph.text[p.start : p.end] for p in mine)
    assert [p.paragraph for p in pieces] == sorted(p.paragraph for p in pieces)


def test_pieces_are_short_and_end_at_sentence_marks(seed):
    pieces = sentences.document_pieces(seed)
    assert max(len(p.text) for p in pieces) <= MAX_PIECE
    ends = [p.text[-1] for p in pieces]
    assert sum(ch in "。！？；…”）" for ch in ends) / len(ends) > 0.9


def test_numbers_are_never_cut(seed):
    pieces = sentences.document_pieces(seed)
    for before, after in itertools.pairwise(pieces):
        if before.paragraph == after.paragraph:
            joint = before.text[-1:] + after.text[:1]
            assert not re.fullmatch(r"\d\d|\d[.+%]|[.+]\d", joint), joint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长3.76万人。下降5.2%！", ["增长3.76万人。", "下降5.2%！"]),
        ("“8+4”经济政策体系精准高效。坚持集中财力。", ["“8+4”经济政策体系精准高效。", "坚持集中财力。"]),
        ("他说：“很好。”然后离开；最后……结束", ["他说：“很好。”", "然后离开；", "最后……", "结束"]),
        ("（一）聚焦聚力。（二）扩大投资。", ["（一）聚焦聚力。", "（二）扩大投资。"]),
        ("PM2.5 down. Really? yes! ok", ["PM2.5 down. Really?", " yes!", " ok"]),
    ],
)
def test_split_cases(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_a_long_sentence_is_cut_at_commas():
    text = "，".join(["推进高水平对外开放"] * 40) + "。"
    pieces = [text[s:e] for s, e in split_sentences(text, limit=60)]
    assert "".join(pieces) == text
    assert all(len(p) <= 60 for p in pieces)
    assert all(p.endswith(("，", "。")) for p in pieces)


def test_scripts(seed):
    whole = sentences.whole_document(seed)
    assert whole[0].paragraph == -1 and whole[0].text == "2024年政府工作报告。"
    assert any("索引号：000014349/2024-792209" in p.text for p in whole[:8])
    section_id = seed.outline[1].children[2].id  # （三）
    part = sentences.section(seed, section_id)
    first, end = seed.node_paragraph_range(section_id)
    assert {p.paragraph for p in part} == set(range(first, end))
    start = sentences.from_position(seed, 40, 30)
    assert start[0].paragraph == 40 and start[0].start <= 30 < start[0].end
    chosen = sentences.selection(seed, (40, 10), (41, 20))
    assert chosen[0].start == 10 and chosen[-1].paragraph == 41 and chosen[-1].end == 20
    text = seed.paragraphs[40].text[10:] + seed.paragraphs[41].text[:20]
    assert "".join(p.text for p in chosen) == text
