"""Word .docx and Word 97 .doc: numbering as printed, no contents, headers or field codes in the body."""

from __future__ import annotations

import pytest

from reader.core.document import ParagraphKind
from reader.core.errors import EncryptedFileError
from reader.core.formats.word_numbering import chinese_count, format_number
from reader.core.loader import load_source
from tests.core.formats.officekit import doc_text, make_doc, make_docx, sample


@pytest.fixture(scope="module")
def notice():
    return sample(parts=3, sections=2, paragraphs=3)


@pytest.fixture(scope="module")
def word(notice, tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "notice.docx"
    make_docx(path, notice)
    return load_source(str(path))


def _expected_with_footnote(notice) -> list[str]:
    texts = notice.body_texts()
    first_body = texts.index(notice.blocks[0].text)
    return [*texts[: first_body + 1], "注1：" + notice.footnote, *texts[first_body + 1 :]]


def test_docx_body_numbering_and_footnote_as_printed(word, notice):
    assert [p.text for p in word.paragraphs] == _expected_with_footnote(notice)


def test_docx_title_from_the_page_not_the_stale_property_and_the_red_head(word, notice):
    assert word.title == notice.title
    assert word.paragraphs[0].kind is ParagraphKind.TITLE
    assert word.meta["issuer"] == notice.issuer and word.meta["doc_no"] == notice.doc_no
    assert word.meta["author"] == notice.issuer + "办公室" and word.meta["keywords"] == "重点工作"
    assert (word.paragraphs[-1].kind, word.paragraphs[-2].kind) == (ParagraphKind.DATE, ParagraphKind.SIGNATURE)


def test_docx_outline_from_numbered_heading_styles(word, notice):
    assert [node.title for node in word.outline] == notice.parts()
    assert [child.title for child in word.outline[1].children] == [
        "（一）推进第2项第1类任务",
        "（二）推进第2项第2类任务",
    ]


def test_docx_leaves_out_contents_header_footer_and_field_codes(word, notice):
    body = "\n".join(p.text for p in word.paragraphs)
    assert notice.running_header not in body and "- 1 -" not in body
    assert "PAGEREF" not in body and "TOC" not in body
    assert body.count(notice.parts()[0]) == 1  # once as a heading, never as a contents entry


def test_docx_bold_leads_tables_and_rendered_pages(word):
    lead = next(p for p in word.paragraphs if p.text.startswith("一是抓好第1类任务落实。"))
    assert lead.kind is ParagraphKind.LEAD and lead.runs[0].bold
    assert next(p.cells for p in word.paragraphs if p.cells) == ("指标", "目标", "责任单位")
    pages = [p.page for p in word.paragraphs]
    assert pages[0] == 1 and max(pages) > 2 and pages == sorted(pages)


def test_docx_without_rendered_page_breaks_has_no_pages(notice, tmp_path):
    path = tmp_path / "unpaged.docx"
    make_docx(path, notice, rendered_pages=False)
    assert {p.page for p in load_source(str(path)).paragraphs} == {0}


@pytest.mark.parametrize(
    ("value", "number_format", "printed"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimal", "7"),
        (12, "decimalFullWidth", "１２"),
    ],
)
def test_word_number_formats(value, number_format, printed):
    assert format_number(value, number_format) == printed


def test_chinese_counting_in_the_hundreds():
    assert [chinese_count(n) for n in (110, 119, 200)] == ["一百一十", "一百一十九", "二百"]


def test_doc_body_fields_and_tables(notice, tmp_path):
    path = tmp_path / "notice.doc"
    make_doc(path, doc_text(notice))
    document = load_source(str(path))
    assert document.title == notice.title
    assert [p.text for p in document.paragraphs] == notice.body_texts()
    assert [node.title for node in document.outline] == notice.parts()
    assert document.meta["issuer"] == notice.issuer and document.meta["doc_no"] == notice.doc_no
    rows = [p.cells for p in document.paragraphs if p.cells]
    assert rows == [("指标", "目标", "责任单位"), ("地区生产总值增长", "5.5%左右", "市发展改革委")]


def test_doc_with_8_bit_text(tmp_path):
    path = tmp_path / "english.doc"
    make_doc(path, "Annual Report\rThe economy grew by 5.2 percent.\rIt is a test.\r", compressed=True)
    document = load_source(str(path))
    assert [p.text for p in document.paragraphs][-2:] == ["The economy grew by 5.2 percent.", "It is a test."]


def test_a_wps_file_in_the_same_container_opens(notice, tmp_path):
    path = tmp_path / "notice.wps"
    make_doc(path, doc_text(notice))
    assert load_source(str(path)).title == notice.title


def test_a_password_protected_doc_says_so(tmp_path):
    path = tmp_path / "secret.doc"
    make_doc(path, "机密\r", encrypted=True)
    with pytest.raises(EncryptedFileError, match="password"):
        load_source(str(path))
