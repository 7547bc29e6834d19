"""PDF and OFD: the body read back exactly, without running headers, page numbers or contents."""

from __future__ import annotations

from collections import Counter

import pytest

from reader.core.document import ParagraphKind
from reader.core.export import to_json
from reader.core.loader import load_source
from tests.core.formats.officekit import WQY, Block, GovDoc, make_ofd, make_pdf, sample

pytestmark = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed (the PDFs embed it)")


def char_f1(expected: list[str], got: list[str]) -> tuple[float, float, float]:
    """Recall, extra share and F1 of the characters (as multisets), whitespace ignored."""
    want = Counter("".join("".join(expected).split()))
    have = Counter("".join("".join(got).split()))
    common = sum((want & have).values())
    recall = common / max(1, sum(want.values()))
    precision = common / max(1, sum(have.values()))
    return recall, 1 - precision, 2 * recall * precision / max(1e-9, recall + precision)


@pytest.fixture(scope="module")
def notice() -> GovDoc:
    return sample(parts=3, sections=2, paragraphs=3)


@pytest.fixture(scope="module", params=["pdf", "ofd", "ofd-glyphs"])
def printed(request, notice, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "pdf":
        path = folder / "notice.pdf"
        pages = make_pdf(path, notice)
    else:
        path = folder / "notice.ofd"
        make_ofd(path, notice, glyph_per_object=request.param == "ofd-glyphs")
        pages = {}
    return request.param, load_source(str(path)), pages


def test_the_body_comes_back_paragraph_for_paragraph(printed, notice):
    _kind, document, _pages = printed
    got = [p.text for p in document.paragraphs]
    assert got == notice.body_texts()
    recall, extra, _f1 = char_f1(notice.body_texts(), got)
    assert recall == 1.0 and extra == 0.0


def test_title_first_and_last_paragraph_and_the_red_head(printed, notice):
    _kind, document, _pages = printed
    assert document.title == notice.title  # not the stale "Microsoft Word - 新建文档.docx" / "旧的标题"
    assert document.paragraphs[0].kind is ParagraphKind.TITLE
    assert document.paragraphs[1].text.startswith("各区县人民政府")
    assert document.paragraphs[-2].kind is ParagraphKind.SIGNATURE
    assert (document.paragraphs[-1].kind, document.paragraphs[-1].text) == (ParagraphKind.DATE, notice.date)
    assert document.meta["issuer"] == notice.issuer and document.meta["doc_no"] == notice.doc_no


def test_no_running_header_page_number_or_contents_in_the_body(printed, notice):
    _kind, document, _pages = printed
    body = "\n".join(p.text for p in document.paragraphs)
    assert notice.running_header not in body
    assert "- 1 -" not in body and "- 2 -" not in body
    assert "目录" not in body.replace(" ", "") and "....." not in body


def test_the_outline_is_the_reports_own_in_order(printed, notice):
    _kind, document, _pages = printed
    assert [node.title for node in document.outline] == notice.parts()
    sections = [child.title for child in document.outline[0].children]
    assert sections == ["（一）推进第1项第1类任务", "（二）推进第1项第2类任务"]


def test_bold_leads_and_table_rows(printed):
    _kind, document, _pages = printed
    lead = next(p for p in document.paragraphs if p.text.startswith("一是抓好第1类任务落实。"))
    assert lead.kind is ParagraphKind.LEAD
    assert lead.runs[0].bold and lead.runs[0].text == "一是抓好第1类任务落实。"  # PDF: stroked; OFD: 黑体
    rows = [p for p in document.paragraphs if p.cells]
    assert [p.cells for p in rows] == [("指标", "目标", "责任单位"), ("地区生产总值增长", "5.5%左右", "市发展改革委")]
    assert all(p.kind is ParagraphKind.TABLE for p in rows)


def test_every_paragraph_keeps_its_printed_page(printed, notice):
    kind, document, pages = printed
    assert all(p.page >= 1 for p in document.paragraphs)
    assert [p.page for p in document.paragraphs] == sorted(p.page for p in document.paragraphs)
    if kind == "pdf":
        for part, page in pages.items():
            assert next(p.page for p in document.paragraphs if p.text == part) == page
        assert to_json(document)["paragraphs"][5]["page"] == document.paragraphs[5].page


def test_a_pdf_without_numbering_takes_its_headings_from_its_bookmarks(tmp_path):
    doc = sample(parts=2, sections=0, paragraphs=2)
    for block in doc.blocks:  # headings without 一、二、: only the bookmarks say they are headings
        if block.kind == "part":
            block.text = block.text.split("、", 1)[1]
    with_marks, without = tmp_path / "marks.pdf", tmp_path / "plain.pdf"
    make_pdf(with_marks, doc, bookmarks=True, bold_headings=False)
    make_pdf(without, doc, bookmarks=False, bold_headings=False)
    assert [node.title for node in load_source(str(with_marks)).outline] == doc.parts()
    assert load_source(str(without)).outline == ()  # plain lines, nothing says they are headings


def test_an_ofd_names_its_issuer_from_the_seal_when_the_page_does_not(tmp_path):
    doc = sample(parts=1, sections=1, paragraphs=1)
    doc.issuer = ""  # no 红头 line: "文件" alone is not an office
    path = tmp_path / "letter.ofd"
    make_ofd(path, doc, seal_holder="某某市自然资源和规划局")
    document = load_source(str(path))
    assert document.meta["issuer"] == "某某市自然资源和规划局"
    assert document.meta["keywords"] == "重点工作，通知"


def test_a_long_report_keeps_every_paragraph_across_pages(tmp_path):
    doc = sample(parts=6, sections=3, paragraphs=4)
    path = tmp_path / "long.pdf"
    pages = make_pdf(path, doc)
    document = load_source(str(path))
    assert max(pages.values()) >= 10
    assert [p.text for p in document.paragraphs] == doc.body_texts()


def test_a_letter_spaced_title_and_a_paragraph_without_indent_after_extra_space(tmp_path):
    doc = GovDoc(
        issuer="",
        doc_no="",
        title="国 务 院 工 作 规 则",
        blocks=[Block("part", "第一章 总则"), Block("body", "第一条 为进一步加强国务院自身建设，制定本规则。")],
        contents=False,
        footnote="",
    )
    path = tmp_path / "rules.pdf"
    make_pdf(path, doc)
    document = load_source(str(path))
    assert document.title == "国务院工作规则"
