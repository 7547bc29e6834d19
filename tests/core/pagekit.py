"""Government-page templates for parser tests, written after the shapes of real CMS pages.

Each template takes an ``Article`` (title, metadata shown on the page, paragraphs) and
returns the page as bytes, with the chrome its real counterpart carries: navigation,
breadcrumbs, info strips, font-size and share widgets, sign-offs, related links,
footers, hidden mobile copies. Articles come from the corpus texts (parsed at test
time, never copied into the repository) or from the short invented one below.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass
class Article:
    """What a page shows.

    Attributes:
        title: The document's title.
        paragraphs: (style, text): style is "part", "section", "lead" (bold lead sentence
            up to the first 。), "center", "right" or "body".
        meta: Metadata the page shows, by the stable keys.
    """

    title: str
    paragraphs: list[tuple[str, str]]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [text for _style, text in self.paragraphs]


INVENTED = Article(
    "临江市人民政府关于进一步优化营商环境的若干措施",
    [
        ("body", "各区县人民政府，市政府各部门："),
        ("body", "为深入贯彻落实国家和省关于优化营商环境的决策部署，持续激发市场主体活力，现提出以下措施。"),
        ("part", "一、提升政务服务效能"),
        (
            "lead",
            "推行一件事一次办。围绕企业开办、项目审批等高频事项，实现一表申请、一窗受理、一次办结，办理时限压减百分之五十以上。",
        ),
        ("lead", "深化证照分离改革。对涉企经营许可事项实行清单管理，能取消的坚决取消，能合并的一律合并。"),
        ("part", "二、降低企业经营成本"),
        ("body", "落实各项减税降费政策，清理规范涉企收费，全年为市场主体减负不少于十二亿元。"),
        ("body", "加大融资支持力度，设立二十亿元应急转贷资金，普惠小微贷款增速不低于各项贷款平均增速。"),
        ("part", "三、强化要素保障"),
        ("body", "保障重点项目用地需求，推行标准地出让，工业用地供应中标准地比例达到百分之八十以上。"),
        ("body", "本措施自印发之日起施行，有效期三年。"),
        ("right", "临江市人民政府"),
        ("right", "2024年3月8日"),
    ],
    {
        "published": "2024-03-11 09:30",
        "source_org": "临江市人民政府办公室",
        "doc_no": "临政发〔2024〕5号",
        "index_no": "11330100002482041X/2024-00077",
        "issuer": "临江市人民政府",
        "written_date": "2024-03-08",
        "author": "临江市发展改革委",
    },
)

_NAV = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(12))
_RELATED = "".join(
    f'<li><a href="/art/{i}.html">关于做好第{i}批重点项目申报工作的通知</a><span>2024-0{1 + i % 9}-1{i % 9}</span></li>'
    for i in range(10)
)
_FOOTER = (
    '<div class="footer"><p>主办单位：临江市人民政府办公室　承办：临江市大数据中心</p>'
    "<p>网站标识码：3300000001　ICP备案号：浙ICP备00000001号　版权所有</p></div>"
)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _para(style: str, text: str, tag: str = "p", indent: str = 'style="text-indent:2em;"') -> str:
    if style in ("part", "section"):
        return f'<{tag} style="text-indent:2em;"><strong>{_e(text)}</strong></{tag}>'
    if style == "lead" and "。" in text:
        lead, rest = text.split("。", 1)
        return f"<{tag} {indent}><strong>{_e(lead)}。</strong>{_e(rest)}</{tag}>"
    if style == "center":
        return f'<{tag} style="text-align:center;">{_e(text)}</{tag}>'
    if style == "right":
        return f'<{tag} style="text-align:right;">{_e(text)}</{tag}>'
    return f"<{tag} {indent}>{_e(text)}</{tag}>"


def _body(article: Article, tag: str = "p") -> str:
    return "\n".join(_para(style, text, tag) for style, text in article.paragraphs)


def _head(article: Article, site: str, extra: str = "", window: str = "") -> str:
    window = window or f"{article.title}_{site}"
    return (
        f'<head><meta charset="utf-8"><title>{_e(window)}</title>'
        f'<meta name="keywords" content="{site},政府,政务公开"><meta name="description" content="{site}是政府门户网站">'
        f"{extra}<style>.hide{{display:none}}</style><script>var a = '<p>脚本里的文字</p>';</script></head>"
    )


def trs_portal(article: Article) -> bytes:
    """A provincial portal on TRS WCM: head tags, an h1, an info bar, the body in TRS_Editor > TRS_UEDITOR."""
    meta = article.meta
    head_tags = (
        f'<meta name="SiteName" content="临江省人民政府门户网站"><meta name="ArticleTitle" content="{_e(article.title)}">'
        f'<meta name="PubDate" content="{meta.get("published", "")}">'
        f'<meta name="ContentSource" content="{meta.get("source_org", "")}">'
        '<meta name="Keywords" content=""><meta name="Description" content="">'
    )
    return (
        "<!DOCTYPE html><html>" + _head(article, "临江省人民政府门户网站", head_tags) + "<body>"
        f'<div class="header"><ul class="nav">{_NAV}</ul></div>'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw/">政务公开</a> &gt; 政策文件</div>'
        '<div class="main"><div class="article">'
        f'<div class="detail-title"><h1>{_e(article.title)}</h1></div>'
        f'<div class="detail-info"><span>发布时间：{meta.get("published", "")}</span>'
        f"<span>来源：{meta.get('source_org', '')}</span>"
        '<span class="font">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>'
        '<span>浏览次数：<em id="hits"></em></span></div>'
        '<div class="TRS_Editor"><div class="TRS_UEDITOR trs_paper_default trs_web">' + _body(article) + "</div></div>"
        '<p class="editor">（责任编辑：王小明）</p>'
        '<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>'
        '<div class="print-close"><a href="javascript:print()">【打印本页】</a><a href="javascript:close()">【关闭窗口】</a></div>'
        "</div>"
        f'<div class="related"><h3>相关稿件</h3><ul>{_RELATED}</ul></div>'
        "</div>" + _FOOTER + "</body></html>"
    ).encode("utf-8")


def unknown_cms(article: Article) -> bytes:
    """A city site on a CMS no template knows: the body in an unknown wrapper, info strip and sign-off in it."""
    meta = article.meta
    return (
        "<html>" + _head(article, "临江市人民政府", window=f"{article.title} - 临江市人民政府") + "<body>"
        f'<div id="top"><div class="logo">临江市人民政府</div><div class="menu"><ul>{_NAV}</ul></div></div>'
        '<div class="wrap"><div class="left-col"><div class="box">'
        f'<div class="box-hd">最新文件</div><ul>{_RELATED}</ul></div></div>'
        '<div class="right-col"><div class="pos">您的位置：首页 &gt; 政策文件</div>'
        f'<div class="detail"><div class="d-title">{_e(article.title)}</div>'
        f'<div class="d-info">来源：{meta.get("source_org", "")}　发布时间：{meta.get("published", "")}　浏览次数：'
        '<span id="click">0</span></div>'
        '<div class="d-body">'
        f'<p class="bfont">来源：{meta.get("source_org", "")} 发布时间：{meta.get("published", "")} 浏览次数：</p>'
        + _body(article)
        + "<p>（编辑：李四　校对：赵六）</p><p>扫一扫在手机打开当前页</p>"
        "</div></div>"
        '<div class="prev-next"><p>上一篇：<a href="/a.html">关于开展安全生产大检查的通知</a></p>'
        '<p>下一篇：<a href="/b.html">关于做好春节期间有关工作的通知</a></p></div>'
        "</div></div>" + _FOOTER + "</body></html>"
    ).encode("utf-8")


def info_table_in_body(article: Article) -> bytes:
    """An information-disclosure page: a labelled table (索引号/分类/发文机关/…/文号) inside the body container."""
    meta = article.meta
    table = (
        '<table class="xxgk-table"><tbody>'
        f'<tr><td class="label">索 引 号：</td><td>{meta.get("index_no", "")}</td>'
        '<td class="label">分　　类：</td><td>综合政务；通知</td></tr>'
        f'<tr><td class="label">发文机关：</td><td>{meta.get("issuer", "")}</td>'
        f'<td class="label">成文日期：</td><td>{meta.get("written_date", "")}</td></tr>'
        f'<tr><td class="label">标　　题：</td><td colspan="3">{_e(article.title)}</td></tr>'
        f'<tr><td class="label">发文字号：</td><td>{meta.get("doc_no", "")}</td>'
        f'<td class="label">发布日期：</td><td>{meta.get("published", "")}</td></tr>'
        "</tbody></table>"
    )
    return (
        "<html>" + _head(article, "临江市人民政府") + "<body>"
        f'<div class="nav">{_NAV}</div><div class="container"><div class="content" id="content">'
        + table
        + f'<div class="title">{_e(article.title)}</div><div class="text">'
        + _body(article)
        + "</div></div></div>"
        + _FOOTER
        + "</body></html>"
    ).encode("utf-8")


def old_font_gbk(article: Article) -> bytes:
    """An older page: upper-case tags, the body as <P><FONT> lines indented with &nbsp;, GBK without a declaration."""
    lines = []
    for style, text in article.paragraphs:
        if style in ("part", "section"):
            lines.append(f"<P><FONT face=黑体 size=4><B>{_e(text)}</B></FONT></P>")
        elif style == "right":
            lines.append(f"<P align=right><FONT face=仿宋_GB2312 size=4>{_e(text)}</FONT></P>")
        else:
            lines.append(f"<P><FONT face=仿宋_GB2312 size=4>&nbsp;&nbsp;&nbsp;&nbsp;{_e(text)}</FONT></P>")
    page = (
        f"<HTML><HEAD><TITLE>{_e(article.title)}</TITLE></HEAD><BODY>"
        '<TABLE width=760 align=center><TR><TD><A href="/">首页</A> | <A href="/zw">政务</A></TD></TR></TABLE>'
        "<TABLE width=760 align=center><TR><TD align=center><FONT size=5><B>"
        + _e(article.title)
        + "</B></FONT></TD></TR>"
        f"<TR><TD align=center>发布日期：{article.meta.get('published', '')}</TD></TR>"
        "<TR><TD>" + "\n".join(lines) + "</TD></TR>"
        '<TR><TD align=center>【<A href="javascript:window.print()">打印</A>】【<A href="javascript:window.close()">关闭</A>】'
        "</TD></TR></TABLE></BODY></HTML>"
    )
    return page.encode("gb18030")


def mobile_copy(article: Article) -> bytes:
    """A responsive page that carries the article twice: for desktops, and for phones (hidden by CSS classes)."""
    body = _body(article)
    return (
        "<html>" + _head(article, "临江市人民政府") + "<body>"
        f'<div class="nav">{_NAV}</div><div class="page">'
        f'<div class="pc-article"><h2>{_e(article.title)}</h2>'
        f'<div class="info">发布日期：{article.meta.get("published", "")}</div>'
        f'<div class="art-text">{body}</div></div>'
        f'<div class="m-article visible-xs"><h3>{_e(article.title)}</h3><div class="m-text">{body}</div></div>'
        "</div>" + _FOOTER + "</body></html>"
    ).encode("utf-8")


def misfit_template(article: Article) -> bytes:
    """A page where a known template's markers sit on the wrong things: #zoom holds only the info strip."""
    meta = article.meta
    return (
        "<html>" + _head(article, "临江县人民政府") + "<body>"
        f'<div class="nav">{_NAV}</div>'
        f'<table><tr><td class="wzbt">{_e(article.title)}</td></tr></table>'
        f'<div id="zoom">来源：{meta.get("source_org", "")} 发布时间：{meta.get("published", "")} 浏览次数：</div>'
        f'<div class="mainbox"><div class="cont">{_body(article)}</div></div>' + _FOOTER + "</body></html>"
    ).encode("utf-8")


