"""Page furniture at the edges of an article body, and what it tells about the document.

Bodies begin and end with the page's leftovers: an info strip (来源：… 发布时间：…
浏览次数：), 【打印】【关闭】, 扫一扫, share bars, 上一篇/下一篇, and sign-offs
（责任编辑：…）. They are taken off the edges (the information in them goes to the
metadata); image captions stay, marked as captions. Nothing is taken from the middle of
the text: a line there is the document's own.
"""

from __future__ import annotations

import re

from reader.core.formats.html_meta import date_in, is_info_line, label_pairs, pairs_to_meta
from reader.core.formats.raw import RawParagraph
from reader.core.text_utils import normalize_space

# Page buttons and widgets, as lines of their own.
_FURNITURE_RE = re.compile(
    r"^[【\[（(]?\s*("
    r"打印(本页|此页|文章)?|关闭(窗口|本页)?|收藏(本页)?|返回(顶部|首页|列表)?|顶部|"
    r"扫一扫(在手机(上)?(打开|查看|阅读)(当前页|本页)?)?|手机(扫码|查看|阅读)|"
    r"分享(到|至)?\s*[:：]?.*|(字体|字号)\s*[:：]?\s*[【\[（(]?\s*大\s*中\s*小\s*[】\]）)]?|[大中小](\s+[大中小]){2}|"
    r"(上|下)一(篇|条)\s*[:：].*|相关(链接|阅读|新闻|文章|稿件|附件)\s*[:：>》]?|"
    r"(本页|本站|网站)?(浏览|访问|阅读|点击)(次数|量)\s*[:：]?\s*\d*|【?\s*(打印|关闭)\s*】?\s*【?\s*(打印|关闭)\s*】?"
    r")\s*[】\]）)]?$"
)
# Sign-offs: who edited, checked or wrote the page.
_SIGN_OFF_RE = re.compile(
    r"^[（(\[【]?\s*(责任编辑|编辑|校对|审核|审校|审签|签发|编审|一审|二审|三审|终审|初审|复审|"
    r"文字|摄影|作者|记者|通讯员|撰稿|稿件来源|来源|信息来源|文章来源)\s*[:：].{0,40}[）)\]】]?$"
)
# Lines that say "this is a picture".
_CAPTION_RE = re.compile(r"^(图为|图：|图:|▲|△|（图|\(图)|[（(][^（）()]{1,20}摄(影)?[）)]$|摄影?[：:]\s*\S{2,12}$")
_CAPTION_LIMIT = 80
_SENTENCE_END = "。！？；"


def split_edges(paragraphs: list[RawParagraph]) -> tuple[list[RawParagraph], dict[str, str]]:
    """Take page furniture off the start and end of a body.

    Returns:
        The paragraphs left, and the metadata found in the info lines and sign-offs taken off.
    """
    meta: dict[str, str] = {}
    start, end = 0, len(paragraphs)
    while start < end and _is_edge_chrome(paragraphs[start], meta):
        start += 1
    while end > start and _is_edge_chrome(paragraphs[end - 1], meta, tail=True):
        end -= 1
    return paragraphs[start:end], meta


def _is_edge_chrome(paragraph: RawParagraph, meta: dict[str, str], tail: bool = False) -> bool:
    if paragraph.cells:
        return False
    text = normalize_space(paragraph.text)
    if not text or _FURNITURE_RE.match(text):
        return True
    if tail and _SIGN_OFF_RE.match(text):
        _take(text.strip("（）()[]【】"), meta)
        return True
    if is_info_line(text):
        _take(text, meta)
        return True
    return False


def _take(text: str, meta: dict[str, str]) -> None:
    """Put the metadata of an info line into ``meta`` (what is already known wins)."""
    pairs = label_pairs(text)
    for key, value in pairs_to_meta(pairs).items():
        meta.setdefault(key, value)
    if not any(key == "published" for key in meta) and date_in(text):
        meta["published"] = date_in(text)


def mark_captions(paragraphs: list[RawParagraph]) -> None:
    """Mark image captions: short lines beside or right after an image, or that name a photographer."""
    for paragraph in paragraphs:
        text = normalize_space(paragraph.text)
        if paragraph.cells or not text or len(text) > _CAPTION_LIMIT:
            continue
        if _CAPTION_RE.search(text) or (paragraph.near_image and (paragraph.centered or text[-1] not in _SENTENCE_END)):
            paragraph.hint = "caption"


_PAGER_TOKEN = (
    r"(?:\[\s*\d{1,3}\s*\]|(?<!\d)\d{1,3}(?!\d)|上一页|下一页|首页|尾页|末页|前一页|后一页|上页|下页"
    r"|第\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页|跳转|转到|GO|»|«|‹|›|…|<<|>>)"
)
_PAGER_RE = re.compile(rf"^\s*{_PAGER_TOKEN}(?:[\s,，|/、]*{_PAGER_TOKEN})+\s*$", re.IGNORECASE)


def drop_pagers(paragraphs: list[RawParagraph]) -> tuple[list[RawParagraph], tuple[int, int] | None]:
    """Remove an article's pager ("[1] [2] … [6]", "上一页 1 2 3 下一页") wherever it sits in the body.

    Returns:
        The paragraphs left, and (this page, pages in all) when a pager said so.
    """
    kept: list[RawParagraph] = []
    pages: tuple[int, int] | None = None
    for paragraph in paragraphs:
        text = paragraph.text
        if paragraph.cells or not _PAGER_RE.match(text):
            kept.append(paragraph)
            continue
        numbers = [int(n) for n in re.findall(r"\d+", text)]
        total = re.search(r"共\s*(\d+)\s*页", text)
        current = re.search(r"第\s*(\d+)\s*页", text)
        if len(numbers) < 2 and not (total or "页" in text):
            kept.append(paragraph)  # a lone number is text (a year, a count)
            continue
        last = int(total.group(1)) if total else max(numbers, default=0)
        if last > 1:
            pages = (int(current.group(1)) if current else 1, last)
    return kept, pages
