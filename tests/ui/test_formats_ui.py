"""PDF, Word and OFD in the window: outline, printed page in the status bar, citation with the page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from reader.core.reading import citation
from tests.core.formats.officekit import WQY, make_docx, make_pdf, sample

pytestmark = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed (the PDFs embed it)")


def test_a_pdf_opens_with_its_outline_and_the_page_in_the_status_bar(qtbot, make_app, tmp_path):
    doc = sample(parts=3, sections=2, paragraphs=3)
    path = tmp_path / "notice.pdf"
    pages = make_pdf(path, doc)
    app = make_app(str(path))
    assert app.document.title == doc.title
    assert [app.outline.tree.topLevelItem(i).text(0) for i in range(3)] == doc.parts()
    third = doc.parts()[2]
    index = next(i for i, p in enumerate(app.document.paragraphs) if p.text == third)
    app.navigator.go_to_paragraph(app.document.paragraphs[index].id)
    qtbot.waitUntil(lambda: app.view.top_position()[0] == index, timeout=5000)
    label = app.window.progress_label.text()
    assert label.startswith((f"page {pages[third]} ·", f"第 {pages[third]} 页 ·", f"第{pages[third]}页 ·")), label
    cited = citation(app.document, "推进", app.document.paragraphs[index + 1].id)
    assert f"第{pages[third]}页" in cited


def test_a_docx_dropped_on_the_window_opens(qtbot, make_app, tmp_path):
    doc = sample(parts=2, sections=1, paragraphs=1)
    path = tmp_path / "notice.docx"
    make_docx(path, doc)
    app = make_app()
    with qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
        app.window.sourceDropped.emit(str(path))
    assert app.document.title == doc.title
    assert app.document.outline[0].title == doc.parts()[0]


def test_an_attachment_link_in_the_document_information_opens_it(qtbot, make_app, tmp_path):
    doc = sample(parts=2, sections=1, paragraphs=1)
    make_pdf(tmp_path / "plan.pdf", doc)
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><body><div class='article'><h1>关于印发实施方案的通知</h1><div class='content'>"
        "<p>各区县人民政府，市政府各部门：现将实施方案印发给你们，请认真贯彻落实，确保各项任务按期完成。</p>"
        "<p>某某市人民政府办公室</p></div><p>附件：<a href='plan.pdf'>实施方案</a></p></div></body></html>",
        encoding="utf-8",
    )
    app = make_app(str(page))
    links = app.window.metadata.findChild(QLabel, "meta_attachments")
    assert (
        links is not None and f'<a href="{tmp_path / "plan.pdf"}">实施方案</a>' in links.text()
    )  # found beside the page
    with qtbot.waitSignal(app.navigator.documentShown, timeout=15000):
        links.linkActivated.emit(str(tmp_path / "plan.pdf"))
    assert app.document.title == doc.title
