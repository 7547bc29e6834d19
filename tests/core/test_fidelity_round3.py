"""Pages modelled on the patterns real sites still get wrong: hidden copies, rendered Angular pages,
label/value documents, pagers, suffixed and byline-glued titles, bare dates, a document's own contents."""

from __future__ import annotations

from reader.core.document import ParagraphKind
from reader.core.export import to_json
from reader.core.loader import parse_bytes

BODY = [
    "各区县人民政府，市政府各部门：",
    "为进一步规范行政执法行为，提高执法透明度，根据有关法律法规，结合本市实际，制定本办法。",
    "本办法所称行政执法公示，是指行政执法机关通过一定载体和方式，主动向社会公开执法信息的活动。",
    "各级行政执法机关应当建立健全执法公示制度，确保执法信息公开及时、准确、规范。",
    "本办法自印发之日起施行。",
]
CHROME = (
    "<div class='nav'><a href='/'>首页</a><a href='/zwgk'>政务公开</a><a href='/hdjl'>互动交流</a></div>"
    "<div class='footer'>主办单位：某某市人民政府办公室 网站标识码：3301000001 版权所有</div>"
)


def _parse(markup: str, name: str = "page.html"):
    return parse_bytes(markup.encode("utf-8"), name=name, source=name, source_key=name, kind="html")


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p style='text-indent:2em'>{text}</p>" for text in texts)


def test_an_article_in_an_unknown_wrapper_beside_a_hidden_mobile_copy():
    page = (
        "<html><head><title>关于行政执法公示的办法_某某市人民政府</title></head><body>"
        + CHROME
        + "<div class='m-article' style='display: none'><div class='TRS_UEDITOR'>"
        + _paragraphs(BODY)
        + "</div></div>"
        + "<div class='xx-detail-wrap'><div class='xx-hd'><h1>关于行政执法公示的办法</h1></div>"
        + "<div class='xx-bd'><div class='TRS_UEDITOR trs_paper_default'>"
        + _paragraphs(BODY)
        + "</div></div></div></body></html>"
    )
    document = _parse(page)
    assert document.title == "关于行政执法公示的办法"
    assert [p.text for p in document.paragraphs] == BODY


def test_a_rendered_angular_page_whose_body_is_a_label_value_table():
    rows = [
        ("行政处罚决定书文号", "某市监处罚〔2024〕12号"),
        ("案件名称", "某某商贸有限公司销售不合格产品案"),
        ("当事人名称", "某某商贸有限公司"),
        ("主要违法事实", "当事人于2023年5月至8月期间销售经抽检不合格的电线电缆，货值金额共计人民币三万二千元。"),
        ("处罚依据", "《中华人民共和国产品质量法》第四十九条"),
        ("处罚结果", "没收违法所得，并处罚款人民币六万四千元。"),
        ("作出处罚决定日期", "2024-01-15"),
    ]
    table = "".join(f"<tr><td class='label'>{label}</td><td>{value}</td></tr>" for label, value in rows)
    page = (
        "<html ng-app='site'><head><title>行政处罚信息公开表</title></head><body>"
        + CHROME
        + "<div class='mega-menu sr-only'><a>机构概况</a><a>政策文件</a><a>政务公开目录</a>"
        "<p>本网站所载内容仅供参考，如有出入请以正式文件为准。转载请注明出处，未经许可不得用于商业用途。</p></div>"
        + "<div class='disclaimer ng-hide'><p>免责声明：本网站发布的信息仅供参考，本网站对信息的准确性、完整性不作任何保证，"
        "使用者应自行核实，因使用本网站信息造成的任何损失本网站概不负责。</p></div>"
        + "<div ng-if='item.loading'><p>{{item.title}}</p><p>{{item.content}}</p></div>"
        + "<div class='detail'><h2 class='title'>行政处罚信息公开表</h2>"
        + f"<table class='detail-table'>{table}</table></div>"
        + "<div class='notice' aria-hidden='true'><p>温馨提示：为保障您的浏览体验，建议使用最新版本的浏览器访问本网站，"
        "部分旧版浏览器可能无法正常显示页面内容，敬请谅解。</p></div></body></html>"
    )
    document = _parse(page)
    assert document.title == "行政处罚信息公开表"
    cells = [p.cells for p in document.paragraphs if p.kind is ParagraphKind.TABLE]
    assert cells == rows
    body = "".join(p.text for p in document.paragraphs)
    assert "免责声明" not in body and "温馨提示" not in body and "{{" not in body and "仅供参考" not in body
    assert to_json(document)["paragraphs"][-1]["cells"] == ["作出处罚决定日期", "2024-01-15"]


