"""A page's attachments (PDF, Word, OFD links) are listed with the document and resolvable to open."""

from __future__ import annotations

from reader.core.export import to_json
from reader.core.loader import load_source
from reader.core.serialize import dump_document, load_document
from reader.core.sources import attachment_address

PAGE = """<html><head><title>关于印发实施方案的通知</title>
<meta name="url" content="https://www.example.gov.cn/art/2024/2/1/art_1_2.html"></head><body>
<div class="nav"><a href="/index.html">首页</a><a href="/guide.pdf">办事指南</a></div>
<div class="article"><h1>关于印发实施方案的通知</h1>
<div class="content"><p>各区县人民政府，市政府各部门：</p>
<p>现将《实施方案》印发给你们，请认真贯彻落实。实施方案全文见附件，请各单位结合实际抓好落实，确保各项任务按期完成。</p>
<p>某某市人民政府办公室</p></div>
<div class="attachments">附件：<a href="P020240201.pdf">1.实施方案</a>
<a href="./files/任务清单.docx?v=2">2.任务清单</a><a href="https://other.gov.cn/x.ofd"></a>
<a href="P020240201.pdf">1.实施方案（重复）</a><a href="photo.jpg">图片</a></div></div></body></html>"""


def _page(tmp_path):
    path = tmp_path / "notice.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_article_links_to_documents_are_its_attachments(tmp_path):
    document = load_source(str(_page(tmp_path)))
    assert document.attachments == (
        ("1.实施方案", "P020240201.pdf"),
        ("2.任务清单", "./files/任务清单.docx?v=2"),
        ("x.ofd", "https://other.gov.cn/x.ofd"),
    )
    assert to_json(document)["attachments"][0] == {"title": "1.实施方案", "href": "P020240201.pdf"}
    assert load_document(dump_document(document)).attachments == document.attachments


def test_an_attachment_resolves_beside_the_saved_page_else_on_the_site(tmp_path):
    page = _page(tmp_path)
    document = load_source(str(page))
    site = "https://www.example.gov.cn/art/2024/2/1/P020240201.pdf"
    assert attachment_address("P020240201.pdf", document.url, document.source) == site
    (tmp_path / "P020240201.pdf").write_bytes(b"%PDF-1.4")
    assert attachment_address("P020240201.pdf", document.url, document.source) == str(tmp_path / "P020240201.pdf")
    assert attachment_address("x.pdf", "", "https://a.gov.cn/b/c.html") == "https://a.gov.cn/b/x.pdf"
    assert attachment_address("x.pdf", "", str(page)) == ""  # nowhere to look


def test_a_page_without_document_links_has_no_attachments(tmp_path):
    path = tmp_path / "plain.html"
    path.write_text(PAGE.replace(".pdf", ".html").replace(".docx", ".htm").replace(".ofd", ".shtml"), encoding="utf-8")
    assert load_source(str(path)).attachments == ()
    assert "attachments" not in to_json(load_source(str(path)))