def markup_in_meta(article: Article) -> bytes:
    """Head tags that hold escaped markup, a <title> whose real title contains a dash, a gov.cn-style date bar."""
    window = f"{article.title}—政策文件_临江市人民政府"
    head_tags = (
        f'<meta name="ArticleTitle" content="&lt;div class=&quot;t&quot;&gt;{_e(article.title)}&lt;/div&gt;">'
        f'<meta name="PubDate" content="{article.meta.get("published", "")}">'
    )
    return (
        "<html>" + _head(article, "临江市人民政府", head_tags, window=window) + "<body>"
        f'<div class="BreadcrumbNav">首页 &gt; 政策 &gt; 文件</div><div class="article oneColumn">'
        f'<h1 id="ti">{_e(article.title)}</h1>'
        f'<div class="pages-date">{article.meta.get("published", "")}<span class="font">来源：'
        f"{article.meta.get('source_org', '')}</span></div>"
        f'<div class="pages_content" id="UCAP-CONTENT">{_body(article)}</div>'
        '<div class="editor">【我要纠错】 责任编辑：陈七</div></div>' + _FOOTER + "</body></html>"
    ).encode("utf-8")


def vsb_law(article: Article) -> bytes:
    """A university CMS (VSB): the text in form > #vsb_content > .v_news_content, divs for paragraphs."""
    return (
        "<html>" + _head(article, "临江大学法学院") + "<body>"
        f'<div class="head"><ul>{_NAV}</ul></div><div class="main-content">'
        '<form name="_newscontent_fromname"><div class="content-title">'
        f"<h3>{_e(article.title)}</h3><p>发布时间：{article.meta.get('published', '')}　作者："
        f"{article.meta.get('author', '')}　点击：[<script>document.write(12)</script>]</p></div>"
        '<div id="vsb_content"><div class="v_news_content">'
        + _body(article, tag="div")
        + "</div></div></form></div>"
        + _FOOTER
        + "</body></html>"
    ).encode("utf-8")


TEMPLATES = {
    "trs_portal": trs_portal,
    "unknown_cms": unknown_cms,
    "info_table_in_body": info_table_in_body,
    "old_font_gbk": old_font_gbk,
    "mobile_copy": mobile_copy,
    "misfit_template": misfit_template,
    "markup_in_meta": markup_in_meta,
    "vsb_law": vsb_law,
}
# What each template shows of the metadata (the test expects exactly these in the parse).
SHOWN = {
    "trs_portal": ("published", "source_org"),
    "unknown_cms": ("published", "source_org"),
    "info_table_in_body": ("index_no", "issuer", "written_date", "doc_no", "published"),
    "old_font_gbk": ("published",),
    "mobile_copy": ("published",),
    "misfit_template": ("published", "source_org"),
    "markup_in_meta": ("published", "source_org"),
    "vsb_law": ("published", "author"),
}
CHROME_WORDS = (
    "浏览次数",
    "责任编辑",
    "分享到",
    "扫一扫",
    "打印",
    "关闭窗口",
    "上一篇",
    "下一篇",
    "版权所有",
    "当前位置",
)