def test_a_pager_is_not_the_last_paragraph_and_the_page_count_is_noted():
    pager = "<div class='page-nav'><p>[1] <a href='a_2.html'>[2]</a> <a href='a_3.html'>[3]</a> <a>[4]</a> <a>[5]</a> <a>[6]</a></p></div>"
    page = (
        "<html><head><title>关于行政执法公示的办法</title></head><body>"
        + CHROME
        + "<div class='article'><h1>关于行政执法公示的办法</h1><div class='content'>"
        + _paragraphs(BODY)
        + "<p style='text-align:center'>[1] <a href='a_2.html'>[2]</a> <a href='a_3.html'>[3]</a> [4] [5] [6]</p>"
        + "</div></div>"
        + pager
        + "</body></html>"
    )
    document = _parse(page)
    assert [p.text for p in document.paragraphs] == BODY
    assert any("1" in note and "6" in note for note in document.notes)


def test_a_column_suffix_after_a_dash_is_dropped_when_the_page_confirms_the_title():
    page = (
        "<html><head><title>中华人民共和国监察法-纪检</title></head><body>"
        + CHROME
        + "<div class='con'><p style='text-align:center'><strong>中华人民共和国监察法</strong></p>"
        + _paragraphs(["第一章 总则", *BODY[1:]])
        + "</div></body></html>"
    )
    assert _parse(page).title == "中华人民共和国监察法"
    unconfirmed = page.replace("<p style='text-align:center'><strong>中华人民共和国监察法</strong></p>", "")
    assert _parse(unconfirmed).title == "中华人民共和国监察法-纪检"  # nothing says the tail is not the title's


def test_a_byline_glued_to_the_title_goes_to_the_metadata():
    page = (
        "<html><head><title>某某座谈会</title></head><body>"
        + CHROME
        + "<div class='article'><div class='article-title'>习近平主持召开民营企业座谈会<span>来源：新华社</span>"
        "<span>作者：</span><span>2023-12-01</span><span>14:43</span></div><div class='content'>"
        + _paragraphs(BODY)
        + "</div></div></body></html>"
    )
    document = _parse(page)
    assert document.title == "习近平主持召开民营企业座谈会"
    assert document.meta["source_org"] == "新华社"
    assert document.meta["published"].startswith("2023-12-01")


def test_a_title_with_an_underscore_of_its_own_is_kept_whole():
    page = (
        "<html><head><title>关于2023_2024学年校历安排的通知_某某大学</title></head><body>"
        + CHROME
        + "<div class='main'><div class='content'>"
        + _paragraphs(["关于2023_2024学年校历安排的通知", *BODY[1:]])
        + "</div></div></body></html>"
    )
    assert _parse(page).title == "关于2023_2024学年校历安排的通知"


def test_a_bare_date_beside_the_title_is_the_publication_date():
    page = (
        "<html><head><title>关于行政执法公示的办法</title></head><body>"
        + CHROME
        + "<div class='article'><h1>关于行政执法公示的办法</h1><div class='time'>2005-08-16</div>"
        "<div class='content'>" + _paragraphs(BODY) + "</div></div></body></html>"
    )
    document = _parse(page)
    assert document.meta.get("published") == "2005-08-16"
    byline = page.replace("<div class='time'>2005-08-16</div>", "<div class='info'>发布时间：2018-05-17</div>")
    assert _parse(byline).meta.get("published") == "2018-05-17"


def test_a_documents_own_contents_is_not_a_second_outline():
    chapters = ["第一章 总则", "第二章 执法公示", "第三章 监督保障"]
    contents = ["目　　录", *chapters]
    text = [chapters[0], "第一条 " + BODY[1], chapters[1], "第二条 " + BODY[2], "第三条 " + BODY[3]]
    text += [chapters[2], "第四条 " + BODY[4]]
    page = (
        "<html><head><title>某某市行政执法公示办法</title></head><body>"
        + CHROME
        + "<div class='article'><h1>某某市行政执法公示办法</h1><div class='content'>"
        + "".join(f"<p style='text-align:center'>{line}</p>" for line in contents)
        + _paragraphs(text)
        + "</div></div></body></html>"
    )
    document = _parse(page)
    assert [node.title for node in document.outline] == ["第一章 总则", "第二章 执法公示", "第三章 监督保障"]
    first = document.outline[0]
    assert document.paragraph(first.paragraph).text == "第一章 总则"
    assert document.paragraph_index(first.paragraph) > 3  # the chapter in the text, not its contents entry
    # The contents stay in the text as a block of links to the chapters they name.
    entries = [p for p in document.paragraphs if p.kind is ParagraphKind.CONTENTS]
    assert [p.text for p in entries] == contents
    assert [document.paragraph(p.target).text for p in entries] == [chapters[0], *chapters]
    exported = [p for p in to_json(document)["paragraphs"] if p["kind"] == "contents"]
    assert [p["target"] for p in exported[1:]] == [node.paragraph for node in document.outline]


