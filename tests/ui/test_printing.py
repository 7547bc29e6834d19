"""Paper: headings stay with their text, and a PDF carries the outline as bookmarks."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QSizeF

from reader.core.document import ParagraphKind
from reader.core.loader import load_source
from reader.ui.reading.appearance import chinese_font_families
from reader.ui.reading.printing import export_pdf, page_of, paginate, print_document
from tests.conftest import SEED, needs_tool

_HEADINGS = (ParagraphKind.PART, ParagraphKind.SECTION)


@pytest.fixture(scope="module")
def seed():
    return load_source(str(SEED))


def _stranded(text_document, document, height: float) -> list[str]:
    """Headings whose next paragraph (or heading) starts on a later page."""
    found = []
    block = text_document.begin()
    while block.isValid():
        following = block.next()
        index = block.userState()
        if (
            following.isValid()
            and 0 <= index < len(document.paragraphs)
            and document.paragraphs[index].kind in _HEADINGS
            and following.userState() >= 0
            and page_of(following, height) > page_of(block, height)
        ):
            found.append(document.paragraphs[index].text)
        block = following
    return found


@pytest.mark.parametrize("page_height", [900, 1400, 2100, 3300])
def test_no_heading_is_left_at_a_page_foot(qapp, seed, page_height):
    families = tuple(chinese_font_families())
    before = print_document(seed, families, 300)
    before.setPageSize(QSizeF(2000, page_height))
    stranded = _stranded(before, seed, page_height)
    after = print_document(seed, families, 300)
    moved, outline = paginate(after, seed, QSizeF(2000, page_height))
    assert _stranded(after, seed, page_height) == []
    assert (moved > 0) == bool(stranded), "headings move only when some would be stranded"
    assert after.documentLayout().pageCount() <= before.documentLayout().pageCount() + moved
    assert len(outline) == sum(1 for _ in seed.nodes())


def test_some_page_size_strands_a_heading_without_the_fix(qapp, seed):
    families = tuple(chinese_font_families())
    strands = 0
    for height in range(900, 3400, 150):
        document = print_document(seed, families, 300)
        document.setPageSize(QSizeF(2000, height))
        strands += len(_stranded(document, seed, height))
    assert strands > 0, "the check above would pass vacuously"


@needs_tool("pdftotext", "poppler-utils")
def test_the_pdf_outline_is_the_documents_and_each_bookmark_opens_its_heading(qapp, seed, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    pages = export_pdf(seed, target, tuple(chinese_font_families()))
    assert not list(tmp_path.glob(".*")), "the painting file is removed"
    reader = PdfReader(str(target))
    assert len(reader.pages) == pages
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"

    def flatten(items, level=1):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item, level + 1)
            else:
                yield level, item

    bookmarks = list(flatten(reader.outline))
    nodes = []

    def walk(children, level=1):
        for node in children:
            nodes.append((level, node))
            walk(node.children, level + 1)

    walk(seed.outline)
    assert [(level, item.title) for level, item in bookmarks] == [(level, node.title) for level, node in nodes]
    for (level, item), (_level, node) in zip(bookmarks, nodes, strict=True):
        if level > 2:
            continue  # 一是 / bold leads: their titles are cut from longer sentences
        page = reader.get_destination_page_number(item) + 1
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(target), "-"], capture_output=True, text=True
        ).stdout
        heading = seed.paragraph(node.paragraph).text
        assert "".join(heading.split())[:8] in "".join(text.split()), (node.title, page)
