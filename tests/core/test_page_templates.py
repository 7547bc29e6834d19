"""Pages from sites the parser has never seen: the right body, all the metadata shown, no chrome.

Each template in ``pagekit`` mimics a CMS layout with its chrome; each is filled with an
invented notice and with real reports from the corpus (read at test time), then parsed.
Every case checks the exact title, the first and last paragraph, the whole body and
nothing more, every metadata field the page shows, no page chrome, and the outline.
"""

from __future__ import annotations

import re

import pytest

from reader.core.document import ParagraphKind
from reader.core.identity import IDENTITY_KEYS
from reader.core.loader import load_path, parse_bytes
from tests.conftest import corpus_path
from tests.core.pagekit import CHROME_WORDS, INVENTED, SHOWN, TEMPLATES, Article

CORPUS_REPORTS = ("text/province/guangdong_2024.md", "text/national/gwy_2024.md", "text/province/hubei_2024.md")
PAGE_META = {
    "published": "2024-01-30 10:00",
    "source_org": "临江省人民政府办公厅",
    "index_no": "11330000002482036X/2024-00123",
    "issuer": "临江省人民政府",
    "written_date": "2024-01-26",
    "doc_no": "临政发〔2024〕3号",
    "author": "临江省司法厅",
}
_STYLES = {
    ParagraphKind.TITLE: "center",
    ParagraphKind.PART: "part",
    ParagraphKind.SECTION: "section",
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _article_from_corpus(relative: str) -> Article:
    document = load_path(corpus_path(*relative.split("/")))
    paragraphs = []
    for paragraph in document.paragraphs:
        style = _STYLES.get(paragraph.kind, "body")
        if paragraph.kind is ParagraphKind.LEAD and paragraph.lead_text and "。" in paragraph.text:
            style = "lead"
        paragraphs.append((style, paragraph.text))
    return Article(document.title, paragraphs, dict(PAGE_META))


def _article(name: str) -> Article:
    return INVENTED if name == "invented" else _article_from_corpus(name)


CASES = [(template, article) for template in TEMPLATES for article in ("invented", *CORPUS_REPORTS)]


@pytest.mark.parametrize(("template", "article_name"), CASES)
def test_page_reads_right(template, article_name):
    article = _article(article_name)
    data = TEMPLATES[template](article)
    document = parse_bytes(data, name="page.html", source="page.html", source_key=f"test:{template}", kind="html")
    assert document.title == article.title
    ours = [p.text for p in document.paragraphs]
    assert _squash(ours[0]) == _squash(article.texts[0]), "first paragraph"
    assert _squash(ours[-1]) == _squash(article.texts[-1]), "last paragraph"
    assert _squash("".join(ours)) == _squash("".join(article.texts)), "the whole body and nothing else"
    for key in SHOWN[template]:
        assert document.meta.get(key) == article.meta[key], key
    text = "".join(ours)
    for word in CHROME_WORDS:
        assert word not in text or word in "".join(article.texts), word
    parts = [t for style, t in article.paragraphs if style == "part"]
    titles = [node.title for node in document.nodes()]
    for part in parts:
        assert any(title.startswith(part[:8]) for title in titles), f"{part} not in the outline"


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_signature_and_date_are_set_apart(template):
    data = TEMPLATES[template](INVENTED)
    document = parse_bytes(data, name="page.html", source="page.html", source_key=f"test:{template}", kind="html")
    assert [p.kind for p in document.paragraphs[-2:]] == [ParagraphKind.SIGNATURE, ParagraphKind.DATE]
    assert document.paragraphs[-3].kind is ParagraphKind.BODY


def test_a_caption_is_never_a_heading():
    page = (
        "<html><head><title>临江港集装箱吞吐量创新高_临江市人民政府</title></head><body><div class='nav'>首页</div>"
        "<div class='article'><h1>临江港集装箱吞吐量创新高</h1><div class='content'>"
        "<p style='text-align:center'><img src='a.jpg'></p>"
        "<p style='text-align:center'><strong>一、临江港夜景</strong></p>"
        "<p>今年以来，临江港集装箱吞吐量持续增长，前三季度累计完成八百万标准箱，同比增长百分之十二。</p>"
        "<p>港口集团表示，将加快建设智慧码头，提升装卸效率，确保全年目标顺利完成。</p>"
        "<p style='text-align:center'><img src='b.jpg'></p><p>图为工人在码头作业。（李明　摄）</p>"
        "<p>下一步，临江港将继续拓展航线网络，服务区域经济高质量发展。</p>"
        "</div></div></body></html>"
    ).encode()
    document = parse_bytes(page, name="p.html", source="p.html", source_key="test:caption", kind="html")
    captions = [p.text for p in document.paragraphs if p.kind is ParagraphKind.CAPTION]
    assert captions == ["一、临江港夜景", "图为工人在码头作业。（李明\u3000摄）"]
    assert [n.title for n in document.nodes()] == []


def test_a_notice_numbers_its_clauses_even_when_the_first_ones_run_long():
    clauses = [
        "一、自即日起至2024年12月31日，全市范围内禁止燃放烟花爆竹，违者依法予以处罚，情节严重的依法追究责任。",
        "二、各单位应当加强对所属人员的宣传教育，落实安全防范责任，确保辖区内不发生燃放行为。",
        "三、严禁销售烟花爆竹",
        "四、举报电话：12345",
        "五、本通告自发布之日起施行",
    ]
    page = "<html><body><div class='c'>" + "".join(f"<p>{c}</p>" for c in clauses) + "</div></body></html>"
    document = parse_bytes(page.encode(), name="n.html", source="n.html", source_key="test:notice", kind="html")
    titles = [node.title for node in document.outline]
    assert len(titles) == 5 and titles[0].startswith("一、自即日起") and titles[1].startswith("二、各单位")


def test_a_law_has_its_chapters_and_articles():
    lines = ["第一章　总　则"]
    lines += [f"第{n}条　为了规范临江市的公共管理，根据有关法律法规，结合本市实际，制定本条例。" for n in "一二三"]
    lines += ["第二章　管理职责", "第四条　市人民政府负责本条例的组织实施：", "（一）制定规划；", "（二）组织检查；"]
    lines += ["第五条　本条例自2024年5月1日起施行。"]
    page = "<html><body><div class='c'>" + "".join(f"<p>{line}</p>" for line in lines) + "</div></body></html>"
    document = parse_bytes(page.encode(), name="l.html", source="l.html", source_key="test:law", kind="html")
    tree = [(node.title, [child.title for child in node.children]) for node in document.outline]
    assert tree == [("第一章 总则", ["第一条", "第二条", "第三条"]), ("第二章 管理职责", ["第四条", "第五条"])]


def test_hidden_copy_never_counts_twice():
    data = TEMPLATES["mobile_copy"](INVENTED)
    document = parse_bytes(data, name="m.html", source="m.html", source_key="test:mobile", kind="html")
    texts = [p.text for p in document.paragraphs]
    assert len(texts) == len(set(texts)) == len(INVENTED.paragraphs)


def test_a_window_title_that_names_only_the_site_gives_way_to_the_heading():
    page = (
        "<html><head><title>临江市人民政府</title></head><body><div class='nav'>首页 | 政务</div>"
        "<div class='detail'><h2 class='column'>政策文件</h2><h1>临江市关于加快发展数字经济的实施意见</h1>"
        "<h3>来源：临江市政府办公室　发布时间：2024-02-01</h3><div class='txt'>"
        "<p>为加快发展数字经济，推动数字技术与实体经济深度融合，结合我市实际，制定本实施意见。</p>"
        "<p>到2027年，全市数字经济核心产业增加值占地区生产总值比重达到百分之十五以上。</p>"
        "</div></div></body></html>"
    ).encode()
    document = parse_bytes(page, name="p.html", source="p.html", source_key="test:site-title", kind="html")
    assert document.title == "临江市关于加快发展数字经济的实施意见"
    page_meta = {k: v for k, v in document.meta.items() if k not in IDENTITY_KEYS}
    assert page_meta == {"published": "2024-02-01", "source_org": "临江市政府办公室"}
    assert document.paragraphs[0].text.startswith("为加快发展数字经济")


def test_head_tags_give_plain_values_and_only_the_articles_own_keywords():
    body = (
        "<p>临江市人民政府决定，自2024年起实施城市更新三年行动，重点推进老旧小区改造和历史街区保护。</p>"
        "<p>各区要结合实际制定年度计划，确保老旧小区改造任务按期完成。</p>"
    )
    page = (
        "<html><head><title>城市更新_临江市人民政府</title>"
        '<meta name="keywords" content="临江,临江市,临江市人民政府,政府网站">'
        '<meta name="description" content="临江市人民政府门户网站是市政府在互联网上的综合平台">'
        '<meta name="ArticleTitle" content="&lt;div class=&quot;title&quot;&gt;临江市城市更新三年行动方案&lt;/div&gt;">'
        '<meta name="PubDate" content="2024-04-02 15:20">'
        '<meta name="ContentSource" content="&lt;b&gt;市住建局&lt;/b&gt;">'
        '<meta name="Keywords" content="城市更新,老旧小区改造">'
        '<meta name="Description" content="临江市人民政府决定，自2024年起实施城市更新三年行动">'
        f"</head><body><div class='main'>{body}</div></body></html>"
    ).encode()
    document = parse_bytes(page, name="k.html", source="k.html", source_key="test:head", kind="html")
    assert document.title == "临江市城市更新三年行动方案"  # no heading on the page: the head tag, without its markup
    assert document.meta["source_org"] == "市住建局"
    assert document.meta["published"] == "2024-04-02 15:20"
    assert document.meta["keywords"] == "城市更新,老旧小区改造"  # the site's keywords are not the article's
    assert document.meta["description"].startswith("临江市人民政府决定")