def test_contents_with_dot_leaders_and_page_numbers_link_to_headings_cut_short_or_not():
    entries = ["一、总体要求……………………………1", "二、主要任务 ·········· 3", "三、保障措施 7"]
    text = ["一、总体要求", BODY[1], "二、主要任务（2024—2026年）", BODY[2], "三、保障措施", BODY[3]]
    page = (
        "<html><head><title>某某市数字经济发展规划</title></head><body>"
        + CHROME
        + "<div class='article'><h1>某某市数字经济发展规划</h1><div class='content'>"
        + "<p>目录</p>"
        + "".join(f"<p>{line}</p>" for line in entries)
        + _paragraphs(text)
        + "</div></div></body></html>"
    )
    document = _parse(page)
    kinds = [(p.text, p.kind) for p in document.paragraphs]
    assert kinds[:4] == [("目录", ParagraphKind.CONTENTS)] + [(e, ParagraphKind.CONTENTS) for e in entries]
    targets = [document.paragraph(p.target).text for p in document.paragraphs[1:4]]
    assert targets == ["一、总体要求", "二、主要任务（2024—2026年）", "三、保障措施"]
    assert [n.title for n in document.outline] == ["一、总体要求", "二、主要任务（2024—2026年）", "三、保障措施"]
    # Two short lines that come back later are not a table of contents.
    two = page.replace(f"<p>{entries[2]}</p>", "")
    assert not [p for p in _parse(two).paragraphs if p.kind is ParagraphKind.CONTENTS]


def test_a_letter_spaced_title_and_chapters_before_numbered_items():
    text = ["第一章 总 则", "一、为规范国务院工作，制定本规则。", "二、国务院工作的指导思想是坚持以人民为中心。"]
    text += ["第二章 依法全面履行政府职能"] + [f"{n}、{BODY[1]}" for n in ("九", "十", "十一")]
    page = (
        "<html><head><title>国 务 院 工 作 规 则</title></head><body>"
        + CHROME
        + "<div class='article'><h1>国 务 院 工 作 规 则</h1><div class='content'>"
        + _paragraphs(text)
        + "</div></div></body></html>"
    )
    document = _parse(page)
    assert document.title == "国务院工作规则"
    assert [node.title for node in document.outline] == ["第一章 总则", "第二章 依法全面履行政府职能"]


def _article_page(number: int, total: int, texts: list[str]) -> bytes:
    links = " ".join(
        f"<a href='art_{n}.html'>[{n}]</a>"
        if n != number and n > 1
        else ("<a href='art.html'>[1]</a>" if n != number else f"[{n}]")
        for n in range(1, total + 1)
    )
    return (
        "<html><head><title>关于行政执法公示的办法</title></head><body>"
        + CHROME
        + "<div class='article'><h1>关于行政执法公示的办法</h1><div class='content'>"
        + _paragraphs(texts)
        + f"<p style='text-align:center'>{links}</p></div></div></body></html>"
    ).encode("utf-8")


def test_a_paginated_article_from_a_url_is_joined_in_order_with_its_page_breaks():
    import http.server
    import threading

    pages = {"/art.html": BODY[:2], "/art_2.html": BODY[2:4], "/art_3.html": BODY[4:]}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            texts = pages.get(self.path)
            body = (
                _article_page(int(self.path.split("_")[-1][0]) if "_" in self.path else 1, 3, texts) if texts else b""
            )
            self.send_response(200 if texts else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        from reader.core.loader import load_source

        document = load_source(f"http://127.0.0.1:{httpd.server_address[1]}/art.html")
    finally:
        httpd.shutdown()
    assert [p.text for p in document.paragraphs] == BODY
    assert [p.page for p in document.paragraphs] == [1, 1, 2, 2, 3]
    assert any("3 pages were joined" in note for note in document.notes)


def test_the_whole_report_read_aloud_skips_the_contents(tmp_path):
    from reader.core.loader import load_path
    from reader.core.speech.sentences import whole_document

    lines = ["# 某某规划", "目录", "一、总体要求 1", "二、主要任务 3", "三、保障措施 7"]
    lines += ["## 一、总体要求", BODY[1], "## 二、主要任务", BODY[2], "## 三、保障措施", BODY[3]]
    path = tmp_path / "plan.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    document = load_path(path)
    spoken = "".join(piece.text for piece in whole_document(document))
    assert spoken.count("总体要求") == 1 and "目录" not in spoken
