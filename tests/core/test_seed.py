"""The bundled seed page: metadata, every paragraph, the outline."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from reader.core.document import ParagraphKind
from reader.core.export import to_json
from reader.core.identity import IDENTITY_KEYS
from reader.core.loader import load_path
from reader.core.resources import BUNDLED_REPORT_URL, bundled_report_path
from tests.conftest import SEED, corpus_path


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED)


@pytest.fixture(scope="module")
def page_paragraphs() -> list[str]:
    """The page's own paragraph texts, read straight from div#zoom."""
    soup = BeautifulSoup(SEED.read_text(encoding="utf-8"), "lxml")
    return [p.get_text() for p in soup.find(id="zoom").find_all("p", recursive=False)]


def test_seed_is_the_bundled_default():
    assert bundled_report_path().resolve() == SEED.resolve()


def test_title_and_metadata_exactly_as_on_the_page(seed):
    assert seed.title == "2024年政府工作报告"
    page_meta = {k: v for k, v in seed.meta.items() if k not in IDENTITY_KEYS}  # identity: test_identity.py
    assert page_meta == {
        "index_no": "000014349/2024-792209",
        "category": "政务公开",
        "issuer": "浙江省人民政府办公厅",
        "written_date": "2024-01-23",
        "published": "2024-01-31 17:01",
        "source_org": "省政府办公厅",
    }
    assert seed.url == BUNDLED_REPORT_URL


def test_all_96_paragraphs_with_the_pages_text(seed, page_paragraphs):
    assert len(page_paragraphs) == 96
    assert sum(len(t) for t in page_paragraphs) == 13363
    assert len(seed.paragraphs) == 96
    for ours, theirs in zip(seed.paragraphs, page_paragraphs, strict=True):
        assert _squash(ours.text) == _squash(theirs)
    assert "语言播报" not in "".join(p.text for p in seed.paragraphs)


def test_runs_concatenate_to_text_and_keep_bold(seed):
    for paragraph in seed.paragraphs:
        assert "".join(run.text for run in paragraph.runs) == paragraph.text
    assert seed.paragraphs[34].lead_text == "（一）聚焦聚力提升政策引导保障成效。"


def test_paragraph_kinds(seed):
    kinds = [p.kind for p in seed.paragraphs]
    assert kinds[:4] == [ParagraphKind.TITLE] * 4
    assert kinds.count(ParagraphKind.PART) == 2
    assert kinds.count(ParagraphKind.SECTION) == 10


def _titles(nodes):
    return [node.title for node in nodes]


def test_outline_parts_and_part_one(seed):
    assert _titles(seed.outline) == ["一、2023年工作回顾", "二、2024年目标任务和重点工作"]
    part_one = seed.outline[0]
    leads = [n for group in part_one.children for n in group.children]
    dashes = [n for n in leads if n.title.startswith("——")]
    ordinals = [n for n in leads if re.match(r"^[一二三四五六七八九]是", n.title)]
    assert len(dashes) == 6
    assert [n.title[:2] for n in ordinals] == ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是"]
    # The two whole-bold paragraphs head those groups with short titles.
    assert len(part_one.children) == 2
    assert all(len(group.title) <= 40 for group in part_one.children)


def test_outline_part_two_sections_leads_and_livelihood_list(seed):
    part_two = seed.outline[1]
    sections = [n for n in part_two.children if n.title.startswith("（")]
    assert [s.title.split("）")[0] + "）" for s in sections] == [f"（{c}）" for c in "一二三四五六七八九十"]
    assert sum(len(s.children) for s in sections) == 39
    groups = [n for n in part_two.children if not n.title.startswith("（")]
    assert len(groups) == 1, "the 10 民生实事 items form their own group beside （十）"
    items = groups[0].children
    assert [n.title.split("、")[0] for n in items] == [str(i) for i in range(1, 11)]
    assert "民生实事" in groups[0].title
    assert not any(n.title.startswith("1、") for n in sections[-1].children)


def test_mid_paragraph_bold_is_not_a_heading(seed):
    node_paragraphs = {node.paragraph for node in seed.nodes()}
    for index in (31, 94):
        paragraph = seed.paragraphs[index]
        assert any(run.bold for run in paragraph.runs) and not paragraph.runs[0].bold
        assert paragraph.id not in node_paragraphs
        assert paragraph.kind is ParagraphKind.BODY


def test_every_body_paragraph_belongs_to_one_node(seed):
    node_ids = {node.id for node in seed.nodes()}
    first_heading = next(i for i, p in enumerate(seed.paragraphs) if p.kind is ParagraphKind.PART)
    for paragraph in seed.paragraphs[first_heading:]:
        assert paragraph.section in node_ids
    for paragraph in seed.paragraphs[:4]:
        assert paragraph.section is None  # the title block is front matter
    # Nodes come in document order.
    positions = [seed.paragraph_index(node.paragraph) for node in seed.nodes()]
    assert positions == sorted(positions)


def test_json_shape(seed):
    data = to_json(seed)
    assert set(data) >= {"id", "title", "source", "meta", "outline", "paragraphs"}
    assert set(data["outline"][0]) == {"id", "level", "title", "paragraph", "children"}
    assert set(data["paragraphs"][0]) == {"id", "kind", "text", "section"}
    assert {p["kind"] for p in data["paragraphs"]} <= {"title", "part", "section", "lead", "body", "table"}


def test_seed_matches_the_independent_text_copy(seed):
    """text/province/zhejiang_2024.md is the same page saved as Markdown elsewhere."""
    copy = load_path(corpus_path("text", "province", "zhejiang_2024.md"))
    # The text's title block has its date line joined again (the page keeps the two lines it set).
    joined = _squash("".join(p.text for p in seed.paragraphs[:4]))
    assert _squash("".join(p.text for p in copy.paragraphs[:3])) == joined
    assert [p.kind for p in copy.paragraphs[:3]] == [ParagraphKind.TITLE] * 3
    assert [_squash(p.text) for p in copy.paragraphs[3:]] == [_squash(p.text) for p in seed.paragraphs[4:]]
    # Ids derive from normalised text, so the two copies share paragraph ids.
    assert [p.id for p in copy.paragraphs[3:]] == [p.id for p in seed.paragraphs[4:]]


def test_paragraphs_per_node_counts_each_paragraph_once_up_the_outline(seed):
    part_two = seed.outline[1]
    section = part_two.children[0]
    start, end = seed.node_paragraph_range(section.id)
    inside = [start, start + 1, start + 1]  # a repeated index counts once
    counts = seed.paragraphs_per_node(inside)
    assert counts[section.id] == 2
    assert counts[part_two.id] == 2
    assert seed.outline[0].id not in counts
    everything = seed.paragraphs_per_node(range(len(seed.paragraphs)))
    assert (
        everything[part_two.id] == seed.node_paragraph_range(part_two.id)[1] - seed.node_paragraph_range(part_two.id)[0]
    )
    assert end > start + 1
